"""The window's language: Chinese source texts, an English translation from Qt's tools.

Every text the window shows is written in Chinese and marked with `tr()` /
`QCoreApplication.translate`; `resources/translations/reader_en.ts` holds
the English (compiled to `reader_en.qm` by `pyside6-lrelease`).  The
language is the one chosen in 视图 → 语言 (QSettings `view/language`), else
the system's (`QLocale.system()`): English on an English system, where the
system's languages pick the file (reader_en_GB.qm, else reader_en.qm), and
Chinese everywhere else.  A missing `.qm` is tolerated: the window then
stays Chinese.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from reader.paths import resource_path
from reader.ui.settings import LANGUAGE

log = logging.getLogger(__name__)

#: (setting value, name shown in the menu, in its own language)
LANGUAGES = (("zh", "中文"), ("en", "English"))

_installed: QTranslator | None = None
#: Qt's own Chinese (standard buttons, file dialogs), installed when the window is Chinese.
_qt_installed: QTranslator | None = None


def translations_dir():
    return resource_path("translations")


def stored_language(settings: QSettings) -> str | None:
    """The language chosen in the menu, None if none was (or the file's value is not one)."""
    return LANGUAGE.read(settings)


def chosen_language(settings: QSettings, system: QLocale | None = None) -> str:
    """The setting, else `en` on an English system and `zh` elsewhere."""
    stored = stored_language(settings)
    if stored is not None:
        return stored
    system = system if system is not None else QLocale.system()
    return "en" if system.language() == QLocale.Language.English else "zh"


def install_translation(settings: QSettings, app: QCoreApplication | None = None) -> str:
    """Load and install the translation for the chosen language; the language in use."""
    remove_translation()
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_translation needs a Qt application")
    folder = str(translations_dir())
    language = chosen_language(settings)
    if language == "zh":
        _install_qt_chinese(app)
        return "zh"
    translator = QTranslator(app)
    loaded = False
    if stored_language(settings) is None:
        # No choice made: the system's languages pick the file (reader_en_GB, reader_en, …).
        loaded = translator.load(QLocale.system(), "reader", "_", folder)
    if not loaded:
        loaded = translator.load(f"reader_{language}", folder)
    if not loaded:
        log.warning("no compiled translation reader_%s.qm in %s; showing Chinese",
                    language, folder)
        translator.deleteLater()
        return "zh"
    global _installed
    app.installTranslator(translator)
    _installed = translator
    return language


def _install_qt_chinese(app: QCoreApplication) -> None:
    """Qt's own texts (OK/Cancel, the file dialog) in Chinese, if Qt ships them."""
    global _qt_installed
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load("qtbase_zh_CN", folder):
        app.installTranslator(translator)
        _qt_installed = translator
    else:  # a trimmed bundle may leave them out; Qt's English is then shown
        log.info("Qt's Chinese translation qtbase_zh_CN.qm not found in %s", folder)
        translator.deleteLater()


def current_language() -> str:
    """The language the window shows: "en" while the English translation is installed."""
    return "en" if _installed is not None else "zh"


def remove_translation() -> None:
    """Take out the translations `install_translation` put in (if any)."""
    global _installed, _qt_installed
    app = QCoreApplication.instance()
    for translator in (_installed, _qt_installed):
        if translator is not None and app is not None:
            app.removeTranslator(translator)
            translator.deleteLater()
    _installed = _qt_installed = None


__all__ = ["LANGUAGES", "chosen_language", "current_language", "install_translation",
           "remove_translation"]
