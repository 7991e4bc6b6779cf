"""The library commands run in-process against a temporary library; the kill test runs a real one."""

from __future__ import annotations

import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.reader_cli import reader

ROOT = Path(__file__).parent.parent
SEEDS = ROOT / "seeds"
PAGES = 40


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    lib = tmp_path_factory.mktemp("cli") / "lib"
    reader(lib, "stats", check=True)  # first run: seeds imported
    return lib


def test_import_reports_each_file_and_is_idempotent(library):
    result = reader(library, "import", str(SEEDS), check=True)
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 5 and all(line.startswith("already imported") for line in lines)
    data = json.loads(reader(library, "import", str(SEEDS), "--json", check=True).stdout)
    assert [r["status"] for r in data] == ["already imported"] * 5


def test_list_and_show_follow_the_contract(library):
    issues = json.loads(reader(library, "list", "--json", check=True).stdout)
    assert len(issues) == 5
    assert set(issues[0]) == {"id", "title", "paper", "paper_known", "edition", "date",
                              "date_precision", "date_source", "articles", "pages"}
    assert set(issues[0]["pages"][0]) == {"id", "number", "name", "articles", "source",
                                          "user_set"}
    # The seeds name no paper or page number (a page's name stands in for the paper);
    # their dates are inferred from the text.
    assert {(i["paper_known"], i["date_source"]) for i in issues} == {(False, "inferred")}
    assert {p["number"] for i in issues for p in i["pages"]} == {None}
    assert sum(i["articles"] for i in issues) == 43
    assert all(i["articles"] == sum(p["articles"] for p in i["pages"]) for i in issues)
    first = issues[0]
    articles = json.loads(reader(library, "list", "--issue", str(first["id"]), "--json",
                                 check=True).stdout)
    assert len(articles) == first["articles"]
    assert set(articles[0]) == {"id", "kind", "column", "title", "page", "page_number",
                                "page_name"}
    assert {a["page"] for a in articles} == {p["id"] for p in first["pages"]}
    shown = json.loads(reader(library, "show", str(articles[0]["id"]), "--json",
                              check=True).stdout)
    assert set(shown) == {"id", "issue", "kind", "column", "series", "title", "subtitle",
                          "authors", "subheads", "paragraphs", "entries", "tags", "note",
                          "highlights", "page", "paper", "date", "date_precision",
                          "page_number", "page_name", "origin", "corrected"}
    assert shown["paper"] is None and shown["corrected"] is False and shown["page"] == articles[0]["page"]
    assert shown["issue"] == first["id"]


def test_unknown_ids_are_one_sentence_and_exit_1(library):
    for args in (("show", "999999"), ("list", "--issue", "999999")):
        result = reader(library, *args)
        assert result.returncode == 1
        assert result.stderr.strip().count("\n") == 0 and "999999" in result.stderr


def test_search_json_and_text(library):
    data = json.loads(reader(library, "search", "皇甫美鲜", "--json", check=True).stdout)
    assert data["query"] == "皇甫美鲜" and data["total"] >= 1
    hit = data["hits"][0]
    assert set(hit) == {"id", "issue", "title", "column", "kind", "score", "match", "snippet",
                        "page", "paper", "date", "date_precision", "page_number", "page_name",
                        "origin"}
    assert hit["title"] == "破解机关党建“灯下黑”"
    text = reader(library, "search", "乌兰察布", check=True).stdout
    assert "articles match 乌兰察布" in text
    nothing = reader(library, "search", "完全不存在的词语组合", check=True).stdout
    assert "No articles match" in nothing


def test_malformed_query_falls_back_and_says_so(library):
    result = reader(library, "search", '"党建引领', "--json", check=True)
    assert json.loads(result.stdout)["total"] >= 1
    assert result.stderr.startswith("note:")


def test_stats_and_check(library):
    stats = json.loads(reader(library, "stats", "--json", check=True).stdout)
    assert {k: stats[k] for k in ("issues", "articles")} == {"issues": 5, "articles": 43}
    assert stats["index"]["in_step"] is True
    check = json.loads(reader(library, "check", "--json", check=True).stdout)
    assert check["ok"] is True and check["indexed"] == 43


def test_reindex(library):
    result = reader(library, "reindex", check=True)
    assert "Indexed 43 articles" in result.stdout


def test_import_of_a_missing_path_fails_with_one_sentence(library, tmp_path):
    result = reader(library, "import", str(tmp_path / "nope.txt"))
    assert result.returncode == 1
    assert "does not exist" in result.stdout + result.stderr


