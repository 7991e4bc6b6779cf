"""The shared row delegate, painted into images: swatches, dots, counts, grey words, themes."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QListWidget, QListWidgetItem

from reader.ui.list_delegate import (
    CountRole,
    DotsRole,
    ListRowDelegate,
    OpeningRole,
    SecondLineRole,
    StrongRole,
    SwatchRole,
    muted,
)
from reader.ui.theme import dark_palette


def _list(qtbot, palette: QPalette | None = None) -> QListWidget:
    view = QListWidget()
    if palette is not None:
        view.setPalette(palette)
    view.setItemDelegate(ListRowDelegate(view))
    view.setUniformItemSizes(True)
    view.resize(420, 300)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


def _row_image(view: QListWidget, row: int) -> tuple[QImage, QRect]:
    QApplication.processEvents()
    image = view.viewport().grab().toImage()
    return image, view.visualItemRect(view.item(row))


def _colours_in(image: QImage, rect: QRect) -> set[str]:
    found = set()
    for x in range(max(0, rect.left()), min(image.width(), rect.right() + 1)):
        for y in range(max(0, rect.top()), min(image.height(), rect.bottom() + 1)):
            found.add(image.pixelColor(x, y).name())
    return found


def _near(colour: QColor, wanted: QColor, slack: int = 40) -> bool:
    return all(abs(a - b) <= slack for a, b in ((colour.red(), wanted.red()),
                                                (colour.green(), wanted.green()),
                                                (colour.blue(), wanted.blue())))


def test_a_tag_row_has_its_swatch_its_name_and_its_count_on_the_right(qtbot):
    view = _list(qtbot)
    item = QListWidgetItem("红色物业", view)
    item.setData(SwatchRole, QColor("#d03030"))
    item.setData(CountRole, 128)
    image, rect = _row_image(view, 0)
    # the swatch: the tag's colour at the row's left, centred on the line
    left = QRect(rect.left(), rect.top(), 30, rect.height())
    assert "#d03030" in _colours_in(image, left)
    # the count is drawn at the right edge, the name left of the middle; nothing between
    text = view.palette().color(QPalette.ColorRole.Text)
    inked = [x for x in range(rect.left(), rect.right())
             if any(_near(image.pixelColor(x, y), text, 90) or
                    _near(image.pixelColor(x, y), muted(view.palette(), False), 30)
                    for y in range(rect.top(), rect.bottom()))]
    assert max(inked) > rect.right() - 12  # right-aligned count
    assert not any(rect.width() * 0.5 < x < rect.width() * 0.8 for x in inked)


def test_dots_show_the_tags_colours_before_the_count(qtbot):
    view = _list(qtbot)
    item = QListWidgetItem("〔文〕党建引领基层治理", view)
    item.setData(DotsRole, ["#2a9d4a", "#3050e0"])
    item.setData(SecondLineRole, "2024年1月 · 先锋")
    image, rect = _row_image(view, 0)
    right = QRect(rect.right() - 40, rect.top(), 40, rect.height())
    colours = _colours_in(image, right)
    assert "#2a9d4a" in colours and "#3050e0" in colours


def test_a_long_title_is_cut_never_wrapped_and_every_row_has_one_height(qtbot):
    view = _list(qtbot)
    QListWidgetItem("短", view).setData(SecondLineRole, "约2024年1月 · 先锋")
    long = QListWidgetItem("很长的标题" * 40, view)
    long.setData(SecondLineRole, "约2024年1月 · 先锋" * 20)
    assert view.visualItemRect(view.item(0)).height() == view.visualItemRect(long).height()
    two_lines = view.visualItemRect(long).height()
    line = view.fontMetrics().height()
    assert 2 * line <= two_lines < 3 * line + 12


def test_the_opening_words_of_an_untitled_item_are_grey(qtbot):
    view = _list(qtbot)
    item = QListWidgetItem("「无题」", view)
    item.setData(OpeningRole, "本报讯 近日，林西县聚焦")
    image, rect = _row_image(view, 0)
    grey = muted(view.palette(), False)
    text = view.palette().color(QPalette.ColorRole.Text)
    name_width = view.fontMetrics().horizontalAdvance("「无题」")
    first_line = QRect(rect.left(), rect.top(), rect.width(), view.fontMetrics().height() + 6)
    after_name = first_line.adjusted(name_width + 14, 0, 0, 0)
    colours = [QColor(c) for c in _colours_in(image, after_name)]
    assert any(_near(c, grey, 12) for c in colours)
    assert not any(_near(c, text, 12) for c in colours)  # no black text after 「无题」


def test_bold_rows_and_the_dark_theme_take_their_colours_from_the_palette(qtbot):
    palette = dark_palette()
    view = _list(qtbot, palette)
    for name in ("先锋", "人民日报"):
        item = QListWidgetItem(name, view)
        item.setData(CountRole, 12)
        item.setData(StrongRole, True)
    view.setCurrentRow(1)
    image, plain = _row_image(view, 0)
    _, chosen = _row_image(view, 1)
    base = palette.color(QPalette.ColorRole.Base).name()
    assert base in _colours_in(image, plain)
    assert palette.color(QPalette.ColorRole.Highlight).name() in _colours_in(image, chosen)
    # text on the dark rows is light: some pixel near the palette's text colour
    text = palette.color(QPalette.ColorRole.Text)
    assert any(_near(QColor(c), text, 30) for c in _colours_in(image, plain))
    assert image.pixelColor(QPoint(plain.center().x(), plain.top() + 1)).lightness() < 80
