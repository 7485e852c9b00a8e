from __future__ import annotations

import json
from pathlib import Path

import pytest

from chatassist.settings import SETTINGS, Settings


def test_defaults_roundtrip_and_unknown_keys_kept(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    s = Settings.load(path)
    assert s.get("agent_language") == "zh-Hans"
    s.set("font_size", 12)
    s.set("agent_language", "en")
    s.save()
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw["from_the_future"] = 1
    path.write_text(json.dumps(raw), encoding="utf-8")
    again = Settings.load(path)
    assert again.get("font_size") == 12 and again.get("agent_language") == "en"
    again.save()
    assert json.loads(path.read_text(encoding="utf-8"))["from_the_future"] == 1


def test_bad_values_are_refused_and_bad_files_fall_back(tmp_path: Path) -> None:
    s = Settings.load(tmp_path / "settings.json")
    with pytest.raises(ValueError, match="agent_language must be one of"):
        s.set("agent_language", "fr")
    with pytest.raises(ValueError, match="always_on_top must be bool"):
        s.set("always_on_top", "yes")
    path = tmp_path / "bad.json"
    path.write_text('{"font_size": "huge", "clipboard_watch": true}', encoding="utf-8")
    loaded = Settings.load(path)
    assert loaded.get("font_size") == 10 and loaded.get("clipboard_watch") is True
    path.write_text("{not json", encoding="utf-8")
    assert Settings.load(path).get("font_size") == 10


def test_every_setting_has_a_description() -> None:
    assert all(s.description for s in SETTINGS)


def test_a_newer_file_keeps_its_version_and_values(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps({"version": 3, "font_size": 24, "agent_language": "ja", "new_thing": 1}),
        encoding="utf-8",
    )
    s = Settings.load(path)
    assert s.get("font_size") == 10  # out of this version's range: read as the default
    assert s.get("agent_language") == "zh-Hans"
    s.set("always_on_top", False)
    s.save()
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved == {
        "version": 3,
        "font_size": 24,
        "agent_language": "ja",
        "new_thing": 1,
        "always_on_top": False,
    }


def test_an_unreadable_file_is_kept_aside_before_saving(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    s = Settings.load(path)
    s.set("font_size", 12)
    s.save()
    assert (tmp_path / "settings.json.unreadable").read_text(encoding="utf-8") == "{not json"
    assert Settings.load(path).get("font_size") == 12
