"""Reference-manager formats: RIS, CSL-JSON, BibTeX and CSV, one record per article.

Each takes the article's `Reference` (`reference.py`) and writes only what is
known; a field the library lacks is left out, never filled with a guess.

- **RIS** (Zotero, EndNote, NoteExpress): `TY  - NEWS` … `ER  - `, one tag a
  line: TI title, AU each author, T2 the newspaper, DA `2024/01/05/` (RIS's
  date form; month-only dates keep their slots empty), PY the year, SP the
  page, SE the section (page name), LA, KW each tag, N1 the note, AB the
  first paragraph, ID the library key.
- **CSL-JSON** (Zotero, Pandoc, citeproc): a JSON array of items of type
  `article-newspaper` with `issued.date-parts` as precise as known; authors
  are `literal` names (a Chinese name is not split into family and given).
- **BibTeX**: `@article` with `entrysubtype = {newspaper}` (biblatex's
  newspaper article; BibTeX ignores the field), `journaltitle`/`journal`,
  `date` and `year`/`month`, `pages`; braces and TeX's special characters
  escaped; the key is the first author's pinyin, the year and the article id.
- **CSV**: a header row and one row per article, UTF-8 with a byte-order mark
  so spreadsheet programs open the Chinese as Chinese.

The renderers have `ExportFormat`'s shape: `render(item, options, level)` is
one record, `join(bodies, heading)` the file.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.export.items import ExportItem
from reader.export.reference import LANGUAGE, Reference, reference

if TYPE_CHECKING:
    from reader.export.options import ExportOptions


# -- RIS ------------------------------------------------------------------------------

def ris_lines(ref: Reference) -> list[tuple[str, str]]:
    """The (tag, value) lines of one RIS record, `TY` first and `ER` last."""
    lines: list[tuple[str, str]] = [("TY", "NEWS"), ("TI", ref.title)]
    lines += [("AU", name) for name in ref.authors]
    if ref.paper:
        lines.append(("T2", ref.paper))
    if ref.date_parts:
        slots = [f"{ref.date_parts[0]:04d}", *(f"{p:02d}" for p in ref.date_parts[1:])]
        slots += [""] * (3 - len(slots))
        lines.append(("DA", "/".join(slots) + "/"))
        lines.append(("PY", slots[0]))
    for tag, value in (("SP", ref.page), ("SE", ref.section)):
        if value:
            lines.append((tag, value))
    lines.append(("LA", LANGUAGE))
    lines += [("KW", tag) for tag in ref.tags]
    if ref.note:
        lines.append(("N1", ref.note))
    if ref.abstract:
        lines.append(("AB", ref.abstract))
    lines.append(("ID", ref.key))
    return lines


def render_ris(item: ExportItem, _options: ExportOptions, _level: int) -> str:
    # A value is one line: line breaks inside a note or paragraph become spaces.
    body = "\n".join(f"{tag}  - {_one_line(value)}" for tag, value in ris_lines(reference(item)))
    return body + "\nER  - "


def join_ris(bodies: Sequence[str], _heading: str | None) -> str:
    return "\n".join(body.rstrip("\n") + "\n" for body in bodies)


# -- CSL-JSON --------------------------------------------------------------------------------

def csl_item(ref: Reference) -> dict:
    """One CSL-JSON item (CSL 1.0.2 variables), only the fields that are known."""
    item: dict = {"id": ref.key, "type": "article-newspaper", "title": ref.title,
                  "language": LANGUAGE}
    if ref.authors:
        item["author"] = [{"literal": name} for name in ref.authors]
    if ref.paper:
        item["container-title"] = ref.paper
    if ref.date_parts:
        item["issued"] = {"date-parts": [list(ref.date_parts)]}
        if ref.date_estimated:
            item["issued"]["circa"] = True
    for key, value in (("page", ref.page), ("section", ref.section), ("note", ref.note),
                       ("abstract", ref.abstract)):
        if value:
            item[key] = value
    if ref.tags:
        item["keyword"] = ", ".join(ref.tags)
    return item


def render_csljson(item: ExportItem, _options: ExportOptions, _level: int) -> str:
    return json.dumps(csl_item(reference(item)), ensure_ascii=False, indent=2)


def join_csljson(bodies: Sequence[str], _heading: str | None) -> str:
    items = ",\n".join(_indent(body.strip()) for body in bodies if body.strip())
    return f"[\n{items}\n]\n" if items else "[]\n"


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.split("\n"))


# -- BibTeX -------------------------------------------------------------------------------------

_TEX_SPECIAL = re.compile(r"([\\{}&%$#_~^])")
_TEX_REPLACEMENT = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}",
                    "^": r"\textasciicircum{}"}
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def tex_escape(text: str) -> str:
    return _TEX_SPECIAL.sub(lambda m: _TEX_REPLACEMENT.get(m.group(1), "\\" + m.group(1)),
                            _one_line(text))


def bibtex_key(ref: Reference) -> str:
    """`songshuang2023-412`: the first author's pinyin (else `article`), the year, the id."""
    # pypinyin loads its phrase tables on import (0.4 s): only when BibTeX is written.
    from pypinyin import lazy_pinyin

    who = "".join(lazy_pinyin(ref.authors[0])) if ref.authors else "article"
    who = re.sub(r"[^a-z0-9]", "", who.casefold()) or "article"
    year = str(ref.date_parts[0]) if ref.date_parts else ""
    return f"{who}{year}-{ref.article_id}"


