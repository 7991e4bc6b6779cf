"""Plain text and Markdown for exported articles (the two entries of `formats`).

An article is written as blocks separated by blank lines, in this order:

1. title, then (with `header`) labelled lines: 栏目, 引题, 作者, 出处, 小标题;
   (with `tags`) 标签;
2. (with `body`) the paragraphs, then box entries with their sources;
3. (with `note`) 笔记;
4. (with `highlights`) 划线: each quote in 「」 (Markdown: a block quote) with
   its 批注;
5. always the citation line, 引用：… (see `citation`).

In highlights-only mode an article is its title, its highlights and its
citation; an article without highlights is not written at all.  Markdown
keeps the same information: the title is a heading, labelled lines a list,
highlights block quotes, and every piece of the article's own text is
escaped so nothing in it becomes markup.  The reader's note is their own
Markdown and is kept as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.export.citation import citation
from reader.export.items import ExportItem
from reader.quotes import quoted

if TYPE_CHECKING:  # options lists the formats, which are made of these functions
    from reader.export.options import ExportOptions

#: The words of the exported layout.
LABELS = {
    "column": "栏目", "kicker": "引题", "byline": "作者", "issue": "出处", "subheads": "小标题",
    "tags": "标签", "note": "笔记", "highlights": "划线", "highlight_note": "批注",
    "citation": "引用", "count": "共 {} 篇",
    "orphaned": "（此段原文已改动，位置未能确定）",
}

#: Between two articles of one plain-text file.
TXT_SEPARATOR = "=" * 40

# Markdown: characters that are markup anywhere, and line starts that open a block.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>~])")
_MD_LINE_START = re.compile(r"^(\s*)([#+=|-])")
# Only punctuation can be backslash-escaped, so a list number is escaped after its digits.
_MD_ORDERED = re.compile(r"^(\s*\d+)([.)])")


def md_escape(text: str) -> str:
    """`text` as literal Markdown: no emphasis, links, HTML, headings or lists out of it."""
    lines = []
    for line in text.split("\n"):
        line = _MD_INLINE.sub(r"\\\1", line)
        line = _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line)
        line = _MD_ORDERED.sub(lambda m: m.group(1) + "\\" + m.group(2), line)
        lines.append(line)
    return "\n".join(lines)


def _meta_lines(item: ExportItem, options: ExportOptions) -> list[tuple[str, str]]:
    """(label, value) pairs of the header and tags lines, as wanted."""
    article = item.article
    pairs: list[tuple[str, str]] = []
    if "header" in options.include and not options.highlights_only:
        column = " · ".join(x for x in (article.column, article.series) if x)
        if column:
            pairs.append((LABELS["column"], column))
        if article.subtitle:
            pairs.append((LABELS["kicker"], article.subtitle))
        if article.authors:
            pairs.append((LABELS["byline"], "　".join(f"{a.role} {a.name}"
                                                       for a in article.authors)))
        pairs.append((LABELS["issue"], item.issue_label))
        if article.subheads:
            pairs.append((LABELS["subheads"], "；".join(article.subheads)))
    if "tags" in options.include and not options.highlights_only and article.tags:
        pairs.append((LABELS["tags"], "、".join(article.tags)))
    return pairs


def _wants_highlights(item: ExportItem, options: ExportOptions) -> bool:
    return ("highlights" in options.include or options.highlights_only) and bool(
        item.article.highlights)


def _quote(highlight) -> str:
    return highlight.quote + (LABELS["orphaned"] if highlight.orphaned else "")


def render_txt(item: ExportItem, options: ExportOptions, level: int = 1) -> str | None:
    """One article as plain text, or None when highlights-only finds none to write.

    Plain text has no heading levels: `level` is taken and ignored, like every format's.
    """
    article = item.article
    if options.highlights_only and not article.highlights:
        return None
    head = [item.title] + [f"{label}：{value}" for label, value in _meta_lines(item, options)]
    blocks = ["\n".join(head)]
    if "body" in options.include and not options.highlights_only:
        blocks.extend(article.paragraphs)
        for entry in article.entries:
            blocks.append(f"• {entry.text}" + (f"\n  ——{entry.source}" if entry.source else ""))
    if "note" in options.include and not options.highlights_only and article.note:
        blocks.append(f"{LABELS['note']}：{article.note}")
    if _wants_highlights(item, options):
        lines = [] if options.highlights_only else [f"{LABELS['highlights']}："]
        for highlight in article.highlights:
            lines.append(quoted(highlight.quote, "「」")
                         + (LABELS["orphaned"] if highlight.orphaned else ""))
            if highlight.note:
                lines.append(f"  {LABELS['highlight_note']}：{highlight.note}")
        blocks.append("\n".join(lines))
    blocks.append(f"{LABELS['citation']}：{citation(article)}")
    return "\n\n".join(blocks)


def _md_quote(text: str) -> str:
    return "\n".join(f"> {line}".rstrip() for line in md_escape(text).split("\n"))


def render_md(item: ExportItem, options: ExportOptions, level: int = 1) -> str | None:
    """One article as Markdown under a heading of `level`, or None (see `render_txt`)."""
    article = item.article
    if options.highlights_only and not article.highlights:
        return None
    blocks = [f"{'#' * level} {md_escape(item.title)}"]
    meta = _meta_lines(item, options)
    if meta:
        blocks.append("\n".join(f"- {label}：{md_escape(value)}" for label, value in meta))
    if "body" in options.include and not options.highlights_only:
        blocks.extend(md_escape(p) for p in article.paragraphs)
        for entry in article.entries:
            source = f" ——{md_escape(entry.source)}" if entry.source else ""
            blocks.append(f"- {md_escape(entry.text)}{source}")
    if "note" in options.include and not options.highlights_only and article.note:
        # The note is the reader's own Markdown: kept as written, under its label.
        blocks.append(f"**{LABELS['note']}：**\n\n{article.note.strip()}")
    if _wants_highlights(item, options):
        if not options.highlights_only:
            blocks.append(f"{'#' * (level + 1)} {LABELS['highlights']}")
        for highlight in article.highlights:
            quote = _md_quote(_quote(highlight))
            if highlight.note:
                quote += f"\n>\n> {LABELS['highlight_note']}：" + _md_quote(highlight.note)[2:]
            blocks.append(quote)
    blocks.append(f"{LABELS['citation']}：{md_escape(citation(article))}")
    return "\n\n".join(blocks)


def join_txt(bodies: Sequence[str], heading: str | None = None) -> str:
    """Rendered plain-text articles as one file: the heading and count, then the articles."""
    count = LABELS["count"].format(len(bodies))
    parts = [f"{heading}\n{count}\n"] if heading else []
    separator = f"\n{TXT_SEPARATOR}\n\n"
    return separator.join(parts + list(bodies)) if parts or bodies else ""


def join_md(bodies: Sequence[str], heading: str | None = None) -> str:
    """Rendered Markdown articles as one file, under a level-1 heading when there is one."""
    count = LABELS["count"].format(len(bodies))
    parts = [f"# {md_escape(heading)}\n\n{count}\n"] if heading else []
    return "\n---\n\n".join(parts + list(bodies))
