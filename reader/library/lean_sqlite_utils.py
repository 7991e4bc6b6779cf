"""sqlite-utils, imported without numpy.

sqlite-utils imports numpy (when it is installed) at its own import, only to convert numpy
scalars it is handed, and Reader hands it none.  numpy is installed for the facet counts
(facet_counts.py) and takes a tenth of a second to import: loaded with sqlite-utils it would
delay every library open, the window's first answer and every command.  So it is hidden
while sqlite-utils loads, and loads when facets are first counted.
"""

from __future__ import annotations

import sys

if "sqlite_utils" not in sys.modules and "numpy" not in sys.modules:
    sys.modules["numpy"] = None  # type: ignore[assignment]  # `import numpy` fails meanwhile
    try:
        import sqlite_utils
    finally:
        del sys.modules["numpy"]

import sqlite_utils  # noqa: E402  (the module loaded above, or already)

__all__ = ["sqlite_utils"]
