from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from chatassist.cli.main import main


def test_human_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["detect", "¿Dónde está mi pedido?"]) == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith("Spanish (es) ")
    assert out.split()[2].isdigit() and "%" in out


def test_uncertain_marker(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["detect", "12345 👍"]) == 0
    assert "uncertain" in capsys.readouterr().out


def test_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["detect", "--json", "荷物まだ？"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["language"] == "ja"
    assert data["uncertain"] is False
    assert data["candidates"][0] == {"language": "ja", "confidence": data["confidence"]}


def test_batch_from_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = ["Wo ist mein Paket?", "", "12345 👍", "我的包裹在哪裡"]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    assert main(["detect", "--batch", "-"]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o["language"] for o in out] == ["de", "und", "und", "zh-Hant"]
    for o in out:
        assert {"language", "confidence", "uncertain", "candidates"} <= set(o)
        assert isinstance(o["confidence"], float) and isinstance(o["uncertain"], bool)
        assert all(set(c) == {"language", "confidence"} for c in o["candidates"])
    assert out[1]["uncertain"] and out[1]["candidates"] == []


def test_batch_from_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "msgs.txt"
    f.write_text("Merci beaucoup\nDziękuję bardzo\n", encoding="utf-8")
    assert main(["detect", "--batch", str(f)]) == 0
    assert [json.loads(x)["language"] for x in capsys.readouterr().out.splitlines()] == ["fr", "pl"]


def test_missing_batch_file_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["detect", "--batch", str(tmp_path / "nope.txt")]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["detect"]) == 2
    assert main(["detect", "hello", "--batch", "-"]) == 2
    assert "detect:" in capsys.readouterr().err
