"""The library: one SQLite file, the single source of truth for Reader.

`Library.open(path)` opens (creating and migrating) a library file; its
work is done by managers, one job each (`library.imports`, `.issues`,
`.articles`, `.tags`, `.notes`, `.highlights`, `.annotations`, `.filters`
…; `store` lists them).  Imports only the standard library, sqlite-utils and
`reader.models` / `reader.errors`.
"""

from reader.library.errors import LibraryError
from reader.library.keys import assign_keys
from reader.library.schema import LATEST_VERSION, MIGRATIONS, migrate
from reader.library.store import Library

__all__ = ["LATEST_VERSION", "MIGRATIONS", "Library", "LibraryError", "assign_keys", "migrate"]
