"""Where Reader keeps things: the only module that knows.

The library (SQLite file and search index) lives in the platform's data
directory unless `--library DIR` or `READER_LIBRARY` says otherwise; caches
(jieba's dictionary cache) in the platform's cache directory, or inside the
library folder when it was given explicitly, so that tests and portable
libraries never touch the user's real directories.  Bundled files (seeds,
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
    """Paths for `--library DIR`, else `READER_LIBRARY`, else the platform default."""
    env = os.environ if environ is None else environ
    chosen = library if library is not None else env.get(LIBRARY_ENV) or None
    if chosen is not None:
        root = Path(chosen).expanduser().resolve()
        return Paths(library_dir=root, cache_dir=root / "cache")
    return Paths(
        library_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        cache_dir=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
    )


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
