"""Write the generated contexts of the English translation: `Errors` and `ExportFormats`.

Every `reader.catalogue.Code` has its English in `catalogue.ENGLISH` (what
the CLI prints) and its Chinese in `reader.ui.error_catalogue.CHINESE` (the
window's source text).  The window's English must be the CLI's, so the
`Errors` context of `resources/translations/reader_en.ts` is generated, not
hand-edited; so is `ExportFormats`, the names of `reader.export.formats.EXPORT_FORMATS`:

    python packaging/error_translations.py      # rewrites the context, runs lrelease

tests/ui/test_error_text.py fails when the .ts and the catalogues disagree.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
TS_FILE = ROOT / "resources" / "translations" / "reader_en.ts"

#: English of the parameter words (date precisions), the same words the CLI shows.
PARAMETER_ENGLISH = {"precision": {"year": "year", "month": "month", "day": "day",
                                   "unknown": "unknown"}}


def error_pairs() -> dict[str, str]:
    """Chinese source → English translation for every text in the `Errors` context."""
    from reader.catalogue import ENGLISH
    from reader.ui.error_catalogue import CHINESE, PARAMETER_WORDS

    pairs: dict[str, str] = {}

    def add(chinese: str, english: str) -> None:
        if pairs.setdefault(chinese, english) != english:
            raise SystemExit(f"{chinese!r} would need two translations: {pairs[chinese]!r}, "
                             f"{english!r}")

    for code, chinese in CHINESE.items():
        add(chinese, ENGLISH[code])
    for name, words in PARAMETER_WORDS.items():
        for value, chinese in words.items():
            add(chinese, PARAMETER_ENGLISH[name][value])
    return pairs


def format_pairs() -> dict[str, str]:
    """The window's name of each export format → its English."""
    from reader.export.formats import EXPORT_FORMATS

    return {fmt.title: fmt.english_title for fmt in EXPORT_FORMATS}


def context_block(name: str, pairs: dict[str, str]) -> str:
    messages = "".join(
        "    <message>\n"
        f"        <source>{escape(chinese)}</source>\n"
        f"        <translation>{escape(english)}</translation>\n"
        "    </message>\n"
        for chinese, english in pairs.items()
    )
    return f"<context>\n    <name>{name}</name>\n{messages}</context>\n"


def rewrite(text: str, pairs: dict[str, str], name: str = "Errors") -> str:
    """The .ts text with its context `name` replaced (or added in name order)."""
    block = context_block(name, pairs)
    existing = re.search(rf"<context>\s*<name>{name}</name>.*?</context>\n", text, re.S)
    if existing:
        return text[: existing.start()] + block + text[existing.end():]
    for match in re.finditer(r"<context>\s*<name>([^<]+)</name>", text):
        if match.group(1) > name:
            return text[: match.start()] + block + text[match.start():]
    end = text.rindex("</TS>")
    return text[:end] + block + text[end:]


def main() -> int:
    sys.path.insert(0, str(ROOT))
    text = rewrite(TS_FILE.read_text(encoding="utf-8"), error_pairs())
    TS_FILE.write_text(rewrite(text, format_pairs(), "ExportFormats"), encoding="utf-8")
    subprocess.run(["pyside6-lrelease", str(TS_FILE), "-qm", str(TS_FILE.with_suffix(".qm"))],
                   check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
