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


def test_values_are_written_by_their_kind(config) -> None:  # type: ignore[no-untyped-def]
    values = {"eta": "2026-11-28", "lead_time": "3-5 days", "coupon_amount": "500"}
    th = fill_reply("ส่งถึง {eta} ภายใน {lead_time}", "th", values, config.choose("th"))
    assert th.text == "ส่งถึง 28 พฤศจิกายน 2569 ภายใน 3–5 วัน"  # Buddhist era, no 'ค.ศ.'
    tw = fill_reply("{coupon_amount}折價券", "zh-Hant", values, config.choose("zh-Hant"))
    assert tw.text.startswith("NT$500")
    hk = fill_reply("{coupon_amount}", "zh-Hant", values, config.choose("zh-Hant", "HK"))
    assert "NT$" not in hk.text and "500" in hk.text
    ja = fill_reply("{lead_time}以内に発送", "ja", values, config.choose("ja"))
    assert ja.text == "3–5日以内に発送"
    es = fill_reply(
        "en un plazo de {lead_time}", "es", {"lead_time": "48 hours"}, config.choose("es")
    )
    assert es.text == "en un plazo de 48 horas"
    zh = fill_reply("{deadline}前", "zh-Hans", {"deadline": "2026-12-01"}, config.choose("zh-Hans"))
    assert zh.text == "2026年12月1日前"


def test_a_value_not_of_its_kind_is_kept_and_reported(config) -> None:  # type: ignore[no-untyped-def]
    reply = fill_reply(
        "Arrives by {eta}, ships within {lead_time}",
        "en",
        {"eta": "next Monday", "lead_time": "soon"},
        config.choose("en"),
    )
    assert reply.text == "Arrives by next Monday, ships within soon"
    # #15 item 5: not copyable until each value is of its kind (the form says why)
    assert not reply.ready and reply.missing == ()
    assert [name for name, _ in reply.problems] == ["eta", "lead_time"]
    assert "2026-11-28" in reply.problems[0][1]


def test_a_date_typed_as_the_agent_writes_it_is_written_for_the_customer(config) -> None:  # type: ignore[no-untyped-def]
    """#15 item 5: "July 3" inside a Korean reply was pasted raw."""
    ko = fill_reply("{eta}까지 도착합니다", "ko", {"eta": "July 3, 2027"}, config.choose("ko"))
    assert ko.ready and ko.text == "2027년 7월 3일까지 도착합니다"
    zh = fill_reply("{eta}前", "zh-Hans", {"eta": "2027年7月3日"}, config.choose("zh-Hans"))
    assert zh.text == "2027年7月3日前"
    ambiguous = fill_reply("by {eta}", "en", {"eta": "7/3"}, config.choose("en"))
    assert not ambiguous.ready and ambiguous.text == "by 7/3"


def test_parse_typed_date_forms_and_the_nearest_year() -> None:
    from datetime import date

    from chatassist.core.reply_values import parse_typed_date

    today = date(2026, 12, 3)
    for typed in (
        "2027-01-05",
        "2027/1/5",
        "2027年1月5日",
        "1月5日",
        "Jan 5",
        "5 January",
        "jan 5th",
    ):
        assert parse_typed_date(typed, today) == date(2027, 1, 5), typed
    assert parse_typed_date("Nov 28", today) == date(2026, 11, 28)  # last week, not next year
    assert parse_typed_date("Feb 29", today) == date(2028, 2, 29)
    assert isinstance(parse_typed_date("2026-02-30", today), str)
    assert isinstance(parse_typed_date("7/3", today), str)  # July 3 or 7 March?
    assert isinstance(parse_typed_date("next Monday", today), str)


def test_an_amount_with_its_currency_is_written_in_that_currency(config) -> None:  # type: ignore[no-untyped-def]
    de = config.choose("de", "DE")
    assert fill_reply("{refund_amount}", "de", {"refund_amount": "19.90"}, de).text == "19,90\xa0€"
    usd = fill_reply("{refund_amount}", "de", {"refund_amount": "25 USD"}, de)
    assert usd.ready and usd.text == "25,00\xa0$"
    bad = fill_reply("{refund_amount}", "de", {"refund_amount": "$25"}, de)
    assert not bad.ready and "with its currency" in bad.problems[0][1]


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("14", "خلال 14 يومًا من الاستلام"),
        ("7", "خلال 7 أيام من الاستلام"),
        ("2", "خلال يومين من الاستلام"),
        ("1", "خلال يوم واحد من الاستلام"),
        ("100", "خلال 100 يوم من الاستلام"),
        ("5-7", "خلال 5–7 أيام من الاستلام"),
    ],
)
def test_arabic_counted_noun_agrees_with_the_number(config, number, expected) -> None:  # type: ignore[no-untyped-def]
    for written in ("أيام", "يومًا"):  # whichever form the trainer wrote
        reply = fill_reply(
            f"خلال {{return_days}} {written} من الاستلام",
            "ar",
            {"return_days": number},
            config.choose("ar"),
        )
        assert reply.text == expected
    work = fill_reply(
        "خلال {refund_days} أيام عمل.", "ar", {"refund_days": "14"}, config.choose("ar")
    )
    assert work.text == "خلال 14 يوم عمل."


def test_thai_particles_follow_the_agent_gender(config) -> None:  # type: ignore[no-untyped-def]
    text = "สวัสดีค่ะคุณ{customer_name} มีคะแนน {points} แต้มนะคะ"
    values = {"customer_name": "Somchai Jaidee", "points": "120"}
    female = fill_reply(text, "th", values, config.choose("th"))
    male = fill_reply(text, "th", values, config.choose("th"), agent_gender="male")
    assert female.text == "สวัสดีค่ะคุณSomchai มีคะแนน 120 แต้มนะคะ"
    assert male.text == "สวัสดีครับคุณSomchai มีคะแนน 120 แต้มนะครับ"


def test_vietnamese_names_are_family_first(config) -> None:  # type: ignore[no-untyped-def]
    reply = fill_reply(
        "{customer_name} ơi, shop đã gửi hàng",
        "vi",
        {"customer_name": "Nguyễn Văn An"},
        config.choose("vi"),
    )
    assert reply.text == "An ơi, shop đã gửi hàng"
