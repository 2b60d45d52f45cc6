#!/usr/bin/env bash
# Opens the app in a real window under Xvfb, checks that the window appears and
# stays up, and saves a screenshot. Usage: scripts/xvfb-smoke.sh [BINARY] [PNG]
# Needs: xvfb, xdotool, imagemagick (import), Mesa's GL (libgl1-mesa-dri).
set -euo pipefail
bin=${1:-target/release/dispatch-atlas}
png=${2:-target/xvfb-smoke.png}
[ -x "$bin" ] || { echo "xvfb-smoke: no executable at $bin (build it first: cargo build --release, or cargo build for target/debug)" >&2; exit 1; }

. "$(dirname "$0")/xvfb.sh"
start_xvfb 1400x900x24
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  stop_xvfb
}
trap cleanup EXIT
# A fresh data directory: the run must not depend on a previous session's state.
export XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config"

"$bin" >"$scratch/app.log" 2>&1 &
app_pid=$!
window=""
for _ in $(seq 1 60); do
  if ! kill -0 "$app_pid" 2>/dev/null; then
    echo "xvfb-smoke: the app exited before showing a window:" >&2
    cat "$scratch/app.log" >&2
    exit 1
  fi
  window=$(xdotool search --name '^Dispatch Atlas$' 2>/dev/null | head -n1 || true)
  [ -n "$window" ] && break
  sleep 0.5
done
[ -n "$window" ] || { echo "xvfb-smoke: no 'Dispatch Atlas' window after 30 s" >&2; cat "$scratch/app.log" >&2; exit 1; }
xdotool mousemove 1395 895 # off the window, so no hover tooltip in the picture
sleep 3 # let it draw a few frames
kill -0 "$app_pid" 2>/dev/null || { echo "xvfb-smoke: the app died after opening its window" >&2; cat "$scratch/app.log" >&2; exit 1; }
mkdir -p "$(dirname "$png")"
import -window "$window" "$png"
# The Sahel view is drawn from the map's GPU buffers (a paint callback):
# the shaders must have compiled on Mesa, and the fills must be on screen
# (Mali, Niger and Burkina Faso in FOCUS_FILL, #FBF0D4, over a large area).
if grep -q "without the GPU path" "$scratch/app.log"; then
  echo "xvfb-smoke: the map fell back from the GPU path:" >&2
  cat "$scratch/app.log" >&2
  exit 1
fi
focus_pixels=$(convert "$png" -format %c histogram:info:- | awk '/#FBF0D4/ { print $1 + 0 }')
if [ "${focus_pixels:-0}" -lt 50000 ]; then
  echo "xvfb-smoke: the focus countries' fill covers ${focus_pixels:-0} pixels (expected ≥ 50000)" >&2
  exit 1
fi
echo "xvfb-smoke: window 'Dispatch Atlas' opened and stayed up, the map drawn by the GPU path ($focus_pixels px of focus fill); screenshot in $png"
