"""Compose routes from the draft's own language; missing packs are named with a
button, and panels waiting on a pack update when it arrives."""

from __future__ import annotations

from typing import Any

from sidebar_helpers import FakeTranslator, paste

from chatassist.app import App
from chatassist.ui.backend import Backend
from chatassist.ui.sidebar import Sidebar

ENGLISH_CUSTOMER = "Hello, where is my parcel? It has not arrived yet and I am worried."
SPANISH_CUSTOMER = "¿Dónde está mi pedido 48213?"


def make(make_sidebar: Any, shared_app: App, translator: FakeTranslator) -> Sidebar:
    backend = Backend(
        shared_app.assistant,
        shared_app.library,
        shared_app.usage,
        translator,
        detector=shared_app.detector,
    )
    sidebar: Sidebar = make_sidebar(backend)
    return sidebar


def write(qtbot: Any, sidebar: Sidebar, draft: str) -> None:
    sidebar.tabs.setCurrentWidget(sidebar.compose)
    with qtbot.waitSignal(sidebar.updated, timeout=5000):
        sidebar.compose.edit.setPlainText(draft)


def test_english_draft_to_english_customer_needs_no_translation(
    qtbot: Any, make_sidebar: Any, shared_app: App
) -> None:
    translator = FakeTranslator([("en", "zh-Hans"), ("zh-Hans", "en")])
    sidebar = make(make_sidebar, shared_app, translator)  # agent language: zh-Hans
    paste(qtbot, sidebar, ENGLISH_CUSTOMER)
    translator.calls.clear()
    write(qtbot, sidebar, "Your parcel left our warehouse yesterday and arrives on Friday.")
    compose = sidebar.compose
    assert compose.translation.text().startswith("Your parcel left our warehouse")
    assert "no translation needed" in compose.problems.text()
    assert "English" in compose.detected.text()
    assert translator.calls == []  # no pack was asked for, not even zh-Hans->en
    assert compose.copy.isEnabled() and compose.get_pack.isHidden()


def test_draft_language_is_detected_and_changeable(
    qtbot: Any, make_sidebar: Any, shared_app: App
) -> None:
    translator = FakeTranslator([("en", "es"), ("es", "en"), ("zh-Hans", "es"), ("es", "zh-Hans")])
    sidebar = make(make_sidebar, shared_app, translator)
    paste(qtbot, sidebar, SPANISH_CUSTOMER)
    write(qtbot, sidebar, "Your order ships tomorrow morning from our warehouse.")
    assert (
        sidebar.compose.translation.text()
        == "[es] Your order ships tomorrow morning from our warehouse."
    )
    assert translator.calls[-2][1:] == ("en", "es")  # routed from English, not zh-Hans
    compose = sidebar.compose
    with qtbot.waitSignal(sidebar.updated, timeout=5000):
        compose.written_in.setCurrentIndex(compose.written_in.findData("zh-Hans"))
    assert translator.calls[-2][1:] == ("zh-Hans", "es")
    assert compose.detected.text() == ""  # chosen by the agent, nothing detected


def test_missing_back_pack_keeps_the_reply_and_arrives_later(
    qtbot: Any, make_sidebar: Any, shared_app: App
) -> None:
    translator = FakeTranslator([("en", "es")])  # en->es installed, es->en not
    sidebar = make(make_sidebar, shared_app, translator)
    paste(qtbot, sidebar, SPANISH_CUSTOMER)
    write(qtbot, sidebar, "Your order ships tomorrow morning from our warehouse.")
    compose = sidebar.compose
    assert compose.translation.text().startswith("[es] Your order")
    assert compose.copy.isEnabled()  # the reply can be sent; only its check is missing
    assert "translate-es_en" in compose.problems.text()
    assert compose.get_pack.isVisible() and "translate-es_en" in compose.get_pack.text()
    with qtbot.waitSignal(sidebar.pack_wanted) as wanted:
        compose.get_pack.click()
    assert wanted.args[1:] == ["es", "en"]
    translator.pairs.add(("es", "en"))  # the pack arrives (the dialog's `changed`)
    with qtbot.waitSignal(sidebar.updated, timeout=5000):
        sidebar.reanalyze()
    qtbot.waitUntil(lambda: compose.back.text() != "", timeout=5000)
    assert compose.back.text().startswith("[en]")
    assert compose.get_pack.isHidden() and "translate-es_en" not in compose.problems.text()


def test_message_view_names_its_missing_pack_with_a_button(
    qtbot: Any, make_sidebar: Any, shared_app: App
) -> None:
    sidebar = make(make_sidebar, shared_app, FakeTranslator())
    paste(qtbot, sidebar, "注文した商品がまだ届きません。いつ届きますか？")
    button = sidebar.message.get_pack
    assert button.isVisible() and "translate-ja_en" in button.text()
    with qtbot.waitSignal(sidebar.pack_wanted) as wanted:
        button.click()
    assert wanted.args[1:] == ["ja", "en"]
