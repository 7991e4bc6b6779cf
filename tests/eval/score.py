"""Score the parser against the hand annotations in tests/eval.

`score_all()` parses every annotated page, matches predicted items to
annotated ones and returns per-field precision/recall; `python -m
tests.eval.score` prints the table.  The gate in test_eval_gate.py compares
the scores with floors.json.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from reader.ingest import parse_page, read_page
from reader.models import Item, ParsedPage

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
SNIPPET = 12


def annotated_pages() -> list[tuple[Path, Path]]:
    """(page file, annotation) pairs: the seeds and our own pages."""
    pairs = []
    for annotation in sorted((HERE / "annotations").glob("*.json")):
        pairs.append((ROOT / "seeds" / (annotation.stem + ".txt"), annotation))
    for annotation in sorted((HERE / "pages").glob("*.json")):
        pairs.append((annotation.with_suffix(".txt"), annotation))
    return pairs


@dataclass
class Tally:
    """Counts for one field: true positives, predicted, expected."""

    hit: int = 0
    predicted: int = 0
    expected: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.hit / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.hit / self.expected if self.expected else 1.0

    def add_sets(self, predicted: Counter, expected: Counter, where: str) -> None:
        self.hit += sum((predicted & expected).values())
        self.predicted += sum(predicted.values())
        self.expected += sum(expected.values())
        for value in (expected - predicted).elements():
            self.misses.append(f"{where}: missing {value}")
        for value in (predicted - expected).elements():
            self.misses.append(f"{where}: extra {value}")


def _body(item: Item) -> list[str]:
    if item.kind in ("briefs", "quotes"):
        return [e.text for e in item.entries]
    return list(item.paragraphs)


def _first(item: Item) -> str | None:
    body = _body(item)
    return body[0][:SNIPPET] if body else None


def _last(item: Item) -> str | None:
    body = _body(item)
    return body[-1][-SNIPPET:] if body else None


def _same_story(item: Item, gold: dict, test: int) -> bool:
    """Match tests in order of strength: title, first words, last words, shape."""
    if test == 0:
        return gold["title"] is not None and item.title == gold["title"]
    if test == 1:
        return gold["first"] is not None and _first(item) == gold["first"]
    if test == 2:
        return gold["last"] is not None and _last(item) == gold["last"]
    return (
        gold["first"] is None and item.kind == gold["kind"] and not _body(item)
        and item.column == gold["column"]
    )


def _match(predicted: list[Item], expected: list[dict]) -> list[tuple[Item | None, dict]]:
    """Pair each annotated item with the predicted item that is the same story."""
    free = list(predicted)
    pairs = []
    for gold in expected:
        found = None
        for test in range(4):
            found = next((it for it in free if _same_story(it, gold, test)), None)
            if found:
                break
        if found:
            free.remove(found)
        pairs.append((found, gold))
    return pairs


FIELDS = (
    "items", "title", "kind", "column", "series", "subtitle", "authors", "subheads", "first",
    "last", "paragraphs", "entries", "entry_sources", "defects", "date", "page_name",
)


def score_page(page: ParsedPage, gold: dict, tallies: dict[str, Tally], name: str) -> None:
    pairs = _match(list(page.items), gold["items"])
    items = tallies["items"]
    items.hit += sum(1 for found, _ in pairs if found)
    items.predicted += len(page.items)
    items.expected += len(gold["items"])
    matched = {id(found) for found, _ in pairs if found}
    for item in page.items:
        if id(item) not in matched:
            items.misses.append(f"{name}: extra item {item.kind} {item.title or _first(item)}")
            # An extra item's fields are predictions that match nothing.
            if item.title:
                tallies["title"].predicted += 1
            tallies["authors"].predicted += len(item.authors)
            tallies["defects"].predicted += len(item.defects)
    for found, g in pairs:
        where = f"{name} [{g['title'] or g['first']}]"
        if found is None:
            items.misses.append(f"{where}: item not found")
        for key in ("title", "kind", "column", "series", "subtitle", "first", "last"):
            want = g.get(key)
            got = None if found is None else (
                _first(found) if key == "first" else _last(found) if key == "last"
                else getattr(found, key)
            )
            tally = tallies[key]
            if got is not None or key in ("kind",):
                tally.predicted += 1
            if want is not None or key in ("kind",):
                tally.expected += 1
            if found is not None and got == want and (want is not None or key == "kind"):
                tally.hit += 1
            elif got != want:
                tally.misses.append(f"{where}: {key} {got!r} != {want!r}")
        def counter(values):
            return Counter(values)
        got_authors = counter((a.role, a.name) for a in found.authors) if found else Counter()
        tallies["authors"].add_sets(got_authors, counter(tuple(a) for a in g["authors"]), where)
        got_sub = counter(found.subheads) if found else Counter()
        tallies["subheads"].add_sets(got_sub, counter(g["subheads"]), where)
        got_def = counter(d.split(":")[0] for d in found.defects) if found else Counter()
        tallies["defects"].add_sets(got_def, counter(g["defects"]), where)
        p = tallies["paragraphs"]
        p.expected += 1
        if found is not None:
            p.predicted += 1
            if len(found.paragraphs) == g["paragraphs"]:
                p.hit += 1
            else:
                p.misses.append(f"{where}: {len(found.paragraphs)} paragraphs != {g['paragraphs']}")
        got_entries = counter(e.text[:SNIPPET] for e in found.entries) if found else Counter()
        tallies["entries"].add_sets(got_entries, counter(e["first"] for e in g["entries"]), where)
        got_sources = counter(e.source for e in found.entries if e.source) if found else Counter()
        want_sources = counter(e["source"] for e in g["entries"] if e["source"])
        tallies["entry_sources"].add_sets(got_sources, want_sources, where)
    d = tallies["date"]
    d.expected += 1
    d.predicted += 1 if page.date.value else 0
    if (page.date.value, page.date.precision) == (gold["date"], gold["date_precision"]):
        d.hit += 1
    else:
        d.misses.append(f"{name}: date {page.date.value} {page.date.precision} != {gold['date']}")
    n = tallies["page_name"]
    n.expected += 1 if gold.get("page_name") else 0
    n.predicted += 1 if page.page_name else 0
    if page.page_name and page.page_name == gold.get("page_name"):
        n.hit += 1
    elif page.page_name != gold.get("page_name"):
        n.misses.append(f"{name}: page name {page.page_name!r} != {gold.get('page_name')!r}")


def score_all() -> dict[str, Tally]:
    tallies = {name: Tally() for name in FIELDS}
    for page_file, annotation in annotated_pages():
        gold = json.loads(annotation.read_text(encoding="utf-8"))
        page = parse_page(read_page(page_file), source=page_file.name)
        score_page(page, gold, tallies, page_file.stem)
    return tallies


def report(tallies: dict[str, Tally]) -> str:
    rows = [f"{'field':14} {'precision':>9} {'recall':>7}   hits/predicted/expected"]
    for name, t in tallies.items():
        rows.append(
            f"{name:14} {t.precision:9.3f} {t.recall:7.3f}   {t.hit}/{t.predicted}/{t.expected}"
        )
    return "\n".join(rows)


if __name__ == "__main__":
    import sys

    result = score_all()
    print(report(result))
    if "-v" in sys.argv:
        for name, t in result.items():
            for miss in t.misses:
                print(f"  {name}: {miss}")
