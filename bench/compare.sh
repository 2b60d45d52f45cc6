#!/usr/bin/env bash
# Times Dispatch Atlas beside GDAL and Python on the same GeoJSON file, in
# one run, and prints the ratios issue 5 sets targets for:
#   load:     dispatch-atlas stats (read, check, levels of detail, tessellation,
#             indexes) vs `ogr2ogr -f FlatGeobuf` (Debian gdal-bin) and
#             Python `pyogrio.read_dataframe`;
#   hit-test: 100,000 random cursors over the whole-world view, ours (one pick
#             per cursor, as hovering does) vs shapely's
#             `STRtree.query(points, predicate="intersects")`;
#   frames:   our CPU time per frame (paint list and egui tessellation) over
#             300 scripted pan/zoom frames at 1920×1080 (no peer measures this);
#   memory:   our peak resident memory vs 3× the file's coordinate bytes plus
#             its indexes (picking edges, triangle indices), for the whole
#             process and above the same process opening an empty file.
# Each load is timed RUNS times (default 3); the best run counts.
#
#   bench/fetch-world.sh            # once: the world's admin-1 regions
#   pip install pyogrio shapely     # once: the Python peers
#   bench/compare.sh [FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:-bench/data/admin1-world.geojson}
runs=${RUNS:-3}
[ -f "$file" ] || bench/fetch-world.sh
command -v ogr2ogr >/dev/null || { echo "ogr2ogr missing: apt-get install gdal-bin" >&2; exit 1; }
python3 -c 'import pyogrio, shapely' 2>/dev/null \
  || { echo "pyogrio/shapely missing: pip install pyogrio shapely" >&2; exit 1; }
cargo build --release --quiet
bin=target/release/dispatch-atlas
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

best_ms() { sort -n | head -1; }

echo "file: $file ($(wc -c < "$file") bytes), best of $runs runs" >&2
for _ in $(seq "$runs"); do
  "$bin" stats --json "$file" > "$work/load.json"
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["files"][0]["total_ms"])' "$work/load.json"
done | best_ms > "$work/ours"
for _ in $(seq "$runs"); do
  rm -f "$work/out.fgb"
  start=$(date +%s%N)
  ogr2ogr -f FlatGeobuf "$work/out.fgb" "$file" 2>/dev/null
  echo $(( ($(date +%s%N) - start) / 1000000 ))
done | best_ms > "$work/ogr"
"$bin" stats --json --picks 100000 --frames 300 "$file" > "$work/ours.json"
# Memory without the GPU scene (built when a layer arrives if the app has
# OpenGL; a GPU holds it in its own memory, Mesa's software one in ours).
"$bin" stats --json --no-gpu "$file" > "$work/load-cpu.json"
# The app's own memory (embedded atlas, code, threads): an empty collection.
echo '{"type": "FeatureCollection", "features": []}' > "$work/empty.geojson"
"$bin" stats --json "$work/empty.geojson" > "$work/empty.json"
"$bin" stats --json --no-gpu "$work/empty.geojson" > "$work/empty-cpu.json"
# The same frames zooming into Brussels, among Europe's dense regions.
"$bin" stats --json --frames 300 --zoom-to 4.35,50.85 "$file" > "$work/europe.json"

python3 - "$file" "$runs" "$work" <<'PY'
import json, math, subprocess, sys, time
import numpy as np, pyogrio, shapely

path, runs, work = sys.argv[1], int(sys.argv[2]), sys.argv[3]
times = []
for _ in range(runs):
    start = time.perf_counter()
    frame = pyogrio.read_dataframe(path)
    times.append((time.perf_counter() - start) * 1e3)
pyogrio_ms = min(times)

# The same cursors as ours: uniform over a 1920×1080 Web Mercator view of
# longitudes -180..180 and latitudes -60..80 (uniform in screen space).
def world_y(lat):
    lat = math.radians(lat)
    return 0.5 - math.log(math.tan(lat) + 1 / math.cos(lat)) / (2 * math.pi)
