"""library.facets: counts over a set of ids, from a snapshot kept until the places change.

The counts are checked against a count written here from the library's own records
(article → page → issue → paper), on the seeds; the snapshot (`Places`) is kept while only
annotations change and read again after anything that can move an article's facets.
"""

from __future__ import annotations

import random
from collections import Counter

import numpy as np

from reader.library.facet_counts import _top_codes
from reader.library.facets import FACET_NAMES, UNDATED
from reader.library.page_meta import PageEdit
from reader.models import Author
from tests.library.conftest import SEEDS, import_seed, item, page


def _expected(library, ids) -> dict[str, dict[str, int]]:
    """Each facet's counts over `ids`, one article at a time through the records."""
    counts: dict[str, Counter[str]] = {name: Counter() for name in FACET_NAMES}
    for article_id in ids:
        article = library.articles.get(article_id)
        date = library.issues.get(article.issue_id).date
        counts["year"][date[:4] if date else UNDATED] += 1
        counts["month"][date[:7] if date and len(date) >= 7 else UNDATED] += 1
        if article.paper:  # None: Reader does not know the paper
            counts["paper"][article.paper] += 1
        if article.page_name:
            counts["page"][article.page_name] += 1
        if article.column:
            counts["column"][article.column] += 1
        counts["kind"][article.kind] += 1
        for name in dict.fromkeys(a.name for a in article.authors):
            counts["author"][name] += 1
        for tag in library.tags.of(article_id):
            counts["tag"][tag] += 1
    return {name: dict(counter) for name, counter in counts.items()}


def _found(library, ids) -> dict[str, dict[str, int]]:
    return {name: {c.value: c.count for c in values}
            for name, values in library.facets.counts(ids).items()}


def _all_ids(library) -> list[int]:
    return [row[0] for row in library.db.execute("SELECT id FROM articles ORDER BY id")]


def test_counts_agree_with_the_records_for_all_and_for_a_part(seeded):
    ids = _all_ids(seeded)
    assert len(ids) > 30
    assert _found(seeded, ids) == _expected(seeded, ids)
    part = set(ids[::3])
    found = _found(seeded, part)
    assert found == _expected(seeded, part)
    assert sum(found["year"].values()) == sum(found["kind"].values()) == len(part)
    # Ids the library does not hold are counted under nothing.
    assert _found(seeded, part | {ids[-1] + 1000}) == found
    # Most of the library, twice (the snapshot is kept).
    most = set(ids) - set(ids[::7])
    for _ in range(2):
        assert _found(seeded, most | {ids[-1] + 1000}) == _expected(seeded, most)
    assert _found(seeded, ids) == _expected(seeded, ids)


def test_the_snapshot_is_kept_while_only_annotations_change(seeded):
    ids = _all_ids(seeded)
    places = seeded.facets.places()
    seeded.tags.add(ids[0], ["红色物业"])
    seeded.tags.add(ids[1], ["红色物业"])
    seeded.notes.set(ids[2], "楼栋长")
    seeded.reading.mark_read([ids[3]])
    assert seeded.facets.places() is places
    # Tags are read as they are now.
    assert _found(seeded, ids)["tag"] == {"红色物业": 2}
    assert _found(seeded, ids) == _expected(seeded, ids)


def test_a_page_edit_or_an_import_is_counted_at_once(seeded):
    ids = _all_ids(seeded)
    places = seeded.facets.places()
    first = seeded.articles.get(ids[0])
    seeded.pages.set_fields([first.page_id], PageEdit(name="理论周刊", date="1999-05-04"))
    assert seeded.facets.places() is not places
    found = _found(seeded, ids)
    assert found == _expected(seeded, ids)
    assert found["page"]["理论周刊"] >= 1 and found["month"]["1999-05"] >= 1
    added = seeded.imports.import_page(
        "new.txt", "0" * 64, 10,
        page(item("网格员的一天", ("社区网格员走家入户。",), column="新栏目"),
             page_name="新版", date="2031-02"), 1)
    assert added is not None
    everything = _all_ids(seeded)
    assert len(everything) == len(ids) + 1
    found = _found(seeded, everything)
    assert found["column"]["新栏目"] == 1 and found["year"]["2031"] == 1
    assert found == _expected(seeded, everything)


