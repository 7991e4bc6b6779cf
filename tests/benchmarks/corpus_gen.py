"""The archive-scale benchmark corpus: page files a reader would recognise, 10k to 1M articles.

Issue 17 measures Reader against baselines on a corpus like a paper's archive:

- **Vocabulary**: words drawn by the frequencies of jieba's own dictionary (`dict.txt`,
  349k words: a Zipf-like distribution, so common words are in most articles and most
  words in few), with person names (a surname and one or two given characters), place
  names (the dictionary's `ns` words), numbers and dates; one sentence in four is a
  sentence of the real seed pages (so the project's queries, 嘎查, 网格员, 呼和浩特 …, find
  what they find in a real library).
- **Pages Reader splits exactly**: each article is a column label (one of the labels the
  parser knows) above its title, a `□本报记者 …` byline and 2-5 paragraphs; a page holds
  about nine articles.  `parse_page` of a generated page gives back exactly its articles
  (`test_corpus_gen.py` checks the titles).
- **Papers, dates, pages**: file names in the newspaper PDF naming (`nmgrb1997031204.txt`:
  paper, date, page), four papers, dates spread over 1996-2025, eight pages an issue day;
  in folders `<paper>/<year>/` so that a large corpus can be imported a year at a time.
- **One seed**: `write_corpus(folder, articles, seed)` writes the same files for the same
  arguments; 10k, 100k and 1M are the sizes the benchmarks use.  Each page has its own
  `random.Random` derived from (seed, page number), so any page can be regenerated alone
  and the pages of a corpus can be written in any order or in parts.

`queries(seed)` draws the second query set from the same vocabulary (common, middling and
rare words, names, places, AND pairs, exclusions, phrases).

Command line (writes pages, prints a summary):
    python -m tests.benchmarks.corpus_gen FOLDER ARTICLES [SEED]
"""

from __future__ import annotations

import datetime
import os
import random
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tests.benchmarks.generate import LABELS, seed_blocks

#: Papers of the corpus (abbreviations the importer maps to their names).
PAPERS = ("nmgrb", "rmrb", "gmrb", "jjrb")
FIRST_DAY = datetime.date(1996, 1, 1)
SPAN_DAYS = 30 * 365
PAGES_A_DAY = 8
ARTICLES_A_PAGE = 9
SIZES = {"10k": 10_000, "100k": 100_000, "1M": 1_000_000}
#: Share of sentences taken whole from the seed pages.
P_SEED_SENTENCE = 0.25
P_NAME, P_PLACE, P_NUMBER = 0.02, 0.02, 0.015
#: Words that make a line a byline or a photo credit to the parser.
_NOT_IN_TITLES = ("记者", "通讯员", "实习生", "摄", "编辑", "来源", "提供", "供图")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽"


@dataclass(frozen=True)
class Vocabulary:
    """Words with cumulative frequencies (for `random.choices`), names' parts and places."""

    words: tuple[str, ...]
    cumulative: tuple[int, ...]
    places: tuple[str, ...]
    seed_sentences: tuple[str, ...]
    seed_titles: tuple[str, ...]

    def draw(self, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cumulative, k=k)

    def band(self, low: float, high: float) -> tuple[str, ...]:
        """The words whose frequency rank lies between the fractions `low` and `high`
        of the dictionary sorted most frequent first (for drawing queries)."""
        ranked = _ranked(self)
        return ranked[int(low * len(ranked)) : max(int(high * len(ranked)), int(low * len(ranked)) + 1)]


@cache
def vocabulary() -> Vocabulary:
    """jieba's dictionary: every word of two characters or more made of Han characters."""
    import jieba  # only for the location of its dictionary file

    path = Path(jieba.__file__).parent / "dict.txt"
    words: list[str] = []
    cumulative: list[int] = []
    places: list[str] = []
    total = 0
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            word, freq, tag = line.split()
            # Single characters are mostly function words the generated text would drown
            # in; proper names are drawn on their own below.
            if len(word) < 2 or not all("\u4e00" <= ch <= "\u9fff" for ch in word):
                continue
            if tag == "ns" and int(freq) >= 3 and len(word) <= 4:
                places.append(word)
            if tag.startswith("nr"):
                continue
            total += int(freq)
            words.append(word)
            cumulative.append(total)
    blocks = seed_blocks()
    return Vocabulary(tuple(words), tuple(cumulative), tuple(places), blocks.sentences, blocks.titles)


@cache
def _ranked(vocab: Vocabulary) -> tuple[str, ...]:
    freqs = [b - a for a, b in zip((0, *vocab.cumulative), vocab.cumulative, strict=False)]
    order = sorted(range(len(vocab.words)), key=lambda i: -freqs[i])
    return tuple(vocab.words[i] for i in order)


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))


