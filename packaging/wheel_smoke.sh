#!/usr/bin/env bash
# Smoke test of the wheel (what `pip install .` and `pipx install` install): build it,
# install it alone into a fresh venv, and from a folder outside the checkout run a first
# `reader import`-free start (the seeds fill a new library), `stats` and a search, which
# need seeds/ and resources/ (jieba's user dictionary) from the package data.  The
# dependencies are borrowed from VENV (default .venv) through a .pth line, so nothing is
# downloaded but the build requirements.  Exit status 0 when all pass.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VENV=$(cd "${1:-.venv}" && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

"$VENV/bin/pip" wheel -q --no-deps -w "$TMP/dist" "$ROOT"
rm -rf "$ROOT/build"
WHEEL=$(ls "$TMP"/dist/reader-*.whl)
python3 -m venv --without-pip "$TMP/venv"
SITE=$("$TMP/venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
# The wheel's files, unpacked as pip would (the fresh venv has no pip of its own).
"$VENV/bin/pip" install -q --no-deps --target "$SITE" "$WHEEL"
DEPS=$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
echo "$DEPS" > "$SITE/zz_borrowed_dependencies.pth"

cd "$TMP"
run() {
    env -i PATH=/usr/bin:/bin HOME="$TMP/home" LANG=C.UTF-8 \
        XDG_DATA_HOME="$TMP/data" XDG_CACHE_HOME="$TMP/cache" "$TMP/venv/bin/python" "$@"
}
where=$(run -c 'import reader; print(reader.__file__)')
case "$where" in
    "$SITE"/*) ;;
    *) echo "wheel smoke: reader imported from $where, not from the wheel" >&2; exit 1 ;;
esac
run -m reader --library "$TMP/lib" stats | tee "$TMP/stats.txt"
articles=$(sed -n 's/^articles *\([0-9]*\)$/\1/p' "$TMP/stats.txt")
[ "${articles:-0}" -gt 0 ] || { echo "wheel smoke: the first run imported no seeds" >&2; exit 1; }
run -m reader --library "$TMP/lib" search 红色物业 | tee "$TMP/search.txt"
grep -q "articles match 红色物业" "$TMP/search.txt"
echo "wheel smoke: all passed ($articles articles from the bundled seeds)"
