"""Score the parser against the hand annotations in tests/eval.

Two sets of annotated pages:

- the gate set: the seeds (`annotations/`) and our own pages (`pages/`).
  `score_all()` parses them and returns per-field precision/recall, which
  test_eval_gate.py compares with floors.json;
- the development corpus (`corpus/`, searched recursively): real pages of
  national, provincial and county papers.  `score_corpus()` scores them as a
  whole, per paper and per page type; the gate compares each paper with its
  own floors in corpus_floors.json, so a paper added later starts with none.

`python -m tests.eval.score` prints both tables; `-v` adds the misses.
"""

from __future__ import annotations

import inspect
import json
import math
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from reader.ingest import parse_page, read_page
from reader.models import Item, ParsedPage

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
CORPUS = HERE / "corpus"
SNIPPET = 12
#: A parser that has not yet got a field (kicker, dateline, paper …) is not
#: scored on it: `getattr(x, name, ABSENT)`.
ABSENT = object()


def annotated_pages() -> list[tuple[Path, Path]]:
    """(page file, annotation) pairs of the gate set: the seeds and our own pages."""
    pairs = []
    for annotation in sorted((HERE / "annotations").glob("*.json")):
        pairs.append((ROOT / "seeds" / (annotation.stem + ".txt"), annotation))
    for annotation in sorted((HERE / "pages").glob("*.json")):
        pairs.append((annotation.with_suffix(".txt"), annotation))
    return pairs


def corpus_pages() -> list[tuple[Path, Path]]:
    """(page file, annotation) pairs of the development corpus, in path order."""
    return [(a.with_suffix(".txt"), a) for a in sorted(CORPUS.rglob("*.json"))]


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

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Tally) -> None:
        self.hit += other.hit
        self.predicted += other.predicted
        self.expected += other.expected
        self.misses.extend(other.misses)

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


#: The gate set's fields (floors.json has exactly these).
FIELDS = (
    "items", "title", "kind", "column", "series", "subtitle", "authors", "subheads", "first",
    "last", "paragraphs", "entries", "entry_sources", "defects", "date", "page_name",
)
#: Item fields only the corpus annotates; scored once the parser's Item has them.
OPTIONAL_ITEM_FIELDS = ("kicker", "dateline")
#: Page fields only the corpus annotates; scored once ParsedPage has them.
OPTIONAL_PAGE_FIELDS = ("paper", "page_number")
CORPUS_FIELDS = FIELDS + OPTIONAL_ITEM_FIELDS + OPTIONAL_PAGE_FIELDS


def _item_value(item: Item | None, key: str):
    if item is None:
        return None
    if key == "first":
        return _first(item)
    if key == "last":
        return _last(item)
    return getattr(item, key)


