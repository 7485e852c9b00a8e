"""Simplified <-> Traditional Chinese by OpenCC script conversion, never by a model."""

from __future__ import annotations

from pathlib import Path

import pytest

from chatassist.core.translation import InstalledPack, NoPackError, TranslationError
from chatassist.core.translation.routing import find_route, index_packs
from chatassist.core.translation.script import ScriptHop, convert


def packs(*pairs: str) -> dict[tuple[str, str], InstalledPack]:
    return index_packs(
        [InstalledPack(*pair.split("_"), "1.0", Path(pair)) for pair in pairs]  # type: ignore[misc]
    )


def test_phrase_level_taiwan_and_hong_kong_variants() -> None:
    simplified = "鼠标和软件的信息"
    assert convert(simplified, "zh-Hans", "zh-Hant", "tw") == "滑鼠和軟體的資訊"
    assert convert(simplified, "zh-Hans", "zh-Hant", "hk") == "鼠標和軟件的信息"
    assert convert("滑鼠和軟體的資訊", "zh-Hant", "zh-Hans", "tw") == "鼠标和软件的信息"
    assert convert("頭髮", "zh-Hant", "zh-Hans", "standard") == "头发"


def test_conversion_is_only_between_the_two_scripts() -> None:
    with pytest.raises(TranslationError, match="only between zh-Hans and zh-Hant"):
        convert("hola", "es", "zh-Hant")
    with pytest.raises(TranslationError, match="unknown Traditional Chinese variant 'mo'"):
        convert("软件", "zh-Hans", "zh-Hant", "mo")


def test_chinese_scripts_need_no_pack_even_when_neural_packs_exist() -> None:
    route, hops = find_route(packs("zt_en", "en_zh", "zh_en", "en_zt"), "zh-Hant", "zh-Hans")
    assert route == ("zh-Hant", "zh-Hans")
    assert len(hops) == 1 and isinstance(hops[0], ScriptHop) and hops[0].config == "tw2sp"
    route, hops = find_route(packs(), "zh-Hans", "zh-Hant", variant="hk")
    assert route == ("zh-Hans", "zh-Hant") and [h.name for h in hops] == ["opencc-s2hk"]


def test_traditional_side_without_a_zt_pack_goes_through_simplified() -> None:
    route, hops = find_route(packs("en_zh"), "en", "zh-Hant")
    assert route == ("en", "zh-Hans", "zh-Hant")
    assert [h.name for h in hops] == ["translate-en_zh", "opencc-s2twp"]
    route, hops = find_route(packs("zh_en", "en_ja"), "zh-Hant", "ja")
    assert route == ("zh-Hant", "zh-Hans", "en", "ja")
    assert [h.name for h in hops] == ["opencc-tw2sp", "translate-zh_en", "translate-en_ja"]


def test_an_installed_zt_pack_is_used_for_its_own_pair() -> None:
    route, hops = find_route(packs("en_zh", "en_zt"), "en", "zh-Hant")
    assert route == ("en", "zh-Hant") and [h.name for h in hops] == ["translate-en_zt"]


def test_no_route_still_names_the_zt_pack() -> None:
    with pytest.raises(NoPackError) as caught:
        find_route(packs(), "en", "zh-Hant")
    assert caught.value.missing == ("translate-en_zt",)


def test_service_converts_messages_and_keeps_protected_tokens(fake_service) -> None:  # type: ignore[no-untyped-def]
    service, backend = fake_service(lambda s: f"<{s}>")
    result = service.translate("您的订单 SF1234567890 的软件信息已发送。", "zh-Hans", "zh-Hant")
    assert result.text == "您的訂單 SF1234567890 的軟體資訊已傳送。"
    assert result.route == ("zh-Hans", "zh-Hant") and result.protected.ok
    assert backend.calls == []  # no model ran
    back = service.translate(result.text, "zh-Hant", "zh-Hans")
    assert back.text == "您的订单 SF1234567890 的软件信息已发送。"


def test_service_answers_traditional_customer_through_simplified_pack(fake_service) -> None:  # type: ignore[no-untyped-def]
    service, backend = fake_service(
        lambda s: "您的软件" if s == "Your software" else s, (("en", "zh"),)
    )
    assert service.translate("Your software", "en", "zh-Hant").text == "您的軟體"
    assert [name for name, _ in backend.calls] == ["translate-en_zh"]


def test_the_customers_country_picks_taiwan_or_hong_kong_forms(fake_service) -> None:  # type: ignore[no-untyped-def]
    service, backend = fake_service(lambda s: s)  # the setting: Taiwan ("tw")
    simplified = "您的软件信息已发送。"
    by_country = {
        c: service.translate(simplified, "zh-Hans", "zh-Hant", country=c).text
        for c in ("TW", "HK", "mo", None, "US")
    }
    assert by_country["HK"] == by_country["mo"] == "您的軟件信息已發送。"
    assert by_country["TW"] == by_country[None] == by_country["US"] == "您的軟體資訊已傳送。"
    # Back to Simplified with the same region's table: the Hong Kong form reads back.
    back = service.translate(by_country["HK"], "zh-Hant", "zh-Hans", country="HK")
    assert back.text == simplified
    # The route names its table (and so the cache keeps the two apart).
    assert service.route("zh-Hans", "zh-Hant", country="HK") == ("zh-Hans", "zh-Hant")
    both = service.translate_with_back(simplified, "zh-Hans", "zh-Hant", country="HK")
    assert both.forward.text == by_country["HK"] and both.back.text == simplified
    assert backend.calls == []


def test_the_country_variants_table() -> None:
    from chatassist.core.translation.script import variant_for

    assert [variant_for(c, "standard") for c in ("TW", "HK", "MO", "CN", None)] == [
        "tw",
        "hk",
        "hk",
        "standard",
        "standard",
    ]
