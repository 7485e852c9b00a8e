"""The reply list: a search box over all phrasebooks and one card per reply, with
its meaning in the agent's language and markers (vetted, machine translation,
hot). Cards are focusable; Up/Down move, Enter copies the selected one."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from chatassist.core.regions import Region
from chatassist.ui import names
from chatassist.ui.replies_model import ReplyItem, ReplyState
from chatassist.ui.widgets import follow_text_direction, wrapped_label

SEARCH_DEBOUNCE_MS = 150
PREPARED_CARDS = 9  # made at start-up, so that showing the first replies is quick
CARD_STYLE = """
#reply-card { border: 1px solid #c8c8c8; border-radius: 4px; }
#reply-card[selected="true"] { border: 2px solid #2f6fde; }
"""


class ReplyCard(QFrame):
    copy_requested = Signal(int)
    selected = Signal(int)
    #: Up (-1) or Down (+1) pressed on the card.
    moved = Signal(int)

    def __init__(self, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        #: the regions of ``resources/regions.yaml``, to name them in offer reasons
        self.regions: Sequence[Region] = ()
        self.setObjectName("reply-card")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setProperty("selected", False)
        self.markers = QLabel()
        self.markers.setObjectName("markers")
        self.text = wrapped_label(selectable=False)
        self.text.setObjectName("reply-text")
        self.gloss = wrapped_label()
        self.gloss.setObjectName("gloss")
        self.gloss.setStyleSheet("color: #555;")
        self.note = wrapped_label()
        self.note.setStyleSheet("color: #8a5a00;")
        self.copy = QPushButton(self.tr("Copy"))
        self.copy.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the card itself takes Enter
        self.copy.clicked.connect(lambda: self.copy_requested.emit(self.index))
        head = QHBoxLayout()
        head.addWidget(self.markers, 1)
        head.addWidget(self.copy)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        layout.addLayout(head)
        layout.addWidget(self.text)
        layout.addWidget(self.gloss)
        layout.addWidget(self.note)

    def show_item(self, item: ReplyItem) -> None:
        s = item.suggestion
        number = self.index + 1
        marks = [f"<b>{number}</b>"]
        machine, vetted = self.tr("machine translation"), self.tr("vetted")
        hot, pinned = self.tr("hot"), self.tr("pinned")
        if item.machine or item.state is not ReplyState.READY or not s.vetted:
            marks.append(f'<span style="color:#8a5a00;">{machine}</span>')
        else:
            marks.append(f'<span style="color:#1b7f3b;">✔ {vetted}</span>')
        if s.general:
            # Offered because no scenario was recognised: fits any message.
            general = self.tr("general")
            marks.append(f'<span style="color:#555;">{general}</span>')
        if s.offer is not None:
            # Chosen by an offer rule (customer value): the reason is for the agent only.
            offer = self.tr("offer")
            marks.append(f'<span style="color:#6a1b9a;">★ {offer}</span>')
        if s.hot:
            marks.append(f'<span style="color:#c2410c;">🔥 {hot}</span>')
        if s.pinned:
            marks.append(f"📌 {pinned}")
        marks.append(names.language_name(item.language) + " · " + names.tone_name(s.tone))
        self.markers.setText(" · ".join(marks))
        shown = item.preview or item.text  # the values already known, filled in
        self.text.setText(shown)
        follow_text_direction(self.text, shown)
        gloss = s.gloss
        if s.offer is not None:
            reason = names.offer_reason(s.offer.note, s.offer.held, self.regions)
            gloss += "\n" + self.tr("Offer rule: %1").replace("%1", reason)
        self.gloss.setText(gloss)
        self.gloss.setVisible(bool(gloss))
        note = item.note
        if item.state is ReplyState.TRANSLATING:
            note = self.tr("Translating from %1…").replace("%1", names.language_name(s.language))
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.copy.setEnabled(item.copyable)
        shortcut = f"Ctrl+{number}" if number <= 9 else ""
        self.copy.setToolTip(self.tr("Copy this reply (%1)").replace("%1", shortcut or "Enter"))
        self.setAccessibleName(
            self.tr("Reply %1: %2").replace("%1", str(number)).replace("%2", s.gloss)
        )
        self.setAccessibleDescription(item.text)

    def set_selected(self, on: bool) -> None:
        if self.property("selected") == on:
            return
        self.setProperty("selected", on)
        self.style().unpolish(self)
        self.style().polish(self)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.selected.emit(self.index)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.copy_requested.emit(self.index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.copy_requested.emit(self.index)
            return
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.moved.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)


class SuggestionsView(QWidget):
    copy_requested = Signal(int)
    #: The search text changed (debounced); empty means "back to the suggestions".
    search_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search all phrasebooks (Ctrl+K)"))
        self.search.setAccessibleName(self.tr("Search all phrasebooks"))
        self.title = QLabel()
        self.title.setObjectName("replies-title")
        self.empty = wrapped_label()
        self.empty.setStyleSheet("color: #666;")
        self._cards_box = QWidget()
        self._cards = QVBoxLayout(self._cards_box)
        self._cards.setContentsMargins(0, 0, 0, 0)
        self._cards.setSpacing(4)
        self._cards.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self._cards_box)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.title)
        layout.addWidget(self.empty)
        layout.addWidget(self.scroll_area, 1)
        self.setStyleSheet(CARD_STYLE)
        self.cards: list[ReplyCard] = []
        self._spare: list[ReplyCard] = []  # cards are reused: creating them is slow
        self.items: list[ReplyItem] = []
        self.current = -1
        #: the regions of ``resources/regions.yaml`` (set with the backend), for names
        self.regions: Sequence[Region] = ()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._timer.timeout.connect(lambda: self.search_changed.emit(self.search.text().strip()))
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._copy_from_search)
        self.search.installEventFilter(self)
        for i in range(PREPARED_CARDS):
            self._spare.append(self._card(i))
            self._spare[-1].hide()
        self.set_items([], self.tr("Suggested replies"), self.tr("Paste a message to see replies."))

    def set_search_debounce(self, msecs: int) -> None:
        self._timer.setInterval(msecs)

    def set_items(self, items: Sequence[ReplyItem], title: str, empty_text: str = "") -> None:
        for card in self.cards:
            card.hide()
            card.set_selected(False)
        self._spare = self.cards + self._spare
        self.cards = []
        self.items = list(items)
        for i, item in enumerate(self.items):
            card = self._card(i)
            card.regions = self.regions
            card.show_item(item)
            card.show()
            self.cards.append(card)
        self.title.setText(f"<b>{title}</b>")
        self.empty.setText(empty_text)
        self.empty.setVisible(not self.items and bool(empty_text))
        self.current = -1
        if self.items:
            self._select(0, scroll=False)
        self.scroll_area.verticalScrollBar().setValue(0)
        for a, b in zip(self.cards, self.cards[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def _card(self, index: int) -> ReplyCard:
        for card in self._spare:
            if card.index == index:
                self._spare.remove(card)
                return card
        card = ReplyCard(index)
        card.copy_requested.connect(self.copy_requested)
        card.selected.connect(self._select)
        card.moved.connect(self._moved)
        self._cards.insertWidget(index, card)
        return card

    def update_item(self, index: int, item: ReplyItem) -> None:
        if 0 <= index < len(self.items):
            self.items[index] = item
            self.cards[index].show_item(item)

    def _select(self, index: int, *, scroll: bool = True) -> None:
        if not 0 <= index < len(self.cards):
            return
        if 0 <= self.current < len(self.cards):
            self.cards[self.current].set_selected(False)
        self.current = index
        self.cards[index].set_selected(True)
        if scroll:
            self.scroll_area.ensureWidgetVisible(self.cards[index])

    def move_selection(self, step: int) -> None:
        if self.cards:
            index = min(max(self.current + step, 0), len(self.cards) - 1)
            self.cards[index].setFocus(Qt.FocusReason.OtherFocusReason)
            self._select(index)

    def _copy_from_search(self) -> None:
        if self.current >= 0:
            self.copy_requested.emit(self.current)

    def eventFilter(self, obj: object, event: object) -> bool:
        # Down from the search box goes into the list.
        if (
            obj is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and self.cards
        ):
            self.move_selection(0)
            return True
        return False

    def _moved(self, step: int) -> None:
        if step < 0 and self.current <= 0:
            self.search.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.move_selection(step)
