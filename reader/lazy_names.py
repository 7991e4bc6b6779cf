"""A package's public names, imported from their modules on first use (PEP 562).

`reader.library`, `reader.search`, `reader.ingest` and `reader.export` name their parts in
their `__init__`, but importing a package must not import every part: the window shows
itself before sqlite-utils, jieba and Whoosh load (issue 17: window shown ≤ 0.4 s).  Each
package hands its map of name → module to `lazy_getattr` and gets its `__getattr__`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, MutableMapping

__all__ = ["lazy_getattr"]


def lazy_getattr(package: str, home_of: Mapping[str, str],
                 namespace: MutableMapping[str, object]) -> Callable[[str], object]:
    """The module `__getattr__` of `package`: a name of `home_of` is imported from its module
    and kept in the package's `namespace`, so the next use finds it without this call."""

    def __getattr__(name: str) -> object:
        module = home_of.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    return __getattr__
