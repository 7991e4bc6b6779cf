"""Hostile page files end in exit 0 or one sentence, and leave the library consistent."""

from __future__ import annotations

import shutil

import pytest
from hypothesis import given

from tests.fault.hostile import PAGE_BYTES
from tests.fault.known import unowned
from tests.fault.pages import page_trials
from tests.fault.profile import examples


@pytest.fixture(scope="module")
def hostile_library(tmp_path_factory, seeded_template):
    """One library for every example: hostile pages pile up in it, as they would."""
    target = tmp_path_factory.mktemp("hostile") / "lib"
    shutil.copytree(seeded_template, target)
    return target


@examples(fast=8, long=600)
@given(data=PAGE_BYTES)
def test_hostile_page_files_are_parsed_or_refused_in_a_sentence(hostile_library, tmp_path_factory,
                                                                data):
    folder = tmp_path_factory.getbasetemp() / "hostile-pages"
    failed = unowned(page_trials(hostile_library, folder, data))
    assert not failed, "\n\n".join(map(str, failed))
