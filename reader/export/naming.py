"""File names made from titles that are safe on Windows, macOS and Linux, and unique.

`safe_stem` turns a title into a file name stem:

1. NFC-normalise (macOS keeps what it is given; one form avoids look-alike twins);
2. collapse whitespace (tabs, newlines) to one space; replace what some
   system forbids or mangles with "_": / \\ : * ? " < > | and control
   characters; collapse runs of "_";
3. strip leading dots (hidden files on Unix) and spaces, trailing dots and
   spaces (Windows drops them);
4. cut to a byte budget in UTF-8 (most file systems limit a name to 255
   bytes; Chinese takes 3 a character) at a character boundary;
5. suffix Windows' reserved device names (CON, NUL, COM1 …) with "_".

`NameAllocator` hands out names that differ from each other ignoring case
(Windows and macOS file systems are case-insensitive), numbering repeats
`名 (2).txt`, `名 (3).txt`.
"""

from __future__ import annotations

import re
import unicodedata

#: The longest file name we make, in UTF-8 bytes, suffix and numbering included.
MAX_NAME_BYTES = 120

#: The stem used when a title has nothing usable left.
FALLBACK_STEM = "未命名"

_FORBIDDEN = re.compile(r'[/\\:*?"<>|\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)),
             *(f"LPT{n}" for n in range(1, 10))}


def _cut(text: str, max_bytes: int) -> str:
    encoded = text.encode("utf-8")
    if len(encoded) <= max_bytes:
        return text
    return encoded[:max_bytes].decode("utf-8", errors="ignore")


def _tidy(stem: str) -> str:
    return stem.lstrip(". ").rstrip(". ")


def safe_stem(title: str, max_bytes: int = MAX_NAME_BYTES) -> str:
    """A file name stem for `title` within `max_bytes` of UTF-8 (see the module docstring)."""
    stem = unicodedata.normalize("NFC", title)
    stem = re.sub(r"\s+", " ", stem)  # tabs and newlines are spaces, not forbidden marks
    stem = _FORBIDDEN.sub("_", stem)
    stem = re.sub(r"_{2,}", "_", stem)
    stem = _tidy(_cut(_tidy(stem), max_bytes))
    # Checked after cutting: a cut can leave a bare device name ("CON......" → "CON").
    if stem.split(".")[0].strip().upper() in _RESERVED:
        stem = _tidy(_cut(stem, max_bytes - 1)) + "_"
    return stem or FALLBACK_STEM


class NameAllocator:
    """Unique, safe file names within one folder (case-insensitively)."""

    def __init__(self, taken: set[str] | None = None, max_bytes: int = MAX_NAME_BYTES):
        self._taken = {name.casefold() for name in (taken or ())}
        self._max_bytes = max_bytes

    def allocate(self, title: str, suffix: str) -> str:
        """`title` made safe with `suffix` (".txt"), numbered if the name is already out."""
        budget = self._max_bytes - len(suffix.encode("utf-8"))
        number = 1
        while True:
            mark = f" ({number})" if number > 1 else ""
            stem = safe_stem(title, budget - len(mark.encode("utf-8")))
            name = f"{stem}{mark}{suffix}"
            if name.casefold() not in self._taken:
                self._taken.add(name.casefold())
                return name
            number += 1
