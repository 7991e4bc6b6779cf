"""SIGKILL at a random moment: no damage, no lost annotation, no process left behind."""

from __future__ import annotations

import random
import shutil

import pytest

from tests.fault.kill_scenarios import SCENARIOS, make_pages
from tests.fault.kills import has_children, kill_trials, reader_argv
from tests.fault.known import unowned
from tests.fault.profile import LONG

#: The default run kills these once each; READER_FUZZ=long kills every scenario.
FAST = ["annotation writes", "window while typing", "corrections"]


@pytest.fixture
def library(tmp_path, seeded_template):
    target = tmp_path / "lib"
    shutil.copytree(seeded_template, target)
    return target


@pytest.mark.parametrize("name", list(SCENARIOS) if LONG else FAST)
def test_killed_at_a_random_moment(name, library, tmp_path):
    trials = SCENARIOS[name](library, tmp_path, random.Random())
    failed = unowned(trials)
    assert not failed, "\n\n".join(map(str, failed))


def test_a_killed_import_leaves_no_parse_worker_behind(library, tmp_path):
    pages = make_pages(tmp_path / "pages")
    trials = kill_trials("import", library, reader_argv(library, "import", str(pages)), 0.3,
                         tmp_path, ready=has_children)
    failed = [t for t in trials if t.failed]
    assert not failed, "\n\n".join(map(str, failed))
