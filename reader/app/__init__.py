"""Qt-free services shared by the CLI and the window.

`Session` opens a library and its search index; `import_files`, `search`,
`check` and friends are the operations a user asks for.  Each mutation is one
library transaction; the index is brought back in step after it.

`Session` loads on first use (PEP 562): the window imports small modules of
this package (`changes`, `browsing` …) to draw itself, and opens the session
(the library, ingest, search and export layers under it) on its worker after
the first paint (issue 17: window shown ≤ 0.4 s).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.app.session import Session


def __getattr__(name: str) -> object:
    if name != "Session":
        raise AttributeError(f"module 'reader.app' has no attribute {name!r}")
    from reader.app.session import Session

    globals()["Session"] = Session
    return Session


__all__ = ["Session"]
