"""Items under construction, and the shape tests the segmenter applies to headings.

`Draft` is the mutable form of an `Item` while stage 3 reads the page;
`parser._finish` freezes it.  The functions below judge a heading line by
its form alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.ingest import vocab
from reader.ingest.lines import Line, ends_sentence, strip_label_mark
from reader.models import Author, Credit

#: Item kinds whose body is running text.
PROSE_KINDS = ("article", "commentary", "letter")


@dataclass
class Draft:
    """An item under construction."""

    kind: str = "article"
    column: str | None = None
    series: str | None = None
    title: str | None = None
    subtitle: str | None = None
    authors: list[Author] = field(default_factory=list)
    subheads: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    entries: list[list] = field(default_factory=list)  # [text, source]
    defects: list[str] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    maybe_photo: bool = False   # an image gap or a photo column stood before it
    has_byline: bool = False
    closed: bool = False        # a photo with its credit: takes no more text

    @property
    def open_paragraph(self) -> bool:
        """The last paragraph stops mid-sentence (its continuation may follow)."""
        return bool(self.paragraphs) and not ends_sentence(self.paragraphs[-1])

    def texts(self) -> list[str]:
        return [t for t in (self.title, *self.subheads, *self.paragraphs) if t]

    def add_defect(self, defect: str) -> None:
        if defect == "interleaved" and defect in self.defects:
            return
        self.defects.append(defect)


@dataclass
class Segmentation:
    """What stage 3 produced."""

    drafts: list[Draft]
    page_name: str | None
    page_lines: list[int]
    credits: list[Credit]
    unassigned: list[tuple[int, str]]


def opens_story(header: list[Line], after: Line) -> bool:
    """Cues that a heading without a byline heads a new story, not a subhead."""
    if vocab.DATELINE.match(after.text):
        return True  # 新华社北京3月5日电…: wire copy opens with its dateline
    if vocab.HEADLINE_COLUMN.match(header[-1].text):
        return True  # 乡村振兴一线见闻（观察）: a headline with its column
    # An unknown column label over a title (今日谈 / 让“冬日暖阳”…).
    return len(header) == 2 and label_shaped(header[0].text)


def has_comma(text: str) -> bool:
    return "," in text or "，" in text


def label_shaped(text: str) -> bool:
    """Short, unpunctuated and without spaces: shaped like a column label, not a kicker."""
    bare = strip_label_mark(text)
    return 2 <= len(bare) <= 6 and all("\u4e00" <= c <= "\u9fff" for c in bare)
