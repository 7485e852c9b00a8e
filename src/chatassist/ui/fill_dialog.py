"""The small form that fills a reply's placeholders before it is copied.

Fields come in the order the reply uses them and start with the values kept
for the current customer; the preview shows the reply formatted for the
customer's region (dates, money, name and honorific). Copy stays disabled
until every placeholder has a value of its kind (a date the customer's locale
can write: "July 3" is written 7월 3일 in a Korean reply, "7/3" is refused as
ambiguous; a date field also has a calendar), so a reply with ``{order_id}``
left in it, or a raw value, cannot be sent by accident. Enter copies when
every field is right, else it says which field is not and moves there.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from chatassist.core.phrasebook.placeholders import (
    DATE,
    DURATION,
    MONEY,
    NUMBER,
    placeholder_kind,
    tokenize,
)
from chatassist.core.regions import RegionChoice
from chatassist.core.replies import FilledReply
from chatassist.core.reply_values import parse_typed_date
from chatassist.ui import names
from chatassist.ui.replies_model import ReplyItem
from chatassist.ui.widgets import follow_text_direction, wrapped_label


class FillDialog(QDialog):
    def __init__(
        self,
        item: ReplyItem,
        values: Mapping[str, str],
        choice: RegionChoice | None,
        parent: QWidget | None = None,
        *,
        agent_gender: str = "female",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("fill-dialog")
        self.agent_gender = agent_gender
        self.setWindowTitle(self.tr("Fill in the reply"))
        self.item = item
        self.choice = choice
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        kinds = dict(item.suggestion.placeholder_kinds)  # as the phrasebook declares them
        self.calendars: dict[str, QToolButton] = {}
        for name in in_reply_order(item.text, item.suggestion.placeholders):
            edit = QLineEdit(values.get(name, ""))
            edit.setObjectName(f"field-{name}")
            kind = placeholder_kind(name, kinds)
            edit.setPlaceholderText(self._kind_hint(kind))
            label = names.placeholder_name(name)
            edit.setAccessibleName(label)
            edit.textChanged.connect(self._update)
            self.fields[name] = edit
            if kind == DATE:
                form.addRow(label, self._with_calendar(name, edit))
            else:
                form.addRow(label, edit)
        self.preview = wrapped_label(selectable=True)
        self.preview.setObjectName("preview")
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet("color: #a4161a;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        # Enter never means Cancel (it would throw the typed values away).
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAutoDefault(False)
        cancel.setDefault(False)
        self.copy_button = QPushButton(self.tr("&Copy reply"))
        self.copy_button.setDefault(True)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Preview")))
        layout.addWidget(self.preview)
        layout.addWidget(self.missing)
        layout.addWidget(self.buttons)
        self._update()
        first_empty = next((e for e in self.fields.values() if not e.text().strip()), None)
        if first_empty is not None:
            first_empty.setFocus()

    def _with_calendar(self, name: str, edit: QLineEdit) -> QWidget:
        """The date field and a button that opens a calendar (Alt+Down in the field)."""
        button = QToolButton()
        button.setText("📅")
        button.setAccessibleName(self.tr("Choose the date"))
        button.setToolTip(self.tr("Choose the date (Alt+Down)"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        calendar = QCalendarWidget()
        calendar.setGridVisible(True)
        picked = QWidgetAction(menu)
        picked.setDefaultWidget(calendar)
        menu.addAction(picked)
        menu.aboutToShow.connect(lambda: self._calendar_at(calendar, edit.text()))
        calendar.activated.connect(lambda day: self._date_chosen(edit, menu, day))
        calendar.clicked.connect(lambda day: self._date_chosen(edit, menu, day))
        button.setMenu(menu)
        self.calendars[name] = button
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(edit, 1)
        box.addWidget(button)
        return row

    @staticmethod
    def _calendar_at(calendar: QCalendarWidget, typed: str) -> None:
        day = parse_typed_date(typed) if typed.strip() else None
        shown = QDate(day.year, day.month, day.day) if day and not isinstance(day, str) else None
        calendar.setSelectedDate(shown or QDate.currentDate())
        calendar.setFocus()

    @staticmethod
    def _date_chosen(edit: QLineEdit, menu: QMenu, day: QDate) -> None:
        edit.setText(day.toString("yyyy-MM-dd"))
        menu.close()
        edit.setFocus()

    def values(self) -> dict[str, str]:
        return {name: edit.text().strip() for name, edit in self.fields.items()}

    def _kind_hint(self, kind: str) -> str:
        """What to type for a placeholder of ``kind`` (the reply writes it for the customer)."""
        hints = {
            DATE: self.tr("date: 2026-11-28 or Nov 28"),
            DURATION: self.tr("e.g. 3-5 days, 48 hours"),
            MONEY: self.tr("amount: 19.90"),
            NUMBER: self.tr("number: 14"),
        }
        return hints.get(kind, "")

    def filled(self) -> FilledReply:
        return self.item.fill(self.values(), self.choice, self.agent_gender)

    def _update(self) -> None:
        filled = self.filled()
        self.preview.setText(filled.text)
        follow_text_direction(self.preview, filled.text)
        self.copy_button.setEnabled(filled.ready)
        wrong = dict(filled.problems)
        for name, edit in self.fields.items():
            edit.setStyleSheet("border: 1px solid #c62828;" if name in wrong else "")
            edit.setToolTip(self._problem_text(wrong[name]) if name in wrong else "")
        lines = []
        if filled.missing:
            missing = ", ".join(names.placeholder_name(n) for n in filled.missing)
            lines.append(self.tr("Fill in to copy: %1").replace("%1", missing))
        for name, problem in filled.problems:
            lines.append(
                self.tr("%1: %2")
                .replace("%1", names.placeholder_name(name))
                .replace("%2", self._problem_text(problem))
            )
        self.missing.setText("\n".join(lines))

    def _problem_text(self, problem: str) -> str:
        """Why a value cannot go into the reply as typed, in the interface language."""
        if problem.startswith("a date is typed"):
            return self.tr("write a date: 2026-11-28, 11月28日 or Nov 28 (7/3 is ambiguous)")
        if problem.endswith("is not a calendar date"):
            return self.tr("there is no such day")
        if problem.startswith("an amount"):
            return self.tr("write an amount: 19.90, or 19.90 EUR in another currency")
        if problem.startswith("a duration"):
            return self.tr("write a duration with its unit: 3 days, 3-5 days, 48 hours")
        if problem.startswith("a number"):
            return self.tr("write a number in digits: 14, or a range 5-7")
        return problem

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier:
            name = next((n for n, e in self.fields.items() if e.hasFocus()), None)
            if name in self.calendars:
                self.calendars[name].showMenu()
                return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & (
            ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.accept()  # copy, or show what is missing; whichever button has focus
            return
        super().keyPressEvent(event)

    def accept(self) -> None:
        filled = self.filled()
        if not filled.ready:
            self._update()
            first = (*filled.missing, *(n for n, _ in filled.problems))
            field = next((self.fields[n] for n in first if n in self.fields), None)
            if field is not None:
                field.setFocus()
            return
        super().accept()


def in_reply_order(text: str, placeholders: tuple[str, ...]) -> list[str]:
    """The placeholders in the order the reply uses them (others after, as given)."""
    tokens, _ = tokenize(text)
    seen = [t.value for t in tokens if t.kind != "text" and t.value in placeholders]
    ordered = list(dict.fromkeys(seen))
    return ordered + [p for p in placeholders if p not in ordered]
