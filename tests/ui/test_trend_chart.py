"""The trend chart's axis and its point picking (the window test clicks it; these pin the maths)."""

from __future__ import annotations

from PySide6.QtCore import QPointF

from reader.ui.trend_chart import TrendChart, axis, nice_step


def test_the_axis_has_round_steps_and_covers_the_maximum():
    assert nice_step(93.75) == 100 and nice_step(0.3) == 0.5 and nice_step(7) == 10
    assert axis(375) == (400, 100)
    assert axis(333.33) == (400, 100)
    assert axis(12) == (15, 5)
    assert axis(0) == (1.0, 1.0)
    for maximum in (0.7, 3, 48, 999, 12345):
        top, step = axis(maximum)
        assert top >= maximum and 2 <= top / step <= 5 or maximum < 1


def test_points_are_picked_near_where_they_are_drawn(qtbot):
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.resize(600, 300)
    chart.set_series(["2023", "2024"], {"网格": [3, 10], "党建": [10, 0]}, "篇")
    at = chart.point_at(1, 10)
    assert chart.pick(at) == ("2024", "网格", 10)
    assert chart.pick(QPointF(at.x(), at.y() + 30)) is None
    assert chart.pick(chart.point_at(1, 0)) == ("2024", "党建", 0)
