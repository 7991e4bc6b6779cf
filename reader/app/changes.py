"""What a mutation changed: the `Changes` value every write in `reader.app` returns.

A view that shows the library redraws from a `Changes`, not by re-reading
everything "to be safe": the tree redraws the tag column of the rows whose
tags changed, the pane re-reads the open article only when it was touched,
the 标签 view re-reads its list only when tags changed, and so on.
(Anki's `OpChanges` is the model.)  No Qt here: the CLI and tests read it too.

`article_ids` are the articles touched; `all_articles` says "any article may
have changed" (an import, an undo of a bulk change).  The flags say what
kind of data changed:

- `structure`: issues or articles were added or removed (the tree's shape);
- `metadata`: article or issue fields (title, date, text) changed in place;
- `tags`, `notes`, `highlights`: the reader's annotations;
- `index`: the search index was rebuilt or brought in step;
- `reading`: read/unread or starred changed (unread counts, `is:` filters).
- `searches`: the saved searches (收藏的检索) were added, renamed or deleted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields

_FLAGS = ("structure", "metadata", "tags", "notes", "highlights", "index", "reading",
          "searches")


@dataclass(frozen=True)
class Changes:
    """Articles touched (or all) and what kind of data changed."""

    article_ids: frozenset[int] = field(default_factory=frozenset)
    all_articles: bool = False
    structure: bool = False
    metadata: bool = False
    tags: bool = False
    notes: bool = False
    highlights: bool = False
    index: bool = False
    reading: bool = False
    searches: bool = False

    @classmethod
    def of(cls, article_ids: Iterable[int], **flags: bool) -> Changes:
        """Changes to these articles, with the given flags set."""
        return cls(article_ids=frozenset(article_ids), **flags)

    def touches(self, article_id: int | None) -> bool:
        """Whether this article may have changed."""
        return article_id is not None and (self.all_articles or article_id in self.article_ids)

    @property
    def annotations(self) -> bool:
        """Tags, notes or highlights changed."""
        return self.tags or self.notes or self.highlights

    @property
    def empty(self) -> bool:
        """Nothing changed at all."""
        return not (self.article_ids or self.all_articles
                    or any(getattr(self, name) for name in _FLAGS))

    def __or__(self, other: Changes) -> Changes:
        """Both changes at once (an undo that reverses a tag change and a highlight)."""
        merged = {name: getattr(self, name) or getattr(other, name) for name in _FLAGS}
        return Changes(article_ids=self.article_ids | other.article_ids,
                       all_articles=self.all_articles or other.all_articles, **merged)

    def describe(self) -> str:
        """A short English description, for logs and test failures."""
        which = "all articles" if self.all_articles else f"{len(self.article_ids)} article(s)"
        kinds = [f.name for f in fields(self) if f.name in _FLAGS and getattr(self, f.name)]
        return f"{which}: {', '.join(kinds) or 'nothing'}"


#: A mutation that changed nothing (a cancelled dialog, a no-op rename).
NO_CHANGES = Changes()

__all__ = ["NO_CHANGES", "Changes"]