def render_bibtex(item: ExportItem, _options: ExportOptions, _level: int) -> str:
    ref = reference(item)
    fields: list[tuple[str, str]] = [("title", ref.title)]
    if ref.authors:
        # Braces keep each name whole: BibTeX would split a name into first and last.
        fields.append(("author", " and ".join(f"{{{tex_escape(n)}}}" for n in ref.authors)))
    if ref.paper:
        fields += [("journaltitle", ref.paper), ("journal", ref.paper)]
    fields.append(("entrysubtype", "newspaper"))
    if ref.date_parts:
        fields.append(("date", ref.date_text or ""))
        fields.append(("year", str(ref.date_parts[0])))
        if len(ref.date_parts) > 1:
            fields.append(("month", MONTHS[ref.date_parts[1] - 1]))
    for name, value in (("pages", ref.page), ("section", ref.section), ("note", ref.note),
                        ("abstract", ref.abstract)):
        if value:
            fields.append((name, value))
    if ref.tags:
        fields.append(("keywords", ", ".join(ref.tags)))
    fields.append(("langid", "chinese"))
    lines = []
    for name, value in fields:
        # The author list is escaped already (name by name); a month is a macro, unbraced.
        shown = value if name == "author" else tex_escape(value)
        lines.append(f"  {name} = {shown}," if name == "month" else f"  {name} = {{{shown}}},")
    return f"@article{{{bibtex_key(ref)},\n" + "\n".join(lines) + "\n}"


def join_bibtex(bodies: Sequence[str], _heading: str | None) -> str:
    return "\n".join(body.rstrip("\n") + "\n" for body in bodies)


# -- CSV ----------------------------------------------------------------------------------------

#: The columns of the CSV export, in order.
CSV_COLUMNS = ("id", "title", "authors", "paper", "date", "page", "section", "column", "kind",
               "tags", "note", "key")

#: Spreadsheet programs read a UTF-8 file as UTF-8 only when it starts with this mark.
BYTE_ORDER_MARK = "\ufeff"


def csv_row(item: ExportItem) -> list[str]:
    ref = reference(item)
    return [str(ref.article_id), ref.title, "; ".join(ref.authors), ref.paper or "",
            ref.date_text or "", ref.page or "", ref.section or "", ref.column or "",
            item.article.kind, "; ".join(ref.tags), ref.note or "", ref.key]


def _csv_text(rows: Sequence[Sequence[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def render_csv(item: ExportItem, _options: ExportOptions, _level: int) -> str:
    return _csv_text([csv_row(item)]).rstrip("\n")


def join_csv(bodies: Sequence[str], _heading: str | None) -> str:
    rows = "".join(body.rstrip("\n") + "\n" for body in bodies)
    return BYTE_ORDER_MARK + _csv_text([CSV_COLUMNS]) + rows


def _one_line(text: str) -> str:
    return " ".join(text.split())


__all__ = ["CSV_COLUMNS", "bibtex_key", "csl_item", "join_bibtex", "join_csljson", "join_csv",
           "join_ris", "render_bibtex", "render_csljson", "render_csv", "render_ris", "ris_lines",
           "tex_escape"]
