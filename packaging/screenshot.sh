#!/usr/bin/env bash
# Screenshot of the built bundle's window under Xvfb (a real X server, so the xcb
# plugin, the icon and the fonts are the ones a desktop would use), into
# docs/screenshot-bundle.png.  Needs xvfb, xauth, imagemagick and a CJK font
# (fonts-noto-cjk), and xdotool to open an article; uses a new library in a temporary folder, so the seeds are imported.
set -euo pipefail
cd "$(dirname "$0")/.."
BUNDLE=$(cd "${1:-packaging/dist/reader}" && pwd)
OUT=${2:-docs/screenshot-bundle.png}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export TMP BUNDLE
xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
    env -u QT_QPA_PLATFORM XDG_CONFIG_HOME="$TMP/config" XDG_CACHE_HOME="$TMP/cache" \
        "$BUNDLE/reader" --library "$TMP/lib" >"$TMP/reader.log" 2>&1 &
    pid=$!
    sleep 12
    # With xdotool, open the second issue and its first article, as a reader would.
    if command -v xdotool >/dev/null 2>&1; then
        xdotool mousemove 60 91 click 1 key Right Down Down sleep 2
    fi
    import -window root "$TMP/shot.png"
    kill "$pid"; wait "$pid" || true
'
# The window does not fill the virtual screen: cut the empty black around it.
convert "$TMP/shot.png" -trim +repage "$OUT"
echo "wrote $OUT ($(identify -format '%wx%h' "$OUT"))"
[ -s "$TMP/reader.log" ] && { echo "reader said:"; cat "$TMP/reader.log"; } || true
