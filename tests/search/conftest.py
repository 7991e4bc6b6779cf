"""Fixtures for the search tests: jieba set up once, documents from the real seed pages."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from reader.ingest import parse_page, read_page
from reader.models import IndexDoc
from reader.search import SearchIndex, configure_jieba

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
USERDICT = ROOT / "resources" / "userdict.txt"


@pytest.fixture(scope="session", autouse=True)
def jieba_ready(tmp_path_factory):
    """jieba with our user dictionary and its cache in a temporary dir (never /tmp itself)."""
    cache = tmp_path_factory.mktemp("jieba-cache")
    configure_jieba(cache, [USERDICT])
    return cache


def seed_docs() -> list[IndexDoc]:
    """One IndexDoc per paragraph (or box entry) of every item of the five seed pages, plus one
    per byline (so reporters' names are in the text); every 25th has a note quoting another."""
    docs: list[IndexDoc] = []
    for path in sorted(SEEDS.glob("*.txt")):
        page = parse_page(read_page(path), source=str(path))
        for item in page.items:
            texts = [*item.paragraphs, *(e.text for e in item.entries)]
            if item.authors:
                texts.append("□" + " ".join(f"{a.role} {a.name}" for a in item.authors))
            for text in texts:
                docs.append(
                    IndexDoc(
                        id=len(docs) + 1,
                        title=item.title or "",
                        body=text,
                        column=item.column,
                        kind=item.kind,
                        date=page.date.value,
                    )
                )
    for n in range(24, len(docs), 25):
        docs[n] = replace(docs[n], note="笔记：" + docs[n - 7].body[5:17])
    return docs


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory) -> SearchIndex:
    """A read-only index of the seed paragraphs; tests that write build their own."""
    index = SearchIndex.open(tmp_path_factory.mktemp("seed-index"))
    index.rebuild(seed_docs())
    yield index
    index.close()


def make_index(folder: Path, docs: list[IndexDoc]) -> SearchIndex:
    index = SearchIndex.open(folder)
    index.rebuild(docs)
    return index


def index_with_stale_rows(folder: Path, appended: str) -> SearchIndex:
    """An index of the seeds built in two steps, so that its pairs index has stale rows: half
    the seeds, then 40 of them changed (`appended` added to their body), the other half
    added and 20 deleted."""
    docs = seed_docs()
    index = SearchIndex.open(folder)
    index.rebuild(docs[: len(docs) // 2])
    changed = [replace(d, body=d.body + appended) for d in docs[:40]]
    index.update(changed + docs[len(docs) // 2 :], deletes=[d.id for d in docs[40:60]])
    assert index._store.stale_count() > 0
    return index


def whooshs_own_index(folder: Path):
    """The seeds' title and body written by Whoosh's own writer (blocks of 128 postings, a
    common word spans several; nothing inlined): what Reader's readers must also read."""
    from whoosh.filedb.filestore import FileStorage

    from reader.search.words import build_schema

    ix = FileStorage(str(folder)).create_index(build_schema())
    writer = ix.writer()
    for doc in seed_docs():
        writer.add_document(id=doc.id, text=f"{doc.title}\n{doc.body}")
    writer.commit()
    return ix


def total_and_page(result) -> tuple:
    """A search result's total and its hits as comparable values (scores rounded)."""
    return result.total, [(h.id, round(h.score, 9), h.match, h.snippet) for h in result.hits]
