"""Copying from the sidebar: a suggested reply (through the placeholder form
when it has unfilled placeholders) or the agent's translated draft.

A copied reply counts as a use of its phrasebook entry (recorded by the
worker's single database writer) and settles the conversation's language. The
part sees its views, the clipboard, the worker and the sidebar's state, and
reports through signals. Strings keep the sidebar's translation context
("Sidebar").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from chatassist.ui import jobs
from chatassist.ui.clipboard_watch import ClipboardWatch
from chatassist.ui.compose_panel import ComposePanel
from chatassist.ui.customers import Customer
from chatassist.ui.fill_dialog import FillDialog
from chatassist.ui.replies_model import ReplyItem, values_in
from chatassist.ui.sidebar_state import SidebarState
from chatassist.ui.suggestions_view import SuggestionsView
from chatassist.ui.worker import Worker


class ReplyCopier(QObject):
    """Puts the replies of ``replies`` and the draft of ``compose`` on the clipboard."""

    #: A reply (or the translated draft) was put on the clipboard.
    copied = Signal(str)
    #: The shown message was answered: its language now counts for the conversation.
    answered = Signal()
    #: The placeholder form filled in the customer's details (name, order number...).
    details_changed = Signal()
    #: A line for the status bar.
    status = Signal(str)

    def __init__(
        self,
        state: SidebarState,
        replies: SuggestionsView,
        compose: ComposePanel,
        clipboard: ClipboardWatch,
        worker: Worker,
        dialog_parent: QWidget,
    ) -> None:
        super().__init__(dialog_parent)
        self.state = state
        self.replies = replies
        self.compose = compose
        self.clipboard = clipboard
        self.worker = worker
        self._dialog_parent = dialog_parent
        #: the open placeholder form, if any (one at a time)
        self.fill_dialog: FillDialog | None = None

    def copy_reply(self, index: int) -> None:
        """Copy reply ``index``; a reply with unfilled placeholders opens the form first."""
        if not 0 <= index < len(self.replies.items):
            return
        item = self.replies.items[index]
        if not item.copyable:
            self.status.emit(
                QCoreApplication.translate(
                    "Sidebar", "Reply %1 is still being translated."
                ).replace("%1", str(index + 1))
            )
            return
        customer = self.state.customers.current
        analysis = self.state.analysis
        choice = analysis.region if analysis else None
        gender = str(self.state.settings.get("agent_gender"))
        filled = item.fill(customer.values, choice, gender)
        if filled.ready:
            self._copy_reply_text(item, filled.text)
            return
        values = dict(customer.values)
        # Order and tracking numbers the customer wrote are offered in the form.
        for name, found in values_in(customer.message).items():
            if name in item.suggestion.placeholders and not values.get(name):
                values[name] = found
        if self.fill_dialog is not None:
            self.fill_dialog.close()
        dialog = FillDialog(item, values, choice, self._dialog_parent, agent_gender=gender)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._filled(dialog, customer))
        dialog.rejected.connect(lambda: self._keep_values(dialog, customer))
        dialog.finished.connect(lambda _r: setattr(self, "fill_dialog", None))
        self.fill_dialog = dialog
        dialog.open()

    def copy_selected_reply(self) -> None:
        self.copy_reply(self.replies.current)

    def _keep_values(self, dialog: FillDialog, customer: Customer) -> None:
        """The form was closed without copying: what was typed stays with the customer."""
        typed = {k: v for k, v in dialog.values().items() if v}
        if typed:
            customer.values.update(typed)
            self.details_changed.emit()

    def _filled(self, dialog: FillDialog, customer: Customer) -> None:
        customer.values.update({k: v for k, v in dialog.values().items() if v})
        filled = dialog.filled()
        if filled.ready:
            self._copy_reply_text(dialog.item, filled.text)
            self.details_changed.emit()

    def _copy_reply_text(self, item: ReplyItem, text: str) -> None:
        self.clipboard.copy(text)
        self.answered.emit()
        profile = self.state.profile()
        s = item.suggestion
        backend = self.state.backend
        if backend is not None:
            backend.assistant.engine.add_use(s.entry_id)
            self.worker.run_write(
                jobs.record_use(backend.usage, s.entry_id, item.language, s.tone, profile.region)
            )
        self.status.emit(
            QCoreApplication.translate("Sidebar", "Copied: %1").replace("%1", s.gloss or s.entry_id)
        )
        self.copied.emit(text)

    def copy_draft(self) -> None:
        """Copy the agent's translated draft (the Compose tab)."""
        result = self.compose.result
        if result is None or not result.forward.text.strip():
            self.status.emit(QCoreApplication.translate("Sidebar", "Nothing to copy yet."))
            return
        self.clipboard.copy(result.forward.text)
        self.answered.emit()
        self.status.emit(QCoreApplication.translate("Sidebar", "Copied your translated reply."))
        self.copied.emit(result.forward.text)
