"""Rebuild `paper-and-page.md` and the 桂林日报 export example with the real CLI.

    .venv/bin/python docs/examples/make_paper_examples.py

Fills a temporary library from the seeds (`reader stats`), imports one corpus page
under a name that says nothing (`page.txt`) with `--paper --date --page --page-name`,
then records what `reader list`, `reader issue`, `reader show` and `reader export`
print: the issue with its page, the article's origin line, the export header (出处)
and the GB/T 7714 citation with the paper and page number, next to a seed article's
(paper unknown, date inferred).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent
PAGE = HERE.parents[1] / "tests" / "eval" / "corpus" / "2023-01-30_第02版_综合新闻.txt"
GIVEN = ["--paper", "桂林日报", "--date", "2023-01-30", "--page", "2", "--page-name", "综合新闻"]


def reader(library: Path, *args: str) -> str:
    env = {**os.environ, "READER_LIBRARY": ""}
    result = subprocess.run([sys.executable, "-m", "reader", "--library", str(library), *args],
                            capture_output=True, text=True, encoding="utf-8", env=env, check=True)
    return result.stdout


def main() -> None:
    transcript: list[str] = []

    def run(library: Path, *args: str, shown: str | None = None) -> str:
        out = reader(library, *args)
        transcript.append(f"$ reader {shown or ' '.join(args)}\n{out.rstrip()}\n")
        return out

    with tempfile.TemporaryDirectory() as folder:
        library = Path(folder) / "lib"
        reader(library, "stats")
        page = Path(folder) / "page.txt"
        shutil.copyfile(PAGE, page)
        [result] = json.loads(reader(library, "import", str(page), "--json", *GIVEN))
        transcript.append(f"$ reader import {' '.join(GIVEN)} page.txt\n"
                          f"imported          page.txt ({result['articles']} articles)\n")
        run(library, "list")
        run(library, "issue", str(result["issue_id"]))
        articles = json.loads(reader(library, "list", "--issue", str(result["issue_id"]),
                                     "--json"))
        article = next(a for a in articles if a["title"])
        run(library, "show", str(article["id"]), "--json", shown=f"show {article['id']} --json")
        transcript[-1] = _only_origin(transcript[-1])
        target = HERE / "桂林日报-2023-01-30.md"
        reader(library, "export", "--issue", str(result["issue_id"]), "--format", "md",
               "-o", str(target), "--force")
        seed = next(i for i in json.loads(reader(library, "list", "--json"))
                    if i["title"].startswith("先锋"))
        seed_target = Path(folder) / "先锋-2024-01.md"
        reader(library, "export", "--issue", str(seed["id"]), "--format", "md",
               "-o", str(seed_target))
        header = _first_block(target)
        seed_header = _first_block(seed_target)
    (HERE / "paper-and-page.md").write_text(
        "# Paper, date and page: where an article is from\n\n"
        "Made by `make_paper_examples.py` with the real CLI: a fresh library (the five seeds)\n"
        "and one page of 桂林日报 imported from a file whose name says nothing, with the\n"
        "paper, date, page number and page name given on the command line.\n\n"
        "```\n" + "\n".join(transcript) + "```\n\n"
        "## The export header and citation (桂林日报-2023-01-30.md)\n\n"
        "The paper and page are known: 出处 reads paper · date · 第N版 版名 · column, and the\n"
        "GB/T 7714 citation ends with the paper, the date and the page number.\n\n"
        "```markdown\n" + header + "\n```\n\n"
        "## A seed page (the issue 先锋 · 2024-01)\n\n"
        "The paper is unknown (the page's name, 先锋, stands in for it in the tree) and the date\n"
        "was inferred from the text: 约2024年1月 in the header, [2024-01] in the citation.\n\n"
        "```markdown\n" + seed_header + "\n```\n",
        encoding="utf-8")
    print("wrote paper-and-page.md, 桂林日报-2023-01-30.md")


def _first_block(path: Path) -> str:
    """The first article of an export: its title, header lines and citation."""
    first = path.read_text(encoding="utf-8").split("\n---\n")[1]
    lines = first.strip().splitlines()
    keep = [line for line in lines if line.startswith(("## ", "- ", "引用"))]
    return "\n".join(keep)


def _only_origin(block: str) -> str:
    """`show --json` cut to its identity and origin fields (the body is long)."""
    head, _, body = block.partition("\n")
    data = json.loads(body)
    wanted = ("id", "title", "column", "paper", "date", "date_precision", "page",
              "page_number", "page_name", "origin")
    return head + "\n" + json.dumps({k: data[k] for k in wanted}, ensure_ascii=False,
                                    indent=2) + "\n"


if __name__ == "__main__":
    main()
