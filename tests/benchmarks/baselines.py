"""What Reader's search is measured against: a Python scan of every article and SQLite FTS5 trigram.

Both answer the same parsed query (reader.search.query's tree) over the same texts Reader
indexes (`library_docs`: title, byline and body):

- `BruteForce` keeps the texts in a list and tests `term in text` (Latin folded) for every
  article: the truth for the recall check, and the plain baseline of issue 17;
- `TrigramBaseline` is an FTS5 `tokenize='trigram'` table with external content (the texts
  stored once, beside it), ranked by FTS5's bm25 with `snippet()`; terms of one or two
  characters, which trigrams cannot answer, fall back to `instr()` over the content (as in
  ../shared/BENCHMARKS.md).

Neither supports the field filters (`kind:`, `date:` …); the benchmarks time those queries
for Reader only.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from reader.search.query import And, Node, Not, Or, Term


def _folded(text: str) -> str:
    return text.lower()


def matches(node: Node, text: str) -> bool:
    """Whether `text` (already folded) satisfies the query tree; terms compare folded."""
    if isinstance(node, Term):
        return _folded(node.text) in text
    if isinstance(node, Not):
        return not matches(node.child, text)
    if isinstance(node, And):
        return all(matches(child, text) for child in node.children)
    if isinstance(node, Or):
        return any(matches(child, text) for child in node.children)
    raise TypeError(node)


def _terms(node: Node, positive: bool = True) -> list[str]:
    if isinstance(node, Term):
        return [node.text] if positive else []
    if isinstance(node, Not):
        return _terms(node.child, not positive)
    if isinstance(node, And | Or):
        return [t for child in node.children for t in _terms(child, positive)]
    return []


class BruteForce:
    """Every article's text in memory; a query scans all of them."""

    def __init__(self, texts: Iterable[tuple[int, str]]) -> None:
        self.ids: list[int] = []
        self.texts: list[str] = []
        for doc_id, text in texts:
            self.ids.append(doc_id)
            self.texts.append(_folded(text))

    def matching(self, root: Node) -> set[int]:
        """Ids of every matching article (the truth the recall check compares with)."""
        return {i for i, t in zip(self.ids, self.texts, strict=True) if matches(root, t)}

    def top(self, root: Node, limit: int = 20) -> list[int]:
        """The `limit` matching articles with the most occurrences of the positive terms."""
        terms = [_folded(t) for t in _terms(root)]
        scored = [
            (sum(text.count(t) for t in terms), doc_id)
            for doc_id, text in zip(self.ids, self.texts, strict=True)
            if matches(root, text)
        ]
        scored.sort(reverse=True)
        return [doc_id for _, doc_id in scored[:limit]]


class TrigramBaseline:
    """An FTS5 trigram index with external content in its own SQLite file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn = sqlite3.connect(path)

    @classmethod
    def build(cls, path: Path, texts: Iterable[tuple[int, str]]) -> TrigramBaseline:
        path.unlink(missing_ok=True)
        base = cls(path)
        base.conn.executescript(
            "CREATE TABLE content(id INTEGER PRIMARY KEY, text TEXT);"
            "CREATE VIRTUAL TABLE fts USING fts5(text, content='content', content_rowid='id',"
            " tokenize='trigram');"
        )
        with base.conn:
            base.conn.executemany("INSERT INTO content(id, text) VALUES (?, ?)", texts)
            base.conn.execute("INSERT INTO fts(fts) VALUES ('rebuild')")
            base.conn.execute("INSERT INTO fts(fts) VALUES ('optimize')")
        return base

    def close(self) -> None:
        self.conn.close()

    def top(self, root: Node, limit: int = 20) -> list[tuple[int, str]]:
        """The best `limit` (id, snippet) pairs: bm25 order, or id order for short terms."""
        expression = _fts_expression(root)
        if expression is not None:
            return self.conn.execute(
                "SELECT rowid, snippet(fts, 0, '[', ']', '…', 16) FROM fts WHERE fts MATCH ? "
                "ORDER BY rank LIMIT ?",
                (expression, limit),
            ).fetchall()
        where, params = _scan_condition(root)
        return self.conn.execute(
            f"SELECT id, substr(text, 1, 60) FROM content WHERE {where} LIMIT ?", (*params, limit)
        ).fetchall()


def _fts_expression(node: Node) -> str | None:
    """The FTS5 query for `node`, or None when a term is too short for trigrams."""
    if isinstance(node, Term):
        return None if len(node.text) < 3 else '"' + node.text.replace('"', '""') + '"'
    if isinstance(node, And):
        positive = [c for c in node.children if not isinstance(c, Not)]
        negative = [c.child for c in node.children if isinstance(c, Not)]
        parts = [_fts_expression(c) for c in positive]
        excluded = [_fts_expression(c) for c in negative]
        if not parts or None in parts or None in excluded:
            return None
        expression = "(" + " AND ".join(p for p in parts if p) + ")"
        for part in excluded:
            expression = f"({expression} NOT {part})"
        return expression
    if isinstance(node, Or):
        parts = [_fts_expression(c) for c in node.children]
        return None if None in parts else "(" + " OR ".join(p for p in parts if p) + ")"
    return None


def _scan_condition(node: Node) -> tuple[str, list[str]]:
    if isinstance(node, Term):
        return "instr(lower(text), ?) > 0", [_folded(node.text)]
    if isinstance(node, Not):
        inner, params = _scan_condition(node.child)
        return f"NOT ({inner})", params
    joiner = " AND " if isinstance(node, And) else " OR "
    parts = [_scan_condition(c) for c in node.children]  # type: ignore[attr-defined]
    return "(" + joiner.join(p for p, _ in parts) + ")", [v for _, ps in parts for v in ps]
