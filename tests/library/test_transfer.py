"""Annotations export and import: the file's shape, merging, validation, idempotence."""

from __future__ import annotations

import copy
import json

import pytest

from reader.library import Library, LibraryError
from reader.library.transfer import NOTE_SEPARATOR

from .conftest import sample_page, sha


def _fill(library: Library) -> list[int]:
    result = library.imports.import_page("/p.txt", sha("p"), 1, sample_page(), 1)
    return [a.id for a in library.articles.in_issue(result.issue_id)]


@pytest.fixture
def source(tmp_path):
    with Library.open(tmp_path / "source.sqlite3") as lib:
        ids = _fill(lib)
        lib.tags.add_many(ids[:2], ["党建"])
        lib.tags.add(ids[2], ["简讯"])
        lib.tags.set_color("党建", "red")
        lib.notes.set(ids[0], "第一篇的笔记")
        lib.highlights.add(ids[0], 0, 6, color="green", note="开头")
        lib.highlights.add(ids[1], 3, 9)
        yield lib


@pytest.fixture
def fresh(tmp_path):
    with Library.open(tmp_path / "fresh.sqlite3") as lib:
        _fill(lib)
        yield lib


def _annotations(library: Library) -> list[dict]:
    """What an article carries, minus timestamps that an import may set anew."""
    articles = library.annotations.export()["articles"]
    for article in articles:
        if article["note"]:
            article["note"].pop("updated_at")
    return articles


def test_export_has_the_documented_shape_and_is_json(source):
    data = source.annotations.export()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert (data["format"], data["version"]) == ("reader-annotations", 1)
    assert data["exported_at"]
    assert data["tags"] == [{"name": "党建", "color": "red"}, {"name": "简讯", "color": None}]
    first = data["articles"][0] if data["articles"][0]["note"] else data["articles"][1]
    assert first["note"]["text"] == "第一篇的笔记" and first["note"]["updated_at"]
    [mark] = first["highlights"]
    assert set(mark) == {"quote", "prefix", "suffix", "start", "end", "color", "note",
                         "orphaned", "created_at"}
    assert (mark["start"], mark["end"], mark["color"], mark["note"]) == (0, 6, "green", "开头")
    assert {a["key"] for a in data["articles"]} == {
        a.key for a in source.articles.in_issue(source.issues.all()[0].id)
    }


def test_export_then_import_into_a_fresh_library_gives_the_same_annotations(source, fresh):
    report = fresh.annotations.merge(source.annotations.export())
    assert (report.articles, report.tags_added, report.notes_added,
            report.highlights_added) == (3, 3, 1, 2)
    assert report.skipped_keys == ()
    assert _annotations(fresh) == _annotations(source)
    assert fresh.tags.summaries() == source.tags.summaries()


def test_importing_twice_duplicates_nothing(source, fresh):
    data = source.annotations.export()
    fresh.annotations.merge(data)
    before = fresh.annotations.export()["articles"]
    generation = fresh.generation()
    again = fresh.annotations.merge(data)
    assert not again.changed
    assert (again.notes_unchanged, again.highlights_unchanged) == (1, 2)
    assert fresh.annotations.export()["articles"] == before
    assert fresh.generation() == generation


def test_reimporting_into_the_same_library_loses_and_duplicates_nothing(source):
    before = source.annotations.export()
    report = source.annotations.merge(copy.deepcopy(before))
    assert not report.changed
    assert source.annotations.export()["articles"] == before["articles"]


def test_a_different_local_note_keeps_both_texts(source, fresh):
    first = fresh.articles.in_issue(fresh.issues.all()[0].id)[0]
    fresh.notes.set(first.id, "我自己的看法")
    report = fresh.annotations.merge(source.annotations.export())
    assert report.notes_merged == 1
    assert fresh.notes.get(first.id) == "我自己的看法" + NOTE_SEPARATOR + "第一篇的笔记"
    # The merged note contains the imported text: a second import leaves it alone.
    assert fresh.annotations.merge(source.annotations.export()).notes_unchanged == 1
    assert fresh.notes.get(first.id).count("第一篇的笔记") == 1


def test_a_local_note_the_imported_one_extends_is_replaced_by_it(source, fresh):
    first = fresh.articles.in_issue(fresh.issues.all()[0].id)[0]
    fresh.notes.set(first.id, "第一篇")
    fresh.annotations.merge(source.annotations.export())
    assert fresh.notes.get(first.id) == "第一篇的笔记"


def test_local_tag_colour_wins_and_local_tags_stay(source, fresh):
    ids = [a.id for a in fresh.articles.in_issue(fresh.issues.all()[0].id)]
    fresh.tags.add(ids[0], ["党建", "本地"])
    fresh.tags.set_color("党建", "blue")
    fresh.annotations.merge(source.annotations.export())
    colours = {t.name: t.color for t in fresh.tags.summaries()}
    assert colours == {"党建": "blue", "本地": None, "简讯": None}
    assert fresh.tags.of(ids[0]) == ("党建", "本地")


