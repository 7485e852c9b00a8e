"""The sidebar's current customer: switching, starting a new one, and the
per-customer context (pinned language, region, tone, segment, country).

Each customer keeps their own message and context; switching shows the
customer's message again and analyses it afresh. Strings keep the sidebar's
translation context ("Sidebar").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from chatassist.ui import names
from chatassist.ui.customers import Customer

if TYPE_CHECKING:
    from chatassist.ui.sidebar import Sidebar


class CustomerSwitcher:
    """Switches ``sidebar`` between the customers of ``sidebar.customers``."""

    def __init__(self, sidebar: Sidebar) -> None:
        self.sidebar = sidebar

    def new_customer(self) -> None:
        sidebar = self.sidebar
        if sidebar.message.composing:
            return
        sidebar.commit_conversation()
        self.show_customer(sidebar.customers.new())
        sidebar.show_status(QCoreApplication.translate("Sidebar", "New customer."))

    def switch_customer(self, number: int) -> None:
        sidebar = self.sidebar
        if sidebar.message.composing:
            return
        sidebar.commit_conversation()
        self.show_customer(sidebar.customers.switch(number))

    def show_customer(self, customer: Customer) -> None:
        """Show ``customer``'s message and context; results for the previous one are dropped."""
        sidebar = self.sidebar
        sidebar.forget_analysis()
        sidebar.message.show_customer(customer)
        sidebar.compose.clear()
        sidebar.replies.search.clear()
        if sidebar.message.set_text(customer.message):
            sidebar.analyze(customer.message)
        self.refresh_list()

    def refresh_list(self) -> None:
        """The recent customers, the current one first, with what is known of them."""
        combo = self.sidebar.customer_combo
        combo.clear()
        for c in self.sidebar.customers.recent:
            label = QCoreApplication.translate("Sidebar", "Customer %1").replace(
                "%1", str(c.number)
            )
            details = [x for x in (c.name, c.values.get("order_id", ""), c.country or "") if x]
            if c.language:
                details.append(names.language_name(c.language))
            if details:
                label += " · " + ", ".join(details)
            combo.addItem(label, c.number)
        combo.setCurrentIndex(0)

    def pin_language(self, code: str) -> None:
        """The agent chose the customer's language ("" lets detection decide again)."""
        sidebar = self.sidebar
        sidebar.customers.current.pin_language(code or None)
        self.refresh_list()
        sidebar.analyze(sidebar.message.text())

    def override(self, field: str, value: str) -> None:
        """The agent set the customer's region, tone, segment or country ("": automatic)."""
        sidebar = self.sidebar
        setattr(sidebar.customers.current, field, value or None)
        self.refresh_list()
        sidebar.analyze(sidebar.message.text())
