"""Synthetic page files for the parser benchmarks, recombined from the real seeds.

The five pages in `seeds/` are split into their blocks: titles (short
title-shaped lines), reporters' names (from `□本报记者 …` bylines),
photographers' names (from `XX 摄` credits) and the sentences of their long
paragraph lines.  `generate_page` then prints article blocks the way the seeds
do, one paragraph per line with a blank line between:

    知行合一                      a label line (sometimes with ◎)
    扩大监督圈 筑牢“防火墙”       a title
    □本报记者 潘佳 通讯员 计蕊     a byline
    “以前,干部监督工作……。       3-12 paragraphs, sometimes a subhead between
    在开发利用红色资源的同时,乌兰察布管    a paragraph split by the print columns:
    理区积极践行……。                   two halves, the first without punctuation

and now and then a photo block after three blank lines (title, caption,
`XX 摄`).  Paragraphs are recombined from the seeds' sentences rather than
copied whole, so that a large page does not consist of the same few dozen
paragraphs (which the parser would drop as printed twice).

Everything is drawn from one `random.Random(seed)`: a seed always gives the
same page.  `python -m tests.benchmarks.generate BYTES [SEED]` prints a page,
for profiling the parser outside pytest.
"""

from __future__ import annotations

import random
import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SEEDS_DIR = Path(__file__).resolve().parent.parent.parent / "seeds"

#: Column labels printed over the seeds' articles (观潮 and the box and photo
#: columns are left out: they head commentaries, boxes and photos, not reports).
LABELS = ("知行合一", "学思践悟", "初心如磐", "北疆党旗红", "视点", "近邻", "阵地", "广角", "红船初心")
#: Role words that may stand between names in a seed byline.
_ROLE_WORDS = {"本报记者", "见习记者", "通讯员", "实习生", "记者"}

#: How often each optional part of an article block appears.
P_LABEL = 0.7           # a label line over the title
P_SECOND_AUTHOR = 0.3   # `通讯员 Y` after the reporter
P_SUBHEAD = 0.08        # a subhead before a paragraph (not the first)
P_SPLIT = 0.1           # a paragraph split in two halves by the print columns
P_PHOTO = 0.25          # a photo block after an article
MIN_PARAGRAPHS, MAX_PARAGRAPHS = 3, 12

_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]”?")
_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_TITLE_FORBIDDEN = "。！？!?；;：:()（）"
_NOT_A_TITLE_START = "□◎★☆●◆■—-(（"


@dataclass(frozen=True)
class SeedBlocks:
    """The pieces the seed pages are made of."""

    titles: tuple[str, ...]
    reporters: tuple[str, ...]
    photographers: tuple[str, ...]
    sentences: tuple[str, ...]


def _clean(raw: str) -> str:
    text = _MARKDOWN_HEADING.sub("", raw.strip(" \t\u3000"))
    return text.replace("**", "").strip(" \t\u3000")


def _is_title(text: str) -> bool:
    return (
        5 <= len(text) <= 30
        and text[0] not in _NOT_A_TITLE_START
        and not any(c in text for c in _TITLE_FORBIDDEN)
        # A comma other than after a quotation is the first half of a split
        # paragraph (在推进“灯下黑”整治过程中,乌兰察布), not a title.
        and not re.search(r"[^”’][,，]", text)
        and not text.endswith(("摄", ",", "，", "、"))
        and len(_CJK.findall(text)) >= 4
    )