def _number(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.4:
        return f"{rng.randint(1996, 2025)}年"
    if kind < 0.7:
        return f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
    return f"{rng.randint(2, 999)}{rng.choice('个名家人户万亿吨亩元')}"


def _sentence(rng: random.Random, vocab: Vocabulary) -> str:
    if rng.random() < P_SEED_SENTENCE:
        return rng.choice(vocab.seed_sentences)
    parts: list[str] = []
    for clause in range(rng.randint(1, 3)):
        if clause:
            parts.append("，")
        for word in vocab.draw(rng, rng.randint(4, 9)):
            roll = rng.random()
            if roll < P_NAME:
                parts.append(person(rng))
            elif roll < P_NAME + P_PLACE:
                parts.append(rng.choice(vocab.places))
            elif roll < P_NAME + P_PLACE + P_NUMBER:
                parts.append(_number(rng))
            parts.append(word)
    return "".join(parts) + rng.choice("。。。。！？")


def _paragraph(rng: random.Random, vocab: Vocabulary) -> str:
    return "".join(_sentence(rng, vocab) for _ in range(rng.randint(2, 4)))


def _title(rng: random.Random, vocab: Vocabulary) -> str:
    if rng.random() < 0.3:
        return rng.choice(vocab.seed_titles)
    while True:
        words = vocab.draw(rng, rng.randint(3, 6))
        if rng.random() < 0.3:
            words.insert(rng.randrange(len(words) + 1), rng.choice(vocab.places))
        title = "".join(words)
        # A title with a byline's role word reads as a byline (管道记者肝脏).
        if 6 <= len(title) <= 24 and not any(w in title for w in _NOT_IN_TITLES):
            return title


@dataclass(frozen=True)
class Page:
    """One generated page: where it goes and what it holds."""

    relative_path: str
    text: str
    titles: tuple[str, ...]


def page_name(number: int, total_pages: int) -> str:
    """`<paper>/<year>/<paper><yyyymmdd><page>.txt` of page `number` of `total_pages`."""
    paper = PAPERS[number % len(PAPERS)]
    slot = number // len(PAPERS)
    slots = -(-total_pages // len(PAPERS))
    days = -(-slots // PAGES_A_DAY)
    day = FIRST_DAY + datetime.timedelta(days=(slot // PAGES_A_DAY) * max(1, SPAN_DAYS // days))
    return f"{paper}/{day.year}/{paper}{day:%Y%m%d}{slot % PAGES_A_DAY + 1:02}.txt"


def generate_page(number: int, total_pages: int, seed: int) -> Page:
    """Page `number` (0-based) of a corpus of `total_pages` pages drawn from `seed`."""
    rng = random.Random(f"{seed}:{number}")
    vocab = vocabulary()
    lines: list[str] = [""]
    titles: list[str] = []
    for _ in range(ARTICLES_A_PAGE):
        title = _title(rng, vocab)
        titles.append(title)
        lines.append(rng.choice(LABELS))
        lines.append(title)
        byline = "□本报记者 " + person(rng)
        if rng.random() < 0.3:
            byline += " 通讯员 " + person(rng)
        lines.append(byline)
        lines.extend(_paragraph(rng, vocab) for _ in range(rng.randint(2, 5)))
    return Page(page_name(number, total_pages), "\n\n".join(lines) + "\n", tuple(titles))


def pages_for(articles: int) -> int:
    return max(1, -(-articles // ARTICLES_A_PAGE))


def write_corpus(folder: Path, articles: int, seed: int = 17, parts: range | None = None) -> int:
    """Write the pages of an `articles`-article corpus under `folder`; return bytes written.

    `parts` limits it to some page numbers (to write a large corpus in pieces); a page
    already on disk is left as it is (the files are a function of the arguments).
    """
    total_pages = pages_for(articles)
    written = 0
    for number in parts if parts is not None else range(total_pages):
        path = folder / page_name(number, total_pages)
        if path.exists():
            written += path.stat().st_size
            continue
        page = generate_page(number, total_pages, seed)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = page.text.encode("utf-8")
        tmp = path.with_suffix(".part")
        tmp.write_bytes(data)
        os.replace(tmp, path)
        written += len(data)
    return written


def queries(seed: int = 17) -> list[str]:
    """The vocabulary query set: 30 queries of the kinds a researcher types."""
    rng = random.Random(f"queries:{seed}")
    vocab = vocabulary()
    common = vocab.band(0.0, 0.002)
    middle = vocab.band(0.01, 0.05)
    rare = vocab.band(0.2, 0.5)
    picked = (
        rng.sample(common, 6)
        + rng.sample(middle, 6)
        + rng.sample(rare, 3)
        + rng.sample(vocab.places, 3)
        + [" ".join(rng.sample(common, 2)) for _ in range(3)]
        + [f"{a} {b}" for a, b in zip(rng.sample(common, 2), rng.sample(middle, 2), strict=True)]
        + [f"{a} -{b}" for a, b in zip(rng.sample(middle, 2), rng.sample(common, 2), strict=True)]
        + [f"{a} OR {b}" for a, b in zip(rng.sample(middle, 2), rng.sample(vocab.places, 2),
                                         strict=True)]
        + ['"' + "".join(rng.sample(common, 2)) + '"']
    )
    return picked


def main(argv: list[str]) -> int:
    if not 2 <= len(argv) <= 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    folder, articles = Path(argv[0]), SIZES.get(argv[1]) or int(argv[1])
    seed = int(argv[2]) if len(argv) > 2 else 17
    size = write_corpus(folder, articles, seed)
    print(f"{pages_for(articles)} pages, {articles} articles, {size / 1e6:.1f} MB in {folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
