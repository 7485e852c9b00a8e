from __future__ import annotations

from pathlib import Path

import pytest

from chatassist.core.regions import RegionsInvalid, load_regions
from chatassist.core.replies import fill_reply
from chatassist.paths import bundled_resources

REGIONS = bundled_resources() / "regions.yaml"


@pytest.fixture(scope="module")
def config():  # type: ignore[no-untyped-def]
    return load_regions(REGIONS)


@pytest.mark.parametrize(
    ("language", "country", "region", "tone", "guessed"),
    [
        ("ja", None, "japan", "detailed", False),
        ("ko", None, "korea", "detailed", False),
        ("th", None, "southeast_asia", "warm", False),
        ("id", None, "southeast_asia", "warm", False),
        ("tl", None, "southeast_asia", "warm", False),
        ("en", None, "north_america", "direct", True),
        ("es", None, "europe", "direct", True),
        ("ms", None, "southeast_asia", "warm", True),
        ("en", "PH", "southeast_asia", "warm", False),
        ("en", "au", "oceania", "direct", False),
        ("de", "ZZ", "other", "direct", False),
    ],
)
def test_region_choice(config, language, country, region, tone, guessed) -> None:  # type: ignore[no-untyped-def]
    choice = config.choose(language, country)
    assert (choice.region.id, choice.tone, choice.guessed) == (region, tone, guessed)


def test_regions_file_errors_have_lines(tmp_path: Path) -> None:
    bad = tmp_path / "regions.yaml"
    text = REGIONS.read_text(encoding="utf-8").replace("tone: warm", "tone: friendly", 1)
    text = text.replace("countries: [AU, NZ]", "countries: [AU, NZ, JP]")
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(RegionsInvalid) as err:
        load_regions(bad)
    messages = [str(p) for p in err.value.problems]
    assert any("unknown tone 'friendly'" in m and f"{bad}:" in m for m in messages)
    assert any("country JP is in both" in m for m in messages)


def test_fill_formats_dates_money_and_names(config) -> None:  # type: ignore[no-untyped-def]
    values = {
        "customer_name": "田中 太郎",
        "eta": "2026-11-28",
        "coupon_amount": "500",
        "order_id": "JP-1",
    }
    ja = fill_reply(
        "{customer_name}、ご注文{order_id}は{eta}に届きます。{coupon_amount}のクーポン",
        "ja",
        values,
        config.choose("ja"),
    )
    assert ja.ready
    assert ja.text == "田中様、ご注文JP-1は2026年11月28日に届きます。￥500のクーポン"
    # The honorific is not doubled when the text already has it.
    assert fill_reply("{customer_name}様", "ja", values, config.choose("ja")).text == "田中様"
    de = fill_reply(
        "Hallo {customer_name}, {coupon_amount} bis {eta}",
        "de",
        {**values, "customer_name": "Anna Schmidt"},
        config.choose("de"),
    )
    assert de.text == "Hallo Anna, 500,00\xa0€ bis 28. November 2026"
    ko = fill_reply(
        "{customer_name}, 감사합니다", "ko", {"customer_name": "김민수"}, config.choose("ko")
    )
    assert ko.text == "김민수님, 감사합니다"
    # The bundled Korean replies write "{customer_name} 고객님": no second 님.
    ko = fill_reply(
        "{customer_name} 고객님, 죄송합니다", "ko", {"customer_name": "김민수"}, config.choose("ko")
    )
    assert ko.text == "김민수 고객님, 죄송합니다"


def test_unfilled_placeholder_is_not_ready(config) -> None:  # type: ignore[no-untyped-def]
    reply = fill_reply(
        "Order {order_id} ships {eta}", "en", {"order_id": "1", "eta": "  "}, config.choose("en")
    )
    assert not reply.ready
    assert reply.missing == ("eta",)
    assert "{eta}" in reply.text


def test_honorific_goes_after_the_name_placeholder_only(config) -> None:  # type: ignore[no-untyped-def]
    values = {"customer_name": "Kim", "order_id": "Kim-123"}
    ko = fill_reply(
        "{customer_name}, 주문 {order_id} 확인했습니다.", "ko", values, config.choose("ko")
    )
    assert ko.text == "Kim님, 주문 Kim-123 확인했습니다."
    ja = fill_reply(
        "{customer_name}、{carrier}でお届けします。",
        "ja",
        {"customer_name": "中村 花子", "carrier": "中村運輸"},
        config.choose("ja"),
    )
    assert ja.text == "中村様、中村運輸でお届けします。"
