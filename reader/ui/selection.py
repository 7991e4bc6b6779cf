"""What the reader has selected, for the commands that act on a selection (tag, export).

The navigator's shown view decides (each view's `picked` / `export_pick`,
see `reader/ui/navigator.py`): on the results page the rows picked there
(for export, all of the query's results when one row or none is picked); on
the 标签 and 作者 tabs the articles picked below the chosen tag or author
(for export, all of them); on the 批注 tab the rows picked (for export,
every annotated article); in the tree the selected rows (an issue row
stands for its articles).  With nothing picked, the article in the pane.
Resolving a pick to article ids reads the library, so it happens in the
command's operation (`reader.app.browsing.picked_ids`), not here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.app.browsing import Picked
from reader.ui.window_state import WindowState


def _tr(text: str) -> str:
    return QCoreApplication.translate("Selection", text)


def _open_article(state: WindowState) -> Picked:
    article = state.article
    return Picked((article.id,), count=1) if article is not None else Picked()


def command_pick(view, state: WindowState) -> Picked:
    """What a command like 加标签 acts on: the view's pick, else the open article."""
    picked = view.picked() if view is not None else Picked()
    return picked if not picked.empty else _open_article(state)


def export_pick(view, state: WindowState) -> tuple[Picked, str]:
    """(what Export… offers to write, a title for the dialog)."""
    offered = view.export_pick() if view is not None else None
    if offered is not None and not offered[0].empty:
        return offered
    if state.article is not None:
        return _open_article(state), state.article.title or _tr("当前文章")
    return Picked(), ""


__all__ = ["command_pick", "export_pick"]
