"""The CLI's English counts take the number's form: 1 article, 2 articles."""

from __future__ import annotations

import json
import re

from reader.plural import counted
from tests.reader_cli import reader


def test_counted_takes_the_singular_for_one_only():
    assert counted(1, "article") == "1 article"
    assert counted(0, "article") == "0 articles"
    assert counted(2, "issue") == "2 issues"
    assert counted(3, "occurrence") == "3 occurrences"
    assert counted(1, "match") == "1 match" and counted(2, "match") == "2 matches"


def test_reader_list_says_one_article_not_one_articles(library_dir):
    listed = reader(library_dir, "list", check=True).stdout
    issues = json.loads(reader(library_dir, "list", "--json", check=True).stdout)
    counts = re.findall(r"\((\d+) (articles?)\)", listed)
    assert counts, listed
    assert all((n == "1") == (noun == "article") for n, noun in counts), counts
    assert not re.search(r"\b1 articles\b|\b1 issues\b|\b1 pages\b", listed)
    assert len(issues) == 5


def test_a_search_with_one_hit_says_one_article_matches(library_dir):
    text = reader(library_dir, "search", "乌兰察布", check=True).stdout
    first = text.splitlines()[0]
    number = int(first.split()[0])
    assert first.startswith(f"{number} article matches " if number == 1
                            else f"{number} articles match ")


def test_paper_lists_say_one_issue(library_dir):
    text = reader(library_dir, "paper", "先锋", check=True).stdout
    assert re.search(r"\(2 issues, \d+ articles\)", text), text
    assert re.search(r"^  2024  1 issue, \d+ articles?$", text, re.M), text
    assert "1 issues" not in text
