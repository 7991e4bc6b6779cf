"""The library: one SQLite file, the single source of truth for Reader.

`Library.open(path)` opens (creating and migrating) a library file; see
`store` for the connection, `importing` for how pages go in, `annotations`
for the user's tags, notes and highlights, `reading` and `filters` for how
things come out.  Imports only the standard library, sqlite-utils and
`reader.models` / `reader.errors`.
"""

from reader.library.errors import LibraryError
from reader.library.keys import assign_keys
from reader.library.schema import LATEST_VERSION, MIGRATIONS, migrate
from reader.library.store import Library

__all__ = ["LATEST_VERSION", "MIGRATIONS", "Library", "LibraryError", "assign_keys", "migrate"]
