"""Bytes to text: read one page file and decode it.

Page files come from many tools: UTF-8 with or without a BOM, UTF-16 with a
BOM, and the GB18030 family (GBK, GB2312) that Chinese Windows software
writes.  `read_page` tries them in that order, refuses binary data, and
normalises line endings; no other character is changed.

Only regular files are read (a FIFO would block forever, /dev/zero never
ends), and only up to `MAX_PAGE_BYTES`: a printed page is tens of kilobytes.
File names are shown through `shown_path`, which writes the bytes of a name
that is not UTF-8 as \\xNN, so that it can be printed and stored.
"""

from __future__ import annotations

import codecs
import functools
import os
import re
import stat
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

#: The largest page file read (a printed page is 10-100 KB; this leaves room for a
#: whole issue in one file and refuses what would only exhaust memory).
MAX_PAGE_BYTES = 16 * 1024 * 1024
_MB = 1024 * 1024


def shown_path(path: str | os.PathLike) -> str:
    """`path` as printable, storable text: bytes that are not UTF-8 written as \\xNN.

    Python hands such names over with surrogate escapes, which can be opened but
    neither printed nor stored in SQLite.
    """
    name = os.fspath(path)
    if isinstance(name, bytes):
        return name.decode("utf-8", "backslashreplace")
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def unreadable(name: str, reason: Code, **params: object) -> Message:
    """"Cannot read NAME: <reason>." as a message."""
    return Message.of(Code.CANNOT_READ, name=name, reason=Message.of(reason, **params))


def _unreadable(name: str, reason: Code, **params: object) -> IngestError:
    return IngestError(unreadable(name, reason, **params))


def read_page(path: str | os.PathLike) -> str:
    """Return the text of the page file at `path`, or raise `IngestError`."""
    return decode_page(read_page_bytes(path), shown_path(path))


def read_page_bytes(path: str | os.PathLike) -> bytes:
    """The bytes of the page file at `path`, or `IngestError` (never a hang, never all RAM)."""
    name = shown_path(path)
    try:
        # O_NONBLOCK: opening a FIFO without a writer would wait forever; fstat then
        # tells what was opened before a byte is read.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise _unreadable(name, Code.READ_MISSING) from None
    except IsADirectoryError:
        raise _unreadable(name, Code.READ_FOLDER) from None
    except PermissionError:
        raise _unreadable(name, Code.READ_DENIED) from None
    except OSError as error:
        raise _unreadable(name, Code.READ_OS, detail=error.strerror or str(error)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _unreadable(name, Code.READ_FOLDER)
        if not stat.S_ISREG(info.st_mode):
            raise _unreadable(name, Code.READ_NOT_REGULAR)
        if info.st_size > MAX_PAGE_BYTES:
            raise _too_big(name, info.st_size)
        handle = open(fd, "rb")  # noqa: SIM115  (closes fd from here on)
    except BaseException:
        os.close(fd)
        raise
    with handle:
        try:
            # One byte more than allowed tells a file that grew past the limit.
            data = handle.read(MAX_PAGE_BYTES + 1)
        except OSError as error:
            raise _unreadable(name, Code.READ_OS, detail=error.strerror or str(error)) from None
    if len(data) > MAX_PAGE_BYTES:
        raise _too_big(name, len(data))
    return data


def _too_big(name: str, size: int) -> IngestError:
    return _unreadable(name, Code.READ_TOO_BIG, size=-(-size // _MB), limit=MAX_PAGE_BYTES // _MB)


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
    # Only the characters the pattern finds can be junk: a scan in C, not a Python loop
    # over every character of the page (issue 17: the parse's cost).
    junk = 0
    for char in _junk_candidates().findall(text):
        if char <= "\uffff" or unicodedata.category(char) in _JUNK_CATEGORIES:
            junk += 1
    return junk / len(text) <= _MAX_JUNK_RATIO


#: Cc: control characters; Cn: unassigned; Co: private use (GB18030 maps undefined
#: byte pairs there).
_JUNK_CATEGORIES = ("Cc", "Cn", "Co")


@functools.cache
def _junk_candidates() -> re.Pattern[str]:
    """Junk characters of the Basic Multilingual Plane, and every character beyond it
    (rare in page text: those are looked up one by one)."""
    ranges: list[str] = []
    start = None
    for point in range(0x10001):
        char = chr(point)
        bad = (point < 0x10000 and char not in _ALLOWED_CONTROLS
               and unicodedata.category(char) in _JUNK_CATEGORIES)
        if bad and start is None:
            start = point
        elif not bad and start is not None:
            ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(point - 1))}")
            start = None
    return re.compile(f"[{''.join(ranges)}\U00010000-\U0010ffff]")
