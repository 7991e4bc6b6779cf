"""reader.library imports only the standard library, sqlite-utils, zstandard (backups),
numpy (facet counts),
models, errors, atomic, processes and itself."""

from __future__ import annotations

import ast
import inspect
import sys
from pathlib import Path

LIBRARY = Path(__file__).parents[2] / "reader" / "library"


def test_library_imports_only_what_it_may():
    allowed_roots = {"reader", "sqlite_utils", "zstandard", "numpy"} | set(sys.stdlib_module_names)
    allowed_reader = {"reader.models", "reader.errors", "reader.catalogue", "reader.atomic",
                      "reader.processes", "reader.lazy_names"}
    for path in LIBRARY.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module]
            else:
                continue
            for name in names:
                assert name.split(".")[0] in allowed_roots, f"{path.name} imports {name}"
                if name.startswith("reader.") and not name.startswith("reader.library"):
                    assert name in allowed_reader, f"{path.name} imports {name}"


def test_modules_stay_small_and_documented():
    for path in LIBRARY.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert len(source.splitlines()) < 400, path.name
        assert ast.get_docstring(ast.parse(source)), f"{path.name} has no docstring"


def test_managers_touch_no_one_elses_private_parts():
    """A manager uses its own `self._…` only: shared lookups are public functions."""
    for path in [*LIBRARY.glob("*.py"), LIBRARY.parent / "app" / "annotating.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr.startswith("_") \
                    and not node.attr.startswith("__"):
                owner = node.value
                assert isinstance(owner, ast.Name) and owner.id in ("self", "cls"), (
                    f"{path.name}:{node.lineno} reaches into another object's {node.attr}")


def test_library_and_session_are_plain_objects_holding_managers(tmp_path):
    from reader.app.annotating import AnnotationServices
    from reader.app.session import Session
    from reader.library import Library

    assert Library.__bases__ == Session.__bases__ == AnnotationServices.__bases__ == (object,)
    with Library.open(tmp_path / "lib.sqlite3") as library:
        for name in ("imports", "sources", "issues", "articles", "authors", "tags", "notes",
                     "highlights", "annotations", "filters"):
            manager = getattr(library, name)
            # Each manager is given the shared connection and nothing else.
            assert list(inspect.signature(type(manager)).parameters) == ["connection"], name
