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


def read_page(path: str | os.PathLike) -> str:
    """Return the text of the page file at `path`, or raise `IngestError`."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise IngestError(f"Cannot read {name}: the file does not exist.") from None
    except IsADirectoryError:
        raise IngestError(f"Cannot read {name}: it is a folder, not a page file.") from None
    except PermissionError:
        raise IngestError(f"Cannot read {name}: permission denied.") from None
    except OSError as error:
        raise IngestError(f"Cannot read {name}: {error.strerror or error}.") from None
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
                raise IngestError(
                    f"Cannot read {name}: it starts with a {encoding.upper()} byte-order mark "
                    "but is not valid text in that encoding."
                ) from None
    if b"\x00" in data:
        # NUL bytes without a UTF-16/32 mark: an image, an archive, a database…
        raise IngestError(f"Cannot read {name}: it is a binary file, not a text page.")
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text
    raise IngestError(
        f"Cannot read {name}: it is neither UTF-8, UTF-16 nor GB18030 text."
    )


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