def _score_value(tally: Tally, got, want, found: bool, where: str, key: str) -> None:
    """One single-valued field: `kind` always counts; others count where not None."""
    always = key == "kind"
    if got is not None or always:
        tally.predicted += 1
    if want is not None or always:
        tally.expected += 1
    if found and got == want and (want is not None or always):
        tally.hit += 1
    elif got != want:
        tally.misses.append(f"{where}: {key} {got!r} != {want!r}")


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
    optional = [k for k in OPTIONAL_ITEM_FIELDS if k in tallies and hasattr(Item, k)]
    for found, g in pairs:
        where = f"{name} [{g['title'] or g['first']}]"
        if found is None:
            items.misses.append(f"{where}: item not found")
        for key in ("title", "kind", "column", "series", "subtitle", "first", "last", *optional):
            _score_value(tallies[key], _item_value(found, key), g.get(key), found is not None,
                         where, key)
        got_authors = Counter((a.role, a.name) for a in found.authors) if found else Counter()
        tallies["authors"].add_sets(got_authors, Counter(tuple(a) for a in g["authors"]), where)
        got_sub = Counter(found.subheads) if found else Counter()
        tallies["subheads"].add_sets(got_sub, Counter(g["subheads"]), where)
        got_def = Counter(d.split(":")[0] for d in found.defects) if found else Counter()
        tallies["defects"].add_sets(got_def, Counter(g["defects"]), where)
        p = tallies["paragraphs"]
        p.expected += 1
        if found is not None:
            p.predicted += 1
            if len(found.paragraphs) == g["paragraphs"]:
                p.hit += 1
            else:
                p.misses.append(f"{where}: {len(found.paragraphs)} paragraphs != {g['paragraphs']}")
        got_entries = Counter(e.text[:SNIPPET] for e in found.entries) if found else Counter()
        tallies["entries"].add_sets(got_entries, Counter(e["first"] for e in g["entries"]), where)
        got_sources = Counter(e.source for e in found.entries if e.source) if found else Counter()
        want_sources = Counter(e["source"] for e in g["entries"] if e["source"])
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
    for key in OPTIONAL_PAGE_FIELDS:
        got = getattr(page, key, ABSENT)
        if key not in tallies or got is ABSENT or key not in gold:
            continue
        # Page numbers compare as printed text: 19 and "19" are the same page.
        want = None if gold[key] is None else str(gold[key])
        got = None if got is None else str(got)
        _score_value(tallies[key], got, want, True, name, key)


def _parse(page_file: Path, source: str) -> ParsedPage:
    """Parse one page, giving the parser the file's path when it takes one."""
    text = read_page(page_file)
    params = inspect.signature(parse_page).parameters
    if "path" in params:
        return parse_page(text, source=source, path=page_file)
    return parse_page(text, source=source)


def score_all() -> dict[str, Tally]:
    """The gate set's scores, one Tally per field of FIELDS."""
    tallies = {name: Tally() for name in FIELDS}
    for page_file, annotation in annotated_pages():
        gold = json.loads(annotation.read_text(encoding="utf-8"))
        page = _parse(page_file, page_file.name)
        score_page(page, gold, tallies, page_file.stem)
    return tallies


@dataclass
class CorpusScores:
    """The development corpus's scores: all pages, and grouped by paper and by page type."""

    total: dict[str, Tally]
    by_paper: dict[str, dict[str, Tally]]
    by_type: dict[str, dict[str, Tally]]
    #: Pages per paper and per page type.
    pages: dict[str, int]
    type_pages: dict[str, int]


def score_corpus(pairs: list[tuple[Path, Path]] | None = None) -> CorpusScores:
    """Score every corpus page once; sum its tallies into its paper's and type's groups."""
    total = {name: Tally() for name in CORPUS_FIELDS}
    by_paper: dict[str, dict[str, Tally]] = {}
    by_type: dict[str, dict[str, Tally]] = {}
    pages: Counter = Counter()
    type_pages: Counter = Counter()
    for page_file, annotation in corpus_pages() if pairs is None else pairs:
        gold = json.loads(annotation.read_text(encoding="utf-8"))
        relative = page_file.relative_to(CORPUS).as_posix()
        page = _parse(page_file, relative)
        one = {name: Tally() for name in CORPUS_FIELDS}
        score_page(page, gold, one, relative)
        pages[gold["paper"]] += 1
        type_pages[gold["page_type"]] += 1
        for group in (total, by_paper.setdefault(gold["paper"], _fresh()),
                      by_type.setdefault(gold["page_type"], _fresh())):
            for name, tally in one.items():
                group[name].add(tally)
    return CorpusScores(total, by_paper, by_type, dict(pages), dict(type_pages))


def _fresh() -> dict[str, Tally]:
    return {name: Tally() for name in CORPUS_FIELDS}


def bounds(tallies: dict[str, Tally]) -> Tally:
    """Body bounds: the first and last words of each body, counted together."""
    both = Tally()
    both.add(tallies["first"])
    both.add(tallies["last"])
    return both


