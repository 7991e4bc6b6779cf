#!/usr/bin/env bash
# Smoke test of a built bundle (default packaging/dist/reader): the version, a parse of a
# bundled seed, a first run that fills a library in the platform data folder, a search
# (jieba's dictionary from the bundle, its cache in the cache folder), and the window
# opening offscreen, loading the library and quitting by itself.  Every run has a
# scrubbed environment (no Python variables, HOME and XDG folders in a temporary
# directory) and the bundle must not gain a file.  Exit status 0 when all pass.
set -euo pipefail
cd "$(dirname "$0")/.."
BUNDLE=$(cd "${1:-packaging/dist/reader}" && pwd)
EXE=$BUNDLE/reader
[ -x "$EXE" ] || { echo "smoke: no bundle at $BUNDLE (run bash packaging/build.sh)" >&2; exit 1; }
WANT=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' reader/__init__.py)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
touch "$TMP/marker"
failures=0

# The bundle run as a user would: nothing from this shell's Python, home in $TMP.
run() {
    env -i PATH=/usr/bin:/bin HOME="$TMP/home" LANG=C.UTF-8 \
        XDG_DATA_HOME="$TMP/data" XDG_CACHE_HOME="$TMP/cache" XDG_CONFIG_HOME="$TMP/config" \
        "$@"
}
check() {  # check NAME COMMAND...: run, report ok/FAIL with the time it took
    local name=$1; shift
    local t0 ms
    t0=$(date +%s%N)
    if "$@" >"$TMP/out" 2>&1; then
        ms=$(( ($(date +%s%N) - t0) / 1000000 ))
        printf 'ok    %-48s %3d.%d s\n' "$name" $((ms / 1000)) $((ms % 1000 / 100))
    else
        printf 'FAIL  %s\n' "$name"; sed 's/^/      /' "$TMP/out"; failures=$((failures + 1))
    fi
}

version_is_source() { [ "$(run "$EXE" --version)" = "reader $WANT" ]; }
parse_seed() { run "$EXE" parse "$BUNDLE/_internal/seeds/001_f647707586ad7244.txt" | grep -q "items: 8"; }
first_run_fills_data_dir() {
    run "$EXE" stats | grep -q "^issues *5$" && [ -f "$TMP/data/Reader/library.sqlite3" ]
}
search_uses_bundled_jieba() {
    run "$EXE" search 网格员 | grep -q "match" && [ -n "$(ls -A "$TMP/cache/Reader")" ]
}
import_uses_worker_processes() {
    # 20 distinct pages: past the importer's threshold for parsing in spawned processes,
    # which re-run this executable (packaging/reader_entry.py's freeze_support).
    mkdir -p "$TMP/pages"
    for i in $(seq 1 20); do
        { cat "$BUNDLE/_internal/seeds/003_94ddec127129dfec.txt"; echo "第${i}份"; } \
            >"$TMP/pages/page$i.txt"
    done
    run timeout 120 "$EXE" --library "$TMP/pool-lib" import "$TMP/pages" >"$TMP/import.out"
    [ "$(grep -c "imported" "$TMP/import.out")" -ge 20 ]
}
window_opens_and_quits() {
    run env QT_QPA_PLATFORM=offscreen READER_QUIT_WHEN_READY=1 timeout 60 "$EXE" \
        --library "$TMP/window-lib"
    [ -f "$TMP/window-lib/library.sqlite3" ]
}
reference_list_renders() {
    # citeproc-py's locales and schema and the two CSL styles come from the bundle.
    run "$EXE" --library "$TMP/window-lib" export --issue 1 --format gbt7714 -o "$TMP/refs.txt" &&
        grep -q "\[N\]" "$TMP/refs.txt"
}
bundle_unchanged() { [ -z "$(find "$BUNDLE" -newer "$TMP/marker" -print -quit)" ]; }
no_system_python() { ! ldd "$EXE" "$BUNDLE"/_internal/libpython3*.so* | grep -q '/usr/.*libpython'; }

echo "smoke test of $BUNDLE"
check "reader --version says $WANT" version_is_source
check "reader parse a bundled seed" parse_seed
check "first run imports seeds into XDG data dir" first_run_fills_data_dir
check "search 网格员 (jieba dict, cache in XDG cache)" search_uses_bundled_jieba
check "import 20 pages in worker processes" import_uses_worker_processes
check "window opens offscreen and quits cleanly" window_opens_and_quits
check "a GB/T 7714 reference list (citeproc data)" reference_list_renders
check "bundle gained no files" bundle_unchanged
check "libpython is the bundle's own" no_system_python
echo "bundle size: $(du -sh "$BUNDLE" | cut -f1)"
[ "$failures" -eq 0 ] && echo "smoke: all passed" || { echo "smoke: $failures failed"; exit 1; }
