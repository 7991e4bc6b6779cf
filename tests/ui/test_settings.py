"""Window settings: declared once in reader.ui.settings, read tolerantly, read nowhere else."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

import reader.ui
from reader.export import ExportOptions
from reader.ui import settings as window_settings
from reader.ui.export_dialog import remember_options, remembered_options
from reader.ui.settings import DECLARED, Setting, int_list, integer, raw_bytes

#: What a hand-edited or damaged INI file may hold: a word, a list (the file had commas),
#: a byte array where text belongs, a number no setting takes, nothing at all.
GARBAGE = ("big", "a, b, c", "@ByteArray(not window state)", "-99999999999999999999999", "")


def _write_ini(path: Path, value: str) -> None:
    groups: dict[str, list[str]] = {}
    for setting in DECLARED:
        group, name = setting.key.split("/", 1)
        groups.setdefault(group, []).append(f"{name}={value}")
    path.write_text("".join(f"[{group}]\n" + "\n".join(lines) + "\n\n"
                            for group, lines in groups.items()), encoding="utf-8")


def test_every_setting_is_declared_once_with_a_default_its_parser_accepts():
    keys = [setting.key for setting in DECLARED]
    assert len(keys) == len(set(keys))
    assert {"view/zoom", "view/dark", "view/language", "window/geometry",
            "export/format"} <= set(keys)
    for setting in DECLARED:
        assert "/" in setting.key
        if setting.default is not None:  # the default is a value the setting can hold
            assert setting.parse(setting.dump(setting.default)) == setting.default


@pytest.mark.parametrize("garbage", GARBAGE)
def test_garbage_in_every_setting_opens_the_window_with_defaults(open_window, library_dir,
                                                                 tmp_path, garbage):
    from reader.ui.translation import install_translation, remove_translation

    ini = tmp_path / "garbage.ini"
    _write_ini(ini, garbage)
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    for setting in DECLARED:  # the file really says something for each key
        assert settings.contains(setting.key), setting.key
        if setting.parse is raw_bytes and garbage.startswith("@ByteArray"):
            continue  # bytes are bytes: Qt refuses them on restore, checked on the window below
        assert setting.read(settings) == setting.default, setting.key
    # What main.run does before the window exists: pick the language from the file.
    try:
        assert install_translation(settings) in ("zh", "en")
    finally:
        remove_translation()
    window = open_window(library_dir, settings)
    assert window.isVisible() and window.session is not None
    assert window.pane.zoom == 0
    assert window.pane.theme.name == "light" and not window.dark_action.isChecked()
    assert (window.width(), window.height()) == (1280, 820)
    assert len(window.splitter.sizes()) == 3 and all(window.splitter.sizes())
    assert remembered_options(settings) == ExportOptions()
    # Closing writes real values over the garbage.
    window.zoom_in_action.trigger()
    window.close()
    reread = QSettings(str(ini), QSettings.Format.IniFormat)
    assert window_settings.ZOOM.read(reread) == 1
    assert window_settings.DARK.read(reread) is False
    assert isinstance(window_settings.GEOMETRY.read(reread), QByteArray)


def test_one_damaged_export_option_falls_back_alone(settings):
    remember_options(settings, ExportOptions(format="md", split=True,
                                             include=frozenset({"header", "body"}), order="date"))
    settings.setValue("export/order", "sideways")
    settings.setValue("export/include", "header,photos")
    options = remembered_options(settings)
    assert (options.format, options.split, options.order) == ("md", True, "page")
    assert options.include == ExportOptions().include


def test_a_new_setting_is_one_declaration(settings):
    expanded = Setting("state/expanded", (), int_list, dump=window_settings.dump_int_list)
    article = Setting("state/article", None, integer(minimum=1))
    assert expanded.read(settings) == () and article.read(settings) is None
    expanded.write(settings, (3, 1, 2))
    article.write(settings, 7)
    settings.sync()
    reread = QSettings(settings.fileName(), QSettings.Format.IniFormat)
    assert expanded.read(reread) == (3, 1, 2) and article.read(reread) == 7
    article.write(settings, None)  # None forgets the value
    assert article.read(settings) is None
    settings.setValue("state/article", "0")
    assert article.read(settings) is None


def _settings_calls(path: Path) -> list[str]:
    """Calls that read or write a QSettings key ("group/name" literal or a *KEY* name)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("value", "setValue", "remove", "contains") and node.args):
            continue
        first = node.args[0]
        if (isinstance(first, ast.Constant) and isinstance(first.value, str)
                and "/" in first.value) or (isinstance(first, ast.Name) and "KEY" in first.id):
            found.append(f"{path.name}:{node.lineno}")
    return found


def test_nothing_but_the_settings_module_touches_settings_keys():
    ui = Path(reader.ui.__file__).parent
    offenders = [hit for path in sorted(ui.glob("*.py")) if path.name != "settings.py"
                 for hit in _settings_calls(path)]
    assert offenders == []
