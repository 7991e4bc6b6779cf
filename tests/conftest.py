"""Fixtures shared by every test package: a seeded library built once, copied per test."""

from __future__ import annotations

import shutil

import pytest

from reader.app import Session
from reader.paths import resolve_paths


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
