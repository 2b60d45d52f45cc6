# Sourced by the scripts that run the app in a real window:
#   start_xvfb SCREEN   (e.g. 1920x1200x24)
# makes a scratch folder ($scratch), starts Xvfb on a free display, exports
# DISPLAY, and (through stop_xvfb) removes both when the script exits. A
# script with more to clean up sets its own EXIT trap and calls stop_xvfb.
#
# Xvfb picks a free display itself and writes its number once it accepts
# connections (a guessed number can collide with another server or a stale
# lock, and a fixed sleep can be too short on a busy machine).
start_xvfb() {
  scratch=$(mktemp -d)
  Xvfb -displayfd 3 -screen 0 "$1" -nolisten tcp 3>"$scratch/display" >/dev/null 2>&1 &
  xvfb_pid=$!
  trap stop_xvfb EXIT
  for _ in $(seq 1 100); do
    [ -s "$scratch/display" ] && break
    sleep 0.1
  done
  [ -s "$scratch/display" ] || { echo "Xvfb did not start within 10 s" >&2; exit 1; }
  export DISPLAY=":$(head -n1 "$scratch/display")"
}

stop_xvfb() {
  kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$scratch"
}
