# Sourced by the bench scripts that run the app in a real window:
#   start_xvfb SCREEN   (e.g. 1920x1200x24)
# makes a scratch folder ($scratch), starts Xvfb on a free display, exports
# DISPLAY, and removes both when the script exits.
start_xvfb() {
  scratch=$(mktemp -d)
  Xvfb -displayfd 3 -screen 0 "$1" -nolisten tcp 3>"$scratch/display" >/dev/null 2>&1 &
  xvfb_pid=$!
  trap 'kill "$xvfb_pid" 2>/dev/null || true; rm -rf "$scratch"' EXIT
  for _ in $(seq 1 100); do
    [ -s "$scratch/display" ] && break
    sleep 0.1
  done
  [ -s "$scratch/display" ] || { echo "Xvfb did not start within 10 s" >&2; exit 1; }
  export DISPLAY=":$(head -n1 "$scratch/display")"
}
