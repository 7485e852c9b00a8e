"""The order value of the current customer (``25 USD``), which the offer rules read.

A line edit that checks what the agent typed with the core's money parser: a
malformed value or a currency without a declared rate is shown at once, in
the field, and not passed on. ``value_chosen`` carries a valid value or ""
(cleared). The sidebar wires it in ``Sidebar._connect``.
"""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from chatassist.core.playbook.money import MoneyInvalid, parse_money


class OrderValueField(QLineEdit):
    #: A valid order value as typed ("25 USD"), or "" when the agent cleared it.
    value_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orderValue")
        self.setPlaceholderText(
            QCoreApplication.translate("OrderValueField", "Order value, e.g. 25 USD")
        )
        self.setAccessibleName(QCoreApplication.translate("OrderValueField", "Order value"))
        self.setClearButtonEnabled(True)
        self.currencies: Collection[str] | None = None  # None: any three-letter code
        self.problem = ""
        self.editingFinished.connect(self._finished)

    def set_currencies(self, currencies: Collection[str]) -> None:
        """The currencies the offer rules know (from their rates)."""
        self.currencies = tuple(currencies) or None

    def show_value(self, value: str | None) -> None:
        """Show a customer's stored value (switching customers): no signal."""
        self.setText(value or "")
        self._mark("")

    def _finished(self) -> None:
        text = self.text().strip()
        if not text:
            self._mark("")
            self.value_chosen.emit("")
            return
        try:
            money = parse_money(text, self.currencies)
        except MoneyInvalid as exc:
            self._mark(str(exc))
            return
        self._mark("")
        self.value_chosen.emit(str(money))

    def _mark(self, problem: str) -> None:
        self.problem = problem
        self.setToolTip(
            problem
            or QCoreApplication.translate(
                "OrderValueField", "Value of the order in question; the offer rules use it"
            )
        )
        self.setStyleSheet("border: 1px solid #c62828;" if problem else "")
