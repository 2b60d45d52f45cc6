#!/usr/bin/env bash
# How long the app takes from start to its first frame on the default Sahel
# atlas, in a real window under Xvfb (Mesa's software GL), RUNS times
# (default 5): prints each run and the median. Issue 5's target: ≤ 300 ms.
#   bench/first-frame.sh [BINARY]
# Needs: xvfb and Mesa's GL (libgl1-mesa-dri), as scripts/xvfb-smoke.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/dispatch-atlas}
runs=${RUNS:-5}
[ -x "$bin" ] || cargo build --release --quiet
. scripts/xvfb.sh
start_xvfb 1400x900x24
# A fresh data folder each run: no saved camera, layers or articles.
for i in $(seq "$runs"); do
  export XDG_DATA_HOME="$scratch/data$i" XDG_CONFIG_HOME="$scratch/config$i" HOME="$scratch/home$i"
  timeout 30 "$bin" --startup-timing 2>&1 | sed -n 's/^first frame shown \([0-9.]*\) ms.*/\1/p'
done | tee "$scratch/times" | sed 's/^/run: /; s/$/ ms/'
sort -n "$scratch/times" | awk '{ t[NR] = $1 } END { if (NR) printf "median: %s ms over %d runs (target ≤ 300 ms)\n", t[int((NR + 1) / 2)], NR }'
