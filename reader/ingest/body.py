"""Stage 3b of the parser: body lines into the item they belong to.

Body lines go to the current item according to their cue: paragraphs
(joining halves that print columns split, dropping paragraphs printed
twice), entries of briefs and quotes boxes, photo credits, bracketed
attributions, box sources and `——` lines.  Lines with no header before them
continue the story they complete, or open an untitled item.

`BodyReader` is a part of `segment.Segmenter`; it reads and writes the
segmenter's state (`current`, `drafts`, `zone`, …) declared in
`drafts.SegmentState`.
"""

from __future__ import annotations

import re

from reader.ingest import bylines, vocab
from reader.ingest.drafts import PROSE_KINDS, Draft, SegmentState
from reader.ingest.lines import Cue, Line, dateline_match, ends_sentence, strip_label_mark
from reader.ingest.repair import normalise_for_duplicates
from reader.models import Author

#: Inside interleaved stories each paragraph goes where it fits best; the bar
#: is lower than for a switch because we already know two stories alternate here.
_ZONE_RATIO = 1.3
_ZONE_MIN = 0.04
#: Last characters after which nothing can trail a paragraph (a signature ends in a
#: name, 电 or a bracket).
_PLAIN_ENDS = frozenset(vocab.SENTENCE_END) - {"）", ")"}
#: A caption standing alone after an image gap is at most this long (花好莫要采。).
_SHORT_CAPTION = 40


