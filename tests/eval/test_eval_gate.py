"""The evaluation gate: parser scores on annotated pages never fall below floors.json.

Floors only move up: when the parser improves, raise them to the new scores
(rounded down to two decimals).  The full table prints on failure and with
`python -m tests.eval.score -v`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.eval.score import FIELDS, report, score_all

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scores():
    return score_all()


def test_floors_cover_every_field():
    assert set(FLOORS) == set(FIELDS)


@pytest.mark.parametrize("field", FIELDS)
def test_field_meets_its_floor(scores, field):
    tally = scores[field]
    floor = FLOORS[field]
    assert tally.precision >= floor["precision"] and tally.recall >= floor["recall"], (
        f"{field} fell below its floor {floor}:\n{report(scores)}\n" + "\n".join(tally.misses)
    )


def test_every_titled_item_is_found_with_its_exact_title(scores):
    assert scores["title"].recall == 1.0, "\n".join(scores["title"].misses)


def test_every_byline_splits_into_the_right_roles_and_names(scores):
    assert scores["authors"].recall == 1.0 and scores["authors"].precision == 1.0
