"""Applying a page's corrections to its parsed items (pure Python, no SQL).

A correction is the reader's fix of what the parser got wrong on one page:
split an article, merge two, give a line a role (title, kicker, subtitle,
byline, subhead, caption, furniture), move a paragraph to the neighbouring
article, set a title, kind, column or authors, edit or restore a paragraph's
text.  It is kept as user data and re-applied to whatever the parser makes of
the page next time, so it must not name rows or line numbers.  It names
*content*:

- a paragraph by its text and the text of the paragraph before it
  (`Target.paragraph`, `Target.before`);
- an article by its headline and its first paragraph (`Target.title`,
  `Target.head`); a merge also names the neighbour it joins
  (`Target.other_title`, `Target.other_head`).

`derive(items, corrections)` works in these stages:

1. The parsed items become mutable drafts; each paragraph remembers its
   original text once edited.
2. Each correction, oldest first, finds its target (exact text first, else
   the most alike paragraph or article by character trigrams, at least
   `LIKENESS`), and changes the drafts.  One whose target is gone, or which
   would change nothing (a split before a paragraph that already starts an
   article, a merge whose neighbour is no longer the one it named) is
   *stale*: skipped, never dropped.
3. The drafts become items again, with which articles a correction touched
   and the original text of each edited paragraph.

Decisions (docs/architecture.md, "Corrections"):
- a split keeps the headline, byline, subheads, tags and notes with the first
  part; the entries of a box go with the second (they follow the paragraphs);
- a merge puts the second article's headline (and its kicker and subtitle)
  among the first's subheads: the usual case is a subhead the parser took for
  a headline;
- a line made the title turns the old headline into the first paragraph, so
  no text is lost and the line can be given another role;
- a caption becomes a photo item of its own right after the article;
  furniture leaves the articles and is kept in the page's furniture list.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from reader.library.keys import similarity, trigrams
from reader.models import ArticleKind, Author, Entry, Item

#: The line roles `role` corrections give.
ROLES = ("title", "kicker", "subtitle", "byline", "subhead", "caption", "furniture")

#: Kinds an article may be set to.
KINDS = tuple(kind.value for kind in ArticleKind)

#: What a correction does (`Correction.action`).
ACTIONS = ("split", "merge", "role", "move", "title", "kind", "column", "authors", "text",
           "restore")

#: Trigram likeness at or above which a changed paragraph is still taken for the target.
LIKENESS = 0.6


class Stale(Exception):
    """A correction that no longer applies to the page as parsed now."""


@dataclass(frozen=True)
class Target:
    """What a correction applies to, named by content (see the module docstring)."""

    paragraph: str = ""
    before: str = ""
    title: str = ""
    head: str = ""
    other_title: str = ""
    other_head: str = ""

    def to_json(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v}

    @classmethod
    def from_json(cls, data: dict) -> Target:
        return cls(**{k: str(v) for k, v in data.items() if k in cls.__dataclass_fields__})


@dataclass(frozen=True)
class Correction:
    """One correction: its sequence number, what it does, to what, with which value.

    `value` by action: split {} · merge {"direction"} · role {"role", "authors"?} ·
    move {"direction"} · title {"text", "was"} · kind {"kind", "was"} ·
    column {"text", "was"} · authors {"authors": [[role, name]…], "was"} ·
    text {"text"} · restore {}.
    """

    id: int
    action: str
    target: Target
    value: dict = field(default_factory=dict)


@dataclass
class _Para:
    text: str
    original: str | None = None


@dataclass
class _Draft:
    kind: str
    column: str | None
    series: str | None
    title: str | None
    kicker: str | None
    subtitle: str | None
    authors: list[Author]
    subheads: list[str]
    paras: list[_Para]
    entries: list[Entry]
    defects: list[str]
    dateline: str | None = None
    corrected: bool = False
    #: Where the draft comes from: "b3" (the 4th parsed item) or "c17" (made by correction 17).
    lineage: str = ""

    @classmethod
    def of(cls, item: Item, index: int) -> _Draft:
        return cls(item.kind, item.column, item.series, item.title, item.kicker, item.subtitle,
                   list(item.authors), list(item.subheads),
                   [_Para(text) for text in item.paragraphs], list(item.entries),
                   list(item.defects), item.dateline, lineage=f"b{index}")

    @property
    def head(self) -> str:
        """The first line of the body: what names the article with its title."""
        if self.paras:
            return self.paras[0].text
        if self.entries:
            return self.entries[0].text
        return ""

    @property
    def empty(self) -> bool:
        return not (self.title or self.kicker or self.subtitle or self.paras or self.entries
                    or self.subheads or self.authors)

    def item(self) -> Item:
        return Item(kind=self.kind, column=self.column, series=self.series, title=self.title,
                    subtitle=self.subtitle, authors=tuple(self.authors),
                    subheads=tuple(self.subheads), paragraphs=tuple(p.text for p in self.paras),
                    entries=tuple(self.entries), defects=tuple(self.defects),
                    kicker=self.kicker, dateline=self.dateline)


@dataclass(frozen=True)
class Derived:
    """The page after its corrections: items, and what the corrections did to them.

    `corrected[i]` says a correction touched item i; `originals[i]` maps a paragraph
    index of item i to the text it had before it was edited; `lineages[i]` says where
    item i comes from ("b3": the 4th parsed item; "c17": made by correction 17), so
    the same parse corrected twice pairs its articles exactly; `furniture` holds the
    lines taken out of the articles; `stale` the ids of corrections that did not apply.
    """

    items: tuple[Item, ...]
    corrected: tuple[bool, ...]
    originals: tuple[dict[int, str], ...]
    lineages: tuple[str, ...]
    furniture: tuple[str, ...]
    stale: frozenset[int]


def derive(items: Sequence[Item], corrections: Iterable[Correction]) -> Derived:
    """Apply `corrections` in order to the parsed `items` (see the module docstring)."""
    drafts = [_Draft.of(item, index) for index, item in enumerate(items)]
    furniture: list[str] = []
    stale: set[int] = set()
    for correction in corrections:
        try:
            drafts = _apply(drafts, correction, furniture)
        except Stale:
            stale.add(correction.id)
    return Derived(
        items=tuple(d.item() for d in drafts),
        corrected=tuple(d.corrected for d in drafts),
        originals=tuple({i: p.original for i, p in enumerate(d.paras) if p.original is not None}
                        for d in drafts),
        lineages=tuple(d.lineage for d in drafts),
        furniture=tuple(furniture),
        stale=frozenset(stale),
    )


def paragraph_target(paragraphs: Sequence[str], index: int, title: str | None) -> Target:
    """The target of paragraph `index` (0-based) of an article with these paragraphs."""
    before = paragraphs[index - 1] if index > 0 else ""
    return Target(paragraph=paragraphs[index], before=before, title=title or "",
                  head=paragraphs[0])


def article_target(title: str | None, head: str) -> Target:
    """The target of a whole article, by its headline and first line."""
    return Target(title=title or "", head=head)


# -- finding targets --------------------------------------------------------------------


def _letters(text: str) -> str:
    """Text without spaces and punctuation: what a parser's tidying does not change."""
    return "".join(ch for ch in text if not ch.isspace()
                   and unicodedata.category(ch)[0] not in "PZ")


