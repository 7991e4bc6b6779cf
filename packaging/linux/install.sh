#!/usr/bin/env bash
# Install Reader from this unpacked tarball into PREFIX (default ~/.local), or take it
# out again with --uninstall.  The user's library (~/.local/share/Reader) is never touched.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX=${PREFIX:-$HOME/.local}
APP_ID=io.github.zhreader.Reader
APP_DIR=$PREFIX/lib/reader

refresh_caches() {
    # Menus and icon themes notice new files without these on most desktops;
    # where the tools exist, they make it immediate.
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$PREFIX/share/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 \
            && [ -f "$PREFIX/share/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t "$PREFIX/share/icons/hicolor" || true
    fi
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$APP_DIR"
    rm -f "$PREFIX/bin/reader" "$PREFIX/share/applications/$APP_ID.desktop" \
        "$PREFIX/share/metainfo/$APP_ID.metainfo.xml"
    rm -f "$PREFIX"/share/icons/hicolor/*/apps/"$APP_ID".{png,svg}
    refresh_caches
    echo "Reader removed from $PREFIX (your library in the data folder is kept)."
    exit 0
fi

[ -x "$HERE/app/reader" ] || { echo "install.sh: run it from the unpacked tarball" >&2; exit 1; }
mkdir -p "$PREFIX/lib" "$PREFIX/bin" "$PREFIX/share"
# Replace, not merge: files left from an older version must not shadow new ones.
rm -rf "$APP_DIR"
cp -a "$HERE/app" "$APP_DIR"
ln -sfn "$APP_DIR/reader" "$PREFIX/bin/reader"
cp -a "$HERE/share/." "$PREFIX/share/"
# Menus launch without the user's shell PATH, where ~/.local/bin may be missing.
sed -i "s|^Exec=reader|Exec=$APP_DIR/reader|" "$PREFIX/share/applications/$APP_ID.desktop"
refresh_caches
echo "Reader installed: $PREFIX/bin/reader, and in your applications menu."
case ":$PATH:" in
    *":$PREFIX/bin:"*) ;;
    *) echo "Note: $PREFIX/bin is not on your PATH; add it to run 'reader' from a terminal." ;;
esac
