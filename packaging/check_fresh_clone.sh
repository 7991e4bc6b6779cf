#!/usr/bin/env bash
# Does the README's test command work from a clean clone?  Clones this checkout's
# branch (its last commit: uncommitted changes are not in the test) into a temporary
# folder, then runs the README's install-and-test line there exactly as written, with
# no pip cache (every package fetched as on a new machine) and none of this shell's
# Qt or Reader variables, and reports the time it took.
#   bash packaging/check_fresh_clone.sh [--keep]    (--keep leaves the clone for a look)
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(git rev-parse --git-common-dir)
REPO=$(cd "$REPO" && pwd)
BRANCH=$(git rev-parse --abbrev-ref HEAD)
COMMIT=$(git rev-parse --short HEAD)
# The README's line, found by what it does, so that editing the README edits the check.
COMMAND=$(grep -E '^python3 -m venv \.venv && .*pytest' README.md | head -n 1)
[ -n "$COMMAND" ] || { echo "check: no install-and-test line in README.md" >&2; exit 1; }
[ -n "$(git status --porcelain --untracked-files=no)" ] \
    && echo "note: uncommitted changes here are not part of the clone"

TMP=$(mktemp -d)
[ "${1:-}" = "--keep" ] || trap 'rm -rf "$TMP"' EXIT
echo "clone:   $BRANCH at $COMMIT into $TMP/reader"
git clone -q --branch "$BRANCH" --single-branch "$REPO" "$TMP/reader"
echo "python:  $(python3 --version)"
echo "command: $COMMAND"
start=$(date +%s)
status=0
(
    cd "$TMP/reader"
    env -u QT_QPA_PLATFORM -u READER_LIBRARY -u READER_SEEDS -u VIRTUAL_ENV \
        -u PYTHONPATH PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 \
        bash -c "$COMMAND"
) >"$TMP/output.txt" 2>&1 || status=$?
elapsed=$(( $(date +%s) - start ))
tail -n 15 "$TMP/output.txt"
echo "elapsed: ${elapsed} s (venv + pip install without cache + pytest), exit status $status"
exit "$status"
