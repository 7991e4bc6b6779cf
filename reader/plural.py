"""English counts for the CLI: "1 article", "2 articles".

The CLI speaks English (its sentences live in `reader/catalogue.py`); the
window says counts through Qt's plural forms instead (`tr("%n 篇文章", "", n)`).
Only the nouns the CLI counts are listed; a noun not listed takes an "s".
"""

from __future__ import annotations

#: Plurals that are not the singular plus "s".
_IRREGULAR = {"match": "matches", "occurrence": "occurrences", "entry": "entries"}


def counted(n: int, noun: str) -> str:
    """`n` and the noun in the form that number takes: 1 article, 0 articles, 2 articles."""
    return f"{n} {noun if n == 1 else _IRREGULAR.get(noun, noun + 's')}"


__all__ = ["counted"]