@cache
def seed_blocks(seeds_dir: Path = SEEDS_DIR) -> SeedBlocks:
    """Split the seed pages into titles, names and paragraph sentences."""
    titles: list[str] = []
    reporters: list[str] = []
    photographers: list[str] = []
    sentences: list[str] = []
    paths = sorted(seeds_dir.glob("*.txt"))
    if not paths:
        raise FileNotFoundError(f"no seed pages in {seeds_dir}")
    for path in paths:
        for raw in path.read_text(encoding="utf-8").splitlines():
            text = _clean(raw)
            if not text:
                continue
            if text.startswith("□"):
                reporters += [t for t in text[1:].split() if _NAME.fullmatch(t) and t not in _ROLE_WORDS]
            elif text.endswith(" 摄"):
                photographers.append(text.split()[-2])
            elif len(text) >= 60 and text[-1] in "。！？!?”" and text[0] not in _NOT_A_TITLE_START:
                sentences += [s for s in _SENTENCE.findall(text) if len(s) >= 8]
            elif _is_title(text) and text not in LABELS:
                titles.append(text)

    def unique(values: list[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(values))

    return SeedBlocks(unique(titles), unique(reporters), unique(photographers), unique(sentences))


def _paragraph(rng: random.Random, blocks: SeedBlocks) -> str:
    return "".join(rng.choice(blocks.sentences) for _ in range(rng.randint(2, 5)))


def _split_halves(rng: random.Random, text: str) -> list[str]:
    """Cut a paragraph where the print columns would: between two ideographs."""
    low, high = len(text) // 4, 3 * len(text) // 4
    cuts = [i for i in range(low, high) if _CJK.match(text[i - 1]) and _CJK.match(text[i])]
    if not cuts:
        return [text]
    cut = rng.choice(cuts)
    return [text[:cut], text[cut:]]


def _article(rng: random.Random, blocks: SeedBlocks) -> list[str]:
    lines: list[str] = []
    if rng.random() < P_LABEL:
        label = rng.choice(LABELS)
        lines.append("◎" + label if rng.random() < 0.3 else label)
    lines.append(rng.choice(blocks.titles))
    byline = "□本报记者 " + rng.choice(blocks.reporters)
    if rng.random() < P_SECOND_AUTHOR:
        byline += " 通讯员 " + rng.choice(blocks.reporters)
    lines.append(byline)
    for number in range(rng.randint(MIN_PARAGRAPHS, MAX_PARAGRAPHS)):
        if number and rng.random() < P_SUBHEAD:
            lines.append(rng.choice(blocks.titles))
        text = _paragraph(rng, blocks)
        lines.extend(_split_halves(rng, text) if rng.random() < P_SPLIT else [text])
    return lines


def _photo(rng: random.Random, blocks: SeedBlocks) -> list[str]:
    caption = ("近日," if rng.random() < 0.5 else "") + _paragraph(rng, blocks)
    # A leading empty line: joined with blank lines it makes the three blank
    # lines that mark an image.
    return ["", rng.choice(blocks.titles), caption, rng.choice(blocks.photographers) + " 摄"]


def generate_page(target_bytes: int, seed: int = 0) -> str:
    """A page of at least `target_bytes` UTF-8 bytes (one block more at most)."""
    rng = random.Random(seed)
    blocks = seed_blocks()
    lines: list[str] = [""]  # joined: the two blank lines the seeds open with
    size = 0
    while size < target_bytes:
        block = _article(rng, blocks)
        if rng.random() < P_PHOTO:
            block += _photo(rng, blocks)
        lines += block
        # Each line is followed by "\n\n" in the joined page.
        size += sum(len(line.encode("utf-8")) + 2 for line in block)
    return "\n\n".join(lines) + "\n"


def generate_pages(n: int, seed: int = 0, target_bytes: int = 20_000) -> list[str]:
    """`n` normal-size pages, each from its own seed drawn from `seed`."""
    rng = random.Random(seed)
    return [generate_page(target_bytes, seed=rng.getrandbits(32)) for _ in range(n)]


def main(argv: list[str]) -> int:
    if not 1 <= len(argv) <= 2:
        print("usage: python -m tests.benchmarks.generate BYTES [SEED]", file=sys.stderr)
        return 2
    sys.stdout.write(generate_page(int(argv[0]), seed=int(argv[1]) if len(argv) > 1 else 0))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
