"""Recall against brute force over the real seeds: every verbatim occurrence is found, nothing else."""

from __future__ import annotations

import random

import pytest

from reader.search import Query, Term, parse_query

from .conftest import seed_docs

NAMES = [
    "皇甫美鲜",
    "宋爽",
    "潘佳",
    "郝佳丽",
    "安寅东",
    "乌兰察布",
    "呼和浩特",
    "鄂尔多斯",
    "阿拉善",
    "鄂托克前旗",
    "杭锦旗",
    "和林格尔",
    "嘎查",
    "苏木",
    "网格员",
    "网格",
    "微网格员",
    "红色物业",
    "党建引领",
    "三会一课",
    "党",
    "嘎",
    "的",
    "LED",
    "led",
    "2023",
    "23",
    "%",
    "，",
    "“",
    "笔记",
    "不存在的词",
    "xyz",
]


def brute_force(docs, q: str) -> set[int]:
    needle = q.lower()
    return {d.id for d in docs if any(needle in f.lower() for f in (d.title, d.body, d.note))}


def windows(docs, count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    found: list[str] = []
    while len(found) < count:
        doc = rnd.choice(docs)
        text = rnd.choice([t for t in (doc.title, doc.body, doc.note) if t])
        size = rnd.choice([2, 3, 4])
        if len(text) < size:
            continue
        start = rnd.randrange(len(text) - size + 1)
        window = text[start : start + size]
        if not any(ch.isspace() for ch in window):
            found.append(window)
    return found


@pytest.fixture(scope="module")
def docs():
    return seed_docs()


def check(index, docs, q: str, query: Query | None = None) -> None:
    expected = brute_force(docs, q)
    result = index.search(query or Query(q, Term(q)), limit=len(docs))
    got = [h.id for h in result.hits]
    assert len(got) == len(set(got)), q
    assert set(got) == expected, q
    assert result.total == len(expected), q


def test_every_window_of_the_seeds_is_found_exactly(seed_index, docs):
    for q in windows(docs, 400, seed=20240601):
        check(seed_index, docs, q)


@pytest.mark.parametrize("q", NAMES)
def test_names_places_characters_latin_and_digits(seed_index, docs, q):
    check(seed_index, docs, q)


@pytest.mark.parametrize("q", ["皇甫美鲜", "乌兰察布", "网格", "LED", "2023"])
def test_parsed_queries_have_the_same_recall(seed_index, docs, q):
    check(seed_index, docs, q, parse_query(q))


def test_boolean_combinations_match_brute_force(seed_index, docs):
    def has(d, q):
        return any(q.lower() in f.lower() for f in (d.title, d.body, d.note))

    cases = {
        "网格员 嘎查": lambda d: has(d, "网格员") and has(d, "嘎查"),
        "网格员 OR 嘎查": lambda d: has(d, "网格员") or has(d, "嘎查"),
        "党建 -物业": lambda d: has(d, "党建") and not has(d, "物业"),
        "党建 NOT 物业 NOT 小区": lambda d: (
            has(d, "党建") and not has(d, "物业") and not has(d, "小区")
        ),
        "苏木 OR 嘎查 牧民": lambda d: (has(d, "苏木") or has(d, "嘎查")) and has(d, "牧民"),
        "-的": lambda d: not has(d, "的"),
        '"党建引领"': lambda d: has(d, "党建引领"),
    }
    for text, predicate in cases.items():
        expected = {d.id for d in docs if predicate(d)}
        result = seed_index.search(parse_query(text), limit=len(docs))
        assert {h.id for h in result.hits} == expected, text
        assert result.total == len(expected), text


SPECIAL_DOCS = [
    '他说：“这是引号"里的话”，*星号* (括号) NEAR(a b) OR AND - 减号',
    "Élan vital, ÉCOLE normale, Δelta и Ωмега",
    "AI 与 ai 以及 Ai：人工智能；3.5% 的增长",
    "第①条 ㈠ 〇 々 ーカタカナ 한국어",
]


@pytest.fixture(scope="module")
def special_index(tmp_path_factory):
    from reader.models import IndexDoc

    from .conftest import make_index

    docs = [IndexDoc(id=n, title="", body=text) for n, text in enumerate(SPECIAL_DOCS, start=1)]
    index = make_index(tmp_path_factory.mktemp("special"), docs)
    yield index, docs
    index.close()


@pytest.mark.parametrize(
    "q",
    [
        '"',
        '"里',
        "*",
        "*星号*",
        "(括号)",
        "NEAR(a",
        "OR",
        "AND",
        "-",
        " 减号",
        "：",
        "école",
        "éc",
        "É",
        "δ",
        "ωмега",
        "ai",
        "AI",
        "Ai：",
        "3.5%",
        "%",
        "①",
        "㈠",
        "〇",
        "々",
        "ーカ",
        "カタカナ",
        "한국",
        "국",
    ],
)
def test_punctuation_operators_and_other_scripts(special_index, q):
    index, docs = special_index
    check(index, docs, q)
