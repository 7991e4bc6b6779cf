"""The English translation file is complete and keeps what the code relies on.

`resources/translations/reader_en.ts` is read as XML (no Qt needed): every
message is translated, each `{}` / `{name}` placeholder and `%n` of the
Chinese source survives in the English, a `&` mnemonic in the source has
one in the translation, and no full-width punctuation leaks into the English.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "reader_en.ts"

PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n")
#: A mnemonic marker: `&` before a character other than another `&` (`&&` is a literal &).
MNEMONIC = re.compile(r"(?<!&)&(?!&)\S")
#: Full-width punctuation that belongs to the Chinese, not the English (curly quotes are fine).
FULL_WIDTH = re.compile(r"[，。：；（）？！、〔〕【】《》\u3000]")


def _messages() -> list[tuple[str, ET.Element]]:
    root = ET.parse(TS_FILE).getroot()
    return [(context.findtext("name", ""), message)
            for context in root.iter("context") for message in context.iter("message")]


def _texts(message: ET.Element) -> list[str]:
    """The translation's text, or each of its plural forms."""
    translation = message.find("translation")
    assert translation is not None
    forms = translation.findall("numerusform")
    if forms:
        return [form.text or "" for form in forms]
    return [translation.text or ""]


MESSAGES = _messages()


def _label(context: str, message: ET.Element) -> str:
    return f"{context}: {message.findtext('source')!r}"


def test_the_file_has_messages():
    assert len(MESSAGES) > 100


def test_no_message_is_unfinished_or_empty():
    unfinished = [_label(c, m) for c, m in MESSAGES
                  if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")]
    empty = [_label(c, m) for c, m in MESSAGES if not all(t.strip() for t in _texts(m))]
    assert unfinished == []
    assert empty == []


@pytest.mark.parametrize(("context", "message"), MESSAGES,
                         ids=[f"{c}-{i}" for i, (c, _m) in enumerate(MESSAGES)])
def test_translation_keeps_placeholders_and_mnemonics(context, message):
    source = message.findtext("source") or ""
    wanted = Counter(PLACEHOLDER.findall(source))
    for text in _texts(message):
        found = Counter(PLACEHOLDER.findall(text))
        if message.get("numerus") == "yes":
            # A plural form may spell the number out; every other placeholder must stay.
            wanted.pop("%n", None)
            found.pop("%n", None)
        assert found == wanted, f"{_label(context, message)} → {text!r}"
        if MNEMONIC.search(source):
            assert MNEMONIC.search(text), f"{_label(context, message)} → {text!r}: no & mnemonic"
        assert not FULL_WIDTH.search(text), f"{_label(context, message)} → {text!r}"


def test_every_count_has_its_plural_forms():
    """A source with `%n` is a plural message (lupdate marks it so only in a `tr()` call) and
    its English has both forms, 1 article / 2 articles."""
    counted = [(c, m) for c, m in MESSAGES if "%n" in (m.findtext("source") or "")]
    assert len(counted) > 30
    singular = [_label(c, m) for c, m in counted if m.get("numerus") != "yes"]
    one_form = [_label(c, m) for c, m in counted
                if len(m.find("translation").findall("numerusform")) != 2]
    assert singular == []
    assert one_form == []


def test_no_count_is_left_to_a_bare_placeholder():
    """A count said with `{}` cannot take a plural form: "{} 篇文章" must be "%n 篇文章"."""
    count_word = re.compile(r"(?<![第/{}]) ?\{[a-z_]*\} ?(?:篇|个|条|处|期|版|天|种)")
    bare = [_label(c, m) for c, m in MESSAGES
            if c != "Errors" and count_word.search(m.findtext("source") or "")]
    assert bare == []


def test_the_file_holds_every_text_the_window_says(tmp_path):
    """lupdate over reader/ui finds no text the file lacks: every `tr()` / `translate()` /
    `QT_TRANSLATE_NOOP` source is translated, and a count said with `%n` outside a `tr()`
    call (which lupdate cannot mark as plural) shows up here as untranslated."""
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) \
        or shutil.which("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    copy = tmp_path / "reader_en.ts"
    shutil.copy(TS_FILE, copy)
    sources = sorted(str(path) for path in (ROOT / "reader" / "ui").rglob("*.py"))
    subprocess.run([lupdate, *sources, "-ts", str(copy)], check=True, capture_output=True)
    root = ET.parse(copy).getroot()
    untranslated = [f"{context.findtext('name')}: {message.findtext('source')!r}"
                    for context in root.iter("context") for message in context.iter("message")
                    if message.find("translation").get("type") == "unfinished"]
    assert untranslated == []
