"""Build hook: the wheel carries `seeds/` and `resources/` as package data.

The two folders stay at the top of the repository (the engineers' guide puts
them there, and PyInstaller's spec and the tests read them there); a wheel,
and so `pip install .` and `pipx install`, gets a copy of each inside the
package, at `reader/_bundled/`, where `reader.paths.bundle_root()` looks
first.  An editable install needs no copy: the checkout's folders are found.
Everything else is declared in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
#: Folders copied into the package, and where (keep in step with reader/paths.py).
BUNDLED = ("seeds", "resources")
TARGET = Path("reader") / "_bundled"
#: Sources of generated files that are not read at run time.
LEFT_OUT = ("*.ts", "*.svg", "README.md")


class BuildWithBundle(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        for name in BUNDLED:
            target = Path(self.build_lib) / TARGET / name
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(ROOT / name, target, ignore=shutil.ignore_patterns(*LEFT_OUT))


setup(cmdclass={"build_py": BuildWithBundle})
