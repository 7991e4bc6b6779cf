"""Hypothesis strategies for hostile page files and search queries.

Pages are built from real seed lines (so that the parser goes deep: headers,
titles, bylines, paragraphs) mixed with what breaks programs: markup in titles,
control characters, NULs, BOMs in the middle, unpaired brackets nested deep, lines
of 10^4–10^5 characters, invalid UTF-8, other encodings and plain random bytes.
Queries mix the query language (fields, quotes, brackets, AND/OR/NOT, wildcards)
with odd values and every Unicode category.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from hypothesis import strategies as st

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _seed_lines() -> list[str]:
    lines: set[str] = set()
    for path in sorted(SEEDS.glob("*.txt")):
        lines.update(x.strip() for x in path.read_text(encoding="utf-8").splitlines())
    return sorted(x for x in lines if x)


SEED_LINES = _seed_lines()

#: Fragments that have broken, or could break, a reader of text.
NASTY = [
    '<img src="file:///dev/zero">', "<b>粗体</b>", "<script>alert(1)</script>", "&lt;&amp;&#0;",
    "<table><tr><td>", "\x00", "\x1b[31m红\x1b[0m", "\x07\x08\x7f", "\u202e倒序\u202c",
    "\ufeff", "\u200b\u200d", "\ufffd", "\U0001f600", "\U00020000𠀀", "〇", "　", "\u3000" * 40,
    "【", "】", "“", "”", "‘", "《", "》", "（", "(", ")", "[", "]", "{", "}", "\\", "\"",
    "%s%n", "{0}", "../../etc/passwd", "file:///proc/self/mem", "\r", "\r\n", "\f", "\v",
    "第19版", "2025年1月7日", "人民日报", "本报记者 张三", "□", "■", "▲", "·", "——",
    "\u0301\u0301\u0301", "ﾟ", "\U000e0001", "\ud7ff", "\U0010ffff",
]

_CHAR = st.one_of(
    # every category but lone surrogates (Hypothesis draws them unless told the codec;
    # a str holding one cannot be encoded, and no page or typed query can hold one)
    st.characters(codec="utf-8"),
    st.sampled_from("红色物业党建引领社区治理的了是在一不“”【】《》，。、；：？！…"),
)


def _run(draw_char: str, length: int) -> str:
    return draw_char * length


_LINE = st.one_of(
    st.sampled_from(SEED_LINES),
    st.sampled_from(NASTY),
    st.text(_CHAR, max_size=60),
    st.lists(st.sampled_from(NASTY + SEED_LINES[:40]), max_size=8).map("".join),
    # deep nesting of brackets, opened and never closed, or closed first
    st.integers(1, 3000).map(lambda n: "【（“《[(" * (n // 6) + "正文"),
    st.integers(1, 3000).map(lambda n: "）】”》])" * (n // 6)),
    # long runs: one character (no punctuation) or a seed line repeated without breaks
    st.builds(_run, st.sampled_from("红a1 　。"), st.integers(1_000, 12_000)),
    st.builds(lambda line, n: line * n, st.sampled_from(SEED_LINES), st.integers(5, 40)),
)

PAGE_TEXT = st.lists(_LINE, min_size=0, max_size=60).map("\n".join)


def _encode(text: str, how: str) -> bytes:
    if how == "utf-8-surrogates":
        # lone surrogates in UTF-8 form (CESU-ish): not valid UTF-8
        return text.encode("utf-8") + "\ud800尾\udfff".encode("utf-8", "surrogatepass")
    if how == "utf-8-bom-twice":
        return codecs.BOM_UTF8 + codecs.BOM_UTF8 + text.encode("utf-8")
    if how == "cut":
        data = text.encode("utf-8")
        return data[: max(0, len(data) - 1)]  # the last character cut in half
    return text.encode(how, errors="replace")


ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32",
                             "gb18030", "big5", "latin-1", "utf-8-surrogates",
                             "utf-8-bom-twice", "cut"])

#: The bytes of a hostile page file.
PAGE_BYTES = st.one_of(
    st.builds(_encode, PAGE_TEXT, ENCODINGS),
    st.builds(_encode, PAGE_TEXT, st.just("utf-8")),
    st.binary(max_size=4096),
    st.builds(lambda text, junk: text.encode() + junk, PAGE_TEXT, st.binary(max_size=64)),
)


def huge_run(length: int = 100_000) -> bytes:
    """A page whose body is one run of `length` characters without punctuation."""
    han = [c for c in "".join(SEED_LINES) if "\u4e00" <= c <= "\u9fff"]
    body = "".join(han[i % len(han)] for i in range(length))
    return ("知行合一\n\n标题\n\n" + body + "\n").encode("utf-8")


# -- queries --------------------------------------------------------------------------

FIELDS = ["tag", "note", "paper", "date", "issue", "page", "author", "column", "title",
          "kind", "series", "source", "id", "year", "text", "nosuchfield"]
_OPERATORS = ["AND", "OR", "NOT", "and", "-", "+", "(", ")", '"', "“", "”", "*", "?", "~",
              ":", "|", "&", "^", "\\", "  ", "'", "[", "]", "{", "}", "TO", "..", ">", "<"]
_ODD_VALUES = st.one_of(
    st.sampled_from(["²", "１２", "٣", "𝟗", "99999999999999999999999", "-1", "0", "1e309",
                     "NaN", "2025-13-45", "2025-01-07..", "..", "*", "\x00", "", " ",
                     "\u202e", "\ufeff", "红色物业",
                     "\udce4\udcb8", "红\udcff", "'", '"', "\\", "%", "_", "[a-", "(?<"]),
    st.text(_CHAR, max_size=12),
    st.integers().map(str),
)
_TERM = st.one_of(
    st.sampled_from(SEED_LINES).map(lambda s: s[:6]),
    st.text(_CHAR, min_size=1, max_size=10),
    st.sampled_from(_OPERATORS),
    st.builds(lambda f, v: f"{f}:{v}", st.sampled_from(FIELDS), _ODD_VALUES),
    st.builds(lambda v: f'"{v}"', st.text(_CHAR, max_size=8)),
)

#: A query as the words of the command line (`reader search WORD…`).
QUERY_WORDS = st.one_of(
    st.lists(_TERM, min_size=1, max_size=12),
    st.lists(st.text(min_size=1), min_size=1, max_size=3),
)


def long_query(terms: int = 2500) -> list[str]:
    """Thousands of terms (RecursionError in the issue)."""
    words = [line[:2] for line in SEED_LINES]
    return [words[i % len(words)] for i in range(terms)]
