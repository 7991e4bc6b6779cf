"""`reader search --json` facets and `--sort`, run in-process on a copy of the seeded library."""

from __future__ import annotations

import json

import pytest

from reader.app.research import narrowing_token
from tests.reader_cli import reader


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    lib = tmp_path_factory.mktemp("research") / "lib"
    reader(lib, "stats", check=True)
    return lib


def _search(library, *args) -> dict:
    return json.loads(reader(library, "search", *args, "--json", check=True).stdout)


def test_facets_cover_every_match_not_only_the_page(library):
    data = _search(library, "党建", "--limit", "1")
    assert len(data["hits"]) == 1 and data["total"] > 10
    facets = data["facets"]
    assert set(facets) >= {"year", "kind", "column", "paper", "author", "tag"}
    assert sum(facets["year"].values()) == data["total"]
    assert sum(facets["kind"].values()) == data["total"]
    # The page shown does not change the counts.
    assert _search(library, "党建", "--limit", "50")["facets"] == facets


def test_clicking_a_facet_value_narrows_to_its_count(library):
    whole = _search(library, "网格")
    for facet in ("year", "kind", "column", "author"):
        value, count = next(iter(whole["facets"][facet].items()))
        token = narrowing_token(facet, value)
        narrowed = _search(library, "网格", token, "--limit", "100")
        assert narrowed["total"] == count, (facet, value)
        assert narrowed["facets"][facet][value] == count


def test_sort_newest_and_oldest_order_by_issue_date(library):
    issues = {i["id"]: i["date"] for i in json.loads(
        reader(library, "list", "--json", check=True).stdout)}
    newest = _search(library, "党建", "--sort", "newest", "--limit", "100")
    oldest = _search(library, "党建", "--sort", "oldest", "--limit", "100")
    relevance = _search(library, "党建", "--limit", "100")
    assert newest["sort"] == "newest" and newest["total"] == relevance["total"]
    assert {h["id"] for h in newest["hits"]} == {h["id"] for h in relevance["hits"]}
    dates = [issues[h["issue"]] for h in newest["hits"]]
    assert dates == sorted(dates, reverse=True) and dates[0] > dates[-1]
    assert [issues[h["issue"]] for h in oldest["hits"]] == sorted(dates)
    # Every hit still has its snippet with the word marked.
    assert all("【党建】" in h["snippet"] or h["match"] == "note" for h in newest["hits"][:5])


def test_sorted_pages_follow_each_other(library):
    first = _search(library, "党建", "--sort", "oldest", "--limit", "5")["hits"]
    ten = _search(library, "党建", "--sort", "oldest", "--limit", "10")["hits"]
    assert [h["id"] for h in ten[:5]] == [h["id"] for h in first]


def test_unknown_sort_is_bad_usage(library):
    result = reader(library, "search", "党建", "--sort", "title")
    assert result.returncode == 2 and "--sort" in result.stderr


def test_filters_only_query_has_facets_too(library):
    data = _search(library, "kind:commentary")
    assert data["total"] >= 1 and data["facets"]["kind"] == {"commentary": data["total"]}


def test_nothing_matched_has_empty_facets(library):
    data = _search(library, "完全不存在的词语组合")
    assert data["total"] == 0 and data["facets"]["year"] == {} and data["facets"]["tag"] == {}


# -- saved searches -------------------------------------------------------------------------


def test_saved_searches_list_with_live_counts_rename_and_delete(tmp_path):
    lib = tmp_path / "lib"
    reader(lib, "stats", check=True)
    assert "No saved searches" in reader(lib, "searches", check=True).stdout
    reader(lib, "searches", "save", "网格治理", "网格", "kind:article", check=True)
    listed = json.loads(reader(lib, "searches", "--json", check=True).stdout)
    total = _search(lib, "网格 kind:article")["total"]
    assert listed == [{"name": "网格治理", "query": "网格 kind:article", "sort": "relevance",
                       "count": total}]
    # The count is live: tagging nothing changes it, a new query under the name does.
    reader(lib, "searches", "save", "网格治理", "网格", check=True)
    assert json.loads(reader(lib, "searches", "--json", check=True).stdout)[0]["count"] == \
        _search(lib, "网格")["total"]
    reader(lib, "searches", "rename", "网格治理", "基层网格", check=True)
    assert "基层网格" in reader(lib, "searches", check=True).stdout
    clash = reader(lib, "searches", "save", "另一个", "党建", check=True)
    assert clash.returncode == 0
    refused = reader(lib, "searches", "rename", "另一个", "基层网格")
    assert refused.returncode == 1 and "基层网格" in refused.stderr
    reader(lib, "searches", "delete", "基层网格", check=True)
    gone = reader(lib, "searches", "delete", "基层网格")
    assert gone.returncode == 1 and gone.stderr.count("\n") == 1
    assert [s["name"] for s in json.loads(reader(lib, "searches", "--json").stdout)] == ["另一个"]


