"""`reader export` run in-process against a temporary library."""

from __future__ import annotations

import json

import pytest

from reader.library import Library
from tests.reader_cli import reader


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    lib = tmp_path_factory.mktemp("cli-export") / "lib"
    reader(lib, "stats", check=True)  # first run: seeds imported
    return lib


def issue_id(library, title="先锋 · 2024-01") -> int:
    issues = json.loads(reader(library, "list", "--json", check=True).stdout)
    return next(i["id"] for i in issues if i["title"] == title)


def test_an_issue_exports_to_one_text_file(library, tmp_path):
    issue = issue_id(library)
    target = tmp_path / "先锋.txt"
    result = reader(library, "export", "--issue", str(issue), "-o", str(target), check=True)
    text = target.read_bytes().decode("utf-8")
    assert result.stdout == f"Wrote {target}: 8 articles, {len(text)} characters.\n"
    assert text.startswith("先锋 · 2024-01\n共 8 篇\n")
    assert text.count("\n引用：") == 8 and text.endswith("[N]. [2024-01](先锋).\n")


def test_the_format_follows_the_suffix_and_a_bare_name_gets_one(library, tmp_path):
    issue = str(issue_id(library))
    reader(library, "export", "--issue", issue, "-o", str(tmp_path / "a.md"), check=True)
    assert (tmp_path / "a.md").read_text(encoding="utf-8").startswith("# 先锋 · 2024-01\n")
    result = reader(library, "export", "--issue", issue, "--format", "md", "-o",
                    str(tmp_path / "b"), check=True)
    assert result.stdout.startswith(f"Wrote {tmp_path / 'b.md'}:")


def test_a_split_search_export_lists_its_files_in_rank_order(library, tmp_path):
    hits = json.loads(reader(library, "search", "网格员", "--json", check=True).stdout)["hits"]
    folder = tmp_path / "网格员"
    result = reader(library, "export", "--query", "网格员", "--split", "--format", "md",
                    "-o", str(folder), check=True)
    lines = result.stdout.splitlines()
    files = sorted(folder.iterdir())
    assert lines[:-1] == [str(p) for p in files]
    assert lines[-1].startswith(f"Wrote {len(hits)} files to {folder}: {len(hits)} articles, ")
    titles = [p.read_text(encoding="utf-8").split("\n")[0] for p in files]
    assert titles == [f"# {h['title']}" for h in hits]  # none of these titles needs escaping
    assert [p.name[:3] for p in files] == [f"{n:02d} " for n in range(1, len(hits) + 1)]


def test_highlights_only(library, tmp_path):
    with Library.open(library / "library.sqlite3") as lib:
        article = lib.articles.in_issue(issue_id(library))[0]
        lib.highlights.add(article.id, 0, 10, note="开头")
    target = tmp_path / "q.txt"
    result = reader(library, "export", "--issue", str(issue_id(library)), "--include",
                    "highlights-only", "-o", str(target), check=True)
    size = len(target.read_text(encoding="utf-8"))
    assert result.stdout == (f"Wrote {target}: 1 article, {size} characters.\n"
                             "Left out 7 articles without highlights.\n")
    assert target.read_text(encoding="utf-8") == (
        "先锋 · 2024-01\n共 1 篇\n\n" + "=" * 40 + "\n\n"
        f"{article.title}\n\n「{article.text[:10]}」\n  批注：开头\n\n"
        f"引用：宋爽. {article.title}[N]. [2024-01](先锋).\n")


def test_an_existing_file_is_not_overwritten_without_force(library, tmp_path):
    target = tmp_path / "mine.txt"
    target.write_text("mine", encoding="utf-8")
    result = reader(library, "export", "1", "-o", str(target))
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == (f"reader: {target} already exists; not overwriting it "
                             "(--force overwrites).\n")
    assert target.read_text(encoding="utf-8") == "mine"
    reader(library, "export", "1", "-o", str(target), "--force", check=True)
    assert target.read_text(encoding="utf-8") != "mine"


@pytest.mark.parametrize(("args", "code", "stderr"), [
    (["99999"], 1, "reader: No article with id 99999.\n"),
    (["--tag", "没有这个"], 1, "reader: No articles are tagged 没有这个.\n"),
    (["1", "--include", "body,x"], 1,
     "reader: Unknown part 'x': use header, body, tags, note, highlights or highlights-only.\n"),
    (["1", "--format", "pdf"], 2, None),
])
def test_errors_are_one_sentence_or_usage(library, tmp_path, args, code, stderr):
    result = reader(library, "export", *args, "-o", str(tmp_path / "x.txt"))
    assert result.returncode == code
    if stderr is not None:
        assert result.stderr == stderr
    assert not (tmp_path / "x.txt").exists()


def test_output_is_required(library):
    assert reader(library, "export", "1").returncode == 2


@pytest.mark.parametrize(("fmt", "suffix", "start"), [
    ("ris", ".ris", "TY  - NEWS\nTI  - “红色业委会”"),
    ("csljson", ".json", '[\n  {\n    "id": '),
    ("bibtex", ".bib", "@article{songshuang2024-"),
    ("csv", ".csv", "\ufeffid,title,authors,paper,date,page,section,column,kind,tags,note,key\n"),
    ("gbt7714", ".txt", "[1] 宋爽. “红色业委会”激活小区治理“一池春水”[N]. 2024-01.\n"),
])
def test_reference_formats_write_one_record_per_article(library, tmp_path, fmt, suffix, start):
    issue = str(issue_id(library))
    result = reader(library, "export", "--issue", issue, "--format", fmt, "-o",
                    str(tmp_path / "refs"), check=True)
    target = tmp_path / f"refs{suffix}"  # a bare name gets the format's suffix
    assert result.stdout.startswith(f"Wrote {target}: 8 articles")
    text = target.read_text(encoding="utf-8")
    assert text.startswith(start)
    if fmt == "csljson":
        assert [i["type"] for i in json.loads(text)] == ["article-newspaper"] * 8
    if fmt == "ris":
        assert text.count("TY  - NEWS") == text.count("ER  - ") == 8


def test_the_suffix_chooses_a_reference_format(library, tmp_path):
    reader(library, "export", "--issue", str(issue_id(library)), "-o", str(tmp_path / "a.bib"),
           check=True)
    assert (tmp_path / "a.bib").read_text(encoding="utf-8").count("@article{") == 8
