"""The session's annotation services: tag, note, highlight, with undo and search kept in step.

`AnnotationServices` is `session.annotations`.  Each method is one library
call (one transaction); the tag and highlight changes also record in its
`history` how to reverse them, in Chinese words the window shows
after 撤销 (`Step`s, worded by the window).  Undo semantics:

- tag / untag: exactly the (article, tag) pairs that changed are reversed;
  a tag that untagging deleted comes back with its colour;
- rename: renamed back; a rename that merged into an existing tag restores
  both tags' article sets and the old tag's colour;
- delete_tag: the tag comes back on the same articles with its colour;
- add_highlight / remove_highlight: removed / restored with its id, quote,
  context, colour, note and date; colour changes are undone too.

Each undone change can be redone (`redo`) until a new change is made.

Notes are not on the stack (the editor autosaves text and has its own undo).
Every method returns the `Changes` it made (or, for `rename_tag` and
`add_highlight`, a result with a `changes` field), so the window redraws
only what changed.
Creating or renaming a tag teaches jieba the name and re-indexes the
articles that contain it (see `tagwords`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reader.app.changes import NO_CHANGES, Changes
from reader.app.completion import complete_tags
from reader.app.undo import History, Step, Undone
from reader.library import Library
from reader.library.values import normalize_tag, tag_names
from reader.models import Highlight
from reader.quotes import quoted, shortened

#: Characters of a highlight's quote shown in its undo text.
QUOTE_CHARS = 12


def _quoted(quote: str) -> str:
    return quoted(shortened(quote, QUOTE_CHARS))




@dataclass(frozen=True)
class TagRenamed:
    """`rename_tag`'s result: the tag's final name and what the rename changed."""

    name: str
    changes: Changes


@dataclass(frozen=True)
class HighlightAdded:
    """`add_highlight`'s result: the stored highlight and what adding it changed."""

    highlight: Highlight
    changes: Changes


