"""The entry form: gloss, scenarios, tags, segments, regions, and the variants grid.

The grid has one row per customer language and the columns direct / warm /
detailed / keywords. Empty cells are gaps (tinted), machine drafts not yet
vetted are tinted differently and italic, and cells with a validation problem
are red with the message as tooltip. The form only reports edits (signals);
the window turns them into undoable commands and calls :meth:`show_entry`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chatassist.core.languages import AGENT_LANGUAGES, CUSTOMER_LANGUAGES
from chatassist.core.phrasebook.field_check import FieldProblem
from chatassist.core.phrasebook.model import KINDS, Entry
from chatassist.core.tones import TONES
from chatassist.ui import names
from chatassist.ui.editor.fields import PROBLEM_STYLE, add_line
from chatassist.ui.editor.model import LIST_FIELDS, field_text

GAP = QColor("#fde8e8")
UNVETTED = QColor("#fff4c2")
PROBLEM = QColor("#c62828")
#: a house-style warning: worth a look, but it does not stop a save
WARNING = QColor("#b26a00")
KEYWORDS_COLUMN = len(TONES)


class EntryForm(QWidget):
    #: (field, value): a text field of the entry changed (see model.set_field).
    field_edited = Signal(str, str)
    #: (language, tone, text): a variant cell changed.
    variant_edited = Signal(str, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        add_line(form, self.fields, "id", self.tr("Entry id"), self.field_edited)
        row = QHBoxLayout()
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(names.kind_name(kind), kind)
        self.kind.setAccessibleName(self.tr("Kind"))
        self.kind.currentIndexChanged.connect(
            lambda _i: self._kind_changed(str(self.kind.currentData()))
        )
        self.pinned = QCheckBox(self.tr("Pinned"))
        self.pinned.toggled.connect(self._pinned_changed)
        row.addWidget(self.kind)
        row.addWidget(self.pinned)
        row.addStretch(1)
        form.addRow(self.tr("Kind"), row)
        for lang in AGENT_LANGUAGES:
            add_line(
                form,
                self.fields,
                f"gloss/{lang}",
                self.tr("Gloss (%1)").replace("%1", names.language_name(lang)),
                self.field_edited,
            )
        for lang in AGENT_LANGUAGES:
            add_line(
                form,
                self.fields,
                f"body/{lang}",
                self.tr("Note body (%1)").replace("%1", names.language_name(lang)),
                self.field_edited,
            )
        labels = {
            "scenarios": self.tr("Scenarios"),
            "tags": self.tr("Tags"),
            "segments": self.tr("Segments"),
            "regions": self.tr("Regions"),
        }
        for name in LIST_FIELDS:
            add_line(form, self.fields, name, labels[name], self.field_edited).setPlaceholderText(
                self.tr("comma-separated")
            )
        self.grid = QTableWidget(len(CUSTOMER_LANGUAGES), len(TONES) + 1)
        self.grid.setHorizontalHeaderLabels(
            [*(names.tone_name(t) for t in TONES), self.tr("keywords (; separated)")]
        )
        self.grid.setVerticalHeaderLabels(
            [f"{code}  {names.language_name(code)}" for code in CUSTOMER_LANGUAGES]
        )
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.setAccessibleName(self.tr("Variants"))
        self.grid.itemChanged.connect(self._cell_changed)
        self.problems = QListWidget()
        self.problems.setAccessibleName(self.tr("Problems"))
        self.problems.setMaximumHeight(110)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.grid, 1)
        layout.addWidget(QLabel(self.tr("Problems (saving is refused while there are any):")))
        layout.addWidget(self.problems)

    def _kind_changed(self, kind: str) -> None:
        if not self._loading:
            self.field_edited.emit("kind", kind)

    def _pinned_changed(self, on: bool) -> None:
        if not self._loading:
            self.field_edited.emit("pinned", "yes" if on else "")

    def _cell_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        lang = CUSTOMER_LANGUAGES[item.row()]
        if item.column() == KEYWORDS_COLUMN:
            self.field_edited.emit(f"keywords/{lang}", item.text())
        else:
            self.variant_edited.emit(lang, TONES[item.column()], item.text())

    def current_cell(self) -> tuple[str, str] | None:
        """(language, tone) of the selected variant cell, if one is selected."""
        item = self.grid.currentItem()
        row, col = self.grid.currentRow(), self.grid.currentColumn()
        if item is None and (row < 0 or col < 0):
            return None
        if col >= len(TONES) or row < 0:
            return None
        return CUSTOMER_LANGUAGES[row], TONES[col]

    def select_cell(self, language: str, tone: str) -> None:
        self.grid.setCurrentCell(CUSTOMER_LANGUAGES.index(language), TONES.index(tone))

    def show_entry(self, entry: Entry | None, problems: list[FieldProblem]) -> None:
        """Show ``entry`` (None: nothing selected) and its problems, emitting nothing."""
        self._loading = True
        try:
            self.setEnabled(entry is not None)
            by_field: dict[str, list[str]] = {}
            errors: set[str] = set()  # fields with a problem that is not only a warning
            for p in problems:
                by_field.setdefault(p.field, []).append(p.message)
                if not p.warning:
                    errors.add(p.field)
            for name, edit in self.fields.items():
                text = field_text(entry, name) if entry is not None else ""
                if edit.text() != text:
                    edit.setText(text)
                messages = [m for f, ms in by_field.items() for m in ms if _covers(f, name)]
                edit.setStyleSheet(PROBLEM_STYLE if messages else "")
                edit.setToolTip("\n".join(messages))
            if entry is not None:
                self.kind.setCurrentIndex(max(0, self.kind.findData(entry.kind)))
                self.pinned.setChecked(entry.pinned)
                for name in ("body/zh-Hans", "body/en"):
                    self.fields[name].setEnabled(entry.kind == "note" or bool(entry.body))
            self._fill_grid(entry, by_field, errors)
            self.problems.clear()
            self.problems.addItems([_problem_text(p) for p in problems])
        finally:
            self._loading = False

    def _fill_grid(
        self, entry: Entry | None, by_field: dict[str, list[str]], errors: set[str]
    ) -> None:
        italic = QFont(self.grid.font())
        italic.setItalic(True)
        for r, lang in enumerate(CUSTOMER_LANGUAGES):
            for c in range(len(TONES) + 1):
                item = self.grid.item(r, c)
                if item is None:
                    item = QTableWidgetItem()
                    self.grid.setItem(r, c, item)
                if entry is None:
                    item.setText("")
                    continue
                if c == KEYWORDS_COLUMN:
                    item.setText(field_text(entry, f"keywords/{lang}"))
                    continue
                tone = TONES[c]
                variant = entry.variant(lang, tone)
                item.setText(variant.text if variant else "")
                messages = by_field.get(f"variants/{lang}/{tone}", [])
                tips = list(messages)
                if variant is None:
                    item.setBackground(QBrush(GAP))
                    tips.insert(
                        0, self.tr("Gap: no %1 text in %2").replace("%1", tone).replace("%2", lang)
                    )
                elif not variant.vetted:
                    item.setBackground(QBrush(UNVETTED))
                    tips.insert(
                        0, self.tr("Machine draft, not vetted yet: approve it when checked")
                    )
                else:
                    item.setBackground(QBrush())
                item.setFont(
                    italic if variant is not None and not variant.vetted else self.grid.font()
                )
                colour = PROBLEM if f"variants/{lang}/{tone}" in errors else WARNING
                item.setForeground(QBrush(colour) if messages else QBrush())
                item.setToolTip("\n".join(tips))
                item.setData(
                    Qt.ItemDataRole.UserRole, "unvetted" if variant and not variant.vetted else ""
                )


def _covers(problem_field: str, widget_field: str) -> bool:
    return widget_field == problem_field or widget_field.startswith(problem_field + "/")


def _problem_text(p: FieldProblem) -> str:
    return f"{p.field}: {p.message}" if p.field else p.message
