"""`chatassist suggest`: the message-to-suggestions pipeline end to end (bundled content)."""

from __future__ import annotations

import io
import json

import pytest

from chatassist.cli.main import main


@pytest.fixture(scope="module")
def library_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One data folder for the module: the bundled phrasebooks are imported once."""
    return str(tmp_path_factory.mktemp("suggest-data"))


@pytest.fixture(autouse=True)
def shared_library(library_dir: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHATASSIST_DATA_DIR", library_dir)


def suggest(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:  # type: ignore[type-arg]
    code = main(["suggest", *argv, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)  # type: ignore[no-any-return]


def test_spanish_order_status(capsys: pytest.CaptureFixture[str]) -> None:
    result = suggest(capsys, "¿Dónde está mi pedido 48213?")
    assert result["language"] == "es" and result["detection"]["uncertain"] is False
    assert (result["region"]["id"], result["region"]["guessed"], result["tone"]) == (
        "europe",
        True,
        "direct",
    )
    assert result["scenarios"][0]["id"] == "order_status"
    assert result["scenarios"][0]["evidence"]
    first = result["suggestions"][0]
    assert (first["language"], first["tone"], first["needs_translation"]) == ("es", "direct", False)
    assert first["entry_id"].startswith("order_status.")
    assert first["reasons"] and first["gloss"]


def test_country_sets_region_and_tone(capsys: pytest.CaptureFixture[str]) -> None:
    result = suggest(
        capsys, "my parcel is stuck at customs, do I have to pay tax?", "--country", "jp"
    )
    assert (result["region"]["id"], result["region"]["guessed"], result["tone"]) == (
        "japan",
        False,
        "detailed",
    )
    assert (
        result["scenarios"][0]["id"] == "customs_tax" and result["scenarios"][0]["urgent"] is True
    )
    assert {s["tone"] for s in result["suggestions"]} == {"detailed"}
    assert any(n["entry_id"].startswith("customs_tax.note") for n in result["notes"])


def test_japanese_and_thai_without_spaces(capsys: pytest.CaptureFixture[str]) -> None:
    ja = suggest(capsys, "荷物がまだ届かないのですが")
    assert ja["language"] == "ja" and ja["tone"] == "detailed"
    assert ja["suggestions"] and ja["suggestions"][0]["language"] == "ja"
    th = suggest(capsys, "ยังไม่ได้รับของเลยค่ะ")
    assert th["language"] == "th" and th["tone"] == "warm" and th["suggestions"]


def test_segment_changes_the_offer(capsys: pytest.CaptureFixture[str]) -> None:
    vip = suggest(capsys, "my order is 2 weeks late!!", "--segment", "high_value", "--limit", "3")
    new = suggest(capsys, "my order is 2 weeks late!!", "--segment", "new", "--limit", "3")
    assert [s["entry_id"] for s in vip["suggestions"]] != [
        s["entry_id"] for s in new["suggestions"]
    ]


def test_no_intent_gives_the_general_replies(capsys: pytest.CaptureFixture[str]) -> None:
    result = suggest(capsys, "ok 123456")
    assert result["scenarios"] == []
    assert result["suggestions"] and all(s["general"] for s in result["suggestions"])


def test_batch_is_one_json_object_per_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("where is my order\n退款什么时候到账\n"))
    assert main(["suggest", "--batch", "-"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert [json.loads(line)["language"] for line in lines] == ["en", "zh-Hans"]


def test_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["suggest", "hi", "--country", "Japan"]) == 2
    assert "two-letter ISO code" in capsys.readouterr().err
    assert main(["suggest"]) == 2
    with pytest.raises(SystemExit) as exit_:
        main(["suggest", "hi", "--segment", "vip"])
    assert exit_.value.code == 2


def test_human_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["suggest", "I want a refund", "--agent-language", "en"]) == 0
    out = capsys.readouterr().out
    assert "scenario: refund_request" in out and "URGENT" in out
