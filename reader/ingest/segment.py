"""Stage 3 of the parser: classified lines to draft items.

A page is read top to bottom.  Runs of heading lines (labels, titles,
bylines, signatures) are read as one *header*; `Segmenter._apply_header`
decides whether a header opens a new item, is a subhead of the current one,
is the current item's title printed in mid-body, or switches to another
story the current one is interleaved with.  Body lines go to the current
item according to their cue: paragraphs (joining halves that print columns
split), entries of briefs and quotes boxes, credits, attributions and
signatures.

Every input line is recorded in exactly one draft, in the page fields, or in
`unassigned`: the parser never drops text.
"""

from __future__ import annotations

from reader.ingest import bylines, vocab
from reader.ingest.drafts import (
    PROSE_KINDS,
    Draft,
    Segmentation,
    has_comma,
    label_shaped,
    opens_story,
)
from reader.ingest.lines import Cue, Line, is_title_shaped, strip_label_mark
from reader.ingest.repair import TopicModel, normalise_for_duplicates
from reader.models import Author, Credit

#: Cues that make up a header.
HEADER_CUES = {
    Cue.LABEL, Cue.BOX_LABEL, Cue.SERIES, Cue.SIGNATURE, Cue.BYLINE, Cue.LETTER, Cue.SHORT,
}
#: Cues after which a new label starts another header (the earlier one had no body).
_CONTENT_CUES = {Cue.SHORT, Cue.BYLINE, Cue.LETTER, Cue.SIGNATURE}
#: How many earlier items an interleaved block may return to.
_INTERLEAVE_REACH = 3
#: A heading mid-body switches to an earlier story when that story explains the
#: paragraph after it this much better, with at least this cosine.
_SWITCH_RATIO = 2.0
_SWITCH_MIN = 0.1
#: Inside interleaved stories each paragraph goes where it fits best; the bar
#: is lower because we already know two stories alternate here.
_ZONE_RATIO = 1.3
_ZONE_MIN = 0.04


