"""Fixtures shared by every test package: a seeded library built once, copied per test.

The GUI-thread guard (tests/gui_thread_guard.py) is installed for the whole run:
a test in which window code touched the library or the index on the GUI thread
fails, naming the line.
"""

from __future__ import annotations

import os
import shutil

import pytest
from hypothesis import settings

from reader.app import Session
from reader.paths import CACHE_ENV, resolve_paths
from tests import gui_thread_guard
from tests.fault.profile import DERANDOMIZE

# The property tests outside the fault suite follow its rule: the same examples every CI run.
if DERANDOMIZE:
    settings.register_profile("ci-gate", derandomize=True, database=None)
    settings.load_profile("ci-gate")

gui_thread_guard.install()


@pytest.fixture(autouse=True)
def _no_library_access_on_the_gui_thread():
    gui_thread_guard.take()
    yield
    found = gui_thread_guard.take()
    if found:
        pytest.fail("the window used the library on the GUI thread:\n"
                    + "\n".join(str(v) for v in dict.fromkeys(found)), pytrace=False)


@pytest.fixture(scope="session", autouse=True)
def _jieba_cache_of_the_run(tmp_path_factory):
    """jieba's caches in a folder of this run, never the user's cache directory; shared by
    every library of the run (as a user's libraries share theirs), commands run in child
    processes included."""
    os.environ[CACHE_ENV] = str(tmp_path_factory.mktemp("reader-cache"))


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory):
    """A library filled from the real seeds and indexed, built once per run."""
    root = tmp_path_factory.mktemp("template")
    with Session.open(resolve_paths(root)) as session:
        session.ensure_index()
    return root


@pytest.fixture
def library_dir(tmp_path, seeded_template):
    """A private copy of the seeded library for one test."""
    target = tmp_path / "lib"
    shutil.copytree(seeded_template, target)
    return target
