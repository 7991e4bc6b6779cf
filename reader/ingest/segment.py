"""Stage 3 of the parser: classified lines to draft items.

A page is read top to bottom.  Runs of heading lines (labels, titles,
bylines, signatures) are read as one *header*; `Segmenter._apply_header`
decides whether a header opens a new item (read by `headers.HeaderReader`),
is a subhead of the current one, is the current item's title printed in
mid-body, or switches to another story the current one is interleaved with.
Body lines go to the current item by `body.BodyReader`.

Every input line is recorded in exactly one draft, in the page fields, or in
`unassigned`: the parser never drops text.
"""

from __future__ import annotations

from reader.ingest import bylines, vocab
from reader.ingest.body import BodyReader
from reader.ingest.drafts import (
    PROSE_KINDS,
    Draft,
    Segmentation,
    has_comma,
    opens_story,
    opens_story_reason,
)
from reader.ingest.headers import HeaderReader
from reader.ingest.lines import (
    Cue,
    Line,
    dateline_match,
    ends_sentence,
    is_title_shaped,
    strip_label_mark,
)
from reader.ingest.repair import lost_opening
from reader.ingest.titles import is_two_part_heading
from reader.ingest.trace import Trace
from reader.models import Credit

#: Cues that make up a header.
HEADER_CUES = {
    Cue.LABEL, Cue.BOX_LABEL, Cue.SERIES, Cue.SIGNATURE, Cue.BYLINE, Cue.LETTER, Cue.SHORT,
    Cue.HEADLINE,
}
#: Cues after which a new label starts another header (the earlier one had no body).
_CONTENT_CUES = {Cue.SHORT, Cue.BYLINE, Cue.LETTER, Cue.SIGNATURE, Cue.HEADLINE}
#: Cues of a title-shaped line.
_TITLE_CUES = {Cue.SHORT, Cue.HEADLINE}
#: How many earlier items an interleaved block may return to.
_INTERLEAVE_REACH = 3
#: A heading mid-body switches to an earlier story when that story explains the
#: paragraph after it this much better, with at least this cosine.
_SWITCH_RATIO = 2.0
_SWITCH_MIN = 0.1
#: Characters no paragraph starts with: the text is the rest of a cut sentence.
_CONTINUATION_START = "”’」』）)》,，、。；;:：！？!?…"
#: A heading after a story without byline is a subhead when the paragraph after
#: it shares at least this much rare vocabulary with the story (cosine).
_CONTINUES_TOPIC = 0.15


