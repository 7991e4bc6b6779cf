"""The library: one SQLite file, the single source of truth for Reader.

`Library.open(path)` opens (creating and migrating) a library file; its
work is done by managers, one job each (`library.imports`, `.issues`,
`.articles`, `.tags`, `.notes`, `.highlights`, `.annotations`, `.filters`
…; `store` lists them).  Imports only the standard library, sqlite-utils and
`reader.models` / `reader.errors`.  The package itself imports nothing until a
name is asked for (PEP 562), so that the window can import a small module of
it (`facets`, `values` …) without sqlite-utils, which it opens on its worker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.lazy_names import lazy_getattr

if TYPE_CHECKING:
    from reader.library.errors import LibraryError
    from reader.library.keys import assign_keys
    from reader.library.schema import LATEST_VERSION, MIGRATIONS, migrate
    from reader.library.store import Library

#: Where each public name lives (loaded on first use).
_HOME_OF = {
    "LibraryError": "reader.library.errors",
    "assign_keys": "reader.library.keys",
    "LATEST_VERSION": "reader.library.schema",
    "MIGRATIONS": "reader.library.schema",
    "migrate": "reader.library.schema",
    "Library": "reader.library.store",
}


__getattr__ = lazy_getattr(__name__, _HOME_OF, globals())


__all__ = ["LATEST_VERSION", "MIGRATIONS", "Library", "LibraryError", "assign_keys", "migrate"]
