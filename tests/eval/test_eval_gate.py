"""The evaluation gate: parser scores on annotated pages never fall below floors.json.

Floors only move up: when the parser improves, raise them to the new scores
(rounded down to two decimals).  The full table prints on failure and with
`python -m tests.eval.score -v`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.eval.score import FIELDS, GATED_FIELDS, corpus_pages, report, score_all, score_corpus

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


# -- The development corpus (tests/eval/corpus): floors per paper -------------------------

CORPUS_FLOORS = json.loads(
    (Path(__file__).parent / "corpus_floors.json").read_text(encoding="utf-8")
)
PAGE_TYPES = ("要闻", "评论", "理论", "国际", "经济", "社会", "文化", "来信", "图片", "简讯", "党建",
              "其他")


@pytest.fixture(scope="module")
def corpus_scores():
    return score_corpus()


@pytest.mark.parametrize("paper", sorted(CORPUS_FLOORS))
def test_corpus_paper_meets_its_floors(corpus_scores, paper):
    """A paper with floors keeps them (F1 per field); a paper added later has none yet."""
    assert paper in corpus_scores.by_paper, f"{paper} has floors but no pages"
    tallies = corpus_scores.by_paper[paper]
    low = [
        f"{name}: F1 {tallies[name].f1:.3f} < {floor}"
        for name, floor in CORPUS_FLOORS[paper].items()
        # A floor is a score rounded down; allow for floating-point noise in 2PR/(P+R).
        if tallies[name].f1 < floor - 1e-9
    ]
    assert not low, f"{paper} fell below its floors:\n" + "\n".join(low) + "\n" + "\n".join(
        miss for name in CORPUS_FLOORS[paper] for miss in tallies[name].misses
    )


def test_corpus_floors_name_gated_fields():
    for paper, floors in CORPUS_FLOORS.items():
        assert set(floors) <= set(GATED_FIELDS), paper


@pytest.mark.parametrize("page", corpus_pages(), ids=lambda pair: pair[1].stem)
def test_corpus_annotation_is_complete(page):
    """Each corpus page has its text, its page fields and its sources."""
    page_file, annotation = page
    gold = json.loads(annotation.read_text(encoding="utf-8"))
    assert page_file.exists()
    assert gold["paper"] and gold["origin"]
    assert gold["date_precision"] == "day" and len(gold["date"]) == 10
    assert isinstance(gold["page_number"], int)
    assert gold["page_type"] in PAGE_TYPES
    text = page_file.read_text(encoding="utf-8")
    for item in gold["items"]:
        for key in ("title", "kicker", "subtitle"):
            assert item.get(key) is None or item[key] in text, (annotation.name, item[key])
        for key in ("first", "last"):
            assert item[key] is None or item[key] in text.replace("\n\n", ""), (
                annotation.name, item[key])
