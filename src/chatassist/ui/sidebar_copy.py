"""Copying from the sidebar: a suggested reply (through the placeholder form
when it has unfilled placeholders) or the agent's translated draft.

A copied reply counts as a use of its phrasebook entry (recorded in a worker)
and settles the conversation's language. Strings keep the sidebar's
translation context ("Sidebar").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt

from chatassist.ui import jobs
from chatassist.ui.customers import Customer
from chatassist.ui.fill_dialog import FillDialog
from chatassist.ui.replies_model import ReplyItem, order_number_in

if TYPE_CHECKING:
    from chatassist.ui.sidebar import Sidebar


class ReplyCopier:
    """Puts replies and drafts of ``sidebar`` on the clipboard."""

    def __init__(self, sidebar: Sidebar) -> None:
        self.sidebar = sidebar
        #: the open placeholder form, if any (one at a time)
        self.fill_dialog: FillDialog | None = None

    def copy_reply(self, index: int) -> None:
        """See :meth:`Sidebar.copy_reply`."""
        sidebar = self.sidebar
        if not 0 <= index < len(sidebar.replies.items):
            return
        item = sidebar.replies.items[index]
        if not item.copyable:
            sidebar.show_status(
                QCoreApplication.translate(
                    "Sidebar", "Reply %1 is still being translated."
                ).replace("%1", str(index + 1))
            )
            return
        customer = sidebar.customers.current
        choice = sidebar.analysis.region if sidebar.analysis else None
        filled = item.fill(customer.values, choice)
        if filled.ready:
            self._copy_reply_text(item, filled.text)
            return
        values = dict(customer.values)
        if "order_id" in item.suggestion.placeholders and not values.get("order_id"):
            found = order_number_in(customer.message)
            if found:
                values["order_id"] = found
        if self.fill_dialog is not None:
            self.fill_dialog.close()
        dialog = FillDialog(item, values, choice, sidebar)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._filled(dialog, customer))
        dialog.finished.connect(lambda _r: setattr(self, "fill_dialog", None))
        self.fill_dialog = dialog
        dialog.open()

    def _filled(self, dialog: FillDialog, customer: Customer) -> None:
        customer.values.update({k: v for k, v in dialog.values().items() if v})
        filled = dialog.filled()
        if filled.ready:
            self._copy_reply_text(dialog.item, filled.text)
            self.sidebar.customer_switcher.refresh_list()

    def _copy_reply_text(self, item: ReplyItem, text: str) -> None:
        sidebar = self.sidebar
        sidebar.clipboard.copy(text)
        sidebar.commit_conversation()
        profile = sidebar.profile()
        s = item.suggestion
        backend = sidebar.backend
        if backend is not None:
            backend.assistant.engine.add_use(s.entry_id)
            sidebar.worker.run_task(
                jobs.record_use(backend.usage, s.entry_id, item.language, s.tone, profile.region)
            )
        sidebar.show_status(
            QCoreApplication.translate("Sidebar", "Copied: %1").replace("%1", s.gloss or s.entry_id)
        )
        sidebar.copied.emit(text)

    def copy_draft(self) -> None:
        """Copy the agent's translated draft (the Compose tab)."""
        sidebar = self.sidebar
        result = sidebar.compose.result
        if result is None or not result.forward.text.strip():
            sidebar.show_status(QCoreApplication.translate("Sidebar", "Nothing to copy yet."))
            return
        sidebar.clipboard.copy(result.forward.text)
        sidebar.commit_conversation()
        sidebar.show_status(QCoreApplication.translate("Sidebar", "Copied your translated reply."))
        sidebar.copied.emit(result.forward.text)
