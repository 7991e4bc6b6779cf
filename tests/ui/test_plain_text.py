"""Page text is plain text wherever the window shows it (issue 18, item 1).

A title holding `<img src="file:///dev/zero">` made Qt render a tooltip as HTML and
read /dev/zero until the process aborted.  Each view's tooltip is shown here the way a
hovering mouse shows it (a QHelpEvent to the widget), and what the user would see is
compared with the page's text, markup characters and all.  (A view that regresses
aborts the test run the way it aborted the window: the image is the real one.)
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6 import QtGui
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QToolTip, QWidget

from reader.app import Session
from reader.models import PageMeta
from reader.paths import resolve_paths
from reader.ui import plain
from reader.ui.window import TAGS_TAB
from tests.ui.conftest import expand_page, open_article, settle, type_text

HOSTILE = '<b>粗体</b><img src="file:///dev/zero">'
PAGE = f"""北疆日报 2025年1月7日 第5版 先锋
{HOSTILE}标题
本报记者 张三
正文第一段{HOSTILE}，这是一段足够长的正文内容，用来测试网页标记是否被当作纯文本显示。
第二段继续讲述社区网格员的故事，他们每天走访居民，解决群众的急难愁盼问题。
"""


def rendered(text: str) -> str:
    """What Qt shows of a tooltip or an auto-format label text: HTML only if it looks like it."""
    if not QtGui.Qt.mightBeRichText(text):
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def shown_label_text(label: QLabel) -> str:
    if label.textFormat() == Qt.TextFormat.PlainText:
        return label.text()
    if label.textFormat() == Qt.TextFormat.RichText:
        document = QTextDocument()
        document.setHtml(label.text())
        return document.toPlainText()
    return rendered(label.text())


def hover(qtbot, widget: QWidget, pos: QPoint) -> str:
    """Show the tooltip a mouse resting at `pos` of `widget` shows; the text the user reads."""
    QToolTip.hideText()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)
    qtbot.waitUntil(QToolTip.isVisible, timeout=3000)
    text = rendered(QToolTip.text())
    QToolTip.hideText()
    return text


def test_plain_tooltip_shows_markup_as_text_and_keeps_lines():
    text = f"{HOSTILE}\n第二行  &amp; 两个空格"
    assert rendered(plain.plain_tooltip(text)) == text
    assert plain.plain_tooltip("") == ""


def test_question_boxes_show_their_text_as_text(qtbot):
    box = plain.question_box(None, "删除标签", f"删除标签“{HOSTILE}”吗？")
    qtbot.addWidget(box)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.text() == f"删除标签“{HOSTILE}”吗？"


def hostile_library(library_dir: Path) -> int:
    """Import a page whose title, body, page name and a tag hold markup; the article's id."""
    page = library_dir.parent / "hostile.txt"
    page.write_text(PAGE, encoding="utf-8")
    with Session.open(resolve_paths(library_dir)) as session:
        result, = session.import_paths([page], given=PageMeta(page_name=f"版{HOSTILE}"))
        article = session.library.articles.in_issue(result.issue_id)[0]
        assert article.title == f"{HOSTILE}标题"
        session.annotations.tag([article.id], [HOSTILE])
        session.ensure_index()
    return article.id


def test_every_view_shows_a_hostile_title_as_text(qtbot, open_window, library_dir):
    article_id = hostile_library(library_dir)
    window = open_window(library_dir)
    library = window.session.library
    article = library.articles.get(article_id)

    # the tree: the page row and the article row
    tree = window.tree
    page = expand_page(qtbot, window, article.page_id)
    tree.scrollTo(page)
    tip = hover(qtbot, tree.viewport(), tree.visualRect(page).center())
    assert HOSTILE in tip
    row = window.tree_model.index_of(article_id)
    tree.scrollTo(row)
    tip = hover(qtbot, tree.viewport(), tree.visualRect(row).center())
    assert f"{HOSTILE}标题" in tip and HOSTILE in tip.splitlines()[-1]

    # the search results: the snippet, and the sentence above the list
    with qtbot.waitSignal(window.search.answered, timeout=10000):
        type_text(window.search_bar, "足够长的正文")
    results = window.results
    assert window.results_model.rowCount() == 1
    first = window.results_model.index(0)
    tip = hover(qtbot, results.viewport(), results.visualRect(first).center())
    assert HOSTILE in tip
    window.search_bar.clear()
    with qtbot.waitSignal(window.search.answered, timeout=10000):
        type_text(window.search_bar, "<b>粗体</b>")
    assert "<b>粗体</b>" in shown_label_text(window.results_label)

    # the tags view: its article list
    window.show_browse_tab(TAGS_TAB)
    view = window.tags_view
    qtbot.waitUntil(lambda: view.tag_list.count() > 0)
    assert view.choose(HOSTILE)
    qtbot.waitUntil(lambda: view.articles.count() == 1)
    item = view.articles.item(0)
    tip = hover(qtbot, view.articles.viewport(), view.articles.visualItemRect(item).center())
    assert tip == f"{HOSTILE}标题"

    # the side panel: the tag's chip
    open_article(qtbot, window, article_id)
    settle(qtbot, window)
    chip = window.panel.tag_editor.chips[HOSTILE]
    tip = hover(qtbot, chip, chip.rect().center())
    assert HOSTILE in tip


def test_no_tooltip_is_set_from_text_without_plain_tooltip():
    """Every setToolTip and ToolTipRole in the window passes its text through plain_tooltip
    (or is a constant translated string)."""
    offenders = []
    for path in sorted(Path(plain.__file__).parent.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        for number, line in enumerate(source.splitlines(), start=1):
            if "setToolTip(" in line and "plain_tooltip(" not in line \
                    and not re.search(r"setToolTip\(self\.tr\(\"[^\"{]*\"\)\)", line):
                offenders.append(f"{path.name}:{number}: {line.strip()}")
        for match in re.finditer(r"role == Qt\.ItemDataRole\.ToolTipRole:\n(.*)\n", source):
            if "plain_tooltip(" not in match.group(1):
                offenders.append(f"{path.name}: {match.group(1).strip()}")
    assert offenders == []


def test_an_input_dialog_shows_a_quote_from_the_page_as_text(qtbot):
    """The highlight-note dialog's label is the highlighted quote: page text, never HTML."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    from reader.ui.plain import text_dialog

    quote = '“<b>加粗</b><img src="file:///dev/zero">”'
    dialog = text_dialog(None, "划线笔记", quote, "旧笔记", multiline=True)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = [label for label in dialog.findChildren(QLabel) if label.text() == quote]
    assert labels and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    assert dialog.textValue() == "旧笔记"
    dialog.reject()
