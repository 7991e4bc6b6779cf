#!/usr/bin/env bash
# Render resources/icons/reader.svg to the PNG sizes desktops ask for.  The PNGs
# are committed, so builds need no SVG renderer; run this after editing the SVG.
# Needs rsvg-convert (Debian: librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")/.."
for size in 16 24 32 48 64 128 256 512; do
    rsvg-convert -w "$size" -h "$size" resources/icons/reader.svg \
        -o "resources/icons/reader-$size.png"
done
ls -l resources/icons
