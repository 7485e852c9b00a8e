"""The sidebar's current customer: switching, starting a new one, and the
per-customer context (pinned language, region, tone, segment, country).

Each customer keeps their own message and context; switching shows the
customer's message again and asks for it to be analysed afresh. The part sees
the customer book and its own views, and reports through signals (the sidebar
wires them in ``Sidebar._connect``). Strings keep the sidebar's translation
context ("Sidebar").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit

from chatassist.core.regions import Region
from chatassist.ui import names
from chatassist.ui.compose_panel import ComposePanel
from chatassist.ui.customers import Customer, CustomerBook
from chatassist.ui.message_panel import MessagePanel


class CustomerSwitcher(QObject):
    """Switches between the customers of ``customers``, shown in ``combo``."""

    #: The shown customer is about to be left: their message counts as answered.
    leaving = Signal()
    #: Another customer (the argument) is shown: results for the previous one are stale.
    shown = Signal(object)
    #: The message (the argument) should be analysed (again).
    analysis_needed = Signal(str)
    #: A line for the status bar.
    status = Signal(str)
    #: A new customer was started (the agent pastes their message next).
    started = Signal()
    #: Something about the customers changed (the list was redrawn): save them now,
    #: so a logout or SIGTERM loses nothing.
    changed = Signal()

    def __init__(
        self,
        customers: CustomerBook,
        combo: QComboBox,
        message: MessagePanel,
        compose: ComposePanel,
        search: QLineEdit,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.customers = customers
        self.combo = combo
        self.message = message
        self.compose = compose
        self.search = search
        #: the regions of ``resources/regions.yaml``, for their names (set with the backend)
        self.regions: Sequence[Region] = ()
        #: the list's order by customer number (the sidebar sets it: waiting, urgent first)
        self.arrange: Callable[[Sequence[int]], list[int]] = list
        #: a word shown before a customer in the list ("urgent", "waiting")
        self.badge: Callable[[int], str] = lambda _number: ""

    def new_customer(self) -> None:
        if self.message.composing:
            return
        self.leaving.emit()
        self.show_customer(self.customers.new())
        self.status.emit(QCoreApplication.translate("Sidebar", "New customer."))
        self.started.emit()

    def switch_customer(self, number: int) -> None:
        if self.message.composing:
            return
        self.leaving.emit()
        self.show_customer(self.customers.switch(number))

    def switch_to_row(self, row: int) -> None:
        """The agent picked row ``row`` of the recent customers list."""
        self.switch_customer(int(self.combo.itemData(row)))

    def show_customer(self, customer: Customer) -> None:
        """Show ``customer``'s message and context; results for the previous one are dropped."""
        self.shown.emit(customer)
        self.message.show_customer(customer)
        self.compose.clear()
        self.search.clear()
        if self.message.set_text(customer.message):
            self.analysis_needed.emit(customer.message)
        self.refresh_list()

    def refresh_list(self) -> None:
        """The recent customers, the current one first, with what is known of them."""
        combo = self.combo
        combo.clear()
        by_number = {c.number: c for c in self.customers.recent}
        for row, number in enumerate(self.arrange(list(by_number))):
            c = by_number[number]
            label = customer_label(c, self.regions)
            badge = self.badge(c.number)
            combo.addItem(f"{badge} · {label}" if badge else label, c.number)
            combo.setItemData(row, customer_history(c), Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(combo.findData(self.customers.current.number))
        self.changed.emit()

    def pin_language(self, code: str) -> None:
        """The agent chose the customer's language ("" lets detection decide again)."""
        self.customers.current.pin_language(code or None)
        self.refresh_list()
        self.analysis_needed.emit(self.message.text())

    def override(self, field: str, value: str) -> None:
        """The agent set the customer's region, tone, segment or country ("": automatic)."""
        setattr(self.customers.current, field, value or None)
        self.refresh_list()
        self.analysis_needed.emit(self.message.text())


def customer_label(c: Customer, regions: Sequence[Region] = ()) -> str:
    """'Customer 4 · ES Europe · Ana, 48213 · «¿Dónde está mi…»' for the customers list:
    language code and region (named as in ``regions``) as last seen (or as pinned),
    who, and the first words."""
    label = QCoreApplication.translate("Sidebar", "Customer %1").replace("%1", str(c.number))
    parts = [label]
    language = c.language or c.seen_language
    region = c.region or c.seen_region
    where = " ".join(
        x
        for x in (
            language.upper() if language else "",
            names.region_id_name(region, regions) if region else "",
        )
        if x
    )
    if where:
        parts.append(where)
    details = [x for x in (c.name, c.values.get("order_id", ""), c.country or "") if x]
    if details:
        parts.append(", ".join(details))
    if c.preview:
        parts.append(f"«{c.preview}»")
    return " · ".join(parts)


def customer_history(c: Customer) -> str:
    """The tool tip of a customer in the list: the last message and what was sent."""
    lines = [c.message.strip()] if c.message.strip() else []
    if c.language or c.seen_language:
        lines.append(names.language_name(c.language or c.seen_language or ""))
    if c.sent:
        lines.append(QCoreApplication.translate("Sidebar", "Sent this session:"))
        lines.extend(f"→ {text}" for text in c.sent)
    return "\n".join(lines)
