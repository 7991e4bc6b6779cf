"""No import cycles: a small walk over the import graph of the `reader` package's modules.

Every `import` and `from … import` in a module counts, at module level or
inside a function (a cycle hidden in a function-level import is still a cycle:
the two modules cannot be understood, or tested, one without the other).
`from reader.ui import window_state` is an edge to the module
`reader.ui.window_state`; `from reader.app import Session` an edge to the
package `reader.app` (its `__init__`).  Imports under `if TYPE_CHECKING:` are
left out: they never run, so they cannot make a cycle (they are how a type
annotation names a module that imports this one).
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parent.parent / "reader"


def _module_names() -> dict[str, Path]:
    names = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        names[".".join(p for p in parts if p != "__init__")] = path
    return names


def _is_type_checking(node: ast.AST) -> bool:
    test = getattr(node, "test", None)
    return isinstance(node, ast.If) and (
        (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING")
        or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"))


def _runtime_nodes(tree: ast.AST):
    """Every node of the tree except what sits under `if TYPE_CHECKING:`."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if _is_type_checking(node):
            stack.extend(node.orelse)
            continue
        stack.extend(ast.iter_child_nodes(node))


def import_graph() -> dict[str, set[str]]:
    """module → the `reader` modules it imports."""
    modules = _module_names()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(anchor + ([base] if base else []))
                targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                           for alias in node.names]
            graph[name].update(t for t in targets if t in modules and t != name)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each cycle found by a depth-first walk, as the modules on it."""
    found, state, stack = [], {}, []

    def visit(node: str) -> None:
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                found.append(stack[stack.index(target):] + [target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return found


def test_the_walk_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == [["a", "b", "c", "a"]]


def test_the_graph_sees_function_level_and_relative_imports():
    graph = import_graph()
    assert "reader.ui.window_views" in graph["reader.ui.window"]  # in finish_building
    assert "reader.app.changes" in graph["reader.app.undo"]
    # a type-only import is no edge: formats names options only for its annotations
    assert "reader.export.formats" in graph["reader.export.options"]
    assert "reader.export.options" not in graph["reader.export.formats"]


def test_no_module_of_the_window_is_part_of_an_import_cycle():
    graph = import_graph()
    ui = {name: {t for t in targets if t.startswith("reader.ui")}
          for name, targets in graph.items() if name.startswith("reader.ui")}
    assert cycles(ui) == []


def test_the_whole_package_has_no_import_cycle():
    assert cycles(import_graph()) == []
