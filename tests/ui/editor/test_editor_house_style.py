"""The editor warns, as `phrasebook validate` does, of a reply that breaks its
language's house register, and still saves it."""

from __future__ import annotations

from editor_helpers import MakeEditor
from pytestqt.qtbot import QtBot

from chatassist.core.languages import CUSTOMER_LANGUAGES
from chatassist.core.phrasebook.house_style import load_house_style
from chatassist.core.tones import TONES
from chatassist.paths import bundled_resources
from chatassist.storage.library import PhrasebookLibrary


def test_an_informal_dutch_reply_is_warned_of_and_saved(
    qtbot: QtBot, make_editor: MakeEditor, library: PhrasebookLibrary
) -> None:
    style = load_house_style(bundled_resources() / "house_style.yaml")
    window = make_editor(house_style=style)
    window.jump_to("order.tracking", "en", "direct")
    assert window.form.problems.count() == 0
    cell = window.form.grid.item(CUSTOMER_LANGUAGES.index("nl"), TONES.index("direct"))
    cell.setText("Bestelling {order_id} is verzonden, kun je het volgen?")
    texts = [window.form.problems.item(i).text() for i in range(window.form.problems.count())]
    assert texts == [
        "variants/nl/direct: house style: 'kun je': informal je/jij; replies use the formal u"
    ]
    assert "house style" in cell.toolTip()
    # Amber, not the red of a problem that stops the save.
    assert cell.foreground().color().name() == "#b26a00"
    # A warning, not an error: the trainer may ship it.
    with qtbot.waitSignal(window.saved, timeout=1000):
        assert window.saver.save()
    saved = library.phrasebook("demo").entry("order.tracking")
    assert saved is not None and saved.variant("nl", "direct") is not None
    # Without a house style (as before), nothing is said.
    plain = make_editor()
    plain.jump_to("order.tracking", "nl", "direct")
    assert plain.form.problems.count() == 0
