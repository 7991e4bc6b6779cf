"""Untitled articles are named 「无题」 (English: Untitled) with their opening words apart."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from reader.ui import translation, wording
from reader.ui.titles import one_line_title, title_parts


def test_a_headline_is_itself_and_an_untitled_item_is_wu_ti_with_its_opening_words(qapp):
    assert title_parts("党建引领", None) == ("党建引领", "")
    assert title_parts("(无标题) 各级领导", "各级领导干部要主动适应…") == ("「无题」", "各级领导干部要主动适应…")
    assert one_line_title("", "各级领导…") == "「无题」 · 各级领导…"
    assert one_line_title("", "") == "「无题」"
    # the app layer's stand-in, wherever a view still gets it, is said the same way
    assert wording.title("(无标题) 各级领导…") == "「无题」 · 各级领导…"
    assert wording.title("(无标题)") == "「无题」"
    assert wording.title("党建引领") == "党建引领"


def test_in_english_an_untitled_item_reads_untitled(qapp, tmp_path):
    settings = QSettings(str(tmp_path / "en.ini"), QSettings.Format.IniFormat)
    settings.setValue("view/language", "en")
    assert translation.install_translation(settings) == "en"
    try:
        assert one_line_title("", "各级领导…") == "Untitled · 各级领导…"
        assert wording.title("(无标题) 各级领导…") == "Untitled · 各级领导…"
    finally:
        translation.remove_translation()