def _likeness(wanted: str, text: str) -> float:
    """1 for the same text, else trigram likeness of the letters (punctuation ignored)."""
    if text == wanted:
        return 1.0
    a, b = _letters(wanted), _letters(text)
    if a == b:
        return 0.95 if a else 0.0
    return similarity(trigrams(a), trigrams(b))


def _find_paragraph(drafts: list[_Draft], target: Target) -> tuple[int, int]:
    best: tuple[float, int, int] | None = None
    for i, draft in enumerate(drafts):
        for j, para in enumerate(draft.paras):
            likeness = _likeness(target.paragraph, para.text)
            if likeness < LIKENESS:
                continue
            score = 10.0 * likeness
            before = draft.paras[j - 1].text if j else ""
            if _likeness(target.before, before) >= LIKENESS or before == target.before:
                score += 2
            if (draft.title or "") == target.title:
                score += 1
            if best is None or score > best[0]:
                best = (score, i, j)
    if best is None:
        raise Stale
    return best[1], best[2]


def _find_article(drafts: list[_Draft], title: str, head: str) -> int:
    best: tuple[float, int] | None = None
    for i, draft in enumerate(drafts):
        score = 0.0
        if head:
            likeness = _likeness(head, draft.head)
            if likeness >= LIKENESS:
                score += 10 * likeness
        if title and _likeness(title, draft.title or "") >= LIKENESS:
            score += 3 if score or not head else 1
        elif not head and not title and draft.empty:
            score += 1
        if score >= 3 and (best is None or score > best[0]):
            best = (score, i)
    if best is None:
        raise Stale
    return best[1]