rng = np.random.default_rng(7)
n = 100_000
lon = rng.uniform(-180, 180, n)
wy = rng.uniform(world_y(80), world_y(-60), n)
lat = np.degrees(np.arctan(np.sinh(math.pi * (1 - 2 * wy))))
points = shapely.points(lon, lat)
start = time.perf_counter()
tree = shapely.STRtree(frame.geometry.values)
build_ms = (time.perf_counter() - start) * 1e3
start = time.perf_counter()
hits = tree.query(points, predicate="intersects")
query_us = (time.perf_counter() - start) * 1e6 / n

ours = json.load(open(f"{work}/ours.json"))
ours_ms = float(open(f"{work}/ours").read())
ogr_ms = float(open(f"{work}/ogr").read())
f = ours["files"][0]
picks, frames = ours["picks_us"], ours["frames_ms"]
# Memory of opening the file (the run with frames also holds egui's buffers).
peak = json.load(open(f"{work}/load.json"))["peak_memory_bytes"] or 0
indexes = f["outline_bytes"] + f["triangle_index_bytes"]
limit = 3 * f["coordinate_bytes"] + indexes
peak_of = lambda name: json.load(open(f"{work}/{name}.json"))["peak_memory_bytes"] or 0

def row(name, value, target):
    print(f"  {name:<52} {value:<34} {target}")
ogr = subprocess.run(["ogr2ogr", "--version"], capture_output=True, text=True).stdout.strip()
print(f"Dispatch Atlas vs {ogr}, pyogrio {pyogrio.__version__} (GDAL {pyogrio.__gdal_version_string__}) and shapely {shapely.__version__}")
print(f"  on {path}")
print(f"  ({f['features']} features, {f['vertices']} vertices)")
row("load: ours (stats total, best run)", f"{ours_ms:.0f} ms", "")
row("load: ogr2ogr -f FlatGeobuf (best run)", f"{ogr_ms:.0f} ms  → ours {ogr_ms / ours_ms:.2f}× faster", "target ≥ 2×")
row("load: pyogrio.read_dataframe (best run)", f"{pyogrio_ms:.0f} ms  → ours {pyogrio_ms / ours_ms:.2f}× faster", "target ≥ 3×")
row("hit-test: ours, per cursor (mean / p99)", f"{picks['mean']:.2f} / {picks['p99']:.2f} µs", "target p99 ≤ 20 µs")
row("hit-test: shapely STRtree.query intersects (mean)", f"{query_us:.2f} µs  → ours {query_us / picks['mean']:.2f}× faster", f"(+ {build_ms:.0f} ms to build the tree)")
row("frame CPU at 1920×1080, into Ménaka (p50 / p99 / max)", f"{frames['p50']:.2f} / {frames['p99']:.2f} / {frames['max']:.2f} ms", "target p99 ≤ 8 ms")
europe = json.load(open(f"{work}/europe.json"))["frames_ms"]
row("frame CPU at 1920×1080, into Brussels", f"{europe['p50']:.2f} / {europe['p99']:.2f} / {europe['max']:.2f} ms", "target p99 ≤ 8 ms")
row("memory budget: 3× coordinates + indexes", f"3 × {f['coordinate_bytes'] / 1e6:.1f} + {indexes / 1e6:.1f} = {limit / 1e6:.0f} MB", "(picking edges, triangle indices)")
app = peak_of("empty")
row("peak memory opening the file: whole process", f"{peak / 1e6:.0f} MB ({peak / limit:.2f}× the budget)", "target ≤ 1×")
row("  above the app with an empty file", f"{(peak - app) / 1e6:.0f} MB ({(peak - app) / limit:.2f}×; the app alone {app / 1e6:.0f} MB)", "target ≤ 1×")
cpu_peak, cpu_app = peak_of("load-cpu"), peak_of("empty-cpu")
scene = json.load(open(f"{work}/load.json")).get("gpu_scene") or {}
row("  without the GPU scene: whole / above the app", f"{cpu_peak / 1e6:.0f} MB ({cpu_peak / limit:.2f}×) / {(cpu_peak - cpu_app) / 1e6:.0f} MB ({(cpu_peak - cpu_app) / limit:.2f}×)", "")
row("  GPU scene, all tiers / most held at once", f"{scene.get('bytes', 0) / 1e6:.0f} MB / {scene.get('most_held_bytes', 0) / 1e6:.0f} MB", "")
PY