class AnnotationServices:
    """Tag, note and highlight operations of a `Session`, with their undo `history`.

    `learn_tag_words` is called after tags are created or renamed (and after an
    undo), so the search index learns the names (see `tagwords`).
    """

    def __init__(self, library: Library, learn_tag_words: Callable[[], None]):
        self.library = library
        self._learn_tag_words = learn_tag_words
        #: Undoable tag and highlight changes made through these services.
        self.history = History()

    # -- tags ---------------------------------------------------------------------

    def tag(self, article_ids: Iterable[int], names: Iterable[str]) -> Changes:
        """Put the tags on the articles (undoable)."""
        ids, wanted = list(dict.fromkeys(article_ids)), tag_names(names)
        had = {name: self.library.filters.ids_with_tag(name) for name in wanted}
        self.library.tags.add_many(ids, wanted)
        added = {name: [i for i in ids if i not in had[name]] for name in wanted}
        added = {name: got for name, got in added.items() if got}
        self._learn_tag_words()
        if not added:
            return NO_CHANGES

        def undo() -> None:
            with self.library.transaction():
                for name, got in added.items():
                    self.library.tags.remove_many(got, [name])

        def redo() -> None:
            with self.library.transaction():
                for name, got in added.items():
                    self.library.tags.add_many(got, [name])

        changes = Changes.of((i for got in added.values() for i in got), tags=True)
        self.history.record(Step("tag", tuple(added)), undo, changes, redo)
        return changes

    def untag(self, article_ids: Iterable[int], names: Iterable[str]) -> Changes:
        """Take the tags off the articles (undoable; a tag left on none is deleted)."""
        ids, unwanted = list(dict.fromkeys(article_ids)), tag_names(names)
        colors = self._tag_colors()
        had = {name: self.library.filters.ids_with_tag(name) for name in unwanted}
        self.library.tags.remove_many(ids, unwanted)
        removed = {name: [i for i in ids if i in had[name]] for name in unwanted}
        removed = {name: gone for name, gone in removed.items() if gone}
        if not removed:
            return NO_CHANGES

        def undo() -> None:
            with self.library.transaction():
                for name, gone in removed.items():
                    self.library.tags.add_many(gone, [name])
                    if colors.get(name.casefold()):
                        self.library.tags.set_color(name, colors[name.casefold()])

        def redo() -> None:
            with self.library.transaction():
                for name, gone in removed.items():
                    self.library.tags.remove_many(gone, [name])

        changes = Changes.of((i for gone in removed.values() for i in gone), tags=True)
        self.history.record(Step("untag", tuple(removed)), undo, changes, redo)
        return changes

    def rename_tag(self, old: str, new: str) -> TagRenamed:
        """Rename (or merge into an existing tag); says the final name (undoable)."""
        colors = self._tag_colors()
        old_ids = self.library.filters.ids_with_tag(old)
        target_ids = self.library.filters.ids_with_tag(new)
        old_name = next((t.name for t in self.library.tags.summaries()
                         if t.name.casefold() == normalize_tag(old).casefold()), normalize_tag(old))
        final = self.library.tags.rename(old, new)
        if final == old_name:
            return TagRenamed(final, NO_CHANGES)
        merged = bool(target_ids) and final.casefold() != old_name.casefold()
        self._learn_tag_words()

        def undo() -> None:
            if not merged:
                self.library.tags.rename(final, old_name)
                return
            with self.library.transaction():
                gained = old_ids - target_ids
                if gained:
                    self.library.tags.remove_many(gained, [final])
                self.library.tags.add_many(old_ids, [old_name])
                if colors.get(old_name.casefold()):
                    self.library.tags.set_color(old_name, colors[old_name.casefold()])

        changes = Changes.of(old_ids | target_ids, tags=True)
        self.history.record(Step("merge_tag" if merged else "rename_tag", (old_name, final)),
                            undo, changes, lambda: self.library.tags.rename(old_name, final))
        return TagRenamed(final, changes)

    def delete_tag(self, name: str) -> Changes:
        """Delete a tag from every article (undoable: it comes back with its colour)."""
        colors = self._tag_colors()
        ids = self.library.filters.ids_with_tag(name)
        stored = next((t.name for t in self.library.tags.summaries()
                       if t.name.casefold() == normalize_tag(name).casefold()), name)
        self.library.tags.delete(name)

        def undo() -> None:
            with self.library.transaction():
                self.library.tags.add_many(ids, [stored])
                if colors.get(stored.casefold()):
                    self.library.tags.set_color(stored, colors[stored.casefold()])

        changes = Changes.of(ids, tags=True)
        if ids:
            self.history.record(Step("delete_tag", (stored,)), undo, changes,
                                lambda: self.library.tags.delete(stored))
        return changes

    def set_tag_color(self, name: str, color: str | None) -> Changes:
        """Colour a tag (None removes the colour; undoable)."""
        before = self._tag_colors().get(normalize_tag(name).casefold())
        self.library.tags.set_color(name, color)
        changes = Changes.of(self.library.filters.ids_with_tag(name), tags=True)
        self.history.record(Step("tag_color", (normalize_tag(name),)),
                            lambda: self.library.tags.set_color(name, before), changes,
                            lambda: self.library.tags.set_color(name, color))
        return changes

    def complete_tags(self, prefix: str, limit: int = 10) -> list[str]:
        """Tag names for what the user is typing, most used first within each kind of match."""
        summaries = sorted(self.library.tags.summaries(), key=lambda t: -t.count)
        return complete_tags(prefix, [t.name for t in summaries], limit)

    def _tag_colors(self) -> dict[str, str | None]:
        return {t.name.casefold(): t.color for t in self.library.tags.summaries()}

    # -- notes (autosaved text: not on the undo stack) ------------------------------

    def set_note(self, article_id: int, text: str | None) -> Changes:
        """Write an article's note; empty text deletes it.  Search sees it on its next sync."""
        self.library.notes.set(article_id, text)
        return Changes.of([article_id], notes=True)

    # -- highlights -------------------------------------------------------------------

    def add_highlight(self, article_id: int, start: int, end: int, color: str = "yellow",
                      note: str | None = None) -> HighlightAdded:
        """Mark `text[start:end]` of an article (undoable)."""
        made = self.library.highlights.add(article_id, start, end, color, note)
        changes = Changes.of([article_id], highlights=True)
        self.history.record(Step("highlight", (_quoted(made.quote),)),
                            lambda: self.library.highlights.remove(made.id), changes,
                            lambda: self.library.highlights.restore(made))
        return HighlightAdded(made, changes)

    def _highlight_changes(self, highlight_id: int) -> Changes:
        """What a change to one highlight touches: its article (any, if none holds it)."""
        article_id = self.library.highlights.article_id(highlight_id)
        if article_id is None:
            return Changes(all_articles=True, highlights=True)
        return Changes.of([article_id], highlights=True)

    def remove_highlight(self, highlight_id: int) -> Changes:
        """Delete a highlight (undoable: it comes back whole, with its id)."""
        gone = self.library.highlights.get(highlight_id)
        changes = self._highlight_changes(highlight_id)
        self.library.highlights.remove(highlight_id)
        self.history.record(Step("delete_highlight", (_quoted(gone.quote),)),
                            lambda: self.library.highlights.restore(gone), changes,
                            lambda: self.library.highlights.remove(gone.id))
        return changes

    def set_highlight_note(self, highlight_id: int, note: str | None) -> Changes:
        """Write (or clear) a highlight's note; autosaved text, so not undoable."""
        self.library.highlights.set_note(highlight_id, note)
        return self._highlight_changes(highlight_id)

    def set_highlight_color(self, highlight_id: int, color: str) -> Changes:
        """Change a highlight's colour (undoable)."""
        before = self.library.highlights.get(highlight_id)
        self.library.highlights.set_color(highlight_id, color)
        changes = self._highlight_changes(highlight_id)
        self.history.record(Step("highlight_color", (_quoted(before.quote),)),
                            lambda: self.library.highlights.set_color(highlight_id, before.color),
                            changes, lambda: self.library.highlights.set_color(highlight_id, color))
        return changes

    def undo(self) -> Undone | None:
        """Undo the latest tag or highlight change; says what was undone (None: nothing)."""
        done = self.history.undo()
        if done is not None:
            self._learn_tag_words()
        return done

    def redo(self) -> Undone | None:
        """Make the latest undone change again; says what was redone (None: nothing)."""
        done = self.history.redo()
        if done is not None:
            self._learn_tag_words()
        return done
