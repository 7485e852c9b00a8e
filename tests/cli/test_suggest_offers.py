"""`chatassist suggest --segment S --order-value V`: the playbook's offer first, with its reason."""

from __future__ import annotations

import json

import pytest

from chatassist.cli.main import main


@pytest.fixture(scope="module")
def library_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("offers-data"))


@pytest.fixture(autouse=True)
def shared_library(library_dir: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHATASSIST_DATA_DIR", library_dir)


def suggest(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:  # type: ignore[type-arg]
    code = main(["suggest", *argv, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)  # type: ignore[no-any-return]


def test_low_value_damaged_item_gets_keep_it_partial_refund(
    capsys: pytest.CaptureFixture[str],
) -> None:
    result = suggest(capsys, "--order-value", "25 USD", "The mug arrived broken")
    first = result["suggestions"][0]
    assert first["entry_id"] == "offer.keep_item_partial_refund"
    assert first["offer"]["rule"] == "low_value_damaged_keep_it"
    assert "25 USD" in first["offer"]["reason"] and "below 30 USD" in first["offer"]["reason"]
    assert "{refund_amount}" in first["text"] and "refund_amount" in first["placeholders"]
    assert all("offer" not in s for s in result["suggestions"][1:])


def test_returning_customer_with_a_late_parcel_in_spanish(
    capsys: pytest.CaptureFixture[str],
) -> None:
    result = suggest(capsys, "--segment", "returning", "Mi paquete todavía no llega, ya es tarde")
    first = result["suggestions"][0]
    assert (first["entry_id"], first["language"]) == ("offer.priority_reship_coupon", "es")
    assert first["offer"]["rule"] == "returning_late_parcel"
    assert {"coupon_code", "coupon_amount"} <= set(first["placeholders"])


def test_new_customer_gets_the_process_and_tracking_link(
    capsys: pytest.CaptureFixture[str],
) -> None:
    result = suggest(capsys, "--segment", "new", "my parcel is delayed, still not arrived")
    assert result["suggestions"][0]["entry_id"] == "offer.process_tracking_link"


def test_high_value_return_goes_through_the_region_s_warehouse(
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = "The lamp arrived broken"
    local = suggest(capsys, "--order-value", "120 EUR", "--country", "DE", text)
    overseas = suggest(capsys, "--order-value", "120 EUR", "--country", "TH", text)
    assert local["suggestions"][0]["entry_id"] == "offer.return_local_warehouse"
    assert overseas["suggestions"][0]["entry_id"] == "offer.return_overseas_warehouse"
    assert overseas["suggestions"][0]["tone"] == "warm"


def test_large_order_also_gets_the_care_follow_up(capsys: pytest.CaptureFixture[str]) -> None:
    result = suggest(capsys, "--order-value", "250 USD", "--limit", "3", "It arrived broken")
    offers = [s["entry_id"] for s in result["suggestions"] if "offer" in s]
    assert offers == ["offer.return_local_warehouse", "offer.care_follow_up"]
    assert len(result["suggestions"]) == 3


def test_offers_are_not_ranked_without_a_rule(capsys: pytest.CaptureFixture[str]) -> None:
    result = suggest(capsys, "--limit", "10", "The mug arrived broken")
    assert not [s for s in result["suggestions"] if s["entry_id"].startswith("offer.")]


def test_likely_next_after_ten_days(capsys: pytest.CaptureFixture[str]) -> None:
    result = suggest(capsys, "--order-age", "12", "--limit", "2", "where is my order?")
    (hint,) = result["likely_next"]
    assert (hint["hint"], hint["scenario"]) == ("late_order_status", "shipping_delay")
    assert hint["suggestion"]["entry_id"] == "shipping_delay.apology_eta"
    assert suggest(capsys, "--order-age", "2", "where is my order?")["likely_next"] == []


def test_human_output_shows_the_offer_reason(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["suggest", "--order-value", "25 USD", "--agent-language", "en", "it arrived broken"])
        == 0
    )
    out = capsys.readouterr().out
    assert "offer (rule low_value_damaged_keep_it): Low-value item" in out


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("25 XYZ", "unknown currency 'XYZ'"),
        ("25", "add the currency"),
        ("$25", "three-letter code"),
    ],
)
def test_bad_order_values_are_clear_errors(
    capsys: pytest.CaptureFixture[str], value: str, says: str
) -> None:
    assert main(["suggest", "--order-value", value, "broken"]) == 2
    err = capsys.readouterr().err
    assert says in err and "order value" in err


def test_likely_next_for_warranty_and_size_questions(capsys: pytest.CaptureFixture[str]) -> None:
    warranty = suggest(capsys, "Does this blender come with a warranty? What is the wattage?")
    assert [h["hint"] for h in warranty["likely_next"]] == ["warranty_then_fault"]
    assert warranty["likely_next"][0]["suggestion"]["entry_id"] == "product_fault.troubleshooting"
    size = suggest(capsys, "I usually wear M, which size fits me?")
    assert [(h["hint"], h["scenario"]) for h in size["likely_next"]] == [
        ("size_then_exchange", "return_exchange")
    ]


def test_a_customer_who_spent_30k_this_year_gets_the_care_follow_up(
    capsys: pytest.CaptureFixture[str],
) -> None:
    result = suggest(capsys, "--year-spend", "31000 USD", "my parcel is late again")
    first = result["suggestions"][0]
    assert (first["entry_id"], first["offer"]["rule"]) == (
        "offer.care_follow_up",
        "year_spend_care",
    )
    assert "spent this year 31000 USD, at least 30000 USD" in first["offer"]["reason"]
    plain = suggest(capsys, "--year-spend", "900 USD", "my parcel is late again")
    assert all(s["entry_id"] != "offer.care_follow_up" for s in plain["suggestions"])


def test_a_malformed_year_spend_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["suggest", "--year-spend", "$30k", "hello"]) == 2  # a usage error
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "year spend '$30k' is not understood" in err