class Segmenter:
    """Walks the lines of one page and builds drafts."""

    def __init__(self, lines: list[Line]):
        self.lines = lines
        self.drafts: list[Draft] = []
        self.current: Draft | None = None
        self.page_name: str | None = None
        self.page_lines: list[int] = []
        self.credits: list[Credit] = []
        self.unassigned: list[tuple[int, str]] = []
        self.pending_box_labels: list[Line] = []
        self.seen_paragraphs: dict[str, Draft] = {}
        self.zone: tuple[Draft, Draft] | None = None
        self.topics = TopicModel(line.text for line in lines if line.cue is Cue.TEXT)
        self._page_trigrams: set[str] | None = None  # built on first use
        self._profiles: dict[int, tuple[tuple, frozenset[str]]] = {}
        self._index = {id(line): i for i, line in enumerate(lines)}

    # -- driver -----------------------------------------------------------

    def run(self) -> Segmentation:
        i = 0
        while i < len(self.lines):
            line = self.lines[i]
            if line.cue is Cue.MASTHEAD:
                self.page_name = self.page_name or strip_label_mark(line.text)
                self.page_lines.append(line.no)
                i += 1
            elif line.cue is Cue.PAGE_CREDIT:
                match = vocab.PAGE_CREDIT.match(line.text)
                name = "".join(match.group(2).split())
                self.credits.append(Credit(match.group(1), name))
                self.page_lines.append(line.no)
                i += 1
            elif line.cue in HEADER_CUES:
                end = self._header_end(i)
                self._apply_header(self.lines[i:end], self._line(end))
                i = end
            else:
                self._add_body(line, self._line(i + 1))
                i += 1
        for label in self.pending_box_labels:
            self.unassigned.append((label.no, label.text))
        return Segmentation(
            self.drafts, self.page_name, self.page_lines, self.credits, self.unassigned
        )

    def _line(self, index: int) -> Line | None:
        return self.lines[index] if 0 <= index < len(self.lines) else None

    def _header_end(self, start: int) -> int:
        """Index after the header run that starts at `start`."""
        i = start
        seen_content = False
        while i < len(self.lines):
            line = self.lines[i]
            previous = self.lines[i - 1] if i > start else None
            if line.cue is Cue.DASH and previous and previous.cue is Cue.SHORT and is_title_shaped(
                line.text
            ):
                line.cue = Cue.SHORT  # ——记…: a subtitle under its title
            if line.cue not in HEADER_CUES:
                break
            if i > start and seen_content:
                # A label after a title begins another item; so does an image.
                if line.cue in (Cue.LABEL, Cue.BOX_LABEL, Cue.SERIES, Cue.LETTER) or line.image_before:
                    break
                # A stand-alone ◎ name is a signature only right after a title.
                if line.cue is Cue.SIGNATURE and self.lines[i - 1].cue is not Cue.SHORT:
                    break
            if line.cue is Cue.SHORT and i > start and self.lines[i - 1].cue is Cue.SHORT:
                # Three stacked short lines: the third starts a new header,
                # unless a kicker/title/subtitle triple ("——" subtitle).
                shorts = 0
                j = i - 1
                while j >= start and self.lines[j].cue is Cue.SHORT:
                    shorts += 1
                    j -= 1
                if shorts >= 2 and not line.text.startswith("——"):
                    break
            if line.cue in _CONTENT_CUES and not (line.cue is Cue.SIGNATURE and i == start):
                seen_content = True
            i += 1
        return i

    # -- headers ----------------------------------------------------------

    def _apply_header(self, header: list[Line], after: Line | None) -> None:
        cur = self.current
        only_shorts = all(line.cue is Cue.SHORT for line in header)
        if only_shorts and self._is_cut_prose(header, after):
            for line in header:
                line.cue = Cue.TEXT
                self._add_body(line, after)
            return
        if (
            only_shorts
            and len(header) <= 2
            and not header[0].image_before
            and cur is not None
            and cur.kind in PROSE_KINDS
            and cur.paragraphs
            and after is not None
            and after.cue is Cue.TEXT
            and not self._is_photo_ahead(after)
            and not opens_story(header, after)
        ):
            self._mid_body_heading(header, after)
            return
        self._open_item(header, after)

    def _is_cut_prose(self, header: list[Line], after: Line | None) -> bool:
        """Title-shaped lines with a comma that are really prose cut by the print columns.

        `…整治过程中,乌兰察布` before text that continues it, after an unfinished
        paragraph, or as the last line of the page: not a heading.
        """
        cur = self.current
        if cur is None or not cur.paragraphs or not any(has_comma(x.text) for x in header):
            return False
        if cur.open_paragraph or after is None:
            return True
        return not header[0].image_before and after.cue is Cue.TEXT

    def _is_photo_ahead(self, after: Line) -> bool:
        """Title, one caption paragraph, then a `XX 摄` credit: a photo."""
        index = self._index[id(after)]
        following = self._line(index + 1)
        return following is not None and following.cue is Cue.PHOTO_CREDIT

    def _mid_body_heading(self, header: list[Line], after: Line) -> None:
        """Short lines inside a body: a subhead, a displaced title, or another story's block."""
        cur = self.current
        assert cur is not None
        continues = cur.open_paragraph and self._join_plausible(cur.paragraphs[-1], after.text)
        other = None if continues else self._better_story(after.text, cur)
        if other is not None:
            cur.add_defect("interleaved")
            other.add_defect("interleaved")
            self.zone = (cur, other)
            self.current = cur = other
        texts = [line.text for line in header]
        if cur.title is None and (other is not None or cur.open_paragraph):
            # The item's own title, printed where the layout had room for it.
            cur.title = texts[-1]
            if len(texts) == 2:
                cur.subtitle = texts[0]
            cur.add_defect("title displaced")
        else:
            cur.subheads.extend(texts)
        cur.lines.extend(line.no for line in header)

    def _join_plausible(self, head: str, tail: str) -> bool:
        """Do the halves of a split paragraph meet in words printed elsewhere on the page?

        `…深度` + `融合,…` meet in 深度融合, which the page prints again; `…让数据`
        + `袁永年是…` meet in nothing.  Used only where a heading stands between
        the halves, so that a heading does not hide a story switch.
        """
        head, tail = head.rstrip(), tail.lstrip()
        if not head or not tail:
            return False
        if self._page_trigrams is None:
            # Trigrams within lines only, so a split never forms a seam by itself.
            self._page_trigrams = {
                line.text[i : i + 3] for line in self.lines for i in range(len(line.text) - 2)
            }
        seams = {head[-2:] + tail[:1], head[-1:] + tail[:2]}
        return any(len(seam) == 3 and seam in self._page_trigrams for seam in seams)

    def _similarity(self, text: str, draft: Draft) -> float:
        """Topic similarity of `text` to a draft, with the draft's profile cached."""
        state = (draft.title, len(draft.subheads), len(draft.paragraphs),
                 len(draft.paragraphs[-1]) if draft.paragraphs else 0)
        cached = self._profiles.get(id(draft))
        if cached is None or cached[0] != state:
            cached = (state, self.topics.profile(draft.texts()))
            self._profiles[id(draft)] = cached
        return self.topics.similarity(text, cached[1])

    def _better_story(self, text: str, cur: Draft) -> Draft | None:
        """An earlier story that explains `text` much better than the current one."""
        candidates = [
            d for d in self.drafts[-1 - _INTERLEAVE_REACH : -1]
            if d is not cur and d.kind == "article" and d.paragraphs
        ]
        if not candidates:
            return None
        mine = self._similarity(text, cur)
        scored = [(self._similarity(text, d), d) for d in candidates]
        theirs, best = max(scored, key=lambda pair: pair[0])
        if theirs >= _SWITCH_MIN and theirs > _SWITCH_RATIO * mine:
            return best
        return None

    def _open_item(self, header: list[Line], after: Line | None) -> None:
        """Start a new item from a header."""
        self.zone = None
        draft = Draft()
        draft.maybe_photo = header[0].image_before
        labels: list[Line] = []
        shorts: list[Line] = []
        after_byline: list[Line] = []  # short lines under a byline that follows a title
        for line in header:
            draft.lines.append(line.no)
            cue = line.cue
            if cue is Cue.SIGNATURE and shorts:
                author = bylines.parse_signature(line.text)
                if author:
                    draft.authors.append(author)
                    draft.kind = "commentary"
                    continue
                cue = Cue.LABEL
            if cue in (Cue.LABEL, Cue.BOX_LABEL, Cue.SIGNATURE):
                labels.append(line)
            elif cue is Cue.SERIES:
                draft.series = strip_label_mark(line.text)
            elif cue is Cue.BYLINE:
                people = bylines.parse_byline(line.text, default_role=vocab.SIGNATURE_ROLE)
                if not people:
                    self._unreadable(draft, line)
                    continue
                draft.authors.extend(people)
                draft.has_byline = True
            elif cue is Cue.LETTER:
                draft.kind = "letter"
                draft.title = line.text
            elif draft.has_byline and shorts:
                # Title, byline, then a short line: the body's first subhead.
                after_byline.append(line)
            else:
                shorts.append(line)
        draft.subheads.extend(line.text for line in after_byline)
        self._apply_labels(draft, labels, shorts, after)
        self._apply_titles(draft, shorts)
        if draft.column in vocab.PHOTO_COLUMNS:
            draft.maybe_photo = True
        if draft.column in vocab.COMMENTARY_COLUMNS and not draft.has_byline:
            draft.kind = "commentary"
        self.drafts.append(draft)
        self.current = draft

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
        for extra in columns[:-1]:
            draft.lines.remove(extra.no)
            self.unassigned.append((extra.no, extra.text))

    def _apply_titles(self, draft: Draft, shorts: list[Line]) -> None:
        if not shorts:
            return
        texts = [line.text for line in shorts]
        dash = [t for t in texts if t.startswith(("——", "--"))]
        plain = [t for t in texts if t not in dash]
        if draft.title is None and plain:
            title = plain[-1]
            match = vocab.HEADLINE_COLUMN.match(title)
            if match and draft.column is None:
                title, draft.column = match.group("title"), match.group("column")
            draft.title = title
            plain = plain[:-1]
        if plain:
            draft.subtitle = " ".join(plain)
        elif dash:
            draft.subtitle = dash[0]
            dash = dash[1:]
        if dash:
            draft.subheads.extend(dash)

    # -- bodies -----------------------------------------------------------

    def _add_body(self, line: Line, after: Line | None) -> None:
        cue = line.cue
        if cue is Cue.EMPTY:
            self.unassigned.append((line.no, line.raw.strip()))
            return
        if cue is Cue.BRIEF or cue is Cue.QUOTE:
            self._add_entry(line)
            return
        cur = self._target_for_text(line, after)
        cur.lines.append(line.no)
        if cue is Cue.PHOTO_CREDIT:
            self._add_photo_credit(cur, line)
        elif cue is Cue.BOX_SOURCE:
            name = vocab.BOX_SOURCE.match(line.text).group("name")
            cur.authors.append(Author(vocab.SOURCE_ROLE, name))
        elif cue is Cue.ATTRIBUTION:
            self._add_attribution(cur, line)
        elif cue is Cue.DASH:
            self._add_dash(cur, line)
        else:
            self._add_text(cur, line)

    def _target_for_text(self, line: Line, after: Line | None) -> Draft:
        """The draft a body line belongs to, opening one when none can take it."""
        cur = self.current
        starts_photo = (
            line.cue is Cue.TEXT and after is not None and after.cue is Cue.PHOTO_CREDIT
        )
        if cur is None or (cur.closed and line.cue is Cue.TEXT):
            return self._orphan_target(line)
        if line.image_before and starts_photo and cur.paragraphs:
            # A caption after an image gap, without a title: a photo of its own.
            draft = Draft(maybe_photo=True)
            self.drafts.append(draft)
            self.current = draft
            return draft
        if line.cue is Cue.TEXT and self.zone and cur in self.zone:
            return self._zone_target(line.text, cur)
        return cur

    def _orphan_target(self, line: Line) -> Draft:
        """Text with no header before it: the story it continues, or a new untitled one."""
        previous = next(
            (d for d in reversed(self.drafts) if d.kind in PROSE_KINDS and not d.closed), None
        )
        if previous is not None and previous.open_paragraph:
            self.current = previous
            return previous
        draft = Draft()
        self.drafts.append(draft)
        self.current = draft
        return draft

    def _zone_target(self, text: str, cur: Draft) -> Draft:
        """Inside interleaved stories: the one whose vocabulary the paragraph shares."""
        other = self.zone[0] if self.zone[1] is cur else self.zone[1]
        mine = self._similarity(text, cur)
        theirs = self._similarity(text, other)
        if theirs > _ZONE_RATIO * mine and theirs >= _ZONE_MIN:
            self.current = other
            return other
        return cur

    def _add_text(self, cur: Draft, line: Line) -> None:
        text = line.text
        if cur.kind == "briefs":
            self._add_brief_text(cur, text)
            return
        if cur.kind == "quotes":
            if cur.entries and cur.entries[-1][1] is None:
                cur.entries[-1][0] += "\n" + text
            else:
                cur.entries.append([text, None])
            return
        key = normalise_for_duplicates(text)
        original = self.seen_paragraphs.get(key) if len(key) >= 10 else None
        if original is not None:
            # The copy is recorded on the item that keeps the text.
            cur.lines.remove(line.no)
            original.lines.append(line.no)
            original.add_defect("duplicate paragraph dropped")
            return
        self.seen_paragraphs[key] = cur
        if cur.open_paragraph and not (self.zone and text.startswith(vocab.OPENERS)):
            cur.paragraphs[-1] += text
            cur.add_defect("joined split paragraph")
            return
        if not cur.paragraphs:
            self._read_dateline(cur, text)
        cur.paragraphs.append(text)

    def _read_dateline(self, cur: Draft, text: str) -> None:
        """新华社北京3月5日电（记者 刘晓 王毅）: the credit names the reporters."""
        match = vocab.DATELINE.match(text)
        if match and match.group("credit"):
            cur.authors.extend(bylines.parse_byline(match.group("credit"), default_role="记者"))

    def _unreadable(self, draft: Draft, line: Line) -> None:
        """A line shaped like a credit that names nobody: kept in `unassigned`."""
        draft.lines.remove(line.no)
        self.unassigned.append((line.no, line.text))

    def _add_photo_credit(self, cur: Draft, line: Line) -> None:
        people = bylines.parse_photo_credit(line.text)
        if not people:
            self._unreadable(cur, line)
            return
        if cur.kind in PROSE_KINDS and len(cur.paragraphs) > 1:
            if "图为" in cur.paragraphs[-1]:
                # The caption of a photo printed inside the story.
                caption = cur.paragraphs.pop()
                cur.lines.remove(line.no)
                photo = Draft(kind="photo", paragraphs=[caption], authors=people, closed=True)
                photo.lines = [cur.lines.pop(), line.no]
                self.drafts.append(photo)
                return
            cur.authors.extend(people)
            return
        if not cur.has_byline and cur.kind in ("article", "photo"):
            cur.kind = "photo"
            cur.closed = True
        cur.authors.extend(people)

    def _add_attribution(self, cur: Draft, line: Line) -> None:
        body = vocab.ATTRIBUTION_LINE.match(line.text).group("body").strip()
        if cur.kind == "briefs" and cur.entries and cur.entries[-1][1] is None:
            cur.entries[-1][1] = body
            return
        people = bylines.parse_attribution(line.text)
        if people and cur.kind in PROSE_KINDS:
            cur.authors.extend(people)
        else:
            cur.paragraphs.append(line.text)

    def _add_dash(self, cur: Draft, line: Line) -> None:
        text = line.text
        if vocab.EDITOR_SIGNATURE.match(text):
            cur.authors.append(Author(vocab.EDITOR_ROLE, vocab.EDITOR_ROLE))
            return
        if cur.kind == "quotes" and cur.entries and cur.entries[-1][1] is None:
            cur.entries[-1][1] = text.lstrip("—－- ")
            return
        self._add_text(cur, line)

    def _add_entry(self, line: Line) -> None:
        kind = "briefs" if line.cue is Cue.BRIEF else "quotes"
        cur = self.current
        if cur is None or cur.kind != kind or cur.closed:
            if cur is not None and cur.kind == "article" and not cur.paragraphs and not cur.entries:
                cur.kind = kind  # a header (label or title) opened this box
            else:
                cur = self._open_box(kind)
        cur.lines.append(line.no)
        text = line.text[1:].strip()
        if kind == "briefs":
            self._add_brief_text(cur, text, new_entry=True)
        else:
            cur.entries.append([text, None])

    def _open_box(self, kind: str) -> Draft:
        draft = Draft(kind=kind)
        for label in list(self.pending_box_labels):
            if vocab.BOX_LABELS.get(strip_label_mark(label.text)) == kind:
                draft.column = strip_label_mark(label.text)
                draft.lines.append(label.no)
                draft.add_defect("label displaced")
                self.pending_box_labels.remove(label)
                break
        self.zone = None
        self.drafts.append(draft)
        self.current = draft
        return draft

    def _add_brief_text(self, cur: Draft, text: str, new_entry: bool = False) -> None:
        source = None
        match = vocab.TRAILING_ATTRIBUTION.match(text)
        if match:
            text, source = match.group("text"), match.group("body").strip()
        if new_entry or not cur.entries or cur.entries[-1][1] is not None:
            cur.entries.append([text, source])
        else:
            cur.entries[-1][0] += "\n" + text
            cur.entries[-1][1] = source
