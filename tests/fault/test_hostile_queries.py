"""Hostile queries end in results or one sentence, never a traceback, and change nothing."""

from __future__ import annotations

import shutil

import pytest
from hypothesis import given

from tests.fault.hostile import QUERY_WORDS, long_query
from tests.fault.known import unowned
from tests.fault.profile import examples
from tests.fault.trials import consistency, integrity, run_cli


@pytest.fixture(scope="module")
def searched_library(tmp_path_factory, seeded_template):
    target = tmp_path_factory.mktemp("queries") / "lib"
    shutil.copytree(seeded_template, target)
    yield target
    # Searching reads: the library is as sound afterwards as before.
    assert integrity(target / "library.sqlite3") == "ok"


def search(library, words, timeout=20.0):
    return run_cli("search", ["--library", str(library), "search", *words], timeout)


@examples(fast=12, long=3000)
@given(words=QUERY_WORDS)
def test_hostile_queries_give_results_or_a_sentence(searched_library, words):
    trial = search(searched_library, words)
    assert not unowned([trial]), str(trial)


@pytest.mark.parametrize("words", [
    ["issue:²"],
    ["issue:12345678901234567890123"],
    ["page:99999999999999999999"],
    ["红\udcff"],
    ["\udce4\udcb8"],
    ["a\x00b"], ["“"], ["”"], ["【"], ["\u3000"], ["tag:"],
    ["date:2025-13-45"], ["date:..2025"], ["NOT"], ["(", ")"], ['"'], ["*"], ["-红色物业"],
], ids=repr)
def test_named_hostile_queries(searched_library, words):
    trial = search(searched_library, words)
    assert not trial.failed, str(trial)


def test_thousands_of_terms(searched_library):
    trial = search(searched_library, long_query(2500), timeout=60)
    assert not trial.failed, str(trial)
    assert consistency("after searching", searched_library).kind == "ok"
