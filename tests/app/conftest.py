"""Fixtures: an open session on a copy of the seeded library (tests/conftest.py)."""

from __future__ import annotations

import pytest

from reader.app import Session
from reader.paths import resolve_paths


@pytest.fixture
def session(library_dir):
    with Session.open(resolve_paths(library_dir)) as opened:
        yield opened
