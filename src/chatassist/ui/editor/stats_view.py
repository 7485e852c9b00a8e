"""Usage statistics for trainers: most / least used entries per week, never used,
filtered by language and region, exportable as CSV. The usage log is counted
in the worker; the lists are filtered on screen.

Below, the weekly trends (scenarios by region, replies used, first responses
within 30 s) as a chart exportable as PNG and CSV, and each sidebar session's
first-response figures. Every export is written in the worker."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chatassist.core.files import write_atomic
from chatassist.core.languages import CUSTOMER_LANGUAGES
from chatassist.core.phrasebook.model import Phrasebook
from chatassist.core.regions import REGION_IDS, Region
from chatassist.core.statistics import trends
from chatassist.core.statistics import usage as stats
from chatassist.core.statistics.responses import ResponseReport
from chatassist.ui import names
from chatassist.ui.editor.trend_chart import TrendChart, write_png
from chatassist.ui.errors import show_error
from chatassist.ui.worker import Worker


class StatsView(QWidget):
    #: The counts were read again and the lists show them.
    refreshed = Signal()
    #: An export (usage CSV, chart PNG or CSV) is over: True when the file was written.
    exported = Signal(bool)

    def __init__(
        self,
        usage_counts: Callable[[], list[stats.UsageCount]],
        books: Callable[[], list[Phrasebook]],
        worker: Worker,
        parent: QWidget | None = None,
        *,
        responses: Callable[[], ResponseReport] | None = None,
        regions: Sequence[Region] = (),
    ) -> None:
        super().__init__(parent)
        self.usage_counts = usage_counts
        self.responses = responses
        self.report = ResponseReport([], [])
        self.books = books
        self.worker = worker
        #: the regions of ``resources/regions.yaml``, for their names
        self.regions = regions
        self.counts: list[stats.UsageCount] = []
        self.week = QComboBox()
        self.week.setAccessibleName(self.tr("Week"))
        self.language = QComboBox()
        self.language.addItem(self.tr("all languages"), None)
        for code in CUSTOMER_LANGUAGES:
            self.language.addItem(names.language_name(code), code)
        self.language.setAccessibleName(self.tr("Language"))
        self.region = QComboBox()
        self.region.addItem(self.tr("all regions"), None)
        for region_id in REGION_IDS:
            self.region.addItem(names.region_id_name(region_id, regions), region_id)
        self.region.setAccessibleName(self.tr("Region"))
        for combo in (self.week, self.language, self.region):
            combo.currentIndexChanged.connect(lambda _i: self._filters_changed())
        export = QPushButton(self.tr("Export CSV…"))
        export.clicked.connect(self._export_dialog)
        filters = QHBoxLayout()
        for w in (self.week, self.language, self.region, export):
            filters.addWidget(w)
        self.most = QListWidget()
        self.least = QListWidget()
        self.never = QListWidget()
        lists = QHBoxLayout()
        for title, widget in (
            (self.tr("Most used"), self.most),
            (self.tr("Least used"), self.least),
            (self.tr("Never used"), self.never),
        ):
            box = QVBoxLayout()
            box.addWidget(QLabel(title))
            box.addWidget(widget)
            widget.setAccessibleName(title)
            lists.addLayout(box)
        self.chart_kind = QComboBox()
        self.chart_kind.setAccessibleName(self.tr("Chart"))
        for key, label in (
            ("scenarios", self.tr("Scenarios by region")),
            ("replies", self.tr("Replies used")),
            ("first_response", self.tr("First responses within 30 s")),
        ):
            self.chart_kind.addItem(label, key)
        self.chart_kind.currentIndexChanged.connect(lambda _i: self.show_chart())
        export_png = QPushButton(self.tr("Export chart PNG…"))
        export_png.clicked.connect(lambda: self._export_chart("png"))
        export_chart_csv = QPushButton(self.tr("Export chart CSV…"))
        export_chart_csv.clicked.connect(lambda: self._export_chart("csv"))
        chart_bar = QHBoxLayout()
        for w in (self.chart_kind, export_png, export_chart_csv):
            chart_bar.addWidget(w)
        self.chart = TrendChart()
        self.sessions = QListWidget()
        self.sessions.setAccessibleName(self.tr("Sessions"))
        self.sessions.setMaximumHeight(120)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(lists)
        layout.addLayout(chart_bar)
        layout.addWidget(self.chart, 1)
        layout.addWidget(QLabel(self.tr("First responses per sidebar session")))
        layout.addWidget(self.sessions)

    def _filters_changed(self) -> None:
        self.show_lists()
        self.show_chart()

    def refresh(self) -> None:
        """Count the usage log and the response times again (in the worker), then show them."""
        self.worker.run_latest((self, "counts"), self.usage_counts, self._counted)
        if self.responses is not None:
            self.worker.run_latest((self, "responses"), self.responses, self._responses_read)

    def _responses_read(self, report: ResponseReport) -> None:
        self.report = report
        self.sessions.clear()
        for s in report.sessions:
            f = s.figures
            median = f"{f.median_s:.0f}" if f.median_s is not None else "-"
            share = (
                f"{100 * f.share_within_target:.0f}" if f.share_within_target is not None else "-"
            )
            self.sessions.addItem(
                self.tr("%1: %2 replies, median %3 s, %4 % within 30 s")
                .replace("%1", s.started.strftime("%Y-%m-%d %H:%M"))
                .replace("%2", str(f.responses))
                .replace("%3", median)
                .replace("%4", share)
            )
        self.show_chart()

    def chart_series(self) -> tuple[trends.WeeklySeries, str, Callable[[str], str]]:
        """The chosen chart's series, its title and how its series are named."""
        kind = self.chart_kind.currentData()
        if kind == "replies":
            title = self.tr("Replies used per week, by region")
            return trends.replies_used(self.counts), title, self._region_label
        if kind == "first_response":
            return (
                trends.first_response_share(self.report.weekly),
                self.tr("First responses within 30 s per week, by region (%)"),
                self._region_label,
            )
        _, _, region = self._filters()
        scenario_of = {e.id: e.scenarios[0] for b in self.books() for e in b.entries}
        where = names.region_id_name(region, self.regions) if region else self.tr("all regions")
        title = self.tr("Scenarios per week (%1)").replace("%1", where)
        return (
            trends.scenarios_by_region(self.counts, scenario_of, region),
            title,
            self._scenario_label,
        )

    def _region_label(self, region_id: str) -> str:
        return (
            self.tr("unknown")
            if region_id == trends.UNKNOWN
            else names.region_id_name(region_id, self.regions)
        )

    def _scenario_label(self, scenario_id: str) -> str:
        return (
            self.tr("unknown")
            if scenario_id == trends.UNKNOWN
            else names.scenario_name(scenario_id)
        )

    def show_chart(self) -> None:
        self.chart.set_series(*self.chart_series())

    def _export_chart(self, kind: str) -> None:
        if kind == "png":
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export chart"), "chart.png", self.tr("PNG image (*.png)")
            )
        else:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export chart data"), "chart.csv", self.tr("CSV (*.csv)")
            )
        if name:
            self.export_chart(kind, Path(name))

    def export_chart(self, kind: str, path: Path) -> None:
        """Write the chart as shown, as a PNG image (``kind`` "png") or its data as CSV,
        in the worker (drawn here first); :attr:`exported` tells how it ended."""
        if kind == "png":
            job = partial(write_png, self.chart.export_image(), path)
        else:
            job = partial(write_atomic, path, self.chart.export_text())
        self._export(job, path, self.tr("Export chart"))

    def _export(self, job: Callable[[], object], path: Path, title: str) -> None:
        self.worker.run_write(
            job, lambda _done: self.exported.emit(True), partial(self._export_failed, path, title)
        )

    def _export_failed(self, path: Path, title: str, exc: Exception) -> None:
        context = self.tr("Could not write %1:").replace("%1", str(path))
        show_error(self, exc, title=title, context=context)
        self.exported.emit(False)

    def _counted(self, counts: list[stats.UsageCount]) -> None:
        self.counts = counts
        self.week.blockSignals(True)
        self.week.clear()
        self.week.addItem(self.tr("all weeks"), None)
        for week in stats.weeks(self.counts):
            self.week.addItem(self.tr("week of %1").replace("%1", week.isoformat()), week)
        self.week.blockSignals(False)
        self.show_lists()
        self.show_chart()
        self.refreshed.emit()

    def _filters(self) -> tuple[date | None, str | None, str | None]:
        week = self.week.currentData()
        language = self.language.currentData()
        region = self.region.currentData()
        return week, language, region

    def entry_ids(self) -> list[str]:
        return [e.id for b in self.books() for e in b.entries if e.kind == "reply"]

    def show_lists(self) -> None:
        week, language, region = self._filters()
        ids = self.entry_ids()
        most = stats.most_used(self.counts, week=week, language=language, region=region)
        least = stats.least_used(self.counts, ids, week=week, language=language, region=region)
        self.most.clear()
        self.most.addItems([f"{r.entry_id}  ({r.uses})" for r in most])
        self.least.clear()
        self.least.addItems([f"{r.entry_id}  ({r.uses})" for r in least])
        self.never.clear()
        self.never.addItems(stats.never_used(self.counts, ids, language=language, region=region))

    def export_csv(self, path: Path) -> None:
        """Write the usage counts (and the never-used entries) as CSV, in the worker;
        :attr:`exported` tells how it ended."""
        job = partial(_write_counts, path, list(self.counts), self.entry_ids())
        self._export(job, path, self.tr("Export usage statistics"))

    def _export_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export usage statistics"), "usage.csv", self.tr("CSV (*.csv)")
        )
        if name:
            self.export_csv(Path(name))


def _write_counts(path: Path, counts: list[stats.UsageCount], entry_ids: list[str]) -> None:
    """In a worker: the usage CSV, atomically (formulas neutralised, see ``counts_csv``)."""
    write_atomic(path, stats.counts_csv(counts, stats.never_used(counts, entry_ids)))
