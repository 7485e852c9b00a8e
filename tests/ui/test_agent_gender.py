"""The agent's gender setting: chosen in Settings, used when a Thai reply is filled."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from chatassist.core.phrasebook.placeholders import placeholder_names
from chatassist.core.regions import load_regions
from chatassist.core.suggestions import Suggestion
from chatassist.paths import bundled_resources
from chatassist.settings import Settings
from chatassist.ui.fill_dialog import FillDialog
from chatassist.ui.replies_model import ReplyItem
from chatassist.ui.settings_dialog import SettingsDialog


def test_settings_dialog_saves_the_agent_gender(
    qtbot: Any, settings: Settings, data_dir: Path
) -> None:
    assert settings.get("agent_gender") == "female"
    dialog = SettingsDialog(settings, data_dir)
    qtbot.addWidget(dialog)
    dialog.agent_gender.setCurrentIndex(dialog.agent_gender.findData("male"))
    dialog.accept()
    assert Settings.load(data_dir / "settings.json").get("agent_gender") == "male"


def test_fill_form_writes_the_male_agents_particles(qtbot: Any) -> None:
    choice = load_regions(bundled_resources() / "regions.yaml").choose("th")
    suggestion = _suggestion("สวัสดีค่ะคุณ{customer_name} ส่งถึง {eta} นะคะ")
    item = ReplyItem.for_customer(suggestion, can_translate=False)
    dialog = FillDialog(item, {"customer_name": "Somchai"}, choice, agent_gender="male")
    qtbot.addWidget(dialog)
    assert dialog.fields["eta"].placeholderText()  # says what to type: a date
    dialog.fields["eta"].setText("2026-11-28")
    assert dialog.filled().text == "สวัสดีครับคุณSomchai ส่งถึง 28 พฤศจิกายน 2569 นะครับ"


def _suggestion(text: str) -> Suggestion:
    return Suggestion(
        entry_id="t.one",
        phrasebook_id="t",
        language="th",
        tone="warm",
        text=text,
        gloss="",
        score=1.0,
        reasons=(),
        needs_translation=False,
        vetted=True,
        hot=False,
        pinned=False,
        scenarios=("greeting",),
        placeholders=tuple(sorted(placeholder_names(text))),
    )
