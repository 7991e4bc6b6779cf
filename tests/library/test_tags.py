"""Tags: normalised names, counts, add and remove, unknown articles."""

from __future__ import annotations

import pytest

from reader.library import LibraryError
from reader.library.values import normalize_tag

from .conftest import sample_page, sha


@pytest.fixture
def ids(library):
    result = library.imports.import_page("/p.txt", sha("p"), 1, sample_page(), 1)
    return [a.id for a in library.articles.in_issue(result.issue_id)]


def test_full_width_and_half_width_are_one_tag(library, ids):
    assert normalize_tag("  ＡＢＣ ") == "ABC"
    library.tags.add(ids[0], ["ＡＢＣ"])
    library.tags.add(ids[1], ["ABC", " ABC  "])
    assert library.tags.counts() == [("ABC", 2)]
    assert library.filters.ids_with_tag("ＡＢＣ") == {ids[0], ids[1]}


def test_ascii_case_does_not_make_a_new_tag(library, ids):
    library.tags.add(ids[0], ["Party"])
    library.tags.add(ids[1], ["party"])
    assert library.tags.counts() == [("Party", 2)]
    assert library.filters.ids_with_tag("PARTY") == {ids[0], ids[1]}


def test_add_returns_the_article_tags_and_ignores_blanks(library, ids):
    generation = library.generation()
    assert library.tags.add(ids[0], ["党建", "", "  ", "基层 治理", "党建"]) == ("党建", "基层 治理")
    assert library.generation() == generation + 1
    assert library.articles.get(ids[0]).tags == ("党建", "基层 治理")


def test_remove_tags_and_unused_tags_disappear(library, ids):
    library.tags.add(ids[0], ["党建", "治理"])
    library.tags.add(ids[1], ["党建"])
    assert library.tags.remove(ids[0], ["党建", "没有的标签"]) == ("治理",)
    assert dict(library.tags.counts()) == {"党建": 1, "治理": 1}
    library.tags.remove(ids[1], ["党建"])
    assert library.tags.counts() == [("治理", 1)]


def test_tags_on_an_unknown_article_raise(library, ids):
    with pytest.raises(LibraryError, match=r"^No article with id 999\.$"):
        library.tags.add(999, ["党建"])
    with pytest.raises(LibraryError):
        library.tags.remove(999, ["党建"])
    assert library.tags.counts() == []


def test_tagging_records_when(library, ids):
    library.tags.add(ids[0], ["党建"])
    row = library.db.execute("SELECT created_at FROM article_tags").fetchone()
    assert row[0]
