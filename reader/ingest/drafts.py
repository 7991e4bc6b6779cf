"""Items under construction, the segmenter's state, and shape tests on headings.

`Draft` is the mutable form of an `Item` while stage 3 reads the page;
`parser._finish` freezes it.  `SegmentState` is what the parts of the
segmenter (`segment`, `headers`, `body`) share while they read one page.
The functions at the end judge a heading line by its form alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.ingest import vocab
from reader.ingest.lines import Cue, Line, dateline_match, ends_sentence, strip_label_mark
from reader.ingest.repair import TopicModel
from reader.ingest.trace import Trace
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
    kicker: str | None = None
    dateline: str | None = None
    authors: list[Author] = field(default_factory=list)
    subheads: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    entries: list[list] = field(default_factory=list)  # [text, source]
    defects: list[str] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    maybe_photo: bool = False   # an image gap or a photo column stood before it
    has_byline: bool = False
    signed: bool = False        # a person's name (◎郝佳丽, 杨  柳) under the title
    closed: bool = False        # a photo with its credit: takes no more text
    ended: bool = False         # signed off by an attribution after its body (（郭  帅）)

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


class SegmentState:
    """The state of one page's segmentation, shared by the segmenter's parts."""

    def __init__(self, lines: list[Line], trace: Trace | None = None):
        self.lines = lines
        self.trace = trace
        self.drafts: list[Draft] = []
        self.current: Draft | None = None
        self.page_name: str | None = None
        self.page_lines: list[int] = []
        self.credits: list[Credit] = []
        self.unassigned: list[tuple[int, str]] = []
        self.pending_box_labels: list[Line] = []
        self.seen_paragraphs: dict[str, Draft] = {}
        self.zone: tuple[Draft, Draft] | None = None
        # The paragraphs as first classified; the topic model is built from them only when
        # a boundary or an interleaving needs it (most pages never do: issue 17's cost).
        self._topic_texts: list[str] | None = [line.text for line in lines
                                               if line.cue is Cue.TEXT]
        self._topics: TopicModel | None = None
        self._profiles: dict[int, tuple[tuple, frozenset[str]]] = {}
        self._index = {id(line): i for i, line in enumerate(lines)}

    @property
    def topics(self) -> TopicModel:
        """Rarity-weighted trigram similarity over the page's paragraphs (built on first use)."""
        if self._topics is None:
            self._topics = TopicModel(self._topic_texts or ())
            self._topic_texts = None
        return self._topics

    def _line(self, index: int) -> Line | None:
        return self.lines[index] if 0 <= index < len(self.lines) else None

    def _next(self, line: Line) -> Line | None:
        """The line after `line`."""
        return self._line(self._index[id(line)] + 1)

    def _note(self, line: Line, role: str, reason: str, *args: object, draft: Draft | None = None) -> None:
        """Record a decision for `--explain`; free when no trace was asked for.

        `reason` is formatted with `args` only when recording, so callers pass
        the pieces, not a finished string.
        """
        if self.trace is None:
            return
        self.trace.note(line.no, line.text, role, reason % args if args else reason, draft)

    def _unassign(self, line: Line, reason: str) -> None:
        self.unassigned.append((line.no, line.text))
        self._note(line, "unassigned", reason)

    def _similarity(self, text: str, draft: Draft) -> float:
        """Topic similarity of `text` to a draft, with the draft's profile cached."""
        state = (draft.title, len(draft.subheads), len(draft.paragraphs),
                 len(draft.paragraphs[-1]) if draft.paragraphs else 0)
        cached = self._profiles.get(id(draft))
        if cached is None or cached[0] != state:
            cached = (state, self.topics.profile(draft.texts()))
            self._profiles[id(draft)] = cached
        return self.topics.similarity(text, cached[1])


def opens_story(header: list[Line], after: Line) -> bool:
    """Cues that a heading without a byline heads a new story, not a subhead."""
    return opens_story_reason(header, after) is not None


def opens_story_reason(header: list[Line], after: Line) -> str | None:
    """The cue, in words, that a heading heads a new story; None if there is none."""
    if dateline_match(after.text):
        return "a dateline opens the text after it"  # wire copy opens with its dateline
    if vocab.HEADLINE_COLUMN.match(header[-1].text):
        return "headline + bracketed column"  # 乡村振兴一线见闻（观察）
    # An unknown column label over a title (今日谈 / 让“冬日暖阳”…).
    if len(header) == 2 and label_shaped(header[0].text):
        return "a label-shaped line over it"
    return None


def has_comma(text: str) -> bool:
    """A comma outside quotation marks (违建必罚，拒执必究 in “” is a quoted slogan)."""
    return "," in _QUOTED.sub("", text) or "，" in _QUOTED.sub("", text)


_QUOTED = re.compile(r"“[^“”]*”")


def label_shaped(text: str) -> bool:
    """Short, unpunctuated and without spaces: shaped like a column label, not a kicker."""
    bare = strip_label_mark(text)
    return 2 <= len(bare) <= 6 and all("\u4e00" <= c <= "\u9fff" for c in bare)