class BodyReader(SegmentState):
    """Places body lines; mixed into `Segmenter`."""

    def _add_body(self, line: Line, after: Line | None) -> None:
        cue = line.cue
        if cue is Cue.EMPTY:
            self.unassigned.append((line.no, line.raw.strip()))
            self._note(line, "unassigned", "markup only")
            return
        if cue is Cue.BRIEF or cue is Cue.QUOTE:
            self._add_entry(line)
            return
        if cue is Cue.CONTINUED:
            # Its text was read with the line before; it belongs where that line went.
            holder = next((d for d in self.drafts if line.continues in d.lines), None)
            if holder is None:
                self._unassign(line, "rest of a line that went to no item")
                return
            holder.lines.append(line.no)
            self._note(line, "byline", "rest of a bracketed byline split by the columns", draft=holder)
            return
        cur = self._target_for_text(line, after)
        cur.lines.append(line.no)
        # A default account of the line; the handlers below refine it.
        if self.trace is not None:  # the hot path: skip even the call
            self._note(line, "body", "text (cue %s)", cue.value, draft=cur)
        if cue is Cue.PHOTO_CREDIT:
            self._add_photo_credit(cur, line)
        elif cue is Cue.BOX_SOURCE:
            name = _cue_match(vocab.BOX_SOURCE, line).group("name")
            cur.authors.append(Author(vocab.SOURCE_ROLE, name))
            self._note(line, "source", "(来源:…) closes a box", draft=cur)
        elif cue is Cue.ATTRIBUTION:
            self._add_attribution(cur, line)
        elif cue is Cue.DASH:
            self._add_dash(cur, line)
        elif cue is Cue.DATELINE:
            self._add_dateline(cur, line)
        elif cue is Cue.LEAD_LABEL:
            cur.subheads.append(line.text)
            self._note(line, "subhead", "heads the story's summary box", draft=cur)
        elif cue is Cue.ITEM_CREDIT:
            match = _cue_match(vocab.ITEM_CREDIT, line)
            cur.authors.append(Author(match.group("role"), match.group("name").strip()))
            self._note(line, "credit", "%s： credits a chart or box", match.group("role"), draft=cur)
        else:
            self._add_text(cur, line)

    def _target_for_text(self, line: Line, after: Line | None) -> Draft:
        """The draft a body line belongs to, opening one when none can take it."""
        cur = self.current
        starts_photo = line.cue is Cue.TEXT and (
            (after is not None and after.cue is Cue.PHOTO_CREDIT)
            or self._caption_alone(line, after)
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
            return self._zone_target(line.text, cur, self.zone)
        return cur

    @staticmethod
    def _caption_alone(line: Line, after: Line | None) -> bool:
        """After an image gap, a short line or one ending in its credit, then no more text."""
        if after is not None and after.cue is Cue.TEXT and not after.image_before:
            return False
        credit = vocab.TRAILING_CREDIT.match(line.text)
        if credit and bylines.parse_photo_credit(credit.group("credit")):
            return True
        return len(line.text) <= _SHORT_CAPTION and ends_sentence(line.text)

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

    def _zone_target(self, text: str, cur: Draft, zone: tuple[Draft, Draft]) -> Draft:
        """Inside interleaved stories (`zone`): the one whose vocabulary the paragraph shares."""
        other = zone[0] if zone[1] is cur else zone[1]
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
            self._note(line, "duplicate", "the same paragraph was printed before", draft=original)
            return
        self.seen_paragraphs[key] = cur
        if line.cue is Cue.VERSE:
            cur.paragraphs.append(text)  # a line of verse is its own paragraph
            self._note(line, "body", "a line of verse", draft=cur)
            return
        if cur.open_paragraph and not (self.zone and text.startswith(vocab.OPENERS)):
            cur.paragraphs[-1] += text
            cur.add_defect("joined split paragraph")
            if self.trace is not None:  # the hot path: skip even the call
                self._note(line, "body", "continues a paragraph cut mid-sentence", draft=cur)
            return
        if cur.kind in PROSE_KINDS:
            text = self._split_signoff(cur, text)
        if vocab.JUMP_REFERENCE.match(text):
            cur.ended = True  # a front-page teaser ends with its pointer to the full story
        if not cur.paragraphs and self._read_dateline(cur, text):
            cur.paragraphs.append(text)
            self._note(line, "body", "paragraph opened by the dateline %s", cur.dateline, draft=cur)
            return
        cur.paragraphs.append(text)
        if self.trace is not None:  # the hot path: skip even the call
            self._note(line, "body", "paragraph", draft=cur)

    def _split_signoff(self, cur: Draft, text: str) -> str:
        """…显著提升。　　（本报记者刘婧宇）: names printed at a paragraph's end end the story.

        Also a credit after a gap at the end of a caption: …野鹿。　　甘孜州公安局供图,
        …驻足。　　本报记者 张驰.
        """
        if text[-1:] in _PLAIN_ENDS:
            return text  # the common case: the paragraph ends with its last sentence
        dateline = vocab.TRAILING_DATELINE.match(text)
        if dateline is not None and cur.dateline is None and cur.paragraphs:
            cur.dateline = dateline.group("dateline") or dateline.group("source")
            cur.ended = True
            return dateline.group("text") or dateline.group("text2")
        credit = vocab.TRAILING_CREDIT.match(text)
        if credit is not None:
            people = bylines.parse_photo_credit(credit.group("credit")) or bylines.parse_byline(
                credit.group("credit")
            )
            if people:
                cur.authors.extend(people)
                cur.ended = True
                return credit.group("text")
        match = vocab.TRAILING_ATTRIBUTION.match(text)
        if match is None:
            return text
        inner = match.group("body").strip()
        spaced = text[len(match.group("text"))] not in "(（"
        if not (spaced or inner.startswith(vocab.ROLES)):
            return text  # …说。（笑）: a remark in brackets, not a signature
        people = bylines.parse_attribution(f"（{inner}）")
        if not people or any(len(a.name) < 2 for a in people):
            return text
        cur.authors.extend(people)
        cur.ended = True
        return match.group("text")

    def _read_dateline(self, cur: Draft, text: str) -> bool:
        """新华社北京3月5日电（记者 刘晓 王毅）: the dateline, and the reporters its credit names."""
        match = dateline_match(text) or vocab.SOURCE_LINE.match(text)
        if match is None or cur.dateline is not None:
            return False
        cur.dateline = match.group("dateline")
        if match.group("credit"):
            cur.authors.extend(bylines.parse_byline(match.group("credit"), default_role="记者"))
        return True

    def _add_dateline(self, cur: Draft, line: Line) -> None:
        """A dateline on a line of its own, above the body or closing it (新华社杜尚别5月11日电)."""
        if self._read_dateline(cur, line.text):
            if cur.paragraphs:
                cur.ended = True  # printed after the body, it closes the story
            self._note(line, "dateline", "agency, place and date: a dateline", draft=cur)
            return
        cur.paragraphs.append(line.text)  # a second dateline in one item: kept as printed
        self._note(line, "body", "a second dateline in one item", draft=cur)

    def _unreadable(self, draft: Draft, line: Line) -> None:
        """A line shaped like a credit that names nobody: kept in `unassigned`."""
        draft.lines.remove(line.no)
        self._unassign(line, "shaped like a credit but names nobody")

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
                if self.trace is not None:
                    caption_line = next(x for x in self.lines if x.no == photo.lines[0])
                    self._note(caption_line, "caption", "图为… before a 摄 credit", draft=photo)
                    self._note(line, "credit", "X 摄 after a caption in a story", draft=photo)
                return
            cur.authors.extend(people)
            self._note(line, "credit", "X 摄: photographer of the story's picture", draft=cur)
            return
        if not cur.has_byline and cur.kind in ("article", "photo"):
            cur.kind = "photo"
            cur.closed = True
        cur.authors.extend(people)
        self._note(line, "credit", "X 摄: a photo credit", draft=cur)

    def _add_attribution(self, cur: Draft, line: Line) -> None:
        body = _cue_match(vocab.ATTRIBUTION_LINE, line).group("body").strip()
        if cur.kind == "briefs" and cur.entries and cur.entries[-1][1] is None:
            cur.entries[-1][1] = body
            self._note(line, "source", "bracketed attribution after a brief", draft=cur)
            return
        people = bylines.parse_attribution(line.text)
        if people and cur.kind in PROSE_KINDS:
            cur.authors.extend(people)
            cur.ended = True
            self._note(line, "byline", "bracketed names after a body", draft=cur)
            return
        cur.paragraphs.append(line.text)
        if vocab.AUTHOR_NOTE.match(line.text):
            # （作者为…，本报记者李建广采访整理）: the note ends the piece and may
            # name the reporter who took it down.
            cur.ended = True
            cur.authors.extend(bylines.recorders_in_note(body))
            self._note(line, "body", "(作者为…) note closes a signed piece", draft=cur)
        else:
            self._note(line, "body", "bracketed line that names nobody", draft=cur)

    def _add_dash(self, cur: Draft, line: Line) -> None:
        text = line.text
        if vocab.EDITOR_SIGNATURE.match(text):
            cur.authors.append(Author(vocab.EDITOR_ROLE, vocab.EDITOR_ROLE))
            cur.ended = True
            self._note(line, "byline", "——编者 signature", draft=cur)
            return
        if cur.kind == "quotes" and cur.entries and cur.entries[-1][1] is None:
            cur.entries[-1][1] = text.lstrip("—－- ")
            self._note(line, "source", "—— source of a quote", draft=cur)
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
        self._note(line, "entry", "%s mark opens an entry", line.text[0], draft=cur)
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
                self._note(label, "column", "box label printed away from its box", draft=draft)
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


def _cue_match(pattern: re.Pattern[str], line: Line) -> re.Match[str]:
    """The match that gave `line` its cue (lines.classify used the same pattern)."""
    match = pattern.match(line.text)
    if match is None:
        raise ValueError(f"line {line.no} has cue {line.cue} but does not match its pattern")
    return match
