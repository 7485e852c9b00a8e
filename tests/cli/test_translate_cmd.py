"""``chatassist translate``: offline, one-line errors, JSON output."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from chatassist.app import App
from chatassist.cli.main import main
from translation_fixtures import TinyPacks, offline_fixture, tiny_packs_fixture  # noqa: F401

pytestmark = pytest.mark.slow


@pytest.fixture
def with_packs(data_dir: Path, tiny_packs: TinyPacks) -> Path:
    for pair in (("zh", "en"), ("en", "ja")):
        assert main(["packs", "install", str(tiny_packs.get(*pair))]) == 0
    return data_dir


def test_translate_json_through_english(
    with_packs: Path,
    capsys: pytest.CaptureFixture[str],
    offline: list[str],
) -> None:
    capsys.readouterr()
    code = main(
        ["translate", "订单 SF1234567890 已发货", "--from", "zh-Hans", "--to", "ja", "--json"]
    )
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["route"] == ["zh-Hans", "en", "ja"] and out["pivoted"] is True
    assert out["pack_versions"] == {"translate-zh_en": "1.0", "translate-en_ja": "1.0"}
    assert "SF1234567890" in out["text"] and out["cached"] is False
    assert out["protected"]["tokens"] == [{"kind": "order_number", "text": "SF1234567890"}]
    assert out["detected"] is None and out["back"] is None


def test_translate_plain_prints_text_and_notes(
    with_packs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["translate", "你好", "--from", "zh-Hans", "--to", "ja", "--keep", "你好"]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() and "你好" in captured.out
    assert "translated through zh-Hans → en → ja" in captured.err


def test_no_pack_is_one_line_naming_the_pack(
    with_packs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["translate", "你好", "--from", "zh-Hans", "--to", "vi"]) == 1
    err = capsys.readouterr().err
    assert err == (
        "chatassist: no language pack for zh-Hans→vi: install translate-en_vi "
        "(argos has no Vietnamese pack)\n"
    )


def test_unknown_language_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["translate", "hi", "--from", "en", "--to", "xx"]) == 1
    assert capsys.readouterr().err.startswith("chatassist: unknown language code 'xx'")


def test_without_from_uses_the_detector_when_there_is_one(
    with_packs: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Detection:
        language = "zh-Hans"
        is_unknown = False

        def to_dict(self) -> dict[str, Any]:
            return {"language": "zh-Hans", "uncertain": False}

    class Detector:
        def detect(self, text: str) -> Detection:
            return Detection()

    monkeypatch.setattr(App, "detector", Detector(), raising=False)
    capsys.readouterr()
    assert main(["translate", "你好", "--to", "en", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["source"] == "zh-Hans" and out["detected"]["language"] == "zh-Hans"


def test_without_from_and_without_detector_asks_for_from(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    if hasattr(App, "detector"):
        monkeypatch.delattr(App, "detector")
    assert main(["translate", "你好", "--to", "en"]) == 2
    assert "--from LANG is required" in capsys.readouterr().err


def test_country_picks_the_traditional_chinese_forms(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["translate", "软件和鼠标", "--from", "zh-Hans", "--to", "zh-Hant"]
    assert main([*argv, "--country", "HK"]) == 0
    assert capsys.readouterr().out.strip() == "軟件和鼠標"
    assert main([*argv, "--country", "TW"]) == 0
    assert capsys.readouterr().out.strip() == "軟體和滑鼠"
