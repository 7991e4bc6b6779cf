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
                assert node.module.split(".")[1] in ("ingest", "models", "errors", "catalogue"), (
                    f"{path.name} imports {node.module}"
                )
