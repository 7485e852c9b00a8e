"""The customer's message and what the assistant read in it: language, region and
tone (each with a one-click override), the customer's country and segment,
scenarios, the message in the agent's language and the region's agent notes."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from chatassist.core.assist import Analysis
from chatassist.core.languages import CUSTOMER_LANGUAGES
from chatassist.core.phrasebook.model import Entry
from chatassist.core.regions import Region
from chatassist.core.suggestions import gloss_for
from chatassist.core.tones import SEGMENTS, TONES
from chatassist.ui import names
from chatassist.ui.customers import Customer
from chatassist.ui.missing_pack import MissingPackButton
from chatassist.ui.order_value_field import OrderAgeField, OrderValueField, YearSpendField
from chatassist.ui.widgets import ElidedLabel, ImeTextEdit, follow_text_direction, wrapped_label

DEBOUNCE_MS = 300
#: The notes' height when first shown; the sidebar's splitter gives them more.
NOTES_START_HEIGHT = 120


def detection_text(analysis: Analysis) -> str:
    """'Spanish 97 %', 'Indonesian or Malay?', 'Japanese (set by you)'..."""
    d = analysis.detection
    name = names.language_name(analysis.language)
    if analysis.language_source == "pinned":
        return QCoreApplication.translate("MessagePanel", "%1 (set by you)").replace("%1", name)
    if analysis.language_source == "default":
        return QCoreApplication.translate("MessagePanel", "Not recognised, using %1").replace(
            "%1", name
        )
    if analysis.language_source == "conversation":
        return QCoreApplication.translate("MessagePanel", "%1 (from the conversation)").replace(
            "%1", name
        )
    if d.ambiguous_with:
        other = names.language_name(d.ambiguous_with[0])
        return (
            QCoreApplication.translate("MessagePanel", "%1 or %2?")
            .replace("%1", name)
            .replace("%2", other)
        )
    percent = f"{round(d.confidence * 100)} %"
    if d.uncertain:
        return (
            QCoreApplication.translate("MessagePanel", "%1? (%2, unsure)")
            .replace("%1", name)
            .replace("%2", percent)
        )
    return f"{name} {percent}"


class MessagePanel(QWidget):
    #: The message to analyse (debounced; never emitted while an input method composes).
    text_ready = Signal(str)
    #: The agent's overrides; an empty string means "automatic".
    language_chosen = Signal(str)
    region_chosen = Signal(str)
    tone_chosen = Signal(str)
    country_chosen = Signal(str)
    segment_chosen = Signal(str)

    def __init__(self, ui_language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ui_language = ui_language
        self._updating = False
        self.edit = ImeTextEdit()
        self.edit.setObjectName("message")
        self.edit.paste_once = True
        self.edit.setPlaceholderText(self.tr("Paste the customer's message here"))
        self.edit.setAccessibleName(self.tr("Customer message"))
        self.edit.setFixedHeight(self.edit.fontMetrics().lineSpacing() * 4 + 14)
        message_label = QLabel(self.tr("Customer &message"))
        message_label.setBuddy(self.edit)

        self.language = QLabel("—")
        self.language.setObjectName("detected-language")
        self.language_combo = self._combo(self.tr("Customer language"))
        self.language_combo.addItem(self.tr("Auto"), "")
        for code in CUSTOMER_LANGUAGES:
            self.language_combo.addItem(names.language_label(code), code)
        self.region = ElidedLabel("—")
        self.region_combo = self._combo(self.tr("Region"))
        self.region_combo.addItem(self.tr("Auto region"), "")
        self.tone_combo = self._combo(self.tr("Reply tone"))
        self.tone_combo.addItem(self.tr("Auto tone"), "")
        for tone in TONES:
            self.tone_combo.addItem(names.tone_name(tone), tone)
        self.country = QLineEdit()
        self.country.setMaxLength(2)
        self.country.setFixedWidth(self.country.fontMetrics().horizontalAdvance("WWW") + 16)
        self.country.setValidator(QRegularExpressionValidator(r"[A-Za-z]{0,2}", self.country))
        self.country.setAccessibleName(self.tr("Customer country (two-letter code)"))
        self.country.setToolTip(self.tr("Two-letter country code, e.g. MX; empty = guess"))
        self.segment_combo = self._combo(self.tr("Customer segment"))
        self.segment_combo.addItem(self.tr("Segment unknown"), "")
        for segment in SEGMENTS:
            self.segment_combo.addItem(names.segment_name(segment), segment)
        self.scenarios = QLabel()
        self.scenarios.setObjectName("scenarios")
        self.scenarios.setWordWrap(True)
        self.scenarios.setTextFormat(Qt.TextFormat.RichText)
        self.translation = wrapped_label(selectable=True)
        self.translation.setObjectName("translation")
        self.translation.setAccessibleName(self.tr("Message in your language"))
        self.translation_hint = wrapped_label()
        self.translation_hint.setObjectName("translation-hint")
        self.translation_hint.setStyleSheet("color: #8a5a00;")
        self.get_pack = MissingPackButton()
        self.notes_toggle = QToolButton()
        self.notes_toggle.setCheckable(True)
        self.notes_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.notes_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.notes_toggle.setAutoRaise(True)
        self.notes_toggle.toggled.connect(self._toggle_notes)
        self.notes = wrapped_label(selectable=True)
        self.notes.setTextFormat(Qt.TextFormat.RichText)
        self.notes.setObjectName("notes")
        self.notes.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # Notes can be long: they scroll instead of squeezing the replies.
        self.notes_area = QScrollArea()
        self.notes_area.setWidget(self.notes)
        self.notes_area.setWidgetResizable(True)
        self.notes_area.setFrameShape(QFrame.Shape.NoFrame)
        self.notes_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.notes_area.setMinimumHeight(NOTES_START_HEIGHT // 2)
        self.notes_area.hide()

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setColumnStretch(1, 1)
        lang_label = QLabel(self.tr("&Language"))
        lang_label.setBuddy(self.language_combo)
        grid.addWidget(lang_label, 0, 0)
        grid.addWidget(self.language, 0, 1)
        grid.addWidget(self.language_combo, 0, 2)
        region_label = QLabel(self.tr("&Region"))
        region_label.setBuddy(self.region_combo)
        grid.addWidget(region_label, 1, 0)
        grid.addWidget(self.region, 1, 1)
        combos = QHBoxLayout()
        combos.addWidget(self.region_combo)
        combos.addWidget(self.tone_combo)
        grid.addLayout(combos, 2, 1, 1, 2)
        customer_label = QLabel(self.tr("C&ustomer"))
        customer_label.setBuddy(self.country)
        grid.addWidget(customer_label, 3, 0)
        # Two short rows rather than one: the sidebar stays usable when narrow.
        who = QHBoxLayout()
        who.addWidget(self.country)
        who.addWidget(self.segment_combo, 1)
        self.order_age = OrderAgeField()
        who.addWidget(self.order_age)
        grid.addLayout(who, 3, 1, 1, 2)
        self.order_value = OrderValueField()
        self.year_spend = YearSpendField()
        value_label = QLabel(self.tr("&Value"))
        value_label.setBuddy(self.order_value)
        grid.addWidget(value_label, 4, 0)
        values = QHBoxLayout()
        values.addWidget(self.order_value, 1)
        values.addWidget(self.year_spend, 1)
        grid.addLayout(values, 4, 1, 1, 2)
        grid.addWidget(QLabel(self.tr("Scenarios")), 5, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.scenarios, 5, 1, 1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(message_label)
        layout.addWidget(self.edit)
        layout.addLayout(grid)
        layout.addWidget(self.translation)
        layout.addWidget(self.translation_hint)
        layout.addWidget(self.get_pack)
        layout.addWidget(self.notes_toggle)
        layout.addWidget(self.notes_area, 1)  # extra height from the splitter goes to the notes

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit_text)
        self.edit.textChanged.connect(self._text_changed)
        self.edit.composition_finished.connect(self._timer.start)
        self.language_combo.activated.connect(
            lambda _i: self.language_chosen.emit(self.language_combo.currentData())
        )
        self.region_combo.activated.connect(
            lambda _i: self.region_chosen.emit(self.region_combo.currentData())
        )
        self.tone_combo.activated.connect(
            lambda _i: self.tone_chosen.emit(self.tone_combo.currentData())
        )
        self.segment_combo.activated.connect(
            lambda _i: self.segment_chosen.emit(self.segment_combo.currentData())
        )
        self.country.editingFinished.connect(
            lambda: self.country_chosen.emit(self.country.text().upper())
        )
        self.clear_results()

    def _combo(self, accessible: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(accessible)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        return combo

    # -- input -----------------------------------------------------------------

    def set_debounce(self, msecs: int) -> None:
        self._timer.setInterval(msecs)

    @property
    def composing(self) -> bool:
        return self.edit.composing

    def text(self) -> str:
        return self.edit.toPlainText()

    def set_text(self, text: str) -> bool:
        """Replace the message (refused while an input method is composing)."""
        if self.edit.composing:
            return False
        self.edit.setPlainText(text)
        follow_text_direction(self.edit, text)
        return True

    def clear_undoably(self) -> bool:
        """Empty the message as an edit of the box, so that Ctrl+Z brings it back
        (``set_text`` forgets the undo history). False when there was nothing to
        clear or an input method is composing."""
        if self.edit.composing or not self.edit.toPlainText():
            return False
        cursor = self.edit.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.removeSelectedText()
        self.edit.setTextCursor(cursor)
        return True

    def _text_changed(self) -> None:
        follow_text_direction(self.edit, self.edit.toPlainText())
        if not self.edit.composing:
            self._timer.start()

    def _emit_text(self) -> None:
        if self.edit.composing:
            return  # composition_finished restarts the timer
        self.text_ready.emit(self.edit.toPlainText())

    # -- the customer's settings ----------------------------------------------

    def set_regions(self, regions: Sequence[Region]) -> None:
        current = self.region_combo.currentData()
        self.region_combo.clear()
        self.region_combo.addItem(self.tr("Auto region"), "")
        for region in regions:
            self.region_combo.addItem(names.region_name(region, self._ui_language), region.id)
        self._select(self.region_combo, current or "")

    def show_customer(self, customer: Customer) -> None:
        self._select(self.language_combo, customer.language or "")
        self._select(self.region_combo, customer.region or "")
        self._select(self.tone_combo, customer.tone or "")
        self._select(self.segment_combo, customer.segment or "")
        self.country.setText(customer.country or "")
        self.order_value.show_value(customer.order_value)
        self.year_spend.show_value(customer.year_spend)
        self.order_age.show_age(customer.order_age_days)

    @staticmethod
    def _select(combo: QComboBox, data: str) -> None:
        index = combo.findData(data)
        combo.setCurrentIndex(max(index, 0))

    # -- results ---------------------------------------------------------------

    def clear_results(self) -> None:
        self.language.setText("—")
        self.region.setText("—")
        self.country.setPlaceholderText(self.tr("Country"))
        none_yet = self.tr("none yet")
        self.scenarios.setText(f"<i>{html.escape(none_yet)}</i>")
        self.translation.clear()
        self.translation.hide()
        self.translation_hint.clear()
        self.translation_hint.hide()
        self.get_pack.clear()
        self.show_notes((), "zh-Hans")

    def show_analysis(self, analysis: Analysis) -> None:
        self.language.setText(detection_text(analysis))
        self.language.setToolTip(
            ", ".join(
                f"{names.language_name(c.language)} {round(c.confidence * 100)} %"
                for c in analysis.detection.candidates[:4]
            )
        )
        choice = analysis.region
        parts = [names.region_name(choice.region, self._ui_language)]
        if choice.country:
            parts.append(choice.country + (self.tr(" (guess)") if choice.guessed else ""))
        tone = names.tone_name(analysis.tone)
        if analysis.tone_source == "agent":
            parts.append(self.tr("%1 tone (set by you)").replace("%1", tone))
        else:
            parts.append(self.tr("%1 tone").replace("%1", tone))
        self.region.setText(" · ".join(parts))
        # The whole line too: a narrow sidebar shows it cut ("Middle East · SA (gu…").
        self.region.setToolTip(" · ".join(parts) + "\n" + self._region_reason(analysis))
        self.country.setPlaceholderText(choice.country or self.tr("Country"))
        self.scenarios.setText(self._chips(analysis))
        self.show_notes(analysis.notes, analysis.agent_language)

    def _region_reason(self, analysis: Analysis) -> str:
        """Why this region, in the interface language (core's reason is English)."""
        choice = analysis.region
        if choice.country is None:
            return self.tr("No language or country known: the default region")
        if choice.by_agent:
            return self.tr("Country %1, set by you").replace("%1", choice.country)
        language = names.language_name(analysis.language)
        text = (
            self.tr("Default country %1 for %2")
            .replace("%1", choice.country)
            .replace("%2", language)
        )
        if choice.guessed:
            text += self.tr(" (a guess: the language is spoken in several regions)")
        return text

    def _chips(self, analysis: Analysis) -> str:
        if not analysis.intents.scenarios:
            hint = self.tr("none recognised: search the phrasebooks below")
            return f"<i>{html.escape(hint)}</i>"
        chips = []
        for match in analysis.intents.scenarios:
            name = html.escape(names.scenario_name(match.id))
            if match.urgent:
                urgent = html.escape(self.tr("urgent"))
                chips.append(
                    f'<span style="background:#fde2e1; color:#a4161a;">&nbsp;⚠ {name} '
                    f"({urgent})&nbsp;</span>"
                )
            else:
                chips.append(f'<span style="background:#e3eefc;">&nbsp;{name}&nbsp;</span>')
        return " ".join(chips)

    def show_translation(self, text: str, note: str = "") -> None:
        """The message in the agent's language (empty text hides it), and a note."""
        self.translation.setVisible(bool(text))
        self.translation.setText(text)
        self.translation_hint.setVisible(bool(note))
        self.translation_hint.setText(note)

    def show_missing_packs(self, missing: tuple[str, ...]) -> None:
        """Offer the language pack the message's translation is waiting for."""
        self.get_pack.show_missing(missing)

    def show_notes(self, notes: Sequence[Entry], agent_language: str) -> None:
        self.notes_toggle.setText(self.tr("Agent no&tes (%1)").replace("%1", str(len(notes))))
        self.notes_toggle.setVisible(bool(notes))
        blocks = []
        for note in notes:
            title = html.escape(gloss_for(note, agent_language))
            body = html.escape(note.body.get(agent_language) or note.body.get("en", ""))
            blocks.append(f"<p><b>{title}</b><br>{body}</p>")
        self.notes.setText("".join(blocks))
        if not notes:
            self.notes_toggle.setChecked(False)

    def _toggle_notes(self, shown: bool) -> None:
        self.notes_area.setVisible(shown)
        self.notes_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
