"""A button naming the language pack a translation needs; clicking it asks for the
Language packs dialog on exactly that pack's pair (``requested(from, to)``, argos or
customer codes as ``chatassist packs download`` takes them)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget


def pack_pair(pack: str) -> tuple[str, str] | None:
    """'translate-es_en' -> ('es', 'en'); None for a name of another shape."""
    pair = pack.removeprefix("translate-").split("_")
    return (pair[0], pair[1]) if pack.startswith("translate-") and len(pair) == 2 else None


class MissingPackButton(QPushButton):
    # The agent asked for the pack (argos codes, e.g. "es", "en").
    requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("missing-pack")
        self.pack = ""
        self.clicked.connect(self._request)
        self.hide()

    def show_missing(self, missing: tuple[str, ...]) -> None:
        """Offer the first of ``missing`` (once installed, a second one is offered next)."""
        pairs = [p for p in missing if pack_pair(p) is not None]
        if not pairs:
            self.clear()
            return
        self.pack = pairs[0]
        self.setText(self.tr("Get language pack %1…").replace("%1", self.pack))
        self.setToolTip(self.tr("Open Language packs on this pack to download or install it"))
        self.show()

    def clear(self) -> None:
        self.pack = ""
        self.hide()

    def _request(self) -> None:
        pair = pack_pair(self.pack)
        if pair is not None:
            self.requested.emit(*pair)