def test_killed_mid_import_leaves_a_consistent_library(tmp_path, library_dir):
    # A real process, killed: the one thing an in-process run cannot show.  Enough pages
    # for the parser's worker processes and for the kill to land mid-import, few enough
    # that the re-import and its indexing stay short.
    pages = tmp_path / "pages"
    pages.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for n in range(PAGES):
        text = seeds[n % 5].read_text(encoding="utf-8")
        (pages / f"page{n:03}.txt").write_text(text + f"\n\n第{n}号附记:本页为测试副本。\n",
                                               encoding="utf-8")
    lib = library_dir
    env = {**os.environ, "READER_LIBRARY": ""}
    # Pages are committed four at a time here (64 by default: the whole corpus at once).
    child = ("import sys\nfrom reader.library import page_batches\n"
             "page_batches.BATCH_PAGES = 4\nfrom reader.cli import main\n"
             f"sys.exit(main(['--library', {str(lib)!r}, 'import', {str(pages)!r}]))\n")
    process = subprocess.Popen(
        [sys.executable, "-c", child],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=env,
    )
    deadline = time.monotonic() + 60
    db = lib / "library.sqlite3"
    # Kill it once it has written something, while it is still working.  The
    # database is watched directly: starting `reader list` to look takes longer
    # than importing all the files does.
    while time.monotonic() < deadline and process.poll() is None:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as watcher:
            stored = watcher.execute("SELECT count(*) FROM issues").fetchone()[0]
        watcher.close()
        if stored > 8:
            break
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert db.exists()
    issues = json.loads(reader(lib, "list", "--json", check=True).stdout)
    assert 5 < len(issues) < PAGES + 5, "the kill should land in the middle of the import"
    # Every stored issue is complete: its article count matches a fresh parse.
    for issue in issues:
        assert issue["articles"] > 0
    rerun = reader(lib, "import", str(pages), "--json", check=True)
    statuses = [r["status"] for r in json.loads(rerun.stdout)]
    assert statuses.count("imported") + statuses.count("already imported") == PAGES
    issues = json.loads(reader(lib, "list", "--json", check=True).stdout)
    assert len(issues) == PAGES + 5
    assert json.loads(reader(lib, "check", "--json", check=True).stdout)["ok"] is True


def test_a_failed_import_in_json_keeps_its_shape_and_english_reason(tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    result = reader(tmp_path / "lib", "import", str(binary), "--json")
    assert result.returncode == 1
    [row] = json.loads(result.stdout)
    assert set(row) == {"path", "status", "issue_id", "page_id", "articles", "message"}
    assert row["status"] == "failed"
    assert row["message"] == f"Cannot read {binary}: it is a binary file, not a text page."


class _Terminal(io.StringIO):
    """A stream that says it is a terminal, as stderr does for a user at a shell."""

    def isatty(self):
        return True


def test_the_progress_bar_says_how_long_the_rest_will_take():
    from reader.cli_library import terminal_progress

    now = [100.0]
    screen = _Terminal()
    progress = terminal_progress(screen, clock=lambda: now[0])
    progress(0, 1000, "p1.txt")
    now[0] += 1
    progress(10, 1000, "p2.txt")  # too early to tell
    assert "left" not in screen.getvalue()
    now[0] += 9
    progress(100, 1000, "p3.txt")  # 100 pages in 10 s: 900 more take 90 s
    assert screen.getvalue().endswith("about 2 min left · p3.txt" + " " * 34)
    now[0] += 5
    progress(2000, 20000, "indexing")  # a new stage: timed from here
    assert "left · indexing" not in screen.getvalue()
    now[0] += 3600
    progress(6000, 20000, "indexing")  # 4000 in an hour: 14000 more take 3.5 h
    assert "about 3.5 h left · indexing" in screen.getvalue()


def test_the_files_read_before_an_import_are_a_stage_of_their_own():
    """A million articles' files take half a minute to read before any is stored: the bar
    moves meanwhile, and the storing that follows is timed from its own start."""
    from reader.cli_library import terminal_progress

    now = [0.0]
    screen = _Terminal()
    progress = terminal_progress(screen, clock=lambda: now[0])
    progress(1000, 100000, "reading")
    now[0] += 10
    progress(51000, 100000, "reading")  # 50,000 in 10 s: 49,000 more take 10 s
    assert screen.getvalue().endswith("about 10 s left · reading" + " " * 33)
    now[0] += 10
    progress(1, 100000, "p1.txt")  # the storing: not timed by the reading's pace
    now[0] += 1
    progress(1000, 100000, "p1000.txt")
    assert "left · p1000.txt" not in screen.getvalue()
    now[0] += 9
    progress(10000, 100000, "p10000.txt")  # ~10,000 in 10 s: 90,000 more take ~90 s
    assert "about 2 min left · p10000.txt" in screen.getvalue()