# -- the actions ------------------------------------------------------------------------


def _apply(drafts: list[_Draft], c: Correction, furniture: list[str]) -> list[_Draft]:
    drafts = list(drafts)
    action, target, value = c.action, c.target, c.value
    if action in ("split", "role", "move", "text", "restore"):
        i, j = _find_paragraph(drafts, target)
        draft = drafts[i]
        if action == "split":
            if j == 0:
                raise Stale  # the paragraph already starts an article
            second = _Draft(draft.kind, draft.column, draft.series, None, None, None, [], [],
                            draft.paras[j:], draft.entries, [], corrected=True,
                            lineage=f"c{c.id}")
            draft.paras, draft.entries, draft.corrected = draft.paras[:j], [], True
            drafts.insert(i + 1, second)
        elif action == "move":
            other = i - 1 if value.get("direction") == "previous" else i + 1
            if not 0 <= other < len(drafts):
                raise Stale
            para = draft.paras.pop(j)
            if other < i:
                drafts[other].paras.append(para)
            else:
                drafts[other].paras.insert(0, para)
            drafts[other].corrected = draft.corrected = True
            if draft.empty:
                del drafts[i]
        elif action == "text":
            para = draft.paras[j]
            new = str(value.get("text", ""))
            if para.original is None:
                para.original = para.text
            para.text = new
            if para.original == new:
                para.original = None
            draft.corrected = True
        elif action == "restore":
            para = draft.paras[j]
            if para.original is None:
                raise Stale
            para.text, para.original = para.original, None
            draft.corrected = True
        else:
            _give_role(drafts, i, j, c, furniture)
        return drafts
    i = _find_article(drafts, target.title, target.head)
    draft = drafts[i]
    if action == "merge":
        other = i - 1 if value.get("direction") == "previous" else i + 1
        if not 0 <= other < len(drafts):
            raise Stale
        neighbour = drafts[other]
        if (target.other_head or target.other_title) and not _names(
                neighbour, target.other_title, target.other_head):
            raise Stale  # the neighbour is no longer the article it named
        low, high = sorted((i, other))
        _merge_into(drafts[low], drafts[high])
        del drafts[high]
    elif action == "title":
        draft.title = str(value.get("text", "")) or None
    elif action == "kind":
        draft.kind = str(value.get("kind", draft.kind))
    elif action == "column":
        draft.column = str(value.get("text", "")) or None
    elif action == "authors":
        draft.authors = [Author(str(role), str(name)) for role, name in value.get("authors", [])]
    else:
        raise Stale  # an action this version does not know (from a newer Reader)
    draft.corrected = True
    return drafts


def _names(draft: _Draft, title: str, head: str) -> bool:
    try:
        return _find_article([draft], title, head) == 0
    except Stale:
        return False


def _merge_into(first: _Draft, second: _Draft) -> None:
    first.subheads.extend(t for t in (second.kicker, second.title, second.subtitle) if t)
    first.subheads.extend(second.subheads)
    first.paras.extend(second.paras)
    first.entries.extend(second.entries)
    first.authors.extend(a for a in second.authors if a not in first.authors)
    first.defects.extend(d for d in second.defects if d not in first.defects)
    first.corrected = True


def _give_role(drafts: list[_Draft], i: int, j: int, c: Correction,
               furniture: list[str]) -> None:
    role, value = str(c.value.get("role", "")), c.value
    draft = drafts[i]
    text = draft.paras[j].text
    if role not in ROLES:
        raise Stale
    del draft.paras[j]
    draft.corrected = True
    if role == "title":
        if draft.title:
            draft.paras.insert(0, _Para(draft.title))
        draft.title = text
    elif role == "kicker":
        draft.kicker = " ".join(t for t in (draft.kicker, text) if t)
    elif role == "subtitle":
        draft.subtitle = " ".join(t for t in (draft.subtitle, text) if t)
    elif role == "subhead":
        draft.subheads.append(text)
    elif role == "byline":
        found = [Author(str(r), str(n)) for r, n in value.get("authors", [])]
        draft.authors.extend(found or [Author("", text)])
    elif role == "caption":
        drafts.insert(i + 1, _Draft(ArticleKind.PHOTO, draft.column, None, None, None, None,
                                    [], [], [_Para(text)], [], [], corrected=True,
                                    lineage=f"c{c.id}"))
    else:
        furniture.append(text)