def report(tallies: dict[str, Tally]) -> str:
    rows = [f"{'field':14} {'precision':>9} {'recall':>7}   hits/predicted/expected"]
    for name, t in tallies.items():
        rows.append(
            f"{name:14} {t.precision:9.3f} {t.recall:7.3f}   {t.hit}/{t.predicted}/{t.expected}"
        )
    return "\n".join(rows)


def _cell(tally: Tally) -> str:
    """F1 of a field, or '-' where the parser predicts nothing and nothing is expected."""
    if not tally.predicted and not tally.expected:
        return "   -"
    return f"{tally.f1:4.2f}"


def _meta_cell(tally: Tally) -> str:
    """Accuracy of a page field: right answers over pages that name it; '-' if unscored."""
    if not tally.expected:
        return "   -"
    return f"{tally.hit / tally.expected:4.2f}"


def _pad(text: str, width: int) -> str:
    """Left-align `text` in `width` terminal columns (a Chinese character takes two)."""
    wide = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(width - wide, 0)


GROUP_COLUMNS = ("items", "title", "authors", "bounds", "kind", "kicker", "subtitle", "column")
META_COLUMNS = ("paper", "date", "page_number", "page_name")


def group_report(groups: dict[str, dict[str, Tally]], label: str, counts: dict | None = None) -> str:
    """One row per group: F1 of the item fields, accuracy of the page fields."""
    head = f"{_pad(label, 14)} {'pages':>5} {'items':>6}" + "".join(f" {c[:8]:>8}" for c in GROUP_COLUMNS[1:])
    head += "".join(f" {c[:8]:>8}" for c in META_COLUMNS)
    rows = [head]
    for name, t in sorted(groups.items()):
        pages = counts.get(name, "") if counts else ""
        cells = [_cell(bounds(t)) if c == "bounds" else _cell(t[c]) for c in GROUP_COLUMNS]
        cells += [_meta_cell(t[c]) for c in META_COLUMNS]
        rows.append(f"{_pad(name, 14)} {pages!s:>5} " + " ".join(f"{c:>8}" for c in cells))
    return "\n".join(rows)


def floor_of(value: float) -> float:
    """A measured score rounded down to two decimals, the way floors are set."""
    return math.floor(value * 100 + 1e-9) / 100


#: Fields the corpus gate holds per paper.
GATED_FIELDS = ("items", "title", "authors", "first", "last", "kind", "kicker", "subtitle", "column",
                "dateline", "paper", "date",
                "page_number", "page_name")


def measured_floors(scores: CorpusScores) -> dict:
    """Per-paper F1 floors at today's scores, for corpus_floors.json.

    F1, not precision and recall apart: a parser that starts to predict a field
    (page names, say) must not fail the gate for a precision it never had.  A
    field nothing is expected of is left without a floor.
    """
    return {
        paper: {
            name: floor_of(t[name].f1) for name in GATED_FIELDS if t[name].expected
        }
        for paper, t in sorted(scores.by_paper.items())
    }


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    result = score_all()
    print("Gate set (seeds + tests/eval/pages):")
    print(report(result))
    if verbose:
        for name, t in result.items():
            for miss in t.misses:
                print(f"  {name}: {miss}")
    scores = score_corpus()
    pages = sum(scores.pages.values())
    print(f"\nDevelopment corpus ({pages} pages, {len(scores.pages)} papers), F1 per field, "
          "accuracy of page fields:")
    print(group_report(scores.by_paper, "paper", scores.pages))
    print()
    print(group_report(scores.by_type, "page type", scores.type_pages))
    print()
    print(group_report({"ALL": scores.total}, "corpus", {"ALL": pages}))
    if verbose:
        print()
        print(report(scores.total))
        for name, t in scores.total.items():
            for miss in t.misses:
                print(f"  {name}: {miss}")
    if "--floors" in argv:
        print(json.dumps(measured_floors(scores), ensure_ascii=False, indent=2))


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
