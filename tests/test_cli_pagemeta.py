"""`reader import --paper/--date/--page/--page-name` and the page fields of `parse` and `list`."""

from __future__ import annotations

import json

import pytest

from reader.cli import main

HEADER = "光明日报  2025年01月07日  第11版  理论"
BODY = (
    "坚持以人民为中心的发展思想\n\n本报记者  张  洋\n\n"
    "2023年以来，各地把基层治理放在突出位置。记者近日在多地采访看到，网格员走村入户。\n"
)


@pytest.fixture
def header_page(tmp_path):
    path = tmp_path / "gmrb_20250101_p02.txt"  # the header disagrees with the name, and wins
    path.write_text(f"{HEADER}\n\n{BODY}", encoding="utf-8")
    return path


def run_json(capsys, *argv: str):
    code = main(list(argv))
    out = capsys.readouterr().out
    assert code == 0
    return json.loads(out)


def test_parse_json_gives_paper_page_and_date_source(capsys, header_page):
    data = run_json(capsys, "parse", str(header_page), "--json")
    assert (data["paper"], data["page_number"], data["page_name"]) == ("光明日报", 11, "理论")
    assert (data["date"], data["date_precision"], data["date_source"]) == ("2025-01-07", "day",
                                                                           "header")
    assert data["header"] == HEADER
    assert data["meta_sources"] == {"paper": "header", "date": "header", "page_number": "header",
                                    "page_name": "header"}
    assert [item["title"] for item in data["items"]] == ["坚持以人民为中心的发展思想"]


def test_parse_with_the_users_fields_and_the_plain_outline(capsys, header_page):
    data = run_json(capsys, "parse", str(header_page), "--json", "--paper", "人民日报",
                    "--date", "2025年1月9日")
    assert (data["paper"], data["date"], data["date_source"]) == ("人民日报", "2025-01-09", "user")
    assert data["page_number"] == 11  # not given: the header's
    assert main(["parse", str(header_page)]) == 0
    out = capsys.readouterr().out
    assert "paper: 光明日报   page: 第11版 理论   date: 2025-01-07 (day, header)" in out
    assert f"header: {HEADER}" in out


def test_import_with_the_users_fields_then_list(capsys, library_dir, header_page):
    results = run_json(capsys, "--library", str(library_dir), "import", str(header_page), "--json",
                       "--paper", "人民日报", "--date", "2025-01-08", "--page", "19",
                       "--page-name", "党建")
    assert [r["status"] for r in results] == ["imported"]
    issues = run_json(capsys, "--library", str(library_dir), "list", "--json")
    [issue] = [i for i in issues if i["id"] == results[0]["issue_id"]]
    [page] = issue["pages"]
    assert (issue["paper"], page["number"], page["name"]) == ("人民日报", 19, "党建")
    assert (issue["date"], issue["date_precision"], issue["date_source"]) == (
        "2025-01-08", "day", "user")
    assert issue["title"] == "人民日报 第19版 党建 · 2025-01-08"
    # The seeds are untouched: their dates stay inferred, their titles as before.
    seeds = [i for i in issues if i["id"] != issue["id"]]
    assert {i["date_source"] for i in seeds} == {"inferred"}
    assert {i["title"] for i in seeds} >= {"先锋 · 2024-01", "破解机关党建“灯下黑”等 · 2021-01"}
    # Importing the same file again with another page name updates it in place.
    again = run_json(capsys, "--library", str(library_dir), "import", str(header_page), "--json",
                     "--page-name", "理论")
    assert [(r["status"], r["issue_id"]) for r in again] == [("updated", issue["id"])]
    issues = run_json(capsys, "--library", str(library_dir), "list", "--json")
    assert len(issues) == len(seeds) + 1
    [issue] = [i for i in issues if i["id"] == issue["id"]]
    [page] = issue["pages"]
    assert (issue["paper"], page["number"], page["name"], issue["date"]) == (
        "人民日报", 19, "理论", "2025-01-08")


def test_import_without_fields_takes_the_header(capsys, library_dir, header_page):
    run_json(capsys, "--library", str(library_dir), "import", str(header_page), "--json")
    issues = run_json(capsys, "--library", str(library_dir), "list", "--json")
    [issue] = [i for i in issues if i["paper_known"]]
    assert (issue["paper"], issue["pages"][0]["number"], issue["date"], issue["date_source"]) == (
        "光明日报", 11, "2025-01-07", "header")


def test_a_page_number_for_several_files_is_a_usage_error(capsys, library_dir, tmp_path,
                                                          header_page):
    other = tmp_path / "other.txt"
    other.write_text(BODY, encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["--library", str(library_dir), "import", "--page", "19", str(header_page),
              str(other)])
    assert exit_.value.code == 2
    assert "--page names one page; it cannot be given for 2 files." in capsys.readouterr().err
    # Paper and date for a batch are fine.
    results = run_json(capsys, "--library", str(library_dir), "import", "--paper", "人民日报",
                       str(header_page), str(other), "--json")
    assert [r["status"] for r in results] == ["imported", "imported"]


@pytest.mark.parametrize(("option", "value", "words"), [
    ("--date", "2025-02-30", "is not a date"),
    ("--page", "十九", "is not a page number"),
])
def test_bad_fields_are_usage_errors(capsys, header_page, option, value, words):
    with pytest.raises(SystemExit) as exit_:
        main(["parse", str(header_page), option, value])
    assert exit_.value.code == 2
    assert words in capsys.readouterr().err
