"""Rebuild the export examples in this folder from a fresh library, with the real CLI.

    .venv/bin/python docs/examples/make_export_examples.py

Fills a temporary library from the seeds (`reader stats`), gives one article
of 先锋 · 2024-01 a tag, a note and a highlight with a note (through the
library API, as the window would), then runs `reader export --issue` to
write the issue as plain text, as Markdown, and as RIS and CSL-JSON records
for Zotero (File → Import… reads either as eight newspaper articles) next to
this script.  tests/export/test_examples.py reads the records back.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from reader.library import Library

HERE = Path(__file__).parent
ISSUE_TITLE = "先锋 · 2024-01"
ARTICLE_TITLE = "扩大监督圈 筑牢“防火墙”"
PASSAGE = "建立由组织部门牵头,县纪委监委、县委办公室、统战部、政法委、网信办等22家单位参与的干部监督工作会商联系机制"


def reader(library: Path, *args: str) -> str:
    env = {**os.environ, "READER_LIBRARY": ""}
    result = subprocess.run([sys.executable, "-m", "reader", "--library", str(library), *args],
                            capture_output=True, text=True, encoding="utf-8", env=env, check=True)
    return result.stdout


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        library = Path(folder) / "lib"
        reader(library, "stats")
        issue = next(i for i in json.loads(reader(library, "list", "--json"))
                     if i["title"] == ISSUE_TITLE)
        with Library.open(library / "library.sqlite3") as lib:
            article = next(a for a in lib.articles.in_issue(issue["id"]) if a.title == ARTICLE_TITLE)
            lib.tags.add(article.id, ["干部监督", "党建引领"])
            lib.notes.set(article.id, "大监督体系的做法：22家单位会商联系，可与其他旗县对照。")
            start = article.text.index(PASSAGE)
            lib.highlights.add(article.id, start, start + len(PASSAGE), note="具体机制")
        for suffix in ("txt", "md", "ris", "json"):
            target = HERE / f"先锋-2024-01.{suffix}"
            print(reader(library, "export", "--issue", str(issue["id"]), "-o", str(target),
                         "--force").replace(str(HERE) + os.sep, ""), end="")


if __name__ == "__main__":
    main()
