"""The PyInstaller spec: it ships every resource that exists and keeps the Qt modules used."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.packaging.conftest import PACKAGING, ROOT

SPEC = PACKAGING / "reader.spec"
UI = ROOT / "reader" / "ui"


def _spec_tree() -> ast.Module:
    return ast.parse(SPEC.read_text(encoding="utf-8"))


def _root_path(node: ast.AST) -> Path | None:
    """`ROOT / "a" / "b"` as a path under the repo, else None."""
    if isinstance(node, ast.Name) and node.id == "ROOT":
        return ROOT
    if (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div)
            and isinstance(node.right, ast.Constant)):
        left = _root_path(node.left)
        return left / node.right.value if left is not None else None
    return None


def spec_sources() -> list[Path]:
    """Every repo path the spec names, outermost `ROOT / …` expressions only."""
    found, inner = [], set()
    for node in ast.walk(_spec_tree()):
        if isinstance(node, ast.BinOp) and id(node) not in inner:
            path = _root_path(node)
            if path is not None:
                found.append(path)
                inner.update(id(child) for child in ast.walk(node))
    return found


def spec_constant(name: str):
    for node in _spec_tree().body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == name:
            return node.value
    raise AssertionError(f"{name} not in the spec")


def test_every_path_the_spec_names_exists():
    sources = spec_sources()
    assert ROOT / "packaging" / "reader_entry.py" in sources
    for path in sources:
        assert path.exists(), f"reader.spec names {path.relative_to(ROOT)}, which is missing"


def test_every_shipped_resource_is_in_the_spec():
    covered = [path for path in spec_sources() if path != ROOT / "packaging" / "reader_entry.py"]
    needed = [ROOT / "seeds" / "001_f647707586ad7244.txt", ROOT / "resources" / "userdict.txt"]
    needed += sorted((ROOT / "resources").rglob("*.qm"))
    needed += sorted((ROOT / "resources" / "icons").iterdir())
    for path in needed:
        assert any(path == root or root in path.parents for root in covered), (
            f"{path.relative_to(ROOT)} is not bundled by reader.spec"
        )


def test_jieba_dictionary_is_collected_and_not_dropped():
    text = SPEC.read_text(encoding="utf-8")
    assert 'collect_data_files("jieba"' in text
    dropped = [const.value for const in spec_constant("DROPPED").elts]
    assert not any("jieba/dict.txt".startswith(prefix) for prefix in dropped)


def _qt_modules_imported_by_ui() -> set[str]:
    modules = set()
    for path in UI.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6."):
                modules.add(node.module)
    return modules


def test_excluded_qt_modules_are_not_the_ones_reader_uses():
    excluded = {const.value for const in spec_constant("EXCLUDED_QT").elts}
    used = _qt_modules_imported_by_ui()
    assert {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets"} <= used
    assert not used & excluded


def test_the_entry_point_supports_frozen_worker_processes():
    entry = (PACKAGING / "reader_entry.py").read_text(encoding="utf-8")
    assert entry.index("freeze_support()") < entry.index("from reader.cli import main")


def test_the_compiled_segmenter_is_bundled():
    # Imported only when an index is written in bulk: named, so the bundle cannot lose it
    # (jieba would then cut the same words, ten times slower, and nothing would say so).
    text = SPEC.read_text(encoding="utf-8")
    assert re.search(r"hiddenimports=\[[^]]*\"rjieba\"", text)
    import rjieba  # noqa: F401  (installed with Reader: pyproject.toml)
