"""The first words a customer sends (issue 12): the language follows the
conversation, and an unrecognised message still gets replies, marked general."""

from __future__ import annotations

from typing import Any

from sidebar_helpers import paste

from chatassist.ui.backend import Backend


def receive(qtbot: Any, sidebar: Any, text: str) -> None:
    """The next customer message arrives (as from the clipboard watch): the shown one
    counts for the conversation, and the new one is analysed."""
    with qtbot.waitSignal(sidebar.updated, timeout=5000):
        sidebar.receive_message(text)
    qtbot.waitUntil(lambda: sidebar.worker.pending == 0, timeout=5000)


def test_ok_and_thumbs_up_keep_spanish_after_two_clear_spanish_messages(
    qtbot: Any, make_sidebar: Any, backend: Backend
) -> None:
    sidebar = make_sidebar(backend)
    receive(qtbot, sidebar, "Hola, ¿dónde está mi pedido? Ya pasaron dos semanas")
    receive(qtbot, sidebar, "Todavía no me ha llegado nada, ¿me pueden ayudar?")
    assert sidebar.analysis.language == "es"
    for short in ("ok", "👍"):
        receive(qtbot, sidebar, short)
        assert sidebar.analysis.language == "es", short
        assert sidebar.message.language.text().startswith("Spanish"), short
        items = sidebar.replies.items
        assert items and all(i.language == "es" for i in items), short


def test_ok_alone_is_not_taken_for_spanish(qtbot: Any, make_sidebar: Any, backend: Backend) -> None:
    # The conversation, not the word, makes "ok" Spanish above.
    sidebar = make_sidebar(backend)
    receive(qtbot, sidebar, "ok")
    assert sidebar.analysis.language != "es"


def test_no_scenario_still_offers_general_replies_marked_general(
    qtbot: Any, make_sidebar: Any, backend: Backend
) -> None:
    sidebar = make_sidebar(backend)
    paste(qtbot, sidebar, "hmm bueno, pues mire")
    assert sidebar.analysis.intents.scenarios == ()
    items = sidebar.replies.items
    assert items, "a reply every time"
    assert all(i.suggestion.general and i.language == "es" for i in items)
    assert "general" in sidebar.replies.cards[0].markers.text()


def test_an_order_number_glued_to_japanese_is_offered_in_the_fill_form(
    qtbot: Any, make_sidebar: Any, backend: Backend
) -> None:
    sidebar = make_sidebar(backend)
    paste(qtbot, sidebar, "注文番号は１２３４５６です。荷物がまだ届きません")
    index = next(
        i
        for i, item in enumerate(sidebar.replies.items)
        if "order_id" in item.suggestion.placeholders
    )
    sidebar.replies.cards[index].copy.click()
    dialog = sidebar.reply_copier.fill_dialog
    assert dialog is not None
    assert dialog.fields["order_id"].text() == "123456"
    dialog.reject()
