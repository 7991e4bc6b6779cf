"""Window settings, each declared once: its key, its type (the parser), its default.

Window state (geometry, splitters, zoom, theme, language, the Export…
dialog's last options) is the third of the three stores ../shared/STYLE.md keeps
apart; it lives in an INI file (`settings_store()`).  That file is the
user's to edit and may hold anything, so every read goes through the
setting's parser and a value the parser refuses falls back to the default
(logged, never raised): the window reads these before the crash handler is
installed, and a setting must never keep Reader from starting.

A new setting is one line at the bottom of this module::

    LAST_ARTICLE = Setting("state/article", None, integer(minimum=1))

and is read and written with `LAST_ARTICLE.read(store)` /
`LAST_ARTICLE.write(store, value)`.  Nothing else in `reader/ui` calls
`QSettings.value` or `setValue` (a test holds to that).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QFontDatabase

from reader.errors import ReaderError
from reader.export.options import ORDERS, PARTS, parse_include

log = logging.getLogger(__name__)

T = TypeVar("T")

#: A parser turns what QSettings hands back (a str from the file, a list when the file's
#: value has commas, a QByteArray, or the Python value written in this run) into the
#: setting's type, or raises ValueError/TypeError.
Parser = Callable[[Any], T]


def settings_store() -> QSettings:
    """Where window state lives: an INI file under the user's config folder."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Reader", "Reader")


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One window setting: where it is kept, what it parses to, what it is when unset or bad."""

    key: str
    default: T
    parse: Parser[T]
    #: what is handed to QSettings.setValue (a string for anything the INI would mangle)
    dump: Callable[[T], Any] = lambda value: value

    def read(self, store: QSettings) -> T:
        """The stored value, or the default when it is missing or cannot be parsed."""
        raw = store.value(self.key)
        if raw is None:
            return self.default
        try:
            return self.parse(raw)
        except (TypeError, ValueError, ReaderError) as exc:
            log.warning("setting %s: ignoring %r (%s); using %r", self.key, raw, exc, self.default)
            return self.default

    def write(self, store: QSettings, value: T) -> None:
        if value is None:
            store.remove(self.key)
        else:
            store.setValue(self.key, self.dump(value))


# -- parsers --------------------------------------------------------------------------------

def _scalar(raw: Any) -> str:
    """The text of a one-value entry; a list (the file had commas) is not one value."""
    if isinstance(raw, (list, tuple, QByteArray, bytes)):
        raise ValueError("not a single value")
    return str(raw).strip()


def boolean(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    text = _scalar(raw).lower()
    if text in ("true", "1"):
        return True
    if text in ("false", "0"):
        return False
    raise ValueError(f"not true or false: {text!r}")


def integer(minimum: int | None = None, maximum: int | None = None) -> Parser[int]:
    def parse(raw: Any) -> int:
        if isinstance(raw, bool):
            raise ValueError("a truth value, not a number")
        value = raw if isinstance(raw, int) else int(_scalar(raw))
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            raise ValueError(f"{value} is outside {minimum}..{maximum}")
        return value
    return parse


def choice(values: Iterable[str] | Callable[[], Iterable[str]]) -> Parser[str]:
    """One of `values` (or of what calling it returns: asked when the setting is read)."""
    def parse(raw: Any) -> str:
        allowed = tuple(values() if callable(values) else values)
        text = _scalar(raw)
        if text not in allowed:
            raise ValueError(f"{text!r} is not one of {', '.join(allowed)}")
        return text
    return parse


def text(raw: Any) -> str:
    value = _scalar(raw)
    if not value:
        raise ValueError("empty")
    return value


def folder(raw: Any) -> str:
    """A folder that still exists (one since deleted or renamed is no place to start)."""
    value = text(raw)
    if not Path(value).is_absolute() or not Path(value).is_dir():
        raise ValueError(f"no folder {value!r}")
    return value


def font_family(raw: Any) -> str:
    """An installed font family (one since removed falls back to the default fonts)."""
    value = text(raw)
    if not QFontDatabase.hasFamily(value):
        raise ValueError(f"no font {value!r}")
    return value


def int_list(raw: Any) -> tuple[int, ...]:
    """Whole numbers kept as "1,2,3" (QSettings may hand back the list it split)."""
    items = raw if isinstance(raw, (list, tuple)) else _scalar(raw).split(",")
    return tuple(int(str(item).strip()) for item in items if str(item).strip())


def id_list(raw: Any) -> tuple[int, ...]:
    """Library ids (whole numbers from 1) kept as "1,2,3"."""
    values = int_list(raw)
    if any(value < 1 for value in values):
        raise ValueError("an id is a whole number from 1")
    return values


def dump_int_list(values: Iterable[int]) -> str:
    return ",".join(str(int(v)) for v in values)


def node_keys(raw: Any) -> tuple[str, ...]:
    """The archive tree's node keys (reader.app.archive), kept as a JSON list; a list of
    ids (what the tree of one page per issue kept) names those pages."""
    if isinstance(raw, (list, tuple)):
        raw = ",".join(str(x) for x in raw)
    # Read once the tree restores its nodes, after the first paint: reader.app.archive
    # brings the browsing layer and reader.models (issue 17).
    from reader.app.archive import KINDS, key_kind, page_key

    value = _scalar(raw).strip()
    if not value.startswith("["):
        return tuple(page_key(page_id) for page_id in id_list(value))
    keys = json.loads(value)
    if not isinstance(keys, list) or not all(
            isinstance(k, str) and key_kind(k) in KINDS for k in keys):
        raise ValueError("not a list of tree nodes")
    return tuple(keys)


def dump_node_keys(keys: Iterable[str]) -> str:
    return json.dumps(list(keys), ensure_ascii=False)


def places(raw: Any) -> tuple[tuple[int, int], ...]:
    """(article id, place in the text in thousandths) pairs kept as "12:340,15:0"."""
    items = raw if isinstance(raw, (list, tuple)) else _scalar(raw).split(",")
    found = []
    for item in (str(x).strip() for x in items):
        if item:
            article, _, place = item.partition(":")
            article_id, permille = int(article), int(place)
            if article_id < 1 or not 0 <= permille <= 1000:
                raise ValueError(f"not an article place: {item!r}")
            found.append((article_id, permille))
    return tuple(found)


def dump_places(values: Iterable[tuple[int, int]]) -> str:
    return ",".join(f"{int(a)}:{int(p)}" for a, p in values)


def text_list(raw: Any) -> tuple[str, ...]:
    """Texts kept as a JSON list of strings (they may hold commas, which QSettings splits on)."""
    value = json.loads(_scalar(raw) if not isinstance(raw, (list, tuple)) else ",".join(raw))
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("not a list of texts")
    return tuple(v for v in value if v.strip())


def dump_text_list(values: Iterable[str]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def text_map(raw: Any) -> dict[str, str]:
    """Texts by name, kept as a JSON object."""
    value = json.loads(_scalar(raw) if not isinstance(raw, (list, tuple)) else ",".join(raw))
    if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise ValueError("not texts by name")
    return value


def raw_bytes(raw: Any) -> QByteArray:
    """Qt's own saved state (geometry, splitter): only a byte array is one."""
    if isinstance(raw, QByteArray):
        return raw
    if isinstance(raw, bytes):
        return QByteArray(raw)
    raise TypeError("not saved window state")


