"""Stage 3a of the parser: a header (labels, titles, bylines) to a new item.

`HeaderReader._open_item` reads the lines of a header that opens an item:
which are column, box or series labels, which the kicker, title and
subtitle, which bylines and signatures.  Whether a header opens an item at
all is decided in `segment.py`.

`HeaderReader` is a part of `segment.Segmenter` (state in
`drafts.SegmentState`).
"""

from __future__ import annotations

from reader.ingest import bylines, vocab
from reader.ingest.body import BodyReader
from reader.ingest.drafts import Draft, has_comma, label_shaped
from reader.ingest.lines import Cue, Line, strip_label_mark
from reader.ingest.titles import pick_title


class HeaderReader(BodyReader):
    """Turns a header into a new draft (its lead lines go to the body reader)."""

    def _open_item(self, header: list[Line], after: Line | None, why: str = "header") -> None:
        """Start a new item from a header; `why` says what made it a new item."""
        self.zone = None
        draft = Draft()
        draft.maybe_photo = header[0].image_before
        labels: list[Line] = []
        shorts: list[Line] = []
        after_byline: list[Line] = []  # short lines under a byline that follows a title
        leads: list[Line] = []  # lead paragraphs printed like headings under the byline
        for line in header:
            draft.lines.append(line.no)
            cue = line.cue
            if cue is Cue.SIGNATURE and shorts:
                author = bylines.parse_signature(line.text)
                if author:
                    draft.authors.append(author)
                    draft.kind = "commentary"
                    draft.signed = True
                    self._note(line, "byline", "a name alone under a title: the author's signature",
                               draft=draft)
                    continue
                cue = Cue.LABEL
            if cue in (Cue.LABEL, Cue.BOX_LABEL, Cue.SIGNATURE):
                labels.append(line)
            elif cue is Cue.SERIES:
                draft.series = strip_label_mark(line.text)
                self._note(line, "series", "label with a circled number", draft=draft)
            elif cue is Cue.BYLINE:
                people = bylines.parse_byline_line(line.text)
                if not people and bylines.is_desk_byline(line.text):
                    draft.has_byline = True
                    self._note(line, "byline", "a desk's byline without names", draft=draft)
                    continue
                if not people:
                    self._unreadable(draft, line)
                    continue
                draft.authors.extend(people)
                draft.has_byline = True
                self._note(line, "byline", "role word and names", draft=draft)
            elif cue is Cue.LETTER:
                draft.kind = "letter"
                draft.title = line.text
                self._note(line, "title", "a letter's title", draft=draft)
            elif (draft.has_byline or draft.authors) and shorts:
                if has_comma(line.text):
                    # Title, byline, then a line with a comma: the lead paragraph.
                    leads.append(line)
                    draft.lines.remove(line.no)
                    continue
                # Title, byline, then a short line: the body's first subhead.
                after_byline.append(line)
                self._note(line, "subhead", "short line after title and byline", draft=draft)
            else:
                shorts.append(line)
        draft.subheads.extend(line.text for line in after_byline)
        self._apply_labels(draft, labels, shorts, after)
        self._apply_titles(draft, shorts, why)
        if draft.column in vocab.PHOTO_COLUMNS:
            draft.maybe_photo = True
        if draft.column in vocab.COMMENTARY_COLUMNS and not draft.has_byline:
            draft.kind = "commentary"
        self.drafts.append(draft)
        self.current = draft
        for line in leads:
            line.cue = Cue.TEXT
            self._add_body(line, self._next(line))
            self._note(line, "body", "lead paragraph under the byline", draft=draft)

    def _apply_labels(
        self, draft: Draft, labels: list[Line], shorts: list[Line], after: Line | None
    ) -> None:
        box_follows = after is not None and after.cue in (Cue.BRIEF, Cue.QUOTE)
        columns: list[Line] = []
        for line in labels:
            name = strip_label_mark(line.text)
            if name in vocab.BOX_LABELS and not box_follows and (shorts or draft.has_byline):
                # A box label stacked on another item's header: its box is
                # printed further down the page.
                draft.lines.remove(line.no)
                self.pending_box_labels.append(line)
                self._note(line, "box label", "stacked on another header; waits for its box")
                continue
            columns.append(line)
        if shorts and len(shorts) >= 2 and not columns and label_shaped(shorts[0].text):
            # An unknown short stand-alone line in label position.
            columns.append(shorts.pop(0))
        if not columns:
            return
        draft.column = strip_label_mark(columns[-1].text)
        kind = vocab.BOX_LABELS.get(draft.column)
        if kind:
            draft.kind = kind
        self._note(columns[-1], "column", "box label" if kind else "column label", draft=draft)
        for extra in columns[:-1]:
            draft.lines.remove(extra.no)
            self._unassign(extra, "a second label over the same item")

    def _apply_titles(self, draft: Draft, shorts: list[Line], why: str) -> None:
        """Kicker, title and subtitle from the header's short lines (see `titles.py`)."""
        if not shorts:
            return
        if draft.title is not None:  # a letter's title came first
            draft.subtitle = " ".join(line.text for line in shorts)
            for line in shorts:
                self._note(line, "subtitle", "short line in a letter's header", draft=draft)
            return
        index = pick_title([line.text for line in shorts])
        line = shorts[index]
        title = line.text
        match = vocab.HEADLINE_COLUMN.match(title)
        if match and draft.column is None:
            title, draft.column = match.group("title"), match.group("column")
            why = f"headline + bracketed column {draft.column}"
        draft.title = title
        self._note(line, "title", why, draft=draft)
        above, below = shorts[:index], shorts[index + 1 :]
        if above:
            draft.kicker = " ".join(x.text for x in above)
            for x in above:
                self._note(x, "kicker", "short line above the title", draft=draft)
        if below:
            first = below.pop(0)
            draft.subtitle = first.text
            self._note(first, "subtitle", "short line under the title", draft=draft)
        for x in below:
            draft.subheads.append(x.text)
            self._note(x, "subhead", "a further short line in the header", draft=draft)