def test_a_library_reopened_elsewhere_is_read_again(seeded, tmp_path):
    from reader.library import Library

    ids = _all_ids(seeded)
    before = _found(seeded, ids)
    # Another connection (a second Reader, the command line) imports a page.
    with Library.open(tmp_path / "library.sqlite3") as other:
        import_seed(other, SEEDS[0], reparse=True)
        other.pages.set_fields([other.articles.get(ids[0]).page_id], PageEdit(name="别处改的"))
    after = _found(seeded, ids)
    assert after != before and after["page"]["别处改的"] >= 1


def test_a_top_lists_the_first_values_of_the_full_order_and_sizes_say_how_many(seeded):
    ids = _all_ids(seeded)
    full = seeded.facets.counts(ids)
    assert len(full["author"]) > 12 and len(full["column"]) > 5
    for top in (1, 5, 12):
        cut, sizes = seeded.facets.counts_and_sizes(ids, top)
        for name in full:
            assert sizes[name] == len(full[name])
            if name in ("year", "month"):
                assert cut[name] == full[name]  # dates are never cut
            else:
                assert cut[name] == full[name][:top], (name, top)
    # Ties at the cut are broken by value, as in the full order.
    counts = [c.count for c in full["author"]]
    assert counts.count(counts[11]) > 1


def test_a_top_over_any_part_of_the_library_is_the_cut_of_the_records_order(seeded):
    # Small parts and most of the library alike: each facet a bincount of the part's codes.
    ids = _all_ids(seeded)
    shuffled = random.Random(16)
    for share in (0.1, 0.4, 0.5, 0.6, 0.8, 0.95, 1.0):
        part = set(shuffled.sample(ids, round(len(ids) * share)))
        expected = _expected(seeded, part)
        for top in (1, 2, 5, 12, None):
            cut, sizes = seeded.facets.counts_and_sizes(part, top)
            for name in FACET_NAMES:
                assert sizes[name] == len(expected[name]), (share, top, name)
                full = sorted(expected[name].items(), key=lambda r: (-r[1], r[0]))
                if name in ("year", "month"):
                    assert {c.value: c.count for c in cut[name]} == expected[name]
                else:
                    assert [(c.value, c.count) for c in cut[name]] == full[:top], (
                        share, top, name)


def test_the_top_codes_are_the_cut_of_the_full_order_ties_by_code():
    # Author codes sort as their names: at a tie the smaller code comes first, also at the cut.
    counts = np.array([0, 3, 5, 3, 4, 0, 3, 1, 5])
    full = sorted(((code, int(c)) for code, c in enumerate(counts) if c),
                  key=lambda r: (-r[1], r[0]))
    assert full == [(2, 5), (8, 5), (4, 4), (1, 3), (3, 3), (6, 3), (7, 1)]
    for top in range(1, 9):
        assert _top_codes(counts, top) == full[:top], top
    assert _top_codes(np.zeros(4, dtype=np.int64), 3) == []


def test_co_signed_articles_count_each_author_once_in_any_part(seeded):
    # Authors of several articles are counted by code, each article's first and others;
    # authors of one article only are counted, and named only when the list reaches them.
    signers = [("本报记者", "高山"), ("通讯员", "流水"), ("本报记者", "独行")]
    pages = [page(item("网格里的事", ("楼栋长。",), authors=tuple(
        Author(role, name) for role, name in signers[:cut])), page_name="共同署名",
        date=f"2030-0{cut}") for cut in (1, 2, 3)]
    for number, parsed in enumerate(pages):
        assert seeded.imports.import_page(f"co{number}.txt", f"{number:064d}", 10, parsed,
                                          1) is not None
    ids = _all_ids(seeded)
    places = seeded.facets.prepare()
    assert len(places.more_article) and len(places.own_article)
    shuffled = random.Random(17)
    for share in (0.2, 0.7, 1.0):
        part = set(shuffled.sample(ids, round(len(ids) * share))) | set(ids[-3:])
        expected = _expected(seeded, part)
        assert expected["author"]["高山"] == 3 and expected["author"]["流水"] == 2
        for top in (1, 3, None):
            cut, sizes = seeded.facets.counts_and_sizes(part, top)
            full = sorted(expected["author"].items(), key=lambda r: (-r[1], r[0]))
            assert [(c.value, c.count) for c in cut["author"]] == full[:top], (share, top)
            assert sizes["author"] == len(full)
