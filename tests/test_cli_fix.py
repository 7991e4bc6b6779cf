"""`reader fix …` and `reader corrections export`: corrections from the command line, kept
across processes and re-parses; errors one sentence, exit 1."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.eval.score import FIELDS, Tally, _parse, score_page
from tests.fix_helpers import (
    SUBHEAD_TITLE,
    TWO_STORIES,
    TWO_STORIES_AT,
    TWO_STORIES_TITLE,
    two_stories_path,
    write_subhead_page,
)
from tests.reader_cli import reader


def _json(library, *args):
    return json.loads(reader(library, *args, "--json", check=True).stdout)


def _id_titled(library, title):
    for issue in _json(library, "list"):
        for article in _json(library, "list", "--issue", str(issue["id"])):
            if article["title"] == title:
                return article["id"]
    raise AssertionError(title)


def test_split_prints_the_new_id_and_show_says_corrected(library_dir):
    article = _id_titled(library_dir, TWO_STORIES_TITLE)
    before = _json(library_dir, "show", str(article))
    assert before["corrected"] is False
    done = reader(library_dir, "fix", "split", str(article), str(TWO_STORIES_AT), check=True)
    new_id = int(done.stdout.strip())
    first, second = (_json(library_dir, "show", str(i)) for i in (article, new_id))
    assert first["corrected"] is True and second["corrected"] is True
    assert first["paragraphs"] + second["paragraphs"] == before["paragraphs"]
    assert "[corrected]" in reader(library_dir, "show", str(new_id), check=True).stdout


def test_merge_title_kind_text_and_list(library_dir, tmp_path):
    reader(library_dir, "import", str(write_subhead_page(tmp_path / "p")), check=True)
    wrong = _id_titled(library_dir, SUBHEAD_TITLE)
    first = _id_titled(library_dir, "小区里的“红色管家”")
    merged = reader(library_dir, "fix", "merge", str(first), check=True)
    assert merged.stdout.strip() == f"Merged into article {first}."
    shown = _json(library_dir, "show", str(first))
    assert shown["subheads"] == [SUBHEAD_TITLE] and len(shown["paragraphs"]) == 5
    assert reader(library_dir, "show", str(wrong)).returncode == 1
    reader(library_dir, "fix", "title", str(first), "小区“红管家”", check=True)
    reader(library_dir, "fix", "kind", str(first), "commentary", check=True)
    reader(library_dir, "fix", "column", str(first), "基层治理", check=True)
    reader(library_dir, "fix", "authors", str(first), "本报记者:王明", "李四", check=True)
    reader(library_dir, "fix", "text", str(first), "2", "走进富强路街道的老小区。", check=True)
    shown = _json(library_dir, "show", str(first))
    assert (shown["title"], shown["kind"], shown["column"]) == ("小区“红管家”", "commentary",
                                                                 "基层治理")
    assert [(a["role"], a["name"]) for a in shown["authors"]] == [("本报记者", "王明"),
                                                                   ("作者", "李四")]
    assert shown["paragraphs"][1] == "走进富强路街道的老小区。"
    original = reader(library_dir, "fix", "original", str(first), "2", check=True).stdout
    assert original.startswith("走进富强路街道的一个老小区")
    listed = _json(library_dir, "fix", "list")
    assert [c["action"] for c in listed] == ["merge", "title", "kind", "column", "authors", "text"]
    assert {c["status"] for c in listed} == {"applied"} and listed[0]["article"] == first
    text = reader(library_dir, "fix", "list", check=True).stdout
    assert "applied" in text and "merge" in text and "subhead_page.txt" in text
    # Excerpts stand between 「」 once, even when they hold or open with a “ of their own.
    assert "「小区“红管家”」" in text and "““" not in text and "「「" not in text
    reader(library_dir, "fix", "restore", str(first), "2", check=True)
    assert _json(library_dir, "show", str(first))["paragraphs"][1].startswith("走进富强路街道的一个")


def test_role_move_and_errors(library_dir, tmp_path):
    reader(library_dir, "import", str(write_subhead_page(tmp_path / "p")), check=True)
    second = _id_titled(library_dir, SUBHEAD_TITLE)
    first = _id_titled(library_dir, "小区里的“红色管家”")
    reader(library_dir, "fix", "move", str(second), "1", check=True)
    assert len(_json(library_dir, "show", str(first))["paragraphs"]) == 3
    reader(library_dir, "fix", "role", str(first), "3", "subhead", check=True)
    assert len(_json(library_dir, "show", str(first))["subheads"]) == 1
    for args, message in [
        (("split", str(first), "9"), f"reader: Article {first} has no paragraph 9: it has 2.\n"),
        (("split", str(first), "1"), f"reader: Article {first} already starts with paragraph 1: "
                                     "split before a later paragraph.\n"),
        (("merge", str(first), "--previous"), f"reader: Article {first} has no previous "
                                              "article on its page.\n"),
        (("title", "99999", "x"), "reader: No article with id 99999.\n"),
        (("text", str(first), "1", " "), "reader: The text cannot be empty: mark the line as "
                                         "furniture to drop it.\n"),
    ]:
        result = reader(library_dir, "fix", *args)
        assert (result.returncode, result.stderr) == (1, message)
    assert reader(library_dir, "fix", "kind", str(first), "essay").returncode == 2
    assert reader(library_dir, "fix", "role", str(first), "1", "headline").returncode == 2


def test_undo_takes_back_the_latest_in_another_process(library_dir):
    article = _id_titled(library_dir, TWO_STORIES_TITLE)
    env = {**os.environ, "READER_LIBRARY": str(library_dir)}
    command = [sys.executable, "-m", "reader"]
    split = subprocess.run([*command, "fix", "split", str(article), str(TWO_STORIES_AT)],
                           capture_output=True, text=True, timeout=120, env=env)
    assert split.returncode == 0, split.stderr
    new_id = int(split.stdout)
    undone = subprocess.run([*command, "fix", "undo"], capture_output=True, text=True,
                            timeout=120, env=env)
    assert undone.returncode == 0, undone.stderr
    assert undone.stdout.startswith("Took back correction 1: split ")
    assert reader(library_dir, "show", str(new_id)).returncode == 1
    assert _json(library_dir, "show", str(article))["corrected"] is False
    again = reader(library_dir, "fix", "undo")
    assert (again.returncode, again.stderr) == (1, "reader: There is no correction to undo.\n")
    assert _json(library_dir, "fix", "list") == []


def test_corrections_survive_import_reparse_and_check_agrees(library_dir):
    article = _id_titled(library_dir, TWO_STORIES_TITLE)
    new_id = int(reader(library_dir, "fix", "split", str(article), str(TWO_STORIES_AT),
                        check=True).stdout)
    reader(library_dir, "fix", "title", str(new_id), "驻村干部走访", check=True)
    reader(library_dir, "import", "--reparse", str(two_stories_path()), check=True)
    shown = _json(library_dir, "show", str(new_id))
    assert shown["title"] == "驻村干部走访" and shown["corrected"] is True
    found = _json(library_dir, "search", "驻村干部走访")
    assert new_id in [hit["id"] for hit in found["hits"]]
    assert "OK" in reader(library_dir, "check", check=True).stdout


def test_corrections_export_writes_an_example_the_eval_scorer_loads(library_dir, tmp_path):
    article = _id_titled(library_dir, TWO_STORIES_TITLE)
    reader(library_dir, "fix", "split", str(article), str(TWO_STORIES_AT), check=True)
    out = tmp_path / "examples"
    done = reader(library_dir, "corrections", "export", "--out", str(out), check=True)
    assert done.stdout.strip() == f"Wrote 1 annotated page to {out}."
    stem = TWO_STORIES.removesuffix(".txt")
    assert (out / f"{stem}.txt").read_bytes() == two_stories_path().read_bytes()
    gold = json.loads((out / f"{stem}.json").read_text(encoding="utf-8"))
    assert gold["source"] == TWO_STORIES and gold["corrections"][0]["action"] == "split"
    tallies = {name: Tally() for name in FIELDS}
    score_page(_parse(out / f"{stem}.txt", TWO_STORIES), gold, tallies, stem)
    items = tallies["items"]
    # The reader's split is one more item than the parser finds: the example catches it.
    assert items.expected == items.predicted + 1 and items.hit == items.predicted
    assert any("item not found" in miss for miss in items.misses)


def test_fix_help_describes_every_option():
    from tests.reader_cli import run

    for action in ("split", "merge", "title", "kind", "column", "authors", "role", "move",
                   "text", "restore", "original", "list", "undo"):
        shown = run("fix", action, "--help")
        assert shown.returncode == 0 and "usage: reader fix " + action in shown.stdout
    assert "paragraph" in run("fix", "split", "--help").stdout
    assert "--out DIR" in run("corrections", "export", "--help").stdout
