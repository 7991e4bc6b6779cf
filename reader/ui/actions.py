"""The window's menus and actions: every command with its shortcut, in one place.

`menu_titles(bar)` makes the 文件 / 编辑 / 更正 / 视图 / 帮助 menus (their titles are in
the window's first paint); `build_menus(window, menus)` fills them (更正's
actions are reader/ui/correction_commands.py's) and sets
each action on the window as an attribute (`window.import_action`, …) so
the window and tests can enable, trigger and inspect them.  Actions are
also added to the window itself, so their shortcuts work while the menu
bar is hidden.  Texts use the "MainWindow" translation context, the one
the rest of the window's texts use.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from reader.ui.navigator import entry_index
from reader.ui.translation import LANGUAGES, chosen_language


def add_action(window, menu, text: str, slot, shortcuts=(), checkable=False) -> QAction:
    """An action in `menu` (and on the window, for its shortcuts) that calls `slot`."""
    action = QAction(text, window)
    action.setShortcuts([QKeySequence(s) for s in shortcuts])
    action.setCheckable(checkable)
    action.triggered.connect(slot)
    menu.addAction(action)
    window.addAction(action)
    return action


def menu_titles(bar: QMenuBar) -> dict[str, QMenu]:
    """The menu bar's menus, empty: the window's first paint shows their titles, and
    `build_menus` fills them once the views they act on are built."""
    translate = QCoreApplication.translate
    return {key: bar.addMenu(translate("MainWindow", title)) for key, title in (
        ("file", "文件(&F)"), ("edit", "编辑(&E)"), ("corrections", "更正(&C)"),
        ("view", "视图(&V)"), ("help", "帮助(&H)"))}


def build_menus(window, menus: dict[str, QMenu] | None = None) -> None:
    """Fill `menus` (`menu_titles`' menus; made now if not given) with the window's actions."""
    menus = menus if menus is not None else menu_titles(window.menuBar())
    translate = QCoreApplication.translate
    file_menu = menus["file"]
    window.import_action = add_action(
        window, file_menu, translate("MainWindow", "导入文件…"), window.import_files, ["Ctrl+O"])
    window.reindex_action = add_action(
        window, file_menu, translate("MainWindow", "重建搜索索引"), window.reindex,
        ["Ctrl+Shift+R"])
    window.recent_menu = file_menu.addMenu(translate("RecentImports", "最近导入"))
    # read when 文件 opens (and after each import): ready before the pointer reaches it
    file_menu.aboutToShow.connect(lambda: window.recent_imports.refresh())
    for action in (window.import_action, window.reindex_action):
        action.setEnabled(False)  # until the library is open
    window.export_action = add_action(
        window, file_menu, translate("MainWindow", "导出…"), window.commands.export_selection, ["Ctrl+E"])
    file_menu.addSeparator()
    window.quit_action = add_action(
        window, file_menu, translate("MainWindow", "退出"), window.close, ["Ctrl+Q"])

    edit_menu = menus["edit"]
    window.find_action = add_action(
        window, edit_menu, translate("MainWindow", "查找"), window.focus_search,
        ["Ctrl+F", "Ctrl+K"])
    window.next_hit_action = add_action(
        window, edit_menu, translate("MainWindow", "下一处"), window.pane.next_hit, ["F3"])
    window.previous_hit_action = add_action(
        window, edit_menu, translate("MainWindow", "上一处"), window.pane.previous_hit,
        ["Shift+F3"])
    window.copy_citation_action = add_action(
        window, edit_menu, translate("MainWindow", "复制（附引用）"), window.commands.copy_with_citation,
        ["Ctrl+Shift+C"])
    edit_menu.addSeparator()
    window.undo_action = add_action(
        window, edit_menu, translate("MainWindow", "撤销"), window.undo_commands.undo, ["Ctrl+Z"])
    window.redo_action = add_action(
        window, edit_menu, translate("MainWindow", "重做"), window.undo_commands.redo,
        ["Ctrl+Shift+Z", "Ctrl+Y"])
    window.undo_commands.attach(window.undo_action, window.redo_action)
    window.highlight_action = add_action(
        window, edit_menu, translate("MainWindow", "划线"), window.commands.highlight_selection, ["Ctrl+H"])
    window.edit_pages_action = add_action(
        window, edit_menu, translate("MainWindow", "编辑版面信息…"),
        lambda: window.issues_view.edit_selection(), ["Ctrl+Shift+E"])
    window.tag_action = add_action(
        window, edit_menu, translate("MainWindow", "给所选文章加标签…"), window.commands.tag_selection,
        ["Ctrl+T"])

    window.corrections.fill_menu(window, menus["corrections"])

    view_menu = menus["view"]
    window.next_article_action = add_action(
        window, view_menu, translate("MainWindow", "下一篇"), lambda: window.step_article(1),
        ["J", "Alt+Down"])
    window.previous_article_action = add_action(
        window, view_menu, translate("MainWindow", "上一篇"), lambda: window.step_article(-1),
        ["K", "Alt+Up"])
    window.jump_action = add_action(
        window, view_menu, translate("MainWindow", "跳到日期…"), lambda: (
            window.show_browse_tab(entry_index("issues")), window.issues_view.jump_to_date()),
        ["Ctrl+G"])
    window.next_unread_action = add_action(
        window, view_menu, translate("MainWindow", "下一篇未读"), window.reading_state.next_unread, ["N"])
    window.read_action = add_action(
        window, view_menu, translate("MainWindow", "标为已读/未读"), window.reading_state.toggle_read, ["M"])
    window.star_action = add_action(
        window, view_menu, translate("MainWindow", "加星标/去掉星标"), window.reading_state.toggle_star, ["S"])
    window.back_action = add_action(
        window, view_menu, translate("MainWindow", "返回目录"), window.show_tree, ["Esc"])
    # One action per navigator tab, named as the tab is: Ctrl+1 目录 … Ctrl+4 批注.
    window.tab_actions = [
        add_action(window, view_menu, window.browse_tabs.tabText(tab),
                   lambda _checked=False, tab=tab: window.show_browse_tab(tab), [f"Ctrl+{tab + 1}"])
        for tab in range(window.browse_tabs.count())
    ]
    window.panel_action = add_action(
        window, view_menu, translate("MainWindow", "批注栏"),
        lambda checked: window.panel.setVisible(checked), ["Ctrl+Shift+B"], checkable=True)
    window.panel_action.setChecked(True)
    view_menu.addSeparator()
    window.zoom_in_action = add_action(
        window, view_menu, translate("MainWindow", "放大"),
        lambda: window.set_zoom(window.pane.zoom + 1), ["Ctrl+=", "Ctrl++"])
    window.zoom_out_action = add_action(
        window, view_menu, translate("MainWindow", "缩小"),
        lambda: window.set_zoom(window.pane.zoom - 1), ["Ctrl+-"])
    window.zoom_reset_action = add_action(
        window, view_menu, translate("MainWindow", "还原"), lambda: window.set_zoom(0), ["Ctrl+0"])
    window.reading_settings_action = add_action(
        window, view_menu, translate("ReadingSettingsDialog", "阅读设置…"), window.reading_settings.open)
    window.reading_settings.attach(window.reading_settings_action)
    window.search_toolbar.addAction(window.reading_settings_action)
    view_menu.addSeparator()
    window.dark_action = add_action(
        window, view_menu, translate("MainWindow", "深色主题"), window.set_dark,
        ["Ctrl+Shift+D"], checkable=True)
    view_menu.addSeparator()
    _build_language_menu(window, view_menu.addMenu(translate("MainWindow", "语言")))

    help_menu = menus["help"]
    window.about_action = add_action(
        window, help_menu, translate("MainWindow", "关于"),
        window.about)


def _build_language_menu(window, menu) -> None:
    window.language_group = QActionGroup(window)
    window.language_actions = {}
    current = chosen_language(window._settings)
    for code, name in LANGUAGES:
        action = QAction(name, window)
        action.setCheckable(True)
        action.setChecked(code == current)
        action.triggered.connect(lambda _checked=False, code=code: window.set_language(code))
        window.language_group.addAction(action)
        menu.addAction(action)
        window.language_actions[code] = action


__all__ = ["add_action", "build_menus", "menu_titles"]
