"""`parse_page`: the text of one printed page to a `ParsedPage`.

The algorithm, in stages:

1. Lines (`lines.split_lines`): split into non-blank lines, remove markdown
   (`# `, `**`, hard-break spaces), count the blank lines before each (three or
   more mark an image).  A header line at the top (人民日报 2025年3月5日 星期三
   第10版 理论) is page metadata, not a title: `pagemeta.take_header` takes it off
   and `ParsedPage.header` keeps it.
2. Cues (`lines.classify`): what each line's own form says: masthead, page
   credit, column/box/series label, headline with its bracketed column,
   byline (commentator, `对话人：`), signature or name alone, `XX 摄` credit,
   chart credit, dateline, brief (●◆) and quote (★) entries, `——` lines,
   bracketed attributions, box sources, letter titles, short title-shaped
   lines, text.  Then (`context.py`) what the neighbours say: a long, comma
   or question headline over a byline, a headline or a dateline is a heading;
   short lines under a signed title are verse; a bracketed byline broken over
   two lines is one.
3. Segments (`segment.Segmenter`; headers in `headers.py`, kicker/title/
   subtitle in `titles.py`, bodies in `body.py`, drafts in `drafts.py`):
   headers open items or become subheads, displaced titles, or the switch
   back to an interleaved story; a heading after a story with no byline, on
   another topic, opens an item flagged `uncertain boundary` (a wrong split
   is easier to repair than a wrong merge); body lines join their item,
   repairing paragraphs split by print columns and dropping paragraphs
   printed twice; datelines, credits and signatures at a story's end close it.
4. Finishing (`_finish`): kinds settled (photos, commentaries), defects
   recorded (opening lost, title lost, paragraph cut off, caption lost).
5. Paper, date, page number and page name (`pagemeta.settle`): from the user,
   the header, the file name, a sidecar; only then the date inferred from the
   body text (`dates.infer_issue_date`).

Not done: a story that lost its title *and* byline, printed straight after
another story, is not split off (seed 000's last story).  Vocabulary change
alone did not separate it from ordinary section changes in the seeds; a
wrong split would break a good article in two, so we keep text order.

Text conservation: every non-blank input line ends up in one item, in the
page's name or credits, or in `unassigned`; `Item.lines` records which.

With a `trace.Trace`, the stages record each line's decision as they make it
(`explain_page`, `reader parse --explain`); without one, recording is skipped.
"""

from __future__ import annotations

from reader.ingest import dates, pagemeta, vocab
from reader.ingest.context import join_split_attributions, mark_headings, mark_verse
from reader.ingest.drafts import PROSE_KINDS, Draft
from reader.ingest.lines import ends_sentence, split_lines
from reader.ingest.repair import lost_opening
from reader.ingest.segment import Segmenter
from reader.ingest.trace import Decision, Trace
from reader.models import Author, Entry, Item, PageMeta, ParsedPage

#: Bump when parser output changes, so that libraries re-parse their sources.
PARSER_VERSION = 2


