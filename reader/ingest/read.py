"""Bytes to text: read one page file and decode it.

Page files come from many tools: UTF-8 with or without a BOM, UTF-16 with a
BOM, and the GB18030 family (GBK, GB2312) that Chinese Windows software
writes.  `read_page` tries them in that order, refuses binary data, and
normalises line endings; no other character is changed.
"""

from __future__ import annotations

import codecs
import os
import unicodedata

from reader.catalogue import Code, Message
from reader.errors import IngestError

#: Byte-order marks, longest first (UTF-32 LE starts with the UTF-16 LE mark).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Control characters that plain text may contain.
_ALLOWED_CONTROLS = {"\n", "\r", "\t", "\f", "\v"}

#: Above this share of control or unassigned characters a decoding is not text.
_MAX_JUNK_RATIO = 0.02


def unreadable(name: str, reason: Code, **params: object) -> Message:
    """"Cannot read NAME: <reason>." as a message."""
    return Message.of(Code.CANNOT_READ, name=name, reason=Message.of(reason, **params))


def _unreadable(name: str, reason: Code, **params: object) -> IngestError:
    return IngestError(unreadable(name, reason, **params))


def read_page(path: str | os.PathLike) -> str:
    """Return the text of the page file at `path`, or raise `IngestError`."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise _unreadable(name, Code.READ_MISSING) from None
    except IsADirectoryError:
        raise _unreadable(name, Code.READ_FOLDER) from None
    except PermissionError:
        raise _unreadable(name, Code.READ_DENIED) from None
    except OSError as error:
        raise _unreadable(name, Code.READ_OS, detail=error.strerror or str(error)) from None
    return decode_page(data, name)


def decode_page(data: bytes, name: str = "<bytes>") -> str:
    """Decode page bytes to text with normalised line endings."""
    text = _decode(data, name)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, name: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding if encoding != "utf-8-sig" else "utf-8-sig")
            except UnicodeDecodeError:
                raise _unreadable(name, Code.READ_BAD_BOM, encoding=encoding.upper()) from None
    if b"\x00" in data:
        # NUL bytes without a UTF-16/32 mark: an image, an archive, a database…
        raise _unreadable(name, Code.READ_BINARY)
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text
    raise _unreadable(name, Code.READ_NOT_TEXT)


def _looks_like_text(text: str) -> bool:
    """True if a decoding is plausible text rather than bytes forced into characters."""
    if not text:
        return True
    junk = 0
    for char in text:
        if char in _ALLOWED_CONTROLS:
            continue
        category = unicodedata.category(char)
        # Cc: control characters; Cn: unassigned; Co: private use (GB18030
        # maps undefined byte pairs there).
        if category in ("Cc", "Cn", "Co"):
            junk += 1
    return junk / len(text) <= _MAX_JUNK_RATIO
