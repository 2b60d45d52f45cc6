#!/usr/bin/env python3
"""How well the geoparser's confidence means what it says: every place it
predicts, by confidence band, with the share of them that are right (matched
to a gold place and resolved correctly, by ../shared/eval/score.py's own
rules); predictions over a gold metonym are left out, as the scorer does.
Issue 15's target: of the mentions with confidence >= 0.9, at least 90 % right.

    bench/calibration.py [CORPUS ...]     (default: seeds geowebnews)
    BIN=target/release/dispatch-atlas bench/calibration.py geowebnews

Needs the release binary (cargo build --release) and ../shared/eval.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "eval"))
sys.path.insert(0, EVAL)
import score  # noqa: E402  (the scorer's matching and resolution rules)

BANDS = [0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.01]


def judged(corpus, binary):
    """(confidence, right) for every prediction of the corpus's articles."""
    gold = score.load_gold(os.path.join(EVAL, corpus, "gold.json"), os.path.join(EVAL, corpus, "articles"))
    preds, _ = score.run_command(f"{binary} geoparse --json", gold)
    out = []
    for art in gold:
        places = preds.get(art["file"], ([], []))[0]
        pairs = dict((pi, gi) for gi, pi in score.greedy_match(art.get("places", []), places))
        neutral = art.get("metonyms", [])
        for pi, p in enumerate(places):
            confidence = p.get("confidence")
            if not isinstance(confidence, (int, float)):
                continue
            if pi in pairs:
                right, _ = score.resolve_pair(art["places"][pairs[pi]], p)
            elif any(score.overlap(p, m) > 0 for m in neutral):
                continue
            else:
                right = False
            out.append((float(confidence), bool(right)))
    return out


def main():
    corpora = sys.argv[1:] or ["seeds", "geowebnews"]
    binary = os.environ.get("BIN", os.path.join(HERE, "..", "target", "release", "dispatch-atlas"))
    for corpus in corpora:
        rows = judged(corpus, binary)
        print(f"{corpus}: {len(rows)} predictions")
        print("  confidence     n   right")
        for lo, hi in zip(BANDS, BANDS[1:]):
            band = [r for c, r in rows if lo <= c < hi]
            if band:
                print(f"  {lo:.2f}-{min(hi, 1.0):.2f} {len(band):6d}  {sum(band) / len(band):6.1%}")
        high = [r for c, r in rows if c >= 0.9]
        if high:
            share = sum(high) / len(high)
            verdict = "meets" if share >= 0.9 else "misses"
            print(f"  >= 0.90: {len(high)} predictions, {share:.1%} right ({verdict} the 90 % target)")


if __name__ == "__main__":
    main()
