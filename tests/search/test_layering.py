"""reader.search imports only the stdlib, whoosh, jieba and reader.models, .errors, .progress
and the stdlib-only .atomic and .processes."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

SEARCH = Path(__file__).resolve().parents[2] / "reader" / "search"


def imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.append(node.module)
    return names


def test_search_imports_only_what_it_may():
    allowed_roots = set(sys.stdlib_module_names) | {"whoosh", "jieba", "rjieba", "reader"}
    files = sorted(SEARCH.glob("*.py"))
    assert len(files) >= 6
    for path in files:
        for name in imports(path):
            assert name.split(".")[0] in allowed_roots, f"{path.name} imports {name}"
            if name.startswith("reader."):
                assert name.split(".")[1] in ("search", "models", "errors", "catalogue",
                                              "progress", "atomic", "processes", "lazy_names"), (
                    f"{path.name} imports {name}"
                )


def test_importing_search_does_not_warn(tmp_path):
    # A fresh bytecode cache makes Python compile jieba again, which is when its invalid
    # escapes warn.
    code = "import warnings; warnings.simplefilter('error'); import reader.search"
    result = subprocess.run(
        [sys.executable, "-X", f"pycache_prefix={tmp_path}", "-c", code],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
