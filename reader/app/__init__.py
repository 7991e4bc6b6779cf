"""Qt-free services shared by the CLI and the window.

`Session` opens a library and its search index; `import_files`, `search`,
`check` and friends are the operations a user asks for.  Each mutation is one
library transaction; the index is brought back in step after it.
"""

from reader.app.session import Session

__all__ = ["Session"]
