"""`parse_page`: the text of one printed page to a `ParsedPage`.

The algorithm, in stages:

1. Lines (`lines.split_lines`): split into non-blank lines, remove markdown
   (`# `, `**`, hard-break spaces), count the blank lines before each (three or
   more mark an image).  A header line at the top (人民日报 2025年3月5日 星期三
   第10版 理论) is page metadata, not a title: `pagemeta.take_header` takes it off
   and `ParsedPage.header` keeps it.
2. Cues (`lines.classify`): what each line's own form says: masthead, page
   credit, column/box/series label, byline, `◎` signature, `XX 摄` credit,
   brief (●◆) and quote (★) entries, `——` lines, bracketed attributions,
   box sources, letter titles, short title-shaped lines, text.
3. Segments (`segment.Segmenter`, drafts in `drafts.py`): headers open items or become subheads,
   displaced titles, or the switch back to an interleaved story; body lines
   join their item, repairing paragraphs split by print columns and dropping
   paragraphs printed twice.
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
"""

from __future__ import annotations

from reader.ingest import dates, pagemeta, vocab
from reader.ingest.drafts import PROSE_KINDS, Draft
from reader.ingest.lines import ends_sentence, split_lines
from reader.ingest.repair import lost_opening
from reader.ingest.segment import Segmenter
from reader.models import Entry, Item, PageMeta, ParsedPage

#: Bump when parser output changes, so that libraries re-parse their sources.
PARSER_VERSION = 1


def parse_page(
    text: str,
    source: str | None = None,
    *,
    user: PageMeta | None = None,
    path: str | None = None,
    sidecar: PageMeta | None = None,
) -> ParsedPage:
    """Split the text of one page file into its items.

    `user` and `sidecar` are metadata given from outside the text (see
    `pagemeta`); the file's name and folders are read from `path`, else `source`.
    """
    lines, header = pagemeta.take_header(split_lines(text))
    segmentation = Segmenter(lines).run()
    items = tuple(_finish(d) for d in segmentation.drafts if d.lines)
    items = tuple(sorted(items, key=lambda item: min(item.lines)))
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
        any(a.role == vocab.SIGNATURE_ROLE for a in draft.authors)
        or (draft.paragraphs and vocab.AUTHOR_NOTE.match(draft.paragraphs[-1]))
    ):
        # Signed by a person, not a reporter's byline: an opinion piece.
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
    return Item(
        kind=kind,
        column=draft.column,
        series=draft.series,
        title=draft.title,
        subtitle=draft.subtitle,
        authors=tuple(draft.authors),
        subheads=tuple(draft.subheads),
        paragraphs=tuple(draft.paragraphs),
        entries=tuple(Entry(text, source) for text, source in draft.entries),
        defects=tuple(defects),
        lines=tuple(sorted(draft.lines)),
    )
