#!/usr/bin/env bash
# Reader-view extraction throughput, beside a peer, in one run:
#   us:   `dispatch-atlas read --json` (dom_smoothie, metadata, encodings)
#   peer: readability-lxml (Python, the classic port of Readability), if
#         `python3 -m venv` and PyPI are available; skipped otherwise.
# Pages from bench/make-pages.py (N, default 300; ~250 KB each, the weight of
# real saved news pages). One process each over all pages; wall time.
#   bench/reader.sh [BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/dispatch-atlas}
n=${N:-300}
[ -x "$bin" ] || cargo build --release --quiet
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
python3 bench/make-pages.py "$n" "$scratch/pages"
bytes=$(du -sb "$scratch/pages" | cut -f1)
echo "$n pages, $((bytes / 1024 / 1024)) MB"

start=$(date +%s.%N)
"$bin" read --json "$scratch"/pages/*.html > "$scratch/us.jsonl"
end=$(date +%s.%N)
python3 - "$start" "$end" "$n" "$bytes" "$scratch/us.jsonl" <<'PY'
import json, sys
start, end, n, size, path = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
lines = [json.loads(l) for l in open(path)]
words = sum(len(l["text"].split()) for l in lines)
t = end - start
print(f"dispatch-atlas read: {t:.2f} s, {n / t:.0f} pages/s, {size / t / 1e6:.1f} MB/s; "
      f"{sum(1 for l in lines if l['title'])} titles, {sum(1 for l in lines if l['date'])} dates, {words / n:.0f} words/page")
PY

venv="$scratch/venv"
if python3 -m venv "$venv" >/dev/null 2>&1 && "$venv/bin/pip" install -q readability-lxml >/dev/null 2>&1; then
  "$venv/bin/python" - "$scratch/pages" <<'PY'
import pathlib, sys, time
from readability import Document
import lxml.html
pages = sorted(pathlib.Path(sys.argv[1]).glob("*.html"))
size = sum(p.stat().st_size for p in pages)
start = time.time()
words = 0
for p in pages:
    doc = Document(p.read_text(encoding="utf-8"))
    words += len(lxml.html.fromstring(doc.summary()).text_content().split())
    doc.title()
t = time.time() - start
print(f"readability-lxml (peer): {t:.2f} s, {len(pages) / t:.0f} pages/s, {size / t / 1e6:.1f} MB/s; {words / len(pages):.0f} words/page")
PY
else
  echo "readability-lxml (peer): skipped (no venv or no PyPI)"
fi
