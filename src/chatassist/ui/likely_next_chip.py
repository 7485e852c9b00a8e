"""The "likely next" chip: what a customer often needs next (hidden intent), with
a prepared reply one click away.

It shows the first hint of the analysis that has a prepared reply (the
scenario's name; the why in the tooltip, for the agent). Clicking it emits
``chosen`` with that reply; the sidebar puts it at the top of the list, where
it is copied like any other. The sidebar wires it in ``Sidebar._connect``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from chatassist.core.assist import LikelyNextReply
from chatassist.core.suggestions import Suggestion
from chatassist.ui import names


class LikelyNextChip(QPushButton):
    #: The agent wants the prepared reply (a ``Suggestion``) in the list.
    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("likelyNext")
        self.setFlat(True)
        self.setStyleSheet(
            "QPushButton#likelyNext { border: 1px solid #6a1b9a; border-radius: 9px;"
            " padding: 1px 8px; color: #6a1b9a; }"
        )
        self.reply: Suggestion | None = None
        self.clicked.connect(self._clicked)
        self.show_hints(())

    def show_hints(self, hints: Sequence[LikelyNextReply]) -> None:
        hint = next((h for h in hints if h.suggestion is not None), None)
        self.reply = hint.suggestion if hint is not None else None
        if hint is None:
            self.setVisible(False)
            return
        self.setText(
            QCoreApplication.translate("LikelyNextChip", "Likely next: %1").replace(
                "%1", names.scenario_name(hint.hint.scenario)
            )
        )
        self.setToolTip(
            QCoreApplication.translate(
                "LikelyNextChip", "%1 Click to put the prepared reply at the top."
            ).replace("%1", hint.hint.note)
        )
        self.setAccessibleName(self.text())
        self.setVisible(True)

    def _clicked(self) -> None:
        if self.reply is not None:
            self.chosen.emit(self.reply)
