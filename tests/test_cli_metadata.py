"""`reader issue`, `reader page`, `reader paper` and `reader import --paper`: pages placed in
issues, fields set as the user's, papers renamed and merged; errors one sentence, exit 1."""

from __future__ import annotations

import json
from pathlib import Path

from tests.reader_cli import reader

CORPUS = Path(__file__).parent / "eval" / "corpus"


def _json(library, *args):
    return json.loads(reader(library, *args, "--json", check=True).stdout)


def test_pages_of_one_day_imported_apart_join_one_issue(library_dir):
    for name in ("rmrb_20250107_p10.txt", "rmrb_20250107_p05.txt"):
        _json(library_dir, "import", str(CORPUS / name))
    # A file with no header, placed on the same day by what the user says.
    [result] = _json(library_dir, "import", str(CORPUS / "20231222-01.txt"), "--paper", "人民日报",
                     "--date", "2025-01-07", "--page", "19", "--page-name", "党建")
    issues = _json(library_dir, "list")
    [day] = [i for i in issues if i["paper"] == "人民日报"]
    assert day["id"] == result["issue_id"]
    assert (day["date"], day["date_precision"], day["paper_known"]) == ("2025-01-07", "day", True)
    assert [(p["number"], p["name"]) for p in day["pages"]] == [
        (5, "评论"), (10, "综合"), (19, "党建")]
    assert day["pages"][2]["user_set"] == ["date", "name", "number", "paper"]
    assert day["articles"] == sum(p["articles"] for p in day["pages"])
    articles = _json(library_dir, "list", "--issue", str(day["id"]))
    assert [a["page_number"] for a in articles] == sorted(a["page_number"] for a in articles)
    shown = _json(library_dir, "show", str(articles[-1]["id"]))
    assert (shown["paper"], shown["page_number"], shown["page_name"], shown["page"]) == (
        "人民日报", 19, "党建", result["page_id"])
    assert shown["origin"].startswith("人民日报 · 2025-01-07 · 第19版 党建")
    # Importing the same file again with a new page name updates its page in place.
    [again] = _json(library_dir, "import", str(CORPUS / "20231222-01.txt"), "--page-name", "理论")
    assert (again["status"], again["page_id"]) == ("updated", result["page_id"])
    [page] = _json(library_dir, "page", str(result["page_id"]))
    assert (page["name"], page["number"], page["issue"]) == ("理论", 19, day["id"])


def test_issue_and_page_set_fields_that_survive_a_reparse(library_dir):
    issue = _json(library_dir, "list")[0]
    edited = _json(library_dir, "issue", str(issue["id"]), "--paper", "内蒙古日报",
                   "--date", "2021年1月18日", "--edition", "农牧版")
    assert (edited["paper"], edited["date"], edited["date_source"], edited["edition"]) == (
        "内蒙古日报", "2021-01-18", "user", "农牧版")
    page_id = edited["pages"][0]["id"]
    [page] = _json(library_dir, "page", str(page_id), "--number", "A3", "--name", "北疆")
    assert (page["number"], page["name"]) == (3, "北疆")
    assert page["user_set"] == ["date", "edition", "name", "number", "paper"]
    reader(library_dir, "import", "--reparse", page["source"], check=True)
    [page] = _json(library_dir, "page", str(page_id))
    assert (page["paper"], page["date"], page["number"], page["name"]) == (
        "内蒙古日报", "2021-01-18", 3, "北疆")
    # An empty value gives the parser's back.
    [page] = _json(library_dir, "page", str(page_id), "--name", "")
    assert page["name"] != "北疆" and "name" not in page["user_set"]
    out = reader(library_dir, "issue", str(page["issue"]), check=True).stdout
    assert out.startswith(f"issue {page['issue']}: 内蒙古日报 农牧版 · 2021年1月18日  (1 page,")
    assert "set by you: date, edition, number, paper" in out


def test_several_pages_at_once_and_a_paper_renamed_onto_another_merges(library_dir):
    pages = [p["id"] for i in _json(library_dir, "list") for p in i["pages"]]
    edited = _json(library_dir, "page", *map(str, pages[:2]), "--paper", "北疆日报",
                   "--date", "2024-01-05")
    assert len({p["issue"] for p in edited}) == 1  # one paper, one date: one issue
    papers = {p["name"]: p for p in _json(library_dir, "paper")}
    assert papers["北疆日报"]["user_set"] and not papers["北疆日报"]["placeholder"]
    assert papers["先锋"]["placeholder"]
    out = reader(library_dir, "paper", "先锋", "--rename", "北疆日报", check=True).stdout
    assert out.strip() == "先锋 merged into 北疆日报"
    papers = {p["name"]: p for p in _json(library_dir, "paper")}
    assert "先锋" not in papers
    one = _json(library_dir, "paper", "北疆日报")
    assert one["issues"] == papers["北疆日报"]["issues"] and one["years"][0]["year"]


def test_bad_ids_dates_and_numbers_are_one_sentence_and_exit_1(library_dir):
    for args, sentence in [
        (("issue", "999", "--paper", "x"), "reader: No issue with id 999.\n"),
        (("issue", "999"), "reader: No issue with id 999.\n"),
        (("page", "1", "999", "--name", "x"), "reader: No page with id 999.\n"),
        (("issue", "1", "--date", "2024-13-01"),
         "reader: “2024-13-01” is not a date: use YYYY, YYYY-MM or YYYY-MM-DD.\n"),
        (("page", "1", "--number", "头版"),
         "reader: “头版” is not a page number: use a whole number from 1.\n"),
        (("paper", "没有这份报", "--rename", "x"), "reader: No paper named “没有这份报”.\n"),
        (("paper", "先锋", "--rename", " "), "reader: A paper needs a name.\n"),
    ]:
        result = reader(library_dir, *args)
        assert (result.returncode, result.stderr, result.stdout) == (1, sentence, ""), args
    assert reader(library_dir, "issue", "one").returncode == 2  # not an id: bad usage