def export_parts(raw: Any) -> str:
    """The Export… dialog's parts, as `ExportOptions.include_text()` writes them."""
    value = ",".join(str(x) for x in raw) if isinstance(raw, (list, tuple)) else _scalar(raw)
    parse_include(value)  # raises on an unknown part
    return value


# -- the settings ---------------------------------------------------------------------------

GEOMETRY = Setting("window/geometry", None, raw_bytes)
SPLITTER = Setting("window/splitter", None, raw_bytes)
#: the other splitters' states (base64) by where they sit (reader/ui/splitter_state.py)
SPLITTERS: Setting[dict[str, str]] = Setting(
    "window/splitters", {}, text_map, dump=lambda states: json.dumps(states, sort_keys=True))
#: zoom steps of the article pane; ArticleView clamps to its own range
ZOOM = Setting("view/zoom", 0, integer(-50, 50))
DARK = Setting("view/dark", False, boolean)
#: "zh" or "en" once chosen in 视图 → 语言; None: follow the system (reader.ui.translation)
LANGUAGE = Setting("view/language", None, choice(("zh", "en")))
def _export_formats() -> tuple[str, ...]:
    # The formats' module brings every renderer (and the CSL styles): loaded when the
    # export dialog reads this setting, not with the window (issue 17).
    from reader.export.formats import FORMATS

    return tuple(FORMATS)


EXPORT_FORMAT = Setting("export/format", "txt", choice(_export_formats))
EXPORT_SPLIT = Setting("export/split", False, boolean, dump=lambda v: "true" if v else "false")
EXPORT_INCLUDE = Setting("export/include", ",".join(PARTS), export_parts)
EXPORT_ORDER = Setting("export/order", "page", choice(ORDERS))
EXPORT_FOLDER = Setting("export/folder", str(Path.home()), folder)
#: where the reader was when the window closed, brought back on the next start
LAST_ARTICLE = Setting("state/article", None, integer(minimum=1))
#: the tree's expanded nodes (papers, years, issues, pages) by key, top down
EXPANDED_ISSUES: Setting[tuple[str, ...]] = Setting("state/expanded_issues", (), node_keys,
                                                   dump=dump_node_keys)
#: the navigator tab shown (its place in reader.ui.navigator's registry; one past the end
#: after a view was removed shows the first)
NAVIGATOR_TAB = Setting("state/navigator_tab", 0, integer(0, 99))
#: where in each recently read article the reader was (newest last; reader/ui/reading_commands.py)
READING_PLACES: Setting[tuple[tuple[int, int], ...]] = Setting(
    "state/reading_places", (), places, dump=dump_places)

#: 阅读设置 (reader/ui/reading_settings.py): the pane's font family (None: the CJK default),
#: line spacing in tenths of an em, justified text, the paragraph indent, full-width
#: punctuation in display; the size is ZOOM
READING_FONT = Setting("reading/font", None, font_family)
READING_LINE_SPACING = Setting("reading/line_spacing", 17, integer(12, 30))
READING_JUSTIFY = Setting("reading/justify", False, boolean)
READING_INDENT = Setting("reading/indent", True, boolean)
READING_FULL_WIDTH = Setting("reading/full_width", False, boolean)

#: the order of search results (reader.app.research.SORTS)
SEARCH_SORT = Setting("search/sort", "relevance", choice(("relevance", "newest", "oldest")))
#: the search bar's search-in choice (reader.app.research.SCOPES)
SEARCH_SCOPE = Setting("search/scope", "all", choice(("all", "title", "author", "note")))
#: recent queries, newest first (JSON: a query may hold commas)
SEARCH_HISTORY: Setting[tuple[str, ...]] = Setting("search/history", (), text_list,
                                                  dump=dump_text_list)

#: Every setting above, in the order declared (a test writes garbage into each).
DECLARED: tuple[Setting, ...] = tuple(v for v in dict(globals()).values() if isinstance(v, Setting))

__all__ = ["DECLARED", "Setting", "boolean", "choice", "dump_int_list", "folder", "int_list",
           "integer",
           "raw_bytes", "settings_store", "text"]
