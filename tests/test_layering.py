"""Layering (../shared/DESIGN.md): nothing below reader.ui imports PySide6, ingest uses only the stdlib."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).parent.parent / "reader"


def _modules_outside_ui() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[1:2] == ("ui",) or parts[-1] == "__main__":
            continue
        names.append(".".join(p for p in parts if p != "__init__"))
    return names


def test_importing_everything_but_ui_leaves_qt_out():
    modules = _modules_outside_ui()
    assert "reader.ingest.parser" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_ingest_imports_only_the_standard_library_and_itself():
    allowed_roots = {"reader"} | set(sys.stdlib_module_names)
    for path in (PACKAGE / "ingest").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                roots = [alias.name.split(".")[0] for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                roots = [node.module.split(".")[0]]
            else:
                continue
            for root in roots:
                assert root in allowed_roots, f"{path.name} imports {root}"
            if isinstance(node, ast.ImportFrom) and node.module.startswith("reader."):
                assert node.module.split(".")[1] in ("ingest", "models", "errors", "catalogue",
                                                 "lazy_names"), (
                    f"{path.name} imports {node.module}"
                )


def test_the_window_module_loads_without_the_slow_libraries():
    """jieba, Whoosh and pypinyin load on first search or completion, not with the window:
    together they take over half a second, and the window is to be shown within 0.4 s
    (issue 17).  The first search, done here too, does load them."""
    code = (
        "import sys\n"
        "import reader.ui.main, reader.ui.window, reader.app, reader.cli\n"
        "slow = ('jieba', 'whoosh', 'pypinyin')\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in slow)))\n"
        "from reader.search import SearchIndex, parse_query\n"
        "assert parse_query('网格员').terms and SearchIndex\n"
        "print(','.join(sorted({m.split('.')[0] for m in sys.modules if m.split('.')[0] in slow})))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    before, after = result.stdout.splitlines()
    assert before == ""
    assert after == "jieba,whoosh"
