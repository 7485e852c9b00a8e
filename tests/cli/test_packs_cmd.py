"""``chatassist packs list|install|download|remove``."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from chatassist.cli.main import main
from translation_fixtures import TinyPacks, tiny_packs_fixture  # noqa: F401

pytestmark = pytest.mark.slow


def test_install_list_remove(
    data_dir: Path,
    tiny_packs: TinyPacks,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["packs", "list"]) == 0
    assert "no language packs installed" in capsys.readouterr().out

    assert main(["packs", "install", str(tiny_packs.get("zh", "en")), "--json"]) == 0
    installed = json.loads(capsys.readouterr().out)["installed"]
    assert installed["name"] == "translate-zh_en" and installed["version"] == "1.0"
    assert main(["packs", "install", str(tiny_packs.get("en", "ja", stanza=True))]) == 0
    assert capsys.readouterr().out.startswith("installed translate-en_ja")

    assert main(["packs", "list", "--json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    assert [p["name"] for p in listing["installed"]] == ["translate-en_ja", "translate-zh_en"]
    assert listing["installed"][0]["has_stanza"] is True and listing["broken"] == []
    # The tiny packs' README names no licence, and the listing says so (not a guess).
    assert {p["licence"] for p in listing["installed"]} == {"not stated in its README"}
    assert {"source": "zh-Hans", "target": "ja", "route": ["zh-Hans", "en", "ja"]} in listing[
        "pairs"
    ]

    assert main(["packs", "list"]) == 0
    listed = capsys.readouterr().out
    assert "7 language pairs available (2 through English)" in listed
    assert "licence: not stated in its README" in listed

    assert main(["packs", "remove", "zh-Hans", "en"]) == 0
    assert capsys.readouterr().out.startswith("removed translate-zh_en")
    assert main(["packs", "remove", "zh-Hans", "en"]) == 1
    assert capsys.readouterr().err.startswith("chatassist: no pack installed for zh-Hans→en")


def test_bad_file_is_one_line_and_installs_nothing(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "x.argosmodel"
    bad.write_text("nope")
    assert main(["packs", "install", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err == "chatassist: x.argosmodel: not a language pack (not a zip archive)\n"
    assert not (data_dir / "packs").exists() or list((data_dir / "packs").iterdir()) == []


@pytest.mark.loopback_network
def test_download_offline_is_one_line(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as s:  # a port nothing listens on: what "offline" looks like
        s.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{s.getsockname()[1]}/index.json"
    monkeypatch.setenv("CHATASSIST_PACK_INDEX", url)
    assert main(["packs", "download", "en", "es"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"chatassist: cannot reach the pack index at {url} (offline")
    assert err.count("\n") == 1


def test_selftest_reports_every_case_of_every_pack(
    data_dir: Path, tiny_packs: TinyPacks, capsys: pytest.CaptureFixture[str]
) -> None:
    for pair in (("en", "es"), ("zt", "en")):
        assert main(["packs", "install", str(tiny_packs.get(*pair))]) == 0
    capsys.readouterr()
    assert main(["packs", "selftest", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [p["pair"] for p in report["packs"]] == ["en-es", "zt-en"]
    for pack in report["packs"]:
        results = {c["case"]: c["result"] for c in pack["cases"]}
        assert {"order_number", "emoji", "url", "multi_sentence"} <= set(results)
        assert set(results.values()) <= {"kept", "repaired", "reported"}  # never "lost"

    assert main(["packs", "selftest", "zh-Hant-en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("translate-zt_en 1.0: ") and "0 lost" in out
    assert "translate-en_es" not in out


def test_selftest_names_a_pair_it_cannot_test(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["packs", "selftest", "en-vi"]) == 2
    assert "no installed pack for en-vi" in capsys.readouterr().err
    assert main(["packs", "selftest", "english-spanish"]) == 2
    assert "not a language pair: 'english-spanish'" in capsys.readouterr().err
