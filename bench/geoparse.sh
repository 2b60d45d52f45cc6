#!/usr/bin/env bash
# Times the text analysis, places and figures together (`dispatch-atlas
# geoparse --json`, one core), beside two Python geoparsers from PyPI on the
# same article files, in one run:
#   flashgeotext: a keyword matcher (flashtext) over GeoNames' cities and
#                 countries, with no context rules, no disambiguation and no
#                 figures;
#   geotext:      a regular expression for capitalised words, looked up in
#                 GeoNames' cities of 15,000 people or more.
# They find far less than we do (no villages, regions, zones, facilities, or
# numbers); they are here to show what a text costs a plain lookup.
#
# Ours is the whole process less the same process on a file of one full stop (the
# gazetteer's load), so it counts reading the files and writing the JSON.
# The peers' is the extraction alone, their lists loaded before the clock
# starts. Each is timed RUNS times (default 3); the best run counts.
#
#   python3 -m venv .venv-peers && .venv-peers/bin/pip install flashgeotext geotext
#   PEERS_PYTHON=.venv-peers/bin/python bench/geoparse.sh [DIR]
#
# DIR: a folder of text files (e.g. ../shared/eval/geowebnews/articles, world
# news); by default N=2000 synthetic Sahel reports from bench/make-corpus.py.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
python=${PEERS_PYTHON:-python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dir=${1:-}
if [ -z "$dir" ]; then
  dir="$work/articles"
  python3 bench/make-corpus.py "${N:-2000}" "$dir" >/dev/null
fi
"$python" -c 'import flashgeotext, geotext' 2>/dev/null \
  || { echo "the peers are missing: $python -m pip install flashgeotext geotext" >&2; exit 1; }
cargo build --release --quiet
bin=target/release/dispatch-atlas
files=("$dir"/*)
bytes=$(cat "${files[@]}" | wc -c)
# The list is read several times over, to at least 20 MB, so that a run
# lasts long enough to time beside the gazetteer's load.
repeat=$(( (20000000 + bytes - 1) / bytes ))
listed=()
for _ in $(seq "$repeat"); do listed+=("${files[@]}"); done
bytes=$(( bytes * repeat ))
echo "." > "$work/empty.txt"
echo "${#files[@]} files from $dir, read $repeat times: $bytes bytes; best of $runs runs" >&2

calc() { python3 -c "print($1)"; }
seconds() { # the best wall time of `"$@"` over the runs, in seconds
  for _ in $(seq "$runs"); do
    start=$(date +%s.%N)
    "$@" > /dev/null
    end=$(date +%s.%N)
    calc "$end - $start"
  done | sort -n | head -1
}
all=$(seconds "$bin" geoparse --json "${listed[@]}")
load=$(seconds "$bin" geoparse --json "$work/empty.txt")
whole=$(calc "$all - $load")
# The analysis alone, as the app runs it on each article: the command's own
# clock around places and figures (--timing), the best of the runs.
ours=$(for _ in $(seq "$runs"); do
  "$bin" geoparse --json --timing "${listed[@]}" 2>&1 >/dev/null \
    | sed -n 's/^analysed [0-9]* bytes in \([0-9.]*\) ms.*/\1/p'
done | sort -n | head -1)
ours=$(calc "$ours / 1000")
places=$("$bin" geoparse --json "${files[@]}" | python3 -c '
import json, sys
rows = [json.loads(line) for line in sys.stdin]
print(sum(len(r["places"]) for r in rows), sum(len(r["figures"]) for r in rows))')

"$python" - "$runs" "$repeat" "${files[@]}" > "$work/peers" <<'PY'
import sys, time, logging
logging.disable(logging.CRITICAL)
from flashgeotext.geotext import GeoText as FlashGeoText
from geotext import GeoText
runs, repeat, paths = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
texts = [open(p, encoding="utf-8", errors="replace").read() for p in paths] * repeat
flash = FlashGeoText()
def best(extract):
    times, found = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        found = sum(extract(t) for t in texts)
        times.append(time.perf_counter() - start)
    return min(times), found
def flash_count(text):
    found = flash.extract(text, span_info=True)
    return sum(v["count"] for kind in found.values() for v in kind.values())
def geotext_count(text):
    found = GeoText(text)
    return len(found.cities) + len(found.countries)
for name, extract in (("flashgeotext", flash_count), ("geotext", geotext_count)):
    seconds, found = best(extract)
    print(name, seconds, found)
PY

mb=$(calc "$bytes / 1e6")
row() { printf '%-22s %7.1f MB/s  %7.3f s  %s\n' "$1" "$(calc "$mb / $2")" "$2" "$3"; }
row "dispatch-atlas" "$ours" \
  "places and figures: $(echo "$places" | cut -d' ' -f1) places, $(echo "$places" | cut -d' ' -f2) figures in one reading"
row "  whole process" "$whole" \
  "reading the files and writing the JSON too (the gazetteer's load, $(printf '%.3f' "$load") s, not counted)"
while read -r name secs found; do
  row "$name" "$secs" "places only: $(( found / repeat )) names in one reading"
done < "$work/peers"
