"""Coverage of the whole library: scenario x language x tone, gaps highlighted.

A cell shows how many vetted replies (by primary scenario) have that language
and tone. Required cells with a gap are red; double-click a cell to open the
first entry with a gap there (or the first entry of the scenario).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from chatassist.core.languages import CUSTOMER_LANGUAGES
from chatassist.core.phrasebook.coverage import Coverage, coverage
from chatassist.core.phrasebook.model import Phrasebook
from chatassist.core.scenarios import SCENARIO_IDS
from chatassist.core.tones import TONES
from chatassist.ui import names

GAP = QColor("#f4b4b4")
NOT_REQUIRED = QColor("#eeeeee")


class CoverageView(QWidget):
    #: (entry id, language, tone): the trainer wants to fill this cell.
    jump = Signal(str, str, str)

    def __init__(self, default_tone: Mapping[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.default_tone = dict(default_tone)
        self.result: Coverage | None = None
        self.books: Sequence[Phrasebook] = ()
        self.summary = QLabel()
        self.table = QTableWidget(len(SCENARIO_IDS), len(CUSTOMER_LANGUAGES) * len(TONES))
        self.table.setVerticalHeaderLabels([names.scenario_name(s) for s in SCENARIO_IDS])
        self.table.setHorizontalHeaderLabels(
            [
                f"{names.language_name(lang)}\n{names.tone_name(tone)}"
                for lang in CUSTOMER_LANGUAGES
                for tone in TONES
            ]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(self.tr("Coverage"))
        self.table.cellDoubleClicked.connect(self._double_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)

    @staticmethod
    def cell(language: str, tone: str) -> int:
        return CUSTOMER_LANGUAGES.index(language) * len(TONES) + TONES.index(tone)

    def refresh(self, books: Sequence[Phrasebook]) -> None:
        self.books = books
        result = coverage(books, self.default_tone)
        self.result = result
        gaps = {(g.scenario, g.language, g.tone) for g in result.gaps}
        for r, scenario in enumerate(SCENARIO_IDS):
            for lang in CUSTOMER_LANGUAGES:
                for tone in TONES:
                    count = result.matrix[scenario][lang][tone]
                    item = QTableWidgetItem(str(count))
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    required = tone in result.required.get(lang, ())
                    if (scenario, lang, tone) in gaps or (
                        required and scenario in result.scenarios_without_replies
                    ):
                        item.setBackground(QBrush(GAP))
                        item.setToolTip(self.tr("Gap: double-click to fill it"))
                    elif not required:
                        item.setBackground(QBrush(NOT_REQUIRED))
                    self.table.setItem(r, self.cell(lang, tone), item)
        n = len(result.gaps) + len(result.scenarios_without_replies)
        self.summary.setText(
            self.tr("Coverage complete.")
            if result.complete
            else self.tr("%1 gaps in required cells (red).").replace("%1", str(n))
        )

    def _double_clicked(self, row: int, column: int) -> None:
        if self.result is None:
            return
        scenario = SCENARIO_IDS[row]
        lang = CUSTOMER_LANGUAGES[column // len(TONES)]
        tone = TONES[column % len(TONES)]
        for gap in self.result.gaps:
            if (gap.scenario, gap.language, gap.tone) == (scenario, lang, tone):
                self.jump.emit(gap.entry_id, lang, tone)
                return
        for book in self.books:
            for entry in book.entries:
                if entry.scenarios and entry.scenarios[0] == scenario:
                    self.jump.emit(entry.id, lang, tone)
                    return
