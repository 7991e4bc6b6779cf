"""The reader's corrections as parser test cases (`reader corrections export`).

Each page with at least one applied correction becomes an annotated example in
the format of `tests/eval/` (see tests/eval/README.md): the page file as it was
imported (`NAME.txt`) and its annotation (`NAME.json`: page fields and one
entry per item as the reader corrected the page: kind, column, series, title,
subtitle, authors, subheads, first and last words, paragraph count, entries,
defects).  `corrections` in the annotation lists what the reader changed, for
whoever turns the example into a test; the scorer ignores it.  A page whose
file is no longer where it was imported from is skipped and named.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from reader.atomic import write_atomic
from reader.library import Library
from reader.models import ArticleRecord, CorrectionRecord

#: Characters of a body's first and last words in an annotation (the scorer's SNIPPET).
SNIPPET = 12


@dataclass(frozen=True)
class ExamplesWritten:
    """What `write_examples` did: the annotation files written and the pages skipped."""

    written: tuple[Path, ...]
    skipped: tuple[str, ...]


def annotation_of(library: Library, page_id: int,
                  corrections: list[CorrectionRecord]) -> dict:
    """The eval annotation of one page as the reader corrected it."""
    page = library.pages.get(page_id)
    articles = [a for a in library.articles.on_page(page_id)
                if "not in the latest parse" not in a.defects]
    return {
        "source": corrections[0].source,
        "paper": page.paper if page.paper_known else None,
        "page_number": page.number,
        "page_name": page.name,
        "date": page.date,
        "date_precision": page.date_precision,
        "items": [_item(a) for a in articles],
        "corrections": [{"action": c.action, "target": c.target, "value": c.value,
                         "status": c.status} for c in corrections],
    }


def _item(article: ArticleRecord) -> dict:
    boxed = article.kind in ("briefs", "quotes")
    body = [e.text for e in article.entries] if boxed else list(article.paragraphs)
    return {
        "kind": article.kind,
        "column": article.column,
        "series": article.series,
        "title": article.title,
        "subtitle": article.subtitle,
        "authors": [[a.role, a.name] for a in article.authors],
        "subheads": list(article.subheads),
        "first": body[0][:SNIPPET] if body else None,
        "last": body[-1][-SNIPPET:] if body else None,
        "paragraphs": 0 if boxed else len(article.paragraphs),
        "entries": [{"first": e.text[:SNIPPET], "source": e.source} for e in article.entries],
        "defects": [d.split(":")[0] for d in article.defects],
    }


def write_examples(library: Library, folder: str | os.PathLike) -> ExamplesWritten:
    """Write every corrected page's file and annotation into `folder` (made if needed)."""
    folder = Path(folder)
    by_page: dict[int, list[CorrectionRecord]] = {}
    for record in library.corrections.all():
        by_page.setdefault(record.page_id, []).append(record)
    written, skipped = [], []
    for page_id, records in by_page.items():
        if not any(r.status == "applied" for r in records):
            continue
        page = library.pages.get(page_id)
        path = page.source_path
        source = Path(path)
        if not source.is_file():
            skipped.append(path)
            continue
        folder.mkdir(parents=True, exist_ok=True)
        stem = Path(records[0].source).stem
        write_atomic(folder / f"{stem}.txt", source.read_bytes())
        target = folder / f"{stem}.json"
        write_atomic(target, json.dumps(annotation_of(library, page_id, records),
                                        ensure_ascii=False, indent=2) + "\n")
        written.append(target)
    return ExamplesWritten(tuple(written), tuple(skipped))