def test_highlights_are_reanchored_in_the_local_text(source, fresh):
    data = source.annotations.export()
    for article in data["articles"]:
        for mark in article["highlights"]:
            mark["start"] += 7  # as if exported from a library whose parse was different
            mark["end"] += 7
    fresh.annotations.merge(data)
    fresh.annotations.merge(data)  # and again: still no duplicates
    got = _annotations(fresh)
    want = _annotations(source)
    assert [[(h["quote"], h["start"]) for h in a["highlights"]] for a in got] == \
        [[(h["quote"], h["start"]) for h in a["highlights"]] for a in want]


def test_unknown_article_keys_are_skipped_and_reported(source, tmp_path):
    data = source.annotations.export()
    data["articles"].append({"key": "no-such-article", "tags": ["外来"], "note": None,
                             "highlights": []})
    with Library.open(tmp_path / "other.sqlite3") as other:
        report = other.annotations.merge(data)
        assert report.articles == 0
        assert set(report.skipped_keys) == {a["key"] for a in data["articles"]}
        assert other.tags.summaries() == [] and other.stats()["notes"] == 0


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda d: d.update(format="zotero"), "not a Reader annotations file"),
        (lambda d: d.update(version=99), "newer Reader"),
        (lambda d: d.update(version="1"), "version is missing or wrong"),
        (lambda d: d.update(articles={}), "must be lists"),
        (lambda d: d["articles"][0].pop("key"), "article 1 has no key"),
        (lambda d: d["articles"][0]["highlights"].append({"quote": "x", "start": 5, "end": 2}),
         "not offsets"),
        (lambda d: d["articles"][0]["highlights"].append({"start": 0, "end": 2}),
         "without a quote"),
        (lambda d: d["articles"][0].update(tags="党建"), "not a list of names"),
        (lambda d: d["articles"][0].update(note={"body": "x"}), "note without text"),
        (lambda d: d["tags"].append({"name": "x", "color": "not a colour!"}), "is not a colour"),
        (lambda d: d["articles"][0].update(reading="read"), "reading state"),
        (lambda d: d["articles"][0].update(reading={"place": 1001}), "reading state"),
        (lambda d: d["articles"][0].update(reading={"read_at": 3}), "reading state"),
    ],
)
def test_bad_files_are_refused_with_one_sentence_and_nothing_written(source, fresh, damage,
                                                                     message):
    data = source.annotations.export()
    damage(data)
    with pytest.raises(LibraryError, match=message) as raised:
        fresh.annotations.merge(data)
    assert "\n" not in str(raised.value) and str(raised.value).endswith(".")
    assert fresh.annotations.export()["articles"] == []


def test_not_a_dict_is_refused(fresh):
    for data in (None, [], "text"):
        with pytest.raises(LibraryError, match="not a Reader annotations file"):
            fresh.annotations.merge(data)


def test_read_starred_and_the_reading_place_travel_and_merge(source, fresh):
    ids = [a.id for a in source.articles.in_issue(source.issues.all()[0].id)]
    source.reading.mark_read(ids[:2])
    source.reading.star([ids[1]])
    source.reading.set_place(ids[0], 400)
    source.reading.set_place(ids[2], 750)  # a place alone is reading state too
    data = source.annotations.export()
    by_key = {a["key"]: a for a in data["articles"]}
    keys = {a.id: a.key for a in source.articles.in_issue(source.issues.all()[0].id)}
    first = by_key[keys[ids[0]]]["reading"]
    assert first["read_at"] and first["starred_at"] is None and first["place"] == 400
    assert by_key[keys[ids[2]]]["reading"] == {"read_at": None, "starred_at": None, "place": 750}
    assert len(ids) == 3
    # the fresh library has its own place in the first article and a star on the third
    local = {a.key: a.id for a in fresh.articles.in_issue(fresh.issues.all()[0].id)}
    mine = [local[keys[i]] for i in ids]
    fresh.reading.set_place(mine[0], 100)
    fresh.reading.star([mine[2]])
    report = fresh.annotations.merge(data)
    assert report.reading_added == 3 and report.changed
    states = fresh.reading.states(mine)
    assert states[mine[0]] == (True, False) and states[mine[1]] == (True, True)
    assert states[mine[2]] == (False, True)  # the local star stays; the file did not read it
    assert fresh.reading.place(mine[0]) == 100  # the local place wins
    assert fresh.reading.place(mine[2]) == 750  # none here: the file's
    again = fresh.annotations.merge(data)
    assert again.reading_added == 0 and not again.changed
