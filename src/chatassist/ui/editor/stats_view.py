"""Usage statistics for trainers: most / least used entries per week, never used,
filtered by language and region, exportable as CSV. The usage log is counted
in the worker; the lists are filtered on screen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
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

from chatassist.core.languages import CUSTOMER_LANGUAGES
from chatassist.core.phrasebook.model import Phrasebook
from chatassist.core.regions import REGION_IDS
from chatassist.storage import stats
from chatassist.ui.worker import Worker


class StatsView(QWidget):
    #: The counts were read again and the lists show them.
    refreshed = Signal()

    def __init__(
        self,
        usage_counts: Callable[[], list[stats.UsageCount]],
        books: Callable[[], list[Phrasebook]],
        worker: Worker,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.usage_counts = usage_counts
        self.books = books
        self.worker = worker
        self.counts: list[stats.UsageCount] = []
        self.week = QComboBox()
        self.week.setAccessibleName(self.tr("Week"))
        self.language = QComboBox()
        self.language.addItems([self.tr("all languages"), *CUSTOMER_LANGUAGES])
        self.language.setAccessibleName(self.tr("Language"))
        self.region = QComboBox()
        self.region.addItems([self.tr("all regions"), *REGION_IDS])
        self.region.setAccessibleName(self.tr("Region"))
        for combo in (self.week, self.language, self.region):
            combo.currentIndexChanged.connect(lambda _i: self.show_lists())
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
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(lists)

    def refresh(self) -> None:
        """Count the usage log again (in the worker), then show it."""
        self.worker.run_latest((self, "counts"), self.usage_counts, self._counted)

    def _counted(self, counts: list[stats.UsageCount]) -> None:
        self.counts = counts
        self.week.blockSignals(True)
        self.week.clear()
        self.week.addItem(self.tr("all weeks"), None)
        for week in stats.weeks(self.counts):
            self.week.addItem(self.tr("week of %1").replace("%1", week.isoformat()), week)
        self.week.blockSignals(False)
        self.show_lists()
        self.refreshed.emit()

    def _filters(self) -> tuple[date | None, str | None, str | None]:
        week = self.week.currentData()
        language = self.language.currentText() if self.language.currentIndex() > 0 else None
        region = self.region.currentText() if self.region.currentIndex() > 0 else None
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
        never = stats.never_used(self.counts, self.entry_ids())
        path.write_text(stats.counts_csv(self.counts, never), encoding="utf-8")

    def _export_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export usage statistics"), "usage.csv", self.tr("CSV (*.csv)")
        )
        if name:
            self.export_csv(Path(name))
