"""The research benchmark's corpus: the archive corpus with two terms that rise over the years.

`tests/benchmarks/corpus_gen.py` writes an archive-like corpus (four papers, 1996-2025);
its words are drawn without regard to the date, so every term's trend is flat and a trend
chart of it shows nothing a researcher would look at.  This corpus is the same pages with
sentences added to their body paragraphs whose share rises with the page's year, the way
two slogans entered the papers:

- 网格 (grid management): from 2004 (网格化管理 began in Beijing's Dongcheng district that
  year), rising, with a spike in 2020 (grid workers in the epidemic);
- 党建引领 (Party building leads …): rare before 2012, then climbing to the 2020s.

A paragraph (a line longer than a title, not a byline) gets one of `SENTENCES` with the
year's probability; titles, column labels and bylines are left alone, so the parser splits
a page into exactly the articles `corpus_gen` wrote.  Each page's additions are drawn from
its own `random.Random` (seed, file name), so the corpus is the same for the same arguments.

`build(root, articles)` writes the pages to `root/pages` and imports them into the library
`root/lib` (what `tests/benchmarks/test_research_timing.py` times), once: `root/built.json`
says it is done.

Command line (writes pages and builds the library, prints a summary):
    python -m tests.benchmarks.research_corpus ROOT ARTICLES [SEED]
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from pathlib import Path

from tests.benchmarks import corpus_gen

#: Added sentences: term → sentences that carry it.
SENTENCES: dict[str, tuple[str, ...]] = {
    "网格": (
        "社区推行网格化管理，每个网格配备一名网格员。",
        "网格员走家入户，把矛盾化解在网格里。",
        "全市划分为若干网格，实现网格全覆盖。",
    ),
    "党建引领": (
        "坚持党建引领，推动基层治理提质增效。",
        "以党建引领乡村振兴，夯实基层战斗堡垒。",
        "党建引领凝聚合力，服务群众“最后一公里”。",
    ),
}
#: A body paragraph is at least this long (titles are 6-24 characters).
MIN_PARAGRAPH = 30


def share(term: str, year: int) -> float:
    """The probability that a body paragraph of `year` gets a sentence with `term`."""
    if term == "网格":
        if year < 2004:
            return 0.0
        rise = min(1.0, (year - 2004) / 16)
        return 0.02 + 0.10 * rise + (0.12 if year == 2020 else 0.0)
    if year < 2012:
        return 0.004
    return 0.01 + 0.14 * min(1.0, (year - 2012) / 12)


def augment(text: str, relative_path: str, seed: int) -> str:
    """The page `text` (of `relative_path`, whose year is its folder) with the sentences added."""
    year = int(Path(relative_path).parent.name)
    rng = random.Random(f"research:{seed}:{relative_path}")
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if len(line) < MIN_PARAGRAPH or line.startswith("□"):
            continue
        for term, sentences in SENTENCES.items():
            if rng.random() < share(term, year):
                line += rng.choice(sentences)
        lines[number] = line
    return "\n".join(lines)


def write_corpus(folder: Path, articles: int, seed: int = 17) -> int:
    """Write the `articles`-article research corpus under `folder`; return bytes written.
    A page already on disk is left as it is (the files are a function of the arguments)."""
    total_pages = corpus_gen.pages_for(articles)
    written = 0
    for number in range(total_pages):
        path = folder / corpus_gen.page_name(number, total_pages)
        if path.exists():
            written += path.stat().st_size
            continue
        page = corpus_gen.generate_page(number, total_pages, seed)
        data = augment(page.text, page.relative_path, seed).encode("utf-8")
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".part")
        tmp.write_bytes(data)
        os.replace(tmp, path)
        written += len(data)
    return written


def build(root: Path, articles: int, seed: int = 17) -> dict:
    """The library of the corpus in `root/lib` (built once); what `root/built.json` says."""
    from reader.app import Session
    from reader.paths import resolve_paths

    marker = root / "built.json"
    if marker.exists():
        return json.loads(marker.read_text())
    start = time.perf_counter()
    size = write_corpus(root / "pages", articles, seed)
    written = time.perf_counter()
    with Session.open(resolve_paths(root / "lib"), fill_from_seeds=False) as session:
        session.library.set_meta("seeds_imported", "yes")
        session.import_paths([root / "pages"])
        session.ensure_index()
        count = session.library.stats()["articles"]
    figures = {"articles": count, "bytes": size, "write_seconds": written - start,
               "import_seconds": time.perf_counter() - written}
    marker.write_text(json.dumps(figures))
    return figures


def main(argv: list[str]) -> int:
    if not 2 <= len(argv) <= 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    root, articles = Path(argv[0]), corpus_gen.SIZES.get(argv[1]) or int(argv[1])
    seed = int(argv[2]) if len(argv) > 2 else 17
    print(json.dumps(build(root, articles, seed)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
