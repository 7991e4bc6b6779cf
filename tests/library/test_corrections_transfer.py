"""The annotations file carries corrections: another library holding the same page gets the
fixes, then the annotations of the articles the fixes made; importing twice adds nothing."""

from __future__ import annotations

import json

import pytest

from reader.app.corrections import CorrectionServices
from reader.app.undo import History
from reader.library import Library, LibraryError
from tests.library.conftest import sample_page, sha


def _library(path):
    library = Library.open(path)
    page_id = library.imports.import_page("/a/page.txt", sha("p"), 1, sample_page(), 1).page_id
    return library, page_id


def test_corrections_travel_with_the_annotations(tmp_path):
    source, page_id = _library(tmp_path / "a.sqlite3")
    target, other_page = _library(tmp_path / "b.sqlite3")
    try:
        fixes = CorrectionServices(source, History())
        first = source.articles.on_page(page_id)[0]
        split = fixes.split(first.id, 3)
        fixes.set_title(split.new_article_id, "第二个故事")
        source.tags.add(split.new_article_id, ["拆出来的"])
        source.highlights.add(split.new_article_id, 0, 4)
        data = json.loads(json.dumps(source.annotations.export(), ensure_ascii=False))
        assert [c["action"] for c in data["corrections"]] == ["split", "title"]
        assert {c["source"] for c in data["corrections"]} == {"page.txt"}

        report = target.annotations.merge(data)
        assert (report.corrections_added, report.corrections_unchanged,
                report.corrections_skipped) == (2, 0, 0)
        articles = target.articles.on_page(other_page)
        assert [a.title for a in articles][:2] == [first.title, "第二个故事"]
        second = articles[1]
        assert second.corrected and second.tags == ("拆出来的",)
        assert [h.quote for h in second.highlights] == [second.text[:4]]
        assert [c.status for c in target.corrections.all()] == ["applied", "applied"]

        again = target.annotations.merge(data)
        assert (again.corrections_added, again.corrections_unchanged) == (0, 2)
        assert not again.changed
        assert len(target.articles.on_page(other_page)) == len(articles)
    finally:
        source.close()
        target.close()


def test_corrections_of_pages_not_here_are_skipped_and_bad_ones_refused(tmp_path):
    library, _page = _library(tmp_path / "a.sqlite3")
    try:
        base = {"format": "reader-annotations", "version": 1, "tags": [], "articles": []}
        elsewhere = {**base, "corrections": [
            {"source": "other.txt", "action": "title", "target": {"head": "x"},
             "value": {"text": "y"}, "created_at": None}]}
        report = library.annotations.merge(elsewhere)
        assert (report.corrections_added, report.corrections_skipped) == (0, 1)
        bad = {**base, "corrections": [{"source": "page.txt", "action": "explode",
                                        "target": {}, "value": {}}]}
        with pytest.raises(LibraryError, match="its corrections are not a list"):
            library.annotations.merge(bad)
        assert library.corrections.all() == []
    finally:
        library.close()