class Segmenter(HeaderReader, BodyReader):
    """Walks the lines of one page and builds drafts."""

    def __init__(self, lines: list[Line], trace: Trace | None = None):
        super().__init__(lines, trace)
        self._page_trigrams: set[str] | None = None  # built on first use

    # -- driver -----------------------------------------------------------

    def run(self) -> Segmentation:
        i = 0
        while i < len(self.lines):
            line = self.lines[i]
            if line.cue is Cue.MASTHEAD:
                self.page_name = self.page_name or strip_label_mark(line.text)
                self.page_lines.append(line.no)
                self._note(line, "page name", "a page name standing alone")
                i += 1
            elif line.cue is Cue.PAGE_CREDIT:
                roles = []
                for part in vocab.PAGE_CREDIT_PART.finditer(line.text):
                    self.credits.append(Credit(part.group("role"), "".join(part.group("name").split())))
                    roles.append(part.group("role"))
                self.page_lines.append(line.no)
                self._note(line, "page credit", "page credit %s", "、".join(roles))
                i += 1
            elif line.cue in HEADER_CUES:
                end = self._header_end(i)
                self._apply_header(self.lines[i:end], self._line(end))
                i = end
            else:
                self._add_body(line, self._line(i + 1))
                i += 1
        for label in self.pending_box_labels:
            self._unassign(label, "box label whose box never came")
        return Segmentation(
            self.drafts, self.page_name, self.page_lines, self.credits, self.unassigned
        )

    def _header_end(self, start: int) -> int:
        """Index after the header run that starts at `start`."""
        i = start
        seen_content = False
        while i < len(self.lines):
            line = self.lines[i]
            previous = self.lines[i - 1] if i > start else None
            if (
                line.cue is Cue.DASH and previous and previous.cue in _TITLE_CUES
                and not vocab.EDITOR_SIGNATURE.match(line.text)
                and (is_title_shaped(line.text) or not ends_sentence(line.text))
                and len(line.text) <= 60
            ):
                line.cue = Cue.SHORT  # ——记…: a subtitle under its title
            if line.cue not in HEADER_CUES:
                break
            if i > start and seen_content:
                # A label after a title begins another item; so does an image.
                if line.cue in (Cue.LABEL, Cue.BOX_LABEL, Cue.SERIES, Cue.LETTER) or line.image_before:
                    break
                # A stand-alone name is a signature only right after a title.
                if line.cue is Cue.SIGNATURE and self.lines[i - 1].cue not in _TITLE_CUES:
                    break
                # A headline with its column after a title or byline is the next story's.
                if line.cue is Cue.HEADLINE and any(
                    x.cue in (Cue.HEADLINE, Cue.BYLINE, Cue.SIGNATURE) for x in self.lines[start:i]
                ):
                    break
            if line.cue is Cue.SHORT and i > start and self.lines[i - 1].cue in _TITLE_CUES:
                # Three stacked short lines: the third starts a new header,
                # unless a kicker/title/subtitle triple ("——" subtitle, or a
                # headline with its column in the middle).
                stacked = []
                j = i - 1
                while j >= start and self.lines[j].cue in _TITLE_CUES:
                    stacked.append(self.lines[j])
                    j -= 1
                nxt = self._line(i + 1)
                story_next = nxt is not None and (
                    nxt.cue in (Cue.BYLINE, Cue.DATELINE) or dateline_match(nxt.text) is not None
                )
                triple = len(stacked) == 2 and (stacked[0].cue is Cue.HEADLINE or story_next)
                if len(stacked) >= 2 and not line.text.startswith("——") and not triple:
                    break
            if line.cue in _CONTENT_CUES and not (line.cue is Cue.SIGNATURE and i == start):
                seen_content = True
            i += 1
        return i

    # -- headers ----------------------------------------------------------

    def _apply_header(self, header: list[Line], after: Line | None) -> None:
        cur = self.current
        if (
            len(header) == 1 and header[0].cue is Cue.BYLINE and header[0].text in vocab.ROLES
            and cur is not None and cur.kind == "article" and cur.title is not None
            and not cur.authors and not cur.ended
        ):
            # 新华社记者 alone under an editor's note: the story's byline, names at the end.
            cur.authors.extend(bylines.parse_byline_line(header[0].text))
            cur.has_byline = True
            cur.lines.append(header[0].no)
            self._note(header[0], "byline", "a desk's byline after the story's opening lines", draft=cur)
            return
        only_shorts = all(line.cue is Cue.SHORT for line in header)  # a headline is never prose
        if only_shorts and self._is_cut_prose(header, after):
            for line in header:
                line.cue = Cue.TEXT
                self._add_body(line, after)
                self._note(line, "body", "title-shaped, but prose cut by the print columns",
                           draft=self.current)
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
            new_story = self._new_story_after(header, after, cur)
            if new_story is None:
                self._mid_body_heading(header, after)
                return
            why, uncertain = new_story
            self._open_item(header, after, why)
            if uncertain and self.current is not None:
                self.current.add_defect("uncertain boundary")
            return
        self._open_item(header, after, self._why_new_item(header, after))

    def _new_story_after(self, header: list[Line], after: Line, cur: Draft) -> tuple[str, bool] | None:
        """A heading inside a finished story's body that heads the next story, and why.

        Returns (reason, uncertain) or None for a subhead.  A story closed by its
        attribution is over; a `地名：…` headline is a title, not a subhead.
        Where the story before has no byline at all (the plainest page: headline,
        paragraphs, headline…), a heading is taken as a new title unless the text
        after it continues the story's topic; that split is flagged as uncertain,
        because a wrong split is easier for a reader to repair than a wrong merge.
        """
        if cur.open_paragraph:
            # A heading after a cut paragraph: a subhead when the text after it
            # carries on the paragraph's sentence, else the cut was the story's end.
            if (
                cur.title is not None and len(header) == 1
                and not self._join_plausible(cur.paragraphs[-1], after.text)
                and after.text[:1] not in _CONTINUATION_START and not lost_opening(after.text)
                and self._better_story(after.text, cur) is None  # not interleaving
            ):
                return "a heading after a paragraph cut off, and fresh text after it", True
            return None
        if cur.ended:
            return "the story before ended with its attribution", False
        if (
            len(header) == 1 and vocab.PLACE_HEADLINE.match(header[0].text)
            and cur.title is not None and vocab.PLACE_HEADLINE.match(cur.title)
        ):
            # 四川：… then 浙江东阳：…: a round-up of places, one story each.  Under
            # another kind of title the same form is a subhead (伊朗：…, 美国：…).
            return "a 地名：… headline like the story's own title", False
        plain = cur.kind == "article" and not (
            cur.authors or cur.has_byline or cur.dateline or cur.subheads
        )
        if plain and self._similarity(after.text, cur) < _CONTINUES_TOPIC:
            return "no byline in the story before, and the text after it is on another topic", True
        return None

    def _why_new_item(self, header: list[Line], after: Line | None) -> str:
        """In words, the cue that made this header open an item (for `--explain`)."""
        if self.trace is None:
            return ""
        cues = {line.cue for line in header}
        if cues - {Cue.SHORT}:
            return "header with " + ", ".join(sorted(c.value for c in cues - {Cue.SHORT}))
        if self.current is None or not self.current.paragraphs:
            return "heading with no story open"
        if header[0].image_before:
            return "heading after an image gap"
        reason = opens_story_reason(header, after) if after is not None else None
        if reason:
            return "heading, and " + reason
        return "heading after a finished item"

    def _is_cut_prose(self, header: list[Line], after: Line | None) -> bool:
        """Title-shaped lines with a comma that are really prose cut by the print columns.

        `…整治过程中,乌兰察布` before text that continues it, after an unfinished
        paragraph, or as the last line of the page: not a heading.
        """
        cur = self.current
        if cur is None or not cur.paragraphs or not any(has_comma(x.text) for x in header):
            return False
        if after is None:
            return True
        two_part = all(is_two_part_heading(x.text) for x in header if has_comma(x.text))
        if cur.open_paragraph:
            # A two-part heading that meets neither the cut paragraph before it nor
            # the text after it heads the next story; the paragraph was cut off.
            return not (
                two_part and len(header) == 1 and after.cue is Cue.TEXT
                and not self._join_plausible(cur.paragraphs[-1], header[0].text)
                and not self._join_plausible(header[-1].text, after.text)
                and after.text[:1] not in _CONTINUATION_START
            )
        if cur.ended or header[0].image_before or after.cue is not Cue.TEXT:
            return False
        # After a finished paragraph, a line with a comma is prose if the text
        # after it continues its sentence (乌兰察布 + 市公安局…), or if it is not
        # shaped like a two-part heading (减形式之负，增实干之效).
        return (
            self._join_plausible(header[-1].text, after.text)
            or after.text[:1] in _CONTINUATION_START or not two_part
        )

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
            self._note(header[-1], "title", "heading mid-body of an untitled story: its displaced title", draft=cur)
            if len(texts) == 2:
                cur.kicker = texts[0]
                self._note(header[0], "kicker", "above a displaced title", draft=cur)
            cur.add_defect("title displaced")
        else:
            cur.subheads.extend(texts)
            why = ("heading where an interleaved story resumes" if other is not None
                   else "short line inside a body, no cue of a new story")
            for line in header:
                self._note(line, "subhead", why, draft=cur)
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

