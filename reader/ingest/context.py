"""Stage 2b of the parser: cues that only a line's neighbours give.

`classify` judges a line alone, so a long headline (聚焦高质量发展提高人道服务能力
为强国建设…, 46 characters), a kicker with commas (经国家组织集中带量采购，价格
平均下降60%，2024年在全国落地执行) or a question headline (听说，这届网友都忙着
“备战奥运”？) reads as text.  What shows them to be headings is what stands
around them: a finished story (or nothing) above, and a byline, a headline
with its column, a `——` subtitle or a dateline-led paragraph below.
`mark_headings` turns such lines into title-shaped (`Cue.SHORT`) lines; the
segmenter then reads them like any heading.
"""

from __future__ import annotations

from reader.ingest import vocab
from reader.ingest.lines import Cue, Line, dateline_match, ends_sentence

#: Longest line taken for a heading on its neighbours' evidence.
_MAX_HEADING = 80
#: How many stacked lines above a byline can be headings (kicker, title, subtitle).
_MAX_STACK = 3
#: Cues of the line under a heading that say "a story starts here".
_STORY_START = {Cue.BYLINE, Cue.HEADLINE, Cue.DATELINE}
#: A poem: at least this many lines of at most this many characters.
_MIN_VERSE = 4
_MAX_VERSE = 20
_VERSE_CUES = {Cue.SHORT, Cue.TEXT, Cue.SIGNATURE, Cue.LABEL}


def mark_headings(lines: list[Line]) -> list[int]:
    """Reclassify text lines that their neighbours show to be headings; return their numbers.

    Above each line that starts a story, up to three heading candidates (kicker,
    title, subtitle) are taken, if what stands above them is finished: the
    page's start, a line that is not text, or a sentence's end.
    """
    marked: list[int] = []
    for i, below in enumerate(lines):
        if i == 0 or not _starts_story(below):
            continue
        top = i
        while top > 0 and i - top < _MAX_STACK and _could_be_heading(lines[top - 1]):
            top -= 1
        # The run must stand on something finished; else its top line ends a cut paragraph.
        while top < i:
            above = lines[top - 1] if top > 0 else None
            if above is None or above.cue is not Cue.TEXT or ends_sentence(above.text):
                break
            top += 1
        for line in lines[top:i]:
            if line.cue is not Cue.SHORT:
                line.cue = Cue.SHORT
                marked.append(line.no)
    return marked


def mark_verse(lines: list[Line]) -> list[int]:
    """Lines of a poem under its title and author: short lines, each its own paragraph.

    Four or more lines of at most `_MAX_VERSE` characters straight after a
    signature or byline that follows a title are verse, not subheads or
    titles (天快亮时雪落下来 / 覆盖了故乡的一切 / …).
    """
    marked: list[int] = []
    for i, line in enumerate(lines):
        if line.cue not in (Cue.SIGNATURE, Cue.BYLINE) or i == 0 or lines[i - 1].cue is not Cue.SHORT:
            continue
        end = i + 1
        while end < len(lines) and lines[end].cue in _VERSE_CUES and len(lines[end].text) <= _MAX_VERSE:
            end += 1
        if end - i - 1 >= _MIN_VERSE:
            for verse in lines[i + 1 : end]:
                verse.cue = Cue.VERSE
                marked.append(verse.no)
    return marked


def join_split_attributions(lines: list[Line]) -> list[int]:
    """（记者高敬 / 王飞航 魏弘毅）: a bracketed byline the print columns broke in two.

    The first line takes the whole text and the attribution cue; the second is
    marked `CONTINUED`, so that it goes to the same item and nowhere else.
    """
    joined: list[int] = []
    for first, second in zip(lines, lines[1:], strict=False):
        a, b = first.text, second.text
        if (
            a[:1] in "（(" and not any(c in a for c in "）)") and b[-1:] in "）)"
            and not any(c in b for c in "（(") and len(a) + len(b) <= 40
        ):
            whole = a + " " + b
            if vocab.ATTRIBUTION_LINE.match(whole):
                first.text, first.cue = whole, Cue.ATTRIBUTION
                second.cue, second.continues = Cue.CONTINUED, first.no
                joined.append(second.no)
    return joined


def _could_be_heading(line: Line) -> bool:
    """Text (or a title-shaped line) that no sentence ends: a heading candidate."""
    if line.cue is Cue.SHORT:
        return True
    if line.cue is not Cue.TEXT:
        return False
    text = line.text
    if len(text) > _MAX_HEADING or "。" in text[:-1] or dateline_match(text):
        return False
    return text[-1] in "？！?!" or not ends_sentence(text)


def _starts_story(line: Line) -> bool:
    if line.cue in _STORY_START:
        return True
    if line.cue is Cue.DASH and not vocab.EDITOR_SIGNATURE.match(line.text):
        return True  # ——体重管理两周年观察之三: a subtitle
    return line.cue is Cue.TEXT and dateline_match(line.text) is not None
