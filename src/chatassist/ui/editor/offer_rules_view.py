"""The Offer rules tab: the team's playbook of offers, edited as a form.

A list of rules on the left (in the order they are tried) and the selected
rule's form on the right: its id, the offer reply it gives, the note the agent
sees (Chinese and English) and its conditions (scenarios, segments, regions,
order value and year spend bounds). Saving validates the whole set like the
file would be (``core.playbook.offer_rules``) and checks that every offer names
a reply the library has; a refused save lists every problem and keeps the
edits in the form. The file is written in the worker; ``saved`` then tells the
window (the sidebar rebuilds its suggestions).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from chatassist.core.phrasebook.model import Phrasebook
from chatassist.core.playbook.offer_rules import (
    OfferRules,
    PlaybookInvalid,
    dump_rule_data,
    parse_offer_rules,
    rule_data,
)
from chatassist.core.regions import REGION_IDS
from chatassist.core.scenarios import SCENARIO_IDS
from chatassist.core.tones import SEGMENTS
from chatassist.ui import names
from chatassist.ui.editor.services import EditorPrompts, OfferRulesStore
from chatassist.ui.worker import Worker

RuleData = dict[str, object]
_LISTS = ("scenarios", "regions", "except_regions")
_AMOUNTS = ("order_value", "year_spend")


class OfferRulesView(QWidget):
    #: the rules were saved (or reset to the bundled ones): suggestions must be rebuilt
    saved = Signal()
    #: one line for the status bar
    status = Signal(str)
    #: the rules in force were read and are shown
    refreshed = Signal()

    def __init__(
        self,
        store: OfferRulesStore,
        worker: Worker,
        prompts: EditorPrompts,
        books: Callable[[], Sequence[Phrasebook]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.worker = worker
        self.prompts = prompts
        self.books = books
        self.loaded: OfferRules | None = None
        self.rules: list[RuleData] = []
        self.dirty = False
        self._showing = False

        self.source = QLabel()
        self.source.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Offer rules, in the order they are tried"))
        self.list.currentRowChanged.connect(self._show_rule)
        self.add_button = QPushButton(self.tr("&Add rule"))
        self.remove_button = QPushButton(self.tr("Re&move"))
        self.up_button = QPushButton(self.tr("Move &up"))
        self.down_button = QPushButton(self.tr("Move do&wn"))
        self.save_button = QPushButton(self.tr("Save &rules"))
        self.reset_button = QPushButton(self.tr("Use the &bundled rules"))
        self.add_button.clicked.connect(self.add_rule)
        self.remove_button.clicked.connect(self.remove_rule)
        self.up_button.clicked.connect(lambda: self.move_rule(-1))
        self.down_button.clicked.connect(lambda: self.move_rule(1))
        self.save_button.clicked.connect(self.save)
        self.reset_button.clicked.connect(self.reset)

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.list, 1)
        row = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            row.addWidget(button)
        lv.addLayout(row)

        self.rule_id = QLineEdit()
        self.offer = QComboBox()
        self.offer.setEditable(True)
        self.note_zh = QLineEdit()
        self.note_en = QLineEdit()
        self.checks: dict[str, QListWidget] = {
            "scenarios": self._checklist([(s, names.scenario_name(s)) for s in SCENARIO_IDS]),
            "regions": self._checklist([(r, names.region_id_name(r)) for r in REGION_IDS]),
            "except_regions": self._checklist([(r, names.region_id_name(r)) for r in REGION_IDS]),
        }
        self.segments = {s: QCheckBox(names.segment_name(s)) for s in SEGMENTS}
        self.bounds: dict[tuple[str, str], QLineEdit] = {
            (kind, bound): QLineEdit() for kind in _AMOUNTS for bound in ("at_least", "below")
        }
        form = QFormLayout()
        form.addRow(self.tr("Rule &id"), self.rule_id)
        form.addRow(self.tr("&Offer reply"), self.offer)
        form.addRow(self.tr("Note for the agent (Chinese)"), self.note_zh)
        form.addRow(self.tr("Note for the agent (English)"), self.note_en)
        form.addRow(self.tr("Scenarios (any of)"), self.checks["scenarios"])
        segment_row = QHBoxLayout()
        for box in self.segments.values():
            segment_row.addWidget(box)
        form.addRow(self.tr("Segments (any of)"), segment_row)
        form.addRow(self.tr("Only in regions"), self.checks["regions"])
        form.addRow(self.tr("Not in regions"), self.checks["except_regions"])
        for kind, label in (
            ("order_value", self.tr("Order value")),
            ("year_spend", self.tr("Spent in 12 months")),
        ):
            row = QHBoxLayout()
            low, high = self.bounds[(kind, "at_least")], self.bounds[(kind, "below")]
            low.setPlaceholderText(self.tr("at least, e.g. 30 USD"))
            high.setPlaceholderText(self.tr("below, e.g. 200 USD"))
            low.setAccessibleName(self.tr("%1: at least").replace("%1", label))
            high.setAccessibleName(self.tr("%1: below").replace("%1", label))
            row.addWidget(low)
            row.addWidget(high)
            form.addRow(label, row)
        accessible = (
            (self.rule_id, self.tr("Rule id")),
            (self.offer, self.tr("Offer reply")),
            (self.note_zh, self.tr("Note for the agent (Chinese)")),
            (self.note_en, self.tr("Note for the agent (English)")),
            (self.checks["scenarios"], self.tr("Scenarios (any of)")),
            (self.checks["regions"], self.tr("Only in regions")),
            (self.checks["except_regions"], self.tr("Not in regions")),
        )
        for widget, name in accessible:
            widget.setAccessibleName(name)
        self.form_box = QWidget()
        self.form_box.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidget(self.form_box)
        scroll.setWidgetResizable(True)

        split = QSplitter()
        split.addWidget(left)
        split.addWidget(scroll)
        split.setStretchFactor(1, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.source, 1)
        bottom.addWidget(self.reset_button)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)

        for line in (self.rule_id, self.note_zh, self.note_en, *self.bounds.values()):
            line.textEdited.connect(self._edited)
        self.offer.currentTextChanged.connect(self._edited)
        for box in self.segments.values():
            box.toggled.connect(self._edited)
        for checklist in self.checks.values():
            checklist.itemChanged.connect(self._edited)
        self._enable()

    # --- reading ----------------------------------------------------------------
    def refresh(self) -> None:
        """Read the rules in force (in the worker); unsaved edits are kept."""
        if self.dirty:
            return
        self.worker.run_latest((self, "load"), self.store.load, self._loaded, self._load_failed)

    def _loaded(self, rules: OfferRules) -> None:
        self.loaded = rules
        self.rules = [rule_data(r) for r in rules.rules]
        self.dirty = False
        self._fill_offers()
        self._fill_list(0)
        own = self.store.is_own
        self.source.setText(
            self.tr("This team's rules (%1)").replace("%1", str(self.store.path))
            if own
            else self.tr("The bundled rules (saving makes them this team's own)")
        )
        self.reset_button.setEnabled(own)
        self.refreshed.emit()

    def _load_failed(self, exc: Exception) -> None:
        self.prompts.show_error(
            exc, title=self.tr("Offer rules"), context=self.tr("Could not read the rules: %1")
        )

    # --- editing ----------------------------------------------------------------
    def add_rule(self) -> None:
        taken = {str(r["id"]) for r in self.rules}
        n = 1
        while f"new_rule_{n}" in taken:
            n += 1
        self._capture()
        self.rules.append(
            {"id": f"new_rule_{n}", "when": {}, "offer": "", "note": {"zh-Hans": "", "en": ""}}
        )
        self._mark_dirty()
        self._fill_list(len(self.rules) - 1)
        self.rule_id.setFocus()
        self.rule_id.selectAll()

    def remove_rule(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        del self.rules[row]
        self._mark_dirty()
        self._fill_list(min(row, len(self.rules) - 1))

    def move_rule(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < len(self.rules):
            return
        self._capture()
        self.rules[row], self.rules[target] = self.rules[target], self.rules[row]
        self._mark_dirty()
        self._fill_list(target)

    def _edited(self, *_args: object) -> None:
        if self._showing:
            return
        self._capture()
        self._mark_dirty()
        row = self.list.currentRow()
        item = self.list.item(row)
        if item is not None:
            item.setText(self._label(self.rules[row]))

    def _capture(self) -> None:
        """Put the form's values into the selected rule."""
        row = self.list.currentRow()
        if self._showing or not 0 <= row < len(self.rules):
            return
        when: dict[str, object] = {}
        for name in ("scenarios",):
            self._take_checked(when, name)
        segments = [s for s, box in self.segments.items() if box.isChecked()]
        if segments:
            when["segments"] = segments
        for name in ("regions", "except_regions"):
            self._take_checked(when, name)
        for kind in _AMOUNTS:
            bounds = {
                bound: self.bounds[(kind, bound)].text().strip()
                for bound in ("at_least", "below")
                if self.bounds[(kind, bound)].text().strip()
            }
            if bounds:
                when[kind] = bounds
        self.rules[row] = {
            "id": self.rule_id.text().strip(),
            "when": when,
            "offer": self.offer.currentText().strip(),
            "note": {"zh-Hans": self.note_zh.text().strip(), "en": self.note_en.text().strip()},
        }

    def _take_checked(self, when: dict[str, object], name: str) -> None:
        checklist = self.checks[name]
        chosen = [
            str(checklist.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(checklist.count())
            if checklist.item(i).checkState() == Qt.CheckState.Checked
        ]
        if chosen:
            when[name] = chosen

    def _mark_dirty(self) -> None:
        self.dirty = True
        self._enable()

    # --- saving -----------------------------------------------------------------
    def validated(self) -> OfferRules | None:
        """The edited rules if they are valid and name replies the library has; else
        every problem is shown (by rule) and None is returned, the edits kept."""
        self._capture()
        if self.loaded is None:
            return None
        text = dump_rule_data(self.loaded.rates, copy.deepcopy(self.rules))
        where = str(self.store.path)
        try:
            rules = parse_offer_rules(text, where)
        except PlaybookInvalid as exc:
            self._refused([p.message for p in exc.problems])
            return None
        replies = {e.id for b in self.books() for e in b.entries if e.kind == "reply"}
        missing = rules.check_references(replies)
        if missing:
            self._refused([p.message for p in missing])
            return None
        return rules

    def save(self) -> None:
        rules = self.validated()
        if rules is None:
            return
        self.save_button.setEnabled(False)
        self.worker.run_task(lambda: self.store.save(rules), self._saved, self._save_failed)

    def reset(self) -> None:
        self.worker.run_task(self.store.reset, self._saved, self._save_failed)

    def _saved(self, backup: Path | None) -> None:
        self.dirty = False
        line = self.tr("Offer rules saved.")
        if backup is not None:
            line += " " + self.tr("The previous rules are in %1.").replace("%1", str(backup))
        self.status.emit(line)
        self.saved.emit()
        self.refresh()

    def _save_failed(self, exc: Exception) -> None:
        self._enable()
        self.prompts.show_error(
            exc,
            title=self.tr("Offer rules"),
            context=self.tr("The rules were not saved (your edits are kept): %1"),
        )

    def _refused(self, problems: list[str]) -> None:
        self.prompts.show_problems(
            self.tr("Offer rules"),
            self.tr("The rules were not saved (your edits are kept):"),
            problems,
        )
        self.status.emit(
            self.tr("Offer rules not saved: %1 problem(s).").replace("%1", str(len(problems)))
        )

    # --- showing ----------------------------------------------------------------
    def _checklist(self, items: list[tuple[str, str]]) -> QListWidget:
        checklist = QListWidget()
        checklist.setMaximumHeight(120)
        for value, label in items:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            checklist.addItem(item)
        return checklist

    def _fill_offers(self) -> None:
        self._showing = True
        self.offer.clear()
        for book in self.books():
            for e in book.entries:
                if e.kind == "reply" and "offer" in e.tags:
                    self.offer.addItem(e.id)
        self._showing = False

    def _fill_list(self, row: int) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for rule in self.rules:
            self.list.addItem(self._label(rule))
        self.list.blockSignals(False)
        self.list.setCurrentRow(row if self.rules else -1)
        self._show_rule(self.list.currentRow())

    def _label(self, rule: RuleData) -> str:
        return f"{rule['id']} → {rule['offer']}"

    def _show_rule(self, row: int) -> None:
        self._showing = True
        try:
            rule = self.rules[row] if 0 <= row < len(self.rules) else None
            when = rule.get("when", {}) if rule else {}
            assert isinstance(when, dict)
            note = rule.get("note", {}) if rule else {}
            assert isinstance(note, dict)
            self.rule_id.setText(str(rule["id"]) if rule else "")
            self.offer.setCurrentText(str(rule["offer"]) if rule else "")
            self.note_zh.setText(str(note.get("zh-Hans", "")))
            self.note_en.setText(str(note.get("en", "")))
            for name in _LISTS:
                chosen = set(when.get(name, ()))
                checklist = self.checks[name]
                for i in range(checklist.count()):
                    item = checklist.item(i)
                    on = item.data(Qt.ItemDataRole.UserRole) in chosen
                    item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            for segment, box in self.segments.items():
                box.setChecked(segment in when.get("segments", ()))
            for (kind, bound), line in self.bounds.items():
                line.setText(str(when.get(kind, {}).get(bound, "")))
        finally:
            self._showing = False
        self._enable()

    def _enable(self) -> None:
        has = self.list.currentRow() >= 0
        self.form_box.setEnabled(has)
        self.remove_button.setEnabled(has)
        self.up_button.setEnabled(has and self.list.currentRow() > 0)
        self.down_button.setEnabled(has and self.list.currentRow() < len(self.rules) - 1)
        self.save_button.setEnabled(self.dirty)
