"""Tags: normalised names, counts, add and remove, unknown articles."""

from __future__ import annotations

import pytest

from reader.library import LibraryError
from reader.library.annotations import normalize_tag

from .conftest import sample_page, sha


@pytest.fixture
def ids(library):
    result = library.import_page("/p.txt", sha("p"), 1, sample_page(), 1)
    return [a.id for a in library.articles(result.issue_id)]


def test_full_width_and_half_width_are_one_tag(library, ids):
    assert normalize_tag("  ＡＢＣ ") == "ABC"
    library.add_tags(ids[0], ["ＡＢＣ"])
    library.add_tags(ids[1], ["ABC", " ABC  "])
    assert library.tags() == [("ABC", 2)]
    assert library.ids_with_tag("ＡＢＣ") == {ids[0], ids[1]}


def test_ascii_case_does_not_make_a_new_tag(library, ids):
    library.add_tags(ids[0], ["Party"])
    library.add_tags(ids[1], ["party"])
    assert library.tags() == [("Party", 2)]
    assert library.ids_with_tag("PARTY") == {ids[0], ids[1]}


def test_add_returns_the_article_tags_and_ignores_blanks(library, ids):
    generation = library.generation()
    assert library.add_tags(ids[0], ["党建", "", "  ", "基层 治理", "党建"]) == ("党建", "基层 治理")
    assert library.generation() == generation + 1
    assert library.article(ids[0]).tags == ("党建", "基层 治理")


def test_remove_tags_and_unused_tags_disappear(library, ids):
    library.add_tags(ids[0], ["党建", "治理"])
    library.add_tags(ids[1], ["党建"])
    assert library.remove_tags(ids[0], ["党建", "没有的标签"]) == ("治理",)
    assert dict(library.tags()) == {"党建": 1, "治理": 1}
    library.remove_tags(ids[1], ["党建"])
    assert library.tags() == [("治理", 1)]


def test_tags_on_an_unknown_article_raise(library, ids):
    with pytest.raises(LibraryError, match=r"^No article with id 999\.$"):
        library.add_tags(999, ["党建"])
    with pytest.raises(LibraryError):
        library.remove_tags(999, ["党建"])
    assert library.tags() == []


def test_tagging_records_when(library, ids):
    library.add_tags(ids[0], ["党建"])
    row = library.db.execute("SELECT created_at FROM article_tags").fetchone()
    assert row[0]