def test_saved_searches_travel_with_the_annotations_export(tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    reader(first, "searches", "save", "网格", "网格 date:2023", check=True)
    reader(second, "searches", "save", "网格", "网格员", check=True)
    exported = tmp_path / "annotations.json"
    reader(first, "annotations", "export", str(exported), check=True)
    assert json.loads(exported.read_text("utf-8"))["saved_searches"][0]["query"] == "网格 date:2023"
    result = reader(second, "annotations", "import", str(exported), check=True)
    assert "searches:   1 added" in result.stdout
    names = {s["name"]: s["query"] for s in json.loads(
        reader(second, "searches", "--json", check=True).stdout)}
    # The local search keeps its name and query; the imported one comes in beside it.
    assert names == {"网格": "网格员", "网格 (2)": "网格 date:2023"}
    again = reader(second, "annotations", "import", str(exported), check=True)
    assert "searches:   0 added, 1 already there" in again.stdout


# -- concordance ----------------------------------------------------------------------------


def test_kwic_csv_has_one_row_per_occurrence(library):
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(
        reader(library, "kwic", "网格", "--width", "8", "--csv", check=True).stdout)))
    assert rows and list(rows[0]) == ["article", "date", "left", "hit", "right"]
    assert all(r["hit"] == "网格" and len(r["left"]) <= 8 and len(r["right"]) <= 8 for r in rows)
    # As many rows as the word occurs in the texts of the articles the search finds.
    found = _search(library, "网格", "--limit", "100")
    assert {int(r["article"]) for r in rows} == {h["id"] for h in found["hits"]}
    trend_rows = list(csv.DictReader(io.StringIO(
        reader(library, "trend", "网格", "--csv", check=True).stdout)))
    assert len(rows) == sum(int(r["occurrences"]) for r in trend_rows)
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates)
    text = reader(library, "kwic", "网格", "--width", "8", check=True).stdout
    assert text.count("【网格】") == len(rows)


def test_kwic_follows_the_query_filters(library):
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(
        reader(library, "kwic", "网格", "date:2023", "--csv", check=True).stdout)))
    assert rows and {r["date"][:4] for r in rows} == {"2023"}
    assert reader(library, "kwic", "网格", "--width", "0").returncode == 2


def test_kwic_lists_a_headline_occurrence_and_trends_count_it(library):
    """千里马 is only in the headline of 拴心留人 让“千里马”近悦远来: the concordance has
    its line and the trend counts it, so lines and occurrences agree."""
    import csv
    import io

    found = _search(library, "千里马")
    assert found["total"] == 1
    rows = list(csv.DictReader(io.StringIO(
        reader(library, "kwic", "千里马", "--width", "4", "--csv", check=True).stdout)))
    assert [(int(r["article"]), r["left"], r["hit"], r["right"]) for r in rows] == [
        (found["hits"][0]["id"], "人 让“", "千里马", "”近悦远")]
    trend_rows = list(csv.DictReader(io.StringIO(
        reader(library, "trend", "千里马", "--csv", check=True).stdout)))
    assert sum(int(r["occurrences"]) for r in trend_rows) == 1


# -- trends ---------------------------------------------------------------------------------


def test_trend_articles_add_up_to_the_search_total(library):
    import csv
    import io

    for by in ("year", "month"):
        rows = list(csv.DictReader(io.StringIO(
            reader(library, "trend", "党建", "--by", by, "--csv", check=True).stdout)))
        assert list(rows[0]) == ["period", "term", "occurrences", "articles", "per_1000_articles"]
        assert sum(int(r["articles"]) for r in rows) == _search(library, "党建")["total"]
    years = {r["period"]: r for r in csv.DictReader(io.StringIO(
        reader(library, "trend", "党建引领", "网格", "--csv", check=True).stdout))}
    assert set(years) == {"2021", "2022", "2023", "2024", "2025"}
    facets = _search(library, "网格")["facets"]["year"]
    both = list(csv.DictReader(io.StringIO(
        reader(library, "trend", "党建引领", "网格", "--csv", check=True).stdout)))
    assert {r["period"]: int(r["articles"]) for r in both if r["term"] == "网格"
            and int(r["articles"])} == facets
    issues = json.loads(reader(library, "list", "--json", check=True).stdout)
    per_year = {}
    for issue in issues:
        per_year[issue["date"][:4]] = per_year.get(issue["date"][:4], 0) + issue["articles"]
    for r in both:
        expected = round(1000 * int(r["articles"]) / per_year[r["period"]], 2)
        assert float(r["per_1000_articles"]) == expected


def test_trend_with_a_filter_counts_within_it(library):
    text = reader(library, "trend", "网格", "--filter", "kind:article", "--by", "month",
                  check=True).stdout
    assert "2023-06" in text
    total = sum(int(line.split()[3]) for line in text.splitlines()[1:])
    assert total == _search(library, "网格 kind:article")["total"]


def test_a_file_with_bad_saved_searches_is_refused_whole(tmp_path):
    lib = tmp_path / "lib"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "reader-annotations", "version": 1, "tags": [],
                               "articles": [], "saved_searches": [{"name": "x"}]}), "utf-8")
    result = reader(lib, "annotations", "import", str(bad))
    assert result.returncode == 1 and "saved searches" in result.stderr
    assert json.loads(reader(lib, "searches", "--json", check=True).stdout) == []
