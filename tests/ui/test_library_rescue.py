"""The window with a library it cannot trust: it says so, marks itself read-only and offers
the newest good backup, and restoring it opens the library again (issue 18: backups)."""

from __future__ import annotations

import shutil

from PySide6.QtWidgets import QDialogButtonBox

from reader.app import Session
from reader.library.backups import BACKUP_DIR
from reader.paths import resolve_paths
from tests.library.test_safety import damage_an_index_page
from tests.ui.conftest import settle


def _with_a_backup(library_dir):
    """The day's backup holds a note on article 29."""
    with Session.open(resolve_paths(library_dir)) as session:
        session.library.notes.set(29, "备份里的笔记")
    shutil.rmtree(library_dir / BACKUP_DIR)  # the day's backup was made before the note
    with Session.open(resolve_paths(library_dir)):
        pass
    assert list((library_dir / BACKUP_DIR).iterdir())


def _click_restore(qtbot, window, dialog):
    button = dialog.restore_button
    assert dialog.buttons.buttonRole(button) == QDialogButtonBox.ButtonRole.AcceptRole
    with qtbot.waitSignal(window.rescue.restored, timeout=30000), \
            qtbot.waitSignal(window.library_ready, timeout=30000):
        button.click()


def test_a_damaged_library_opens_read_only_says_so_and_offers_the_backup(
        qtbot, open_window, library_dir):
    _with_a_backup(library_dir)
    damage_an_index_page(resolve_paths(library_dir).db_path)
    window = open_window(library_dir)
    qtbot.waitUntil(lambda: window.rescue.dialog is not None, timeout=30000)
    assert window.rescue.read_only_label.isVisible()
    assert "已损坏" in window.rescue.read_only_label.toolTip()
    assert any(level == "warning" and "只读" in text for level, text in window.messages.history)
    dialog = window.rescue.dialog
    assert dialog.isVisible()
    assert "1 条笔记" in dialog.backup_label.text()

    # A change is refused in a sentence, nothing is written.
    window.ops.mutate(lambda s: s.annotations.tag([29], ["红色"]), "无法加标签")
    settle(qtbot, window)
    assert "未做任何修改" in window.messages.history[-1][1]

    _click_restore(qtbot, window, dialog)
    settle(qtbot, window)
    assert not window.rescue.read_only_label.isVisible()
    assert window.session.read_only is None
    kept = [p.name for p in library_dir.iterdir() if ".before-restore-" in p.name]
    assert kept


def test_an_emptied_library_is_not_seeded_over_and_the_backup_brings_it_back(
        qtbot, settings, library_dir):
    from reader.ui.main import session_factory
    from reader.ui.window import MainWindow

    _with_a_backup(library_dir)
    resolve_paths(library_dir).db_path.write_bytes(b"")
    window = MainWindow(session_factory(str(library_dir)), settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.rescue.offered, timeout=30000) as offered:
        window.open_library()
    dialog = offered.args[0]
    assert "0 字节" in dialog.found_label.text()
    assert resolve_paths(library_dir).db_path.stat().st_size == 0
    _click_restore(qtbot, window, dialog)
    settle(qtbot, window)
    with Session.open(resolve_paths(library_dir)) as session:
        assert session.library.notes.get(29) == "备份里的笔记"
        assert session.library.stats()["articles"] == 43
