"""The order value of the current customer (``25 USD``), which the offer rules read.

A line edit that checks what the agent typed with the core's money parser: a
malformed value or a currency without a declared rate is shown at once, in
the field, and not passed on. ``value_chosen`` carries a valid value or ""
(cleared). The sidebar wires it in ``Sidebar._connect``.
"""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLineEdit, QSpinBox, QWidget

from chatassist.core.playbook.money import MoneyInvalid, parse_money
from chatassist.ui.customers import MAX_ORDER_AGE_DAYS


class OrderValueField(QLineEdit):
    """The order value; ``YearSpendField`` below is the same field for a year's spend."""

    #: A valid value as typed ("25 USD"), or "" when the agent cleared it.
    value_chosen = Signal(str)
    #: how the core's money parser names this value in its messages
    what = "order value"

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

    def hint(self) -> str:
        return QCoreApplication.translate(
            "OrderValueField", "Value of the order in question; the offer rules use it"
        )

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
            money = parse_money(text, self.currencies, self.what)
        except MoneyInvalid as exc:
            self._mark(str(exc))
            return
        self._mark("")
        self.value_chosen.emit(str(money))

    def _mark(self, problem: str) -> None:
        self.problem = problem
        self.setToolTip(problem or self.hint())
        self.setStyleSheet("border: 1px solid #c62828;" if problem else "")


class YearSpendField(OrderValueField):
    """What the customer spent in the last 12 months ("30000 USD"): the offer rules'
    ``year_spend`` condition (a care follow-up above a spend threshold)."""

    what = "year spend"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("yearSpend")
        self.setPlaceholderText(
            QCoreApplication.translate("OrderValueField", "Spent in 12 months, e.g. 30000 USD")
        )
        self.setAccessibleName(
            QCoreApplication.translate("OrderValueField", "Spent in the last 12 months")
        )
        self.setToolTip(self.hint())

    def hint(self) -> str:
        return QCoreApplication.translate(
            "OrderValueField",
            "What the customer spent in the last 12 months; the offer rules use it",
        )


class OrderAgeField(QSpinBox):
    """Days since the order was placed ("?" until the agent sets it); the likely-next
    hints read it (an order asked about after 10 days is usually late)."""

    #: Days since the order, or -1 when the agent cleared it (unknown).
    age_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orderAge")
        self.setRange(-1, MAX_ORDER_AGE_DAYS)
        self.setSpecialValueText(QCoreApplication.translate("OrderValueField", "age ?"))
        self.setSuffix(QCoreApplication.translate("OrderValueField", " days"))
        self.setAccessibleName(
            QCoreApplication.translate("OrderValueField", "Days since the order")
        )
        self.setToolTip(
            QCoreApplication.translate(
                "OrderValueField", "Days since the order was placed; the likely-next hints use it"
            )
        )
        self.setValue(-1)
        self.editingFinished.connect(lambda: self.age_chosen.emit(self.value()))

    def show_age(self, days: int | None) -> None:
        """Show a customer's stored age (switching customers): no signal."""
        self.blockSignals(True)
        self.setValue(-1 if days is None else days)
        self.blockSignals(False)
