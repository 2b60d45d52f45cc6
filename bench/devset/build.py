#!/usr/bin/env python3
"""Builds a set of Sahel news-style reports written for the project (English
and French), in ../shared/eval's format, from annotated sources in DIR/src/
(DIR: this folder, or the one given, e.g. bench/heldout): `[[words|id]]`
marks a place (id: a gazetteer id of data/gazetteer.tsv.gz; `|macro` for
macro-regions), `{{words|type}}` a neutral span (an organisation named after
a place). Coordinates, names and countries come from the gazetteer
(GeoNames, Natural Earth, UN M49), a zone's point from the app's atlas; none
is typed by hand.

A place the gazetteer lacks (a village under GeoNames' 1,000-person floor,
one of Burkina Faso's 13 regions) is written with the entry whose point
stands for it, and is marked `approx`:
  `near:ID`           a town named as written, at ID's point, in ID's country;
  `region:CC:Name@ID` a first-level region of country CC (scored by name);
  `other:Name@ID`     a lake or the like (with `|macro`: scored by name).

    bench/devset/build.py [DIR]      # writes DIR/articles/ and DIR/gold.json
    cd ../shared/eval && python3 score.py --gold ../../main/bench/devset/gold.json \\
        --articles ../../main/bench/devset/articles --cmd '.../dispatch-atlas geoparse --json'
"""
import gzip
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
SET = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else HERE
MARK = re.compile(r"\[\[([^|\]]+)\|([^|\]]+)(?:\|(macro))?\]\]|\{\{([^|}]+)\|([^|}]+)\}\}")
KINDS = {"country": "country", "region": "region", "city": "city", "zone": "zone",
         "continent": "region", "physical": "other", "sea": "other"}


def gazetteer():
    entries = {}
    with gzip.open(os.path.join(ROOT, "data", "gazetteer.tsv.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            kind, gid, name, country, lat, lon, _pop = line.rstrip("\n").split("\t")
            entries[gid] = (kind, name, country or None,
                            float(lat) if lat else None, float(lon) if lon else None)
    return entries


def zone_point(words, binary):
    """A zone's point as the app places it (the centroid of its outline)."""
    text = f"Fighting in the {words}."
    out = subprocess.run([binary, "geoparse", "--json", "/dev/stdin"], input=text,
                         capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        for p in json.loads(line).get("places", []):
            if p.get("kind") == "zone":
                return p["lat"], p["lon"]
    sys.exit(f"no zone found in {text!r}")


def gold_place(file, words, mark, entries, binary):
    """The gold fields of one place mark (see the module's doc)."""
    def entry(gid):
        if gid not in entries:
            sys.exit(f"{file}: unknown gazetteer id {gid}")
        return entries[gid]
    if mark.startswith("near:"):
        _, _, country, lat, lon = entry(mark[5:])
        return {"name": words, "country": country, "lat": lat, "lon": lon, "kind": "city",
                "gazetteer": None, "approx": True, "note": f"not in the gazetteer: at {mark[5:]}"}
    if mark.startswith("region:"):
        country, rest = mark[7:].split(":", 1)
        rname, gid = rest.split("@")
        _, _, _, lat, lon = entry(gid)
        return {"name": rname, "country": country, "lat": lat, "lon": lon, "kind": "region",
                "gazetteer": None, "approx": True, "note": f"not in the gazetteer: at {gid}"}
    if mark.startswith("other:"):
        oname, gid = mark[6:].split("@")
        _, _, _, lat, lon = entry(gid)
        return {"name": oname, "country": None, "lat": lat, "lon": lon, "kind": "other",
                "gazetteer": None, "approx": True, "note": f"not in the gazetteer: at {gid}"}
    kind, ename, country, lat, lon = entry(mark)
    if kind == "zone":
        lat, lon = zone_point(words, binary)
    return {"name": ename, "country": country, "lat": lat, "lon": lon,
            "kind": KINDS[kind], "gazetteer": mark}


def main():
    binary = os.environ.get("BIN", os.path.join(ROOT, "target", "release", "dispatch-atlas"))
    entries = gazetteer()
    os.makedirs(os.path.join(SET, "articles"), exist_ok=True)
    gold = []
    for name in sorted(os.listdir(os.path.join(SET, "src"))):
        source = open(os.path.join(SET, "src", name), encoding="utf-8").read()
        header, marked = source.split("\n\n", 1)
        meta = dict(line.split(": ", 1) for line in header.splitlines())
        body, places, neutral, at = "", [], [], 0
        for m in MARK.finditer(marked):
            body += marked[at:m.start()]
            start = len(body)
            words = m.group(1) or m.group(4)
            body += words
            span = {"surface": words, "start": start, "end": len(body)}
            if m.group(4):
                neutral.append({**span, "type": m.group(5)})
            else:
                place = gold_place(name, words, m.group(2), entries, binary)
                place = {**span, **place}
                if m.group(3):
                    place["macro"] = True
                    place["names"] = sorted({place["name"], words})
                places.append(place)
            at = m.end()
        body += marked[at:]
        file_header = "".join(f"{k}: {meta.get(k, 'unknown')}\n"
                              for k in ("url", "language", "title", "date"))
        file_text = file_header + "excerpt: complete\n\n" + body
        with open(os.path.join(SET, "articles", name), "w", encoding="utf-8") as f:
            f.write(file_text)
        gold.append({"file": name, "url": "unknown", "language": meta["language"],
                     "body_offset_in_file": len(file_text) - len(body),
                     "figures_annotated": False, "places": places,
                     "metonyms": neutral, "figures": []})
    with open(os.path.join(SET, "gold.json"), "w", encoding="utf-8") as f:
        json.dump(gold, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"{len(gold)} articles, {sum(len(a['places']) for a in gold)} places", file=sys.stderr)


if __name__ == "__main__":
    main()
