"""Where Reader keeps things: the only module that knows.

The library (SQLite file and search index) lives in the platform's data
directory unless `--library DIR` or `READER_LIBRARY` says otherwise.  Caches
(jieba's dictionary, whole and as a word table: 18 MB, the same for every
library) live in the platform's cache directory, or in `READER_CACHE` (tests
set it, so that they never touch the user's real directories), whichever
library is open: they hold nothing of the library's, and a copy in each
library folder was 0.14× the page text of a 100k-article library (issue 17).  Bundled files (seeds,
resources) are found in `sys._MEIPASS` in a frozen build, in the package's
`_bundled/` folder when installed from a wheel (setup.py copies them there),
and at the top of the source checkout otherwise.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "Reader"
LIBRARY_ENV = "READER_LIBRARY"
SEEDS_ENV = "READER_SEEDS"
CACHE_ENV = "READER_CACHE"


@dataclass(frozen=True)
class Paths:
    """The folders of one library."""

    library_dir: Path
    cache_dir: Path

    @property
    def db_path(self) -> Path:
        return self.library_dir / "library.sqlite3"

    @property
    def index_dir(self) -> Path:
        return self.library_dir / "index"

    @property
    def log_dir(self) -> Path:
        return self.library_dir / "logs"


def resolve_paths(library: str | os.PathLike | None = None,
                  environ: Mapping[str, str] | None = None) -> Paths:
    """Paths for `--library DIR`, else `READER_LIBRARY`, else the platform default; the
    cache in `READER_CACHE`, else the platform's cache directory."""
    env = os.environ if environ is None else environ
    chosen = library if library is not None else env.get(LIBRARY_ENV) or None
    cache = env.get(CACHE_ENV) or None
    cache_dir = (Path(cache).expanduser().resolve() if cache is not None
                 else Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)))
    if chosen is not None:
        return Paths(library_dir=Path(chosen).expanduser().resolve(), cache_dir=cache_dir)
    return Paths(library_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
                 cache_dir=cache_dir)


#: Where a wheel carries `seeds/` and `resources/`, inside the package (see setup.py).
BUNDLED_DIR = "_bundled"


def bundle_root() -> Path:
    """The folder holding `seeds/` and `resources/`: the frozen bundle, the installed
    package's copy, or the checkout."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    package = Path(__file__).resolve().parent
    installed = package / BUNDLED_DIR
    if (installed / "resources").is_dir():
        return installed
    return package.parent


def seeds_dir(environ: Mapping[str, str] | None = None) -> Path:
    """The page files a new library is filled from."""
    env = os.environ if environ is None else environ
    override = env.get(SEEDS_ENV)
    return Path(override) if override else bundle_root() / "seeds"


def resource_path(*parts: str) -> Path:
    """A file shipped in `resources/`."""
    return bundle_root().joinpath("resources", *parts)
