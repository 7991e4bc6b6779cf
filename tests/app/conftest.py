"""Fixtures: a library built from the real seeds in a temporary folder."""

from __future__ import annotations

import pytest

from reader.app import Session
from reader.paths import resolve_paths


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory):
    """A seeded, indexed library built once; tests copy it."""
    root = tmp_path_factory.mktemp("template")
    with Session.open(resolve_paths(root)) as session:
        session.ensure_index()
    return root


@pytest.fixture
def library_dir(tmp_path, seeded_template):
    import shutil

    target = tmp_path / "lib"
    shutil.copytree(seeded_template, target)
    return target


@pytest.fixture
def session(library_dir):
    with Session.open(resolve_paths(library_dir)) as opened:
        yield opened
