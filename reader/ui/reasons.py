"""The core's errors and notices, put into the window's language by their code.

The library, the importer and the query parser report a `Message` (a
`catalogue.Code` and its parameters), never finished text.  `localized`
renders one through `tr()`: the Chinese source text of its code
(`error_catalogue.CHINESE`), or its English when the English translation is
installed.  No sentence is ever matched by its text.

`environment_reason` puts the operating system's and SQLite's failures
(disk full, no permission, read-only disk, library busy), classified by
errno and SQLite's error code in `reader.errors`, into one sentence a reader
can act on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from reader.catalogue import Code, Message
from reader.errors import ReaderError, environment_message
from reader.ui import translation
from reader.ui.error_catalogue import CHINESE, CONTEXT, PARAMETER_WORDS

if TYPE_CHECKING:
    from reader.models import ImportResult


def _translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def localized(message: Message | ReaderError) -> str:
    """The sentence in the window's language (nested reasons too)."""
    if isinstance(message, ReaderError):
        message = message.message
    values = {}
    for name, value in message.items:
        if isinstance(value, Message):
            value = localized(value)
        elif name in PARAMETER_WORDS and value in PARAMETER_WORDS[name]:
            value = _translate(PARAMETER_WORDS[name][value])
        values[name] = value
    return _translate(CHINESE[message.code]).format(**values)


def without_stop(text: str) -> str:
    """A sentence without its full stop, to go inside another ("无法保存笔记：…。")."""
    return text.rstrip("。.")


def file_reason(result: ImportResult) -> str:
    """Why one file failed, without the file's name (the import report shows it already)."""
    error = result.error
    if error is None:  # a failure remembered from an earlier run: only its English is kept
        return result.message or ""
    if error.code == Code.CANNOT_READ:
        reason = error.params["reason"]
        text = localized(reason) if isinstance(reason, Message) else str(reason)
        return text[:1].upper() + text[1:] + ("。" if translation.current_language() == "zh" else ".")
    return localized(error)


def environment_reason(exc: BaseException) -> str | None:
    """One sentence (no full stop) for an environment failure, or None if it is not one."""
    message = environment_message(exc)
    return without_stop(localized(message)) if message is not None else None


__all__ = ["environment_reason", "file_reason", "localized", "without_stop"]
