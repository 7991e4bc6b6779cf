"""How the CLI and the window name things: dates with their certainty, untitled articles.

Qt-free, so that `reader list` and the issue tree say the same words.
"""

from __future__ import annotations

from collections.abc import Iterable


def display_date(value: str | None, precision: str, overridden: bool = False) -> str:
    """约2025年1月 for an inferred month, 2025年1月6日 for a date the user set."""
    if not value:
        return "日期不详"
    parts = value.split("-")
    text = f"{parts[0]}年"
    if len(parts) > 1:
        text += f"{int(parts[1])}月"
    if len(parts) > 2:
        text += f"{int(parts[2])}日"
    return text if overridden else f"约{text}"


def untitled(paragraphs: Iterable[str], width: int = 16) -> str:
    """What an article without a title is called: (无标题) and its first words."""
    first = next((p for p in paragraphs if p.strip()), "")
    return f"(无标题) {first[:width]}…" if first else "(无标题)"
