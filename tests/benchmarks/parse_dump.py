"""Every page the parser can be tried on, parsed and written to one JSON file, so that a
change made for speed can be proved not to change the parser's output (issue 17).

Not a test; run on demand, before and after a change, and compare the files byte for byte:

    python -m tests.benchmarks.parse_dump BEFORE.json [PAGES...]
    python -m tests.benchmarks.parse_dump AFTER.json [PAGES...]
    cmp BEFORE.json AFTER.json

It parses `seeds/`, the evaluation corpus and pages (`tests/eval`) and every folder or
file named (e.g. a generated corpus such as /tmp/research-bench/c10k/pages) the way an
import does (`decode_and_parse`: the sidecar and the file's name read too), and writes each
`ParsedPage` whole (the line numbers of its items included).  The seeds and `tests/eval`
are parsed a second time with a trace (`explain_page`), whose decisions are written too:
`reader parse --explain` must not change either.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REAL = [ROOT / "seeds", ROOT / "tests" / "eval" / "corpus", ROOT / "tests" / "eval" / "pages"]


def _plain(value):
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return repr(value)


def dump(out: Path, extra: list[str]) -> int:
    from reader.app.importing import decode_and_parse, expand_paths
    from reader.ingest import decode_page, explain_page
    from reader.ingest.read import read_page_bytes, shown_path

    real = expand_paths(REAL)
    files = real + expand_paths(extra)
    pages = []
    for path in files:
        parsed = decode_and_parse(str(path))
        pages.append({"path": str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path),
                      "page": _plain(parsed)})
    explained = []
    for path in real:
        text = decode_page(read_page_bytes(path))
        shown = shown_path(path)
        _, decisions = explain_page(text, source=path.name, path=shown)
        explained.append({"path": str(path.relative_to(ROOT)), "decisions": _plain(decisions)})
    out.write_text(json.dumps({"pages": pages, "explained": explained}, ensure_ascii=False,
                              indent=0, sort_keys=True), encoding="utf-8")
    print(f"{len(pages)} pages ({len(real)} real, explained too) written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(dump(Path(sys.argv[1]), sys.argv[2:]))
