"""The library's user-facing error.

A `LibraryError` is something the user can act on (a file that is not a
library, an unknown id, a bad date); its message is one sentence.  SQLite
errors that mean a bug are left to propagate as they are.
"""

from __future__ import annotations

from reader.errors import ReaderError


class LibraryError(ReaderError):
    """A library that cannot be opened, or a request naming something it does not hold."""
