#!/usr/bin/env bash
# The whole frame in a real window: the frame bench's 300 scripted pan/zoom
# frames (the whole world, into the Sahel, out again) over FILE, in a
# 1920×1080 window under Xvfb, timed from frame to frame, so the GPU's work
# (Mesa's software rasteriser here: the GPU is the CPU) and the swap count
# too. Runs with the map's GPU buffers, then with every view as egui meshes.
#   bench/window-frames.sh [FILE] [BINARY]
# Needs: xvfb and Mesa's GL (libgl1-mesa-dri), as scripts/xvfb-smoke.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:-bench/data/admin1-world.geojson}
bin=${2:-target/release/dispatch-atlas}
frames=${FRAMES:-300}
[ -f "$file" ] || bench/fetch-world.sh
[ -x "$bin" ] || cargo build --release --quiet
. scripts/xvfb.sh
start_xvfb 1920x1200x24
for mode in gpu no-gpu; do
  # A fresh data folder: no saved camera, layers or articles.
  export XDG_DATA_HOME="$scratch/data-$mode" XDG_CONFIG_HOME="$scratch/config-$mode" HOME="$scratch/home-$mode"
  flag=()
  [ "$mode" = no-gpu ] && flag=(--no-gpu)
  printf '%-7s ' "$mode"
  timeout 300 "$bin" --scripted-frames "$frames" "${flag[@]}" "$file" | grep '^window frames' || echo "no result"
done
