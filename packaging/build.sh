#!/usr/bin/env bash
# Build Reader's one-folder bundle and its tarball:
#   packaging/dist/reader/                       the bundle (run dist/reader/reader)
#   packaging/dist/reader-VERSION-linux-ARCH.tar.gz   bundle + desktop files + install.sh
# PyInstaller runs from its own venv (packaging/.build-venv), made on first use, so the
# development venv stays as the README's commands leave it.  Takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VENV=packaging/.build-venv
export PIP_DISABLE_PIP_VERSION_CHECK=1
start=$(date +%s)

if [ ! -x "$VENV/bin/pyinstaller" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --upgrade pip
    "$VENV/bin/pip" install -q "pyinstaller>=6.10,<7"
fi
# Reinstalled each time so the bundle carries the dependencies pyproject.toml pins now.
# setuptools chatters about editable installs on stderr: shown only if pip fails.
"$VENV/bin/pip" install -q -e . >"$VENV/pip.log" 2>&1 || { cat "$VENV/pip.log"; exit 1; }

VERSION=$("$VENV/bin/python" -c 'import reader; print(reader.__version__)')
ARCH=$(uname -m)
APP_ID=io.github.zhreader.Reader

echo "== pyinstaller (Reader $VERSION)"
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath packaging/dist --workpath packaging/build packaging/reader.spec
BUNDLE=packaging/dist/reader
built=$(date +%s)

echo "== tarball"
NAME="reader-$VERSION-linux-$ARCH"
STAGE=packaging/build/tarball/$NAME
rm -rf "packaging/build/tarball"
mkdir -p "$STAGE/share/applications" "$STAGE/share/metainfo" \
    "$STAGE/share/icons/hicolor/scalable/apps"
cp -a "$BUNDLE" "$STAGE/app"
cp packaging/linux/install.sh "$STAGE/install.sh"
cp packaging/linux/README.txt "$STAGE/README.txt"
cp "packaging/linux/$APP_ID.desktop" "$STAGE/share/applications/"
cp "packaging/linux/$APP_ID.metainfo.xml" "$STAGE/share/metainfo/"
cp resources/icons/reader.svg "$STAGE/share/icons/hicolor/scalable/apps/$APP_ID.svg"
for png in resources/icons/reader-*.png; do
    size=${png##*-}; size=${size%.png}
    mkdir -p "$STAGE/share/icons/hicolor/${size}x${size}/apps"
    cp "$png" "$STAGE/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
TARBALL="packaging/dist/$NAME.tar.gz"
tar -C packaging/build/tarball -czf "$TARBALL" "$NAME"
end=$(date +%s)

echo "== done in $((end - start)) s (pyinstaller $((built - start)) s)"
echo "bundle:  $(du -sh "$BUNDLE" | cut -f1)  $ROOT/$BUNDLE"
echo "tarball: $(du -h "$TARBALL" | cut -f1)  $ROOT/$TARBALL"
