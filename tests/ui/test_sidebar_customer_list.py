"""The customers list says who is who (language, region, the first words of the
last message), keeps what was sent to each customer this session, and is on disk
after every change, not only when the window closes."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from sidebar_helpers import paste

from chatassist.ui.backend import Backend


def _labels(sidebar: Any) -> list[str]:
    combo = sidebar.customer_combo
    return [combo.itemText(i) for i in range(combo.count())]


def test_each_customer_shows_language_region_and_first_words(
    qtbot: Any, make_sidebar: Any, backend: Backend
) -> None:
    sidebar = make_sidebar(backend)
    paste(qtbot, sidebar, "¿Dónde está mi pedido 48213? Lo pedí hace dos semanas")
    sidebar.customer_switcher.new_customer()
    paste(qtbot, sidebar, "荷物まだ？注文番号は123456です")
    # The list may put urgent or waiting customers first and mark them; each row
    # still names its customer.
    labels = {label.split("Customer ")[1][0]: label for label in _labels(sidebar)}
    assert labels["2"].endswith("Customer 2 · JA Japan · «荷物まだ？注文番号は123456です»")
    assert labels["1"].endswith("Customer 1 · ES Europe · «¿Dónde está mi pedido 4…»")


def test_what_was_sent_is_kept_per_customer_this_session(
    qtbot: Any, make_sidebar: Any, backend: Backend
) -> None:
    sidebar = make_sidebar(backend)
    paste(qtbot, sidebar, "hola")
    customer = sidebar.customers.current
    customer.values.update(
        {n: "x" for i in sidebar.replies.items for n in i.suggestion.placeholders}
    )
    with qtbot.waitSignal(sidebar.copied) as copied:
        sidebar.reply_copier.copy_reply(0)
    assert customer.sent == [copied.args[0]]
    tip = sidebar.customer_combo.itemData(0, Qt.ItemDataRole.ToolTipRole)
    assert "hola" in tip and copied.args[0] in tip
    sidebar.customer_switcher.new_customer()
    assert sidebar.customers.current.sent == []  # the new customer has their own


def test_customers_are_on_disk_after_each_change(
    qtbot: Any, make_sidebar: Any, backend: Backend, data_dir: Path
) -> None:
    sidebar = make_sidebar(backend)
    paste(qtbot, sidebar, "¿Dónde está mi pedido 48213?")
    sidebar.customer_switcher.override("country", "MX")
    # No save_state(): as after a SIGTERM or a logout, the file already has it.
    saved = json.loads((data_dir / "customers.json").read_text(encoding="utf-8"))
    current = saved["customers"][0]
    assert current["country"] == "MX" and current["message"] == "¿Dónde está mi pedido 48213?"
    assert current["seen_language"] == "es"


def test_a_splitter_gives_the_message_and_its_notes_more_room_and_is_remembered(
    qtbot: Any, make_sidebar: Any, backend: Backend
) -> None:
    sidebar = make_sidebar(backend)
    sidebar.resize(360, 900)
    paste(qtbot, sidebar, "My parcel is stuck in customs, do I have to pay the duty?")
    sidebar.message.notes_toggle.setChecked(True)
    notes = sidebar.message.notes_area
    qtbot.waitUntil(notes.isVisible)
    total = sum(sidebar.splitter.sizes())
    sidebar.splitter.setSizes([0, total])  # the message as small as it goes
    qtbot.wait(0)
    before, top = notes.height(), sidebar.splitter.sizes()[0]
    sidebar.splitter.setSizes([total - 150, 150])  # the agent drags the handle down

    def notes_took_most_of_it() -> None:
        gained = sidebar.splitter.sizes()[0] - top
        assert gained >= 100 and notes.height() - before >= gained / 2

    # The extra height goes to the notes (not to the fields above them).
    qtbot.waitUntil(notes_took_most_of_it)
    sidebar.save_state()
    again = make_sidebar(backend)
    assert again.splitter.sizes()[0] > again.splitter.sizes()[1]


def test_the_sidebar_is_usable_320_px_wide_in_both_languages(
    qtbot: Any, make_sidebar: Any, backend: Backend
) -> None:
    """#15 item 6: the minimum was 429 px wide; the customer row was cut ("age ?")."""
    from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QSpinBox
    from zh_cn import chinese_interface

    for chinese in (False, True):
        with chinese_interface() if chinese else contextlib.nullcontext():
            sidebar = make_sidebar(backend)
            paste(qtbot, sidebar, "¿Dónde está mi pedido 48213? Llevo dos semanas esperando.")
            assert sidebar.minimumSizeHint().width() <= 320, chinese
            sidebar.resize(320, 700)
            qtbot.wait(20)
            assert sidebar.width() <= 320
            for kind in (QPushButton, QSpinBox, QLineEdit, QComboBox):
                for w in sidebar.findChildren(kind):
                    if w.isVisibleTo(sidebar) and w.width() > 0:
                        assert w.width() >= w.minimumSizeHint().width() - 1, (
                            chinese,
                            w.objectName() or w.accessibleName(),
                        )
