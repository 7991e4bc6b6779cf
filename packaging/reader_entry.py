"""The frozen program's entry point: PyInstaller starts here, and so does each worker it spawns.

`freeze_support()` must come first: the importer parses pages in processes
started by `spawn`, which in a frozen program re-run this executable; it turns
those runs into workers instead of second copies of Reader.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from reader.cli import main

    sys.exit(main())
