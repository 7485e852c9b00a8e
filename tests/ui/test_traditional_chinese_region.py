"""A Traditional Chinese customer is written to in their own region's forms: the
customer's country (Hong Kong, Taiwan) reaches every translation the sidebar asks."""

from __future__ import annotations

from typing import Any

from sidebar_helpers import FakeTranslator, paste

from chatassist.app import App
from chatassist.ui.backend import Backend
from chatassist.ui.sidebar import Sidebar

HONG_KONG_CUSTOMER = "你好，我的訂單 48213 到咗邊度？好耐都未收到。"


def test_the_customers_country_reaches_message_and_compose_translations(
    qtbot: Any, make_sidebar: Any, shared_app: App
) -> None:
    translator = FakeTranslator([("zh-Hant", "zh-Hans"), ("zh-Hans", "zh-Hant")])
    backend = Backend(
        shared_app.assistant,
        shared_app.library,
        shared_app.usage,
        translator,
        detector=shared_app.detector,
    )
    sidebar: Sidebar = make_sidebar(backend)
    paste(qtbot, sidebar, HONG_KONG_CUSTOMER)
    assert sidebar.state.analysis is not None
    assert sidebar.state.analysis.language == "zh-Hant"
    with qtbot.waitSignal(sidebar.updated, timeout=5000):
        sidebar.message.country.setText("HK")
        sidebar.message.country_chosen.emit("HK")
    assert sidebar.state.country == "HK"
    message = [
        country
        for (_, source, target), country in zip(translator.calls, translator.countries, strict=True)
        if (source, target) == ("zh-Hant", "zh-Hans")
    ]
    assert message and message[-1] == "HK"
    translator.calls.clear()
    translator.countries.clear()
    sidebar.tabs.setCurrentWidget(sidebar.compose)
    sidebar.compose.edit.setPlainText("您的包裹明天从我们的仓库发货，请放心。")
    qtbot.waitUntil(lambda: bool(translator.calls), timeout=5000)
    assert ("zh-Hans", "zh-Hant") in [call[1:] for call in translator.calls]
    assert set(translator.countries) == {"HK"}
