#!/usr/bin/env bash
# Rebuilds assets/fonts/NotoSans-LatinExtended.ttf: the letters egui's
# default font (Ubuntu Light) lacks that place names use — Vietnamese
# (Latin Extended Additional), Azerbaijani ə (IPA), transliterations with
# dots below — cut from Noto Sans Regular as Debian packages it, so the app
# embeds 140 KB rather than the 550 KB font.
#   tools/fonts/build-fallback-font.sh
# Needs: apt-get (download only), dpkg-deb, Python 3 with fonttools
# (pip install fonttools==4.68.0).
set -euo pipefail
cd "$(dirname "$0")/../.."
package=fonts-noto-core
version=20201225-1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download "$package=$version" >/dev/null)
dpkg-deb -x "$work/${package}_${version}_all.deb" "$work/x"
source_font="$work/x/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"
# Latin-1 to Latin Extended-B, IPA and spacing modifiers, combining
# diacritics, Latin Extended Additional, Latin Extended-C and -D.
pyftsubset "$source_font" \
  --unicodes="U+00A0-024F,U+0250-02FF,U+0300-036F,U+1E00-1EFF,U+2C60-2C7F,U+A720-A7FF" \
  --layout-features='*' --no-hinting \
  --output-file=assets/fonts/NotoSans-LatinExtended.ttf
cp "$work/x/usr/share/doc/$package/copyright" assets/fonts/NotoSans-LICENSE.txt
ls -l assets/fonts/
