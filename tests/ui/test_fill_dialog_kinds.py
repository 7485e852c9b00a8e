"""The fill form asks for and writes each value by the kind the phrasebook declares."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from chatassist.core.phrasebook.placeholders import placeholder_names
from chatassist.core.suggestions import Suggestion
from chatassist.ui.fill_dialog import FillDialog
from chatassist.ui.replies_model import ReplyItem

TEXT = "Your order ships within {eta}."


def _suggestion(kinds: tuple[tuple[str, str], ...]) -> Suggestion:
    return Suggestion(
        entry_id="t.one",
        phrasebook_id="t",
        language="en",
        tone="direct",
        text=TEXT,
        gloss="",
        score=1.0,
        reasons=(),
        needs_translation=False,
        vetted=True,
        hot=False,
        pinned=False,
        scenarios=("order_status",),
        placeholders=tuple(sorted(placeholder_names(TEXT))),
        placeholder_kinds=kinds,
    )


def test_a_declared_duration_is_asked_and_written_as_one(qtbot: Any) -> None:
    declared = _suggestion((("eta", "duration"),))
    dialog = FillDialog(ReplyItem.for_customer(declared, can_translate=False), {}, None)
    qtbot.addWidget(dialog)
    by_name = FillDialog(
        ReplyItem.for_customer(replace(declared, placeholder_kinds=()), can_translate=False),
        {},
        None,
    )
    qtbot.addWidget(by_name)
    # {eta} is a date by its name; declared a duration it asks for one.
    assert dialog.fields["eta"].placeholderText() != by_name.fields["eta"].placeholderText()
    dialog.fields["eta"].setText("3-5 days")
    filled = dialog.filled()
    assert (filled.text, filled.problems) == ("Your order ships within 3–5 days.", ())
    by_name.fields["eta"].setText("3-5 days")
    assert by_name.filled().problems  # not a date: inserted as typed, and reported