def parse_page(
    text: str,
    source: str | None = None,
    trace: Trace | None = None,
    *,
    user: PageMeta | None = None,
    path: str | None = None,
    sidecar: PageMeta | None = None,
) -> ParsedPage:
    """Split the text of one page file into its items.

    With a `trace`, the stages record each line's decision in it (`--explain`).
    `user` and `sidecar` are page metadata given from outside the text (see
    `pagemeta`); the file's name and folders are read from `path`, else `source`.
    """
    lines, header = pagemeta.take_header(split_lines(text))
    if trace is not None and header.text:
        for no, line in zip(header.line_numbers, header.text.split("\n"), strict=True):
            trace.note(no, line, "header", "page header line: paper, date, page (page metadata)")
    join_split_attributions(lines)
    mark_verse(lines)
    mark_headings(lines)
    segmentation = Segmenter(lines, trace).run()
    finished = sorted(
        ((_finish(d), d) for d in segmentation.drafts if d.lines), key=lambda pair: min(pair[0].lines)
    )
    items = tuple(item for item, _ in finished)
    if trace is not None:
        trace.resolve(
            {id(draft): n for n, (_, draft) in enumerate(finished, start=1)},
            {n: min(item.lines) for n, (item, _) in enumerate(finished, start=1)},
        )
    body = [p for item in items if item.kind != "quotes" for p in item.paragraphs]
    body += [e.text for item in items if item.kind == "briefs" for e in item.entries]
    meta = pagemeta.settle(
        [("user", user), ("header", header.meta), ("filename", pagemeta.path_meta(path or source)),
         ("sidecar", sidecar)],
        segmentation.page_name or _page_name_in_text(body),
        lambda: dates.infer_issue_date(body),
    )
    return ParsedPage(
        source=source,
        page_name=meta.page_name,
        date=meta.date,
        items=items,
        unassigned=tuple(text for _, text in sorted(segmentation.unassigned)),
        credits=tuple(segmentation.credits),
        paper=meta.paper,
        page_number=meta.page_number,
        date_source=meta.date_source,
        header=header.text,
        meta_sources=meta.sources,
        page_lines=tuple(segmentation.page_lines) + header.line_numbers,
        unassigned_lines=tuple(no for no, _ in sorted(segmentation.unassigned)),
    )


def explain_page(text: str, source: str | None = None,
                 **meta) -> tuple[ParsedPage, list[Decision]]:
    """Parse a page and return, with it, the decision made on each of its lines.

    `meta` is `parse_page`'s page metadata (user, path, sidecar).
    """
    trace = Trace()
    page = parse_page(text, source, trace, **meta)
    return page, trace.decisions


def _page_name_in_text(paragraphs: list[str]) -> str | None:
    """A page that speaks of itself (《先锋》版) names itself."""
    for paragraph in paragraphs:
        match = vocab.PAGE_SELF_REFERENCE.search(paragraph)
        if match:
            return match.group(1)
    return None


def _finish(draft: Draft) -> Item:
    """Settle an item's kind and record the damage it shows."""
    kind = draft.kind
    defects = list(draft.defects)
    if kind == "article" and draft.maybe_photo and not draft.has_byline and len(draft.paragraphs) <= 1:
        kind = "photo"
    if kind == "article" and not draft.has_byline and (
        draft.signed or (draft.paragraphs and vocab.AUTHOR_NOTE.match(draft.paragraphs[-1]))
    ):
        # Signed by a person under its title, not a reporter's byline: an opinion piece.
        kind = "commentary"
    if kind == "photo" and not draft.paragraphs:
        defects.append("caption lost")
    if kind in PROSE_KINDS and draft.paragraphs:
        if draft.title is None and "title displaced" not in defects:
            defects.insert(0, "title lost")
        if kind == "article" and lost_opening(draft.paragraphs[0]):
            defects.insert(0, "opening lost")
        for paragraph in draft.paragraphs:
            if not ends_sentence(paragraph):
                defects.append("paragraph cut off")
    authors = _without_placeholders(draft.authors)
    return Item(
        kind=kind,
        column=draft.column,
        series=draft.series,
        title=draft.title,
        subtitle=draft.subtitle,
        kicker=draft.kicker,
        dateline=draft.dateline,
        authors=tuple(authors),
        subheads=tuple(draft.subheads),
        paragraphs=tuple(draft.paragraphs),
        entries=tuple(Entry(text, source) for text, source in draft.entries),
        defects=tuple(defects),
        lines=tuple(sorted(draft.lines)),
    )


def _without_placeholders(authors: list[Author]) -> list[Author]:
    """本报记者 printed alone above, the names at the end (（本报记者杨迅、李蕊）): keep the names."""
    named_roles = {a.role for a in authors if a.name != a.role}
    return [a for a in authors if not (a.name == a.role and a.role in named_roles)]
