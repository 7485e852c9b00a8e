"""Weekly trend charts: the series from counted usage and response times, drawn
offscreen into an image, exported as PNG and CSV."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage

from chatassist.core.playbook.response_clock import figures
from chatassist.core.statistics.responses import WeeklyResponses
from chatassist.core.statistics.trends import (
    first_response_share,
    replies_used,
    scenarios_by_region,
)
from chatassist.core.statistics.usage import UsageCount
from chatassist.ui.editor.trend_chart import PALETTE, TrendChart

W1, W2 = date(2026, 11, 23), date(2026, 11, 30)
COUNTS = [
    UsageCount(W1, "order_status.first_reply", "es", "europe", 5),
    UsageCount(W1, "refund_request.first_reply", "ja", "japan", 2),
    UsageCount(W2, "order_status.first_reply", "es", "europe", 3),
    UsageCount(W2, "shipping_delay.apology_eta", "en", "europe", 4),
]
SCENARIO_OF = {
    "order_status.first_reply": "order_status",
    "refund_request.first_reply": "refund_request",
    "shipping_delay.apology_eta": "shipping_delay",
}


def test_series_from_usage_and_response_times() -> None:
    europe = scenarios_by_region(COUNTS, SCENARIO_OF, "europe")
    assert europe.weeks == (W1, W2)
    assert europe.values == {"order_status": (5.0, 3.0), "shipping_delay": (0.0, 4.0)}
    used = replies_used(COUNTS)
    assert used.values == {"europe": (5.0, 7.0), "japan": (2.0, 0.0)}
    share = first_response_share([WeeklyResponses(W2, "europe", figures([10.0, 20.0, 40.0, 12.0]))])
    assert (share.unit, share.values) == ("%", {"europe": (75.0,)})
    assert share.to_csv() == "week,series,%\n2026-11-30,europe,75\n"


def _has_colour(image: QImage, colour: str) -> bool:
    wanted = QColor(colour).rgb()
    return any(
        image.pixel(x, y) == wanted
        for x in range(0, image.width(), 2)
        for y in range(image.height())
    )


def test_chart_renders_offscreen_and_exports_png_and_csv(qtbot: Any, tmp_path: Path) -> None:
    chart = TrendChart()
    qtbot.addWidget(chart)
    empty = chart.image(QSize(400, 240))
    assert not _has_colour(empty, PALETTE[0])  # "no data" text only
    chart.set_series(replies_used(COUNTS))
    image = chart.image(QSize(400, 240))
    assert _has_colour(image, PALETTE[0]) and _has_colour(image, PALETTE[1])  # two regions
    png = tmp_path / "chart.png"
    chart.export_png(png)
    assert png.read_bytes().startswith(b"\x89PNG") and not QImage(str(png)).isNull()
    csv_path = tmp_path / "chart.csv"
    chart.export_csv(csv_path)
    assert csv_path.read_text(encoding="utf-8").splitlines()[:2] == [
        "week,series,uses",
        "2026-11-23,europe,5",
    ]


def test_statistics_tab_shows_trends_and_session_figures(qtbot: Any) -> None:
    from datetime import datetime

    from chatassist.core.statistics.responses import ResponseReport, SessionResponses
    from chatassist.ui.editor.stats_view import StatsView
    from chatassist.ui.worker import InlineThreadPool, Worker

    report = ResponseReport(
        [WeeklyResponses(W2, "europe", figures([10.0, 40.0]))],
        [SessionResponses("abc", datetime(2026, 11, 30, 9, 5), figures([10.0, 40.0, 20.0]))],
    )
    view = StatsView(
        lambda: COUNTS, lambda: [], Worker(InlineThreadPool()), responses=lambda: report
    )
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.refreshed):
        view.refresh()
    assert (
        view.sessions.item(0).text() == "2026-11-30 09:05: 3 replies, median 20 s, 67 % within 30 s"
    )
    view.chart_kind.setCurrentIndex(view.chart_kind.findData("first_response"))
    assert view.chart.series is not None and view.chart.series.values == {"europe": (50.0,)}
    view.chart_kind.setCurrentIndex(view.chart_kind.findData("replies"))
    assert view.chart.series is not None and set(view.chart.series.values) == {"europe", "japan"}
    assert _has_colour(view.chart.image(QSize(400, 240)), PALETTE[0])


def test_legends_name_scenarios_and_regions_not_their_ids(qtbot: Any) -> None:
    """#18: the charts' legends showed raw ids (order_status, north_america)."""
    from editor_helpers import REGIONS
    from zh_cn import chinese_interface

    from chatassist.core.phrasebook.model import Entry, Phrasebook
    from chatassist.storage.responses import ResponseReport
    from chatassist.ui.editor.stats_view import StatsView
    from chatassist.ui.worker import InlineThreadPool, Worker

    book = Phrasebook(
        id="b",
        title={"en": "B"},
        entries=tuple(Entry(id=i, scenarios=(s,)) for i, s in SCENARIO_OF.items()),
    )
    view = StatsView(
        lambda: [*COUNTS, UsageCount(W2, "gone.entry", "en", "", 1)],
        lambda: [book],
        Worker(InlineThreadPool()),
        responses=lambda: ResponseReport([], []),
        regions=REGIONS.regions,  # the names come from resources/regions.yaml
    )
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.refreshed):
        view.refresh()
    view.chart_kind.setCurrentIndex(view.chart_kind.findData("scenarios"))
    series, _, label = view.chart_series()
    assert {label(n) for n in series.values} == {
        "Order status",
        "Shipping delay",
        "Refund request",
        "unknown",
    }
    view.chart_kind.setCurrentIndex(view.chart_kind.findData("replies"))
    assert view.chart.label("europe") == "Europe" and view.chart.label("unknown") == "unknown"
    with chinese_interface():
        assert view.chart.label("europe") == "欧洲"
        assert "_" not in view._scenario_label("shipping_delay")
