"""`reader parse` run in-process (`reader.cli.main`)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.reader_cli import run

ROOT = Path(__file__).parent.parent
SEED = ROOT / "seeds" / "001_f647707586ad7244.txt"


def test_outline_lists_items_with_bylines_and_defects():
    result = run("parse", str(SEED))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "[视点] 破解机关党建“灯下黑”" in out
    assert "本报记者 皇甫美鲜 · 实习生 郭羽 · 实习生 刘恒" in out
    assert "commentary [观潮] 党群关系好 党建根基牢" in out
    assert "defects: title lost, interleaved" in out
    assert "date: 2021-01 (month, inferred)" in out


def test_json_follows_the_contract():
    result = run("parse", str(SEED), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"source", "paper", "page_number", "page_name", "date", "date_precision",
            "date_source", "items", "unassigned"} <= set(data)
    item = data["items"][0]
    assert set(item) == {
        "kind", "column", "series", "title", "subtitle", "authors", "subheads", "paragraphs",
        "entries", "defects", "kicker", "dateline",
    }
    assert item["authors"][2] == {"role": "实习生", "name": "刘恒"}
    assert item["subheads"] == ["系统化布局落子有方", "品牌化建设服务群众"]
    assert data["date"] == "2021-01" and data["date_precision"] == "month"
    # A seed's name (001_f647707586ad7244.txt) says nothing: its date stays inferred.
    assert data["date_source"] == "inferred"
    assert data["paper"] is None and data["page_number"] is None


def test_missing_file_is_one_sentence_and_exit_1(tmp_path):
    result = run("parse", str(tmp_path / "nope.txt"))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip().count("\n") == 0
    assert "does not exist" in result.stderr


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = run("parse", str(path))
    assert result.returncode == 1
    assert "binary" in result.stderr


def test_bad_usage_exits_2():
    assert run("parse").returncode == 2
    assert run("frobnicate").returncode == 2


def test_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("reader ")


def test_explain_gives_each_line_its_decision_and_cue(tmp_path, capsys):
    from reader.cli import main

    page = tmp_path / "page.txt"
    page.write_text(
        "\n\n".join([
            "如此犒劳，要不得（监督哨）",
            "某地一些单位以慰问为名，用公款购买高档礼品发放给职工。",
            "（郭  帅）",
            "本版责编：李  明",
        ]),
        encoding="utf-8",
    )
    assert main(["parse", str(page), "--explain"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 4  # one row per non-blank line, in file order
    title, body, byline, credit = out
    assert title.split()[:2] == ["1", "title"]
    assert "headline + bracketed column 监督哨" in title and "starts item 1" in title
    assert body.split()[:2] == ["3", "body"] and "item 1" in body
    assert byline.split()[:2] == ["5", "byline"] and "bracketed names" in byline
    assert credit.split()[:3] == ["7", "page", "credit"] and "item" not in credit
