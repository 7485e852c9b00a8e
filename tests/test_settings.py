from __future__ import annotations

import contextlib
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


def test_a_fifo_or_device_as_settings_file_is_refused_without_hanging(tmp_path: Path) -> None:
    """Issue #20 item 9: a settings.json that is a FIFO hung `suggest` for 54 minutes."""
    import os
    import threading

    fifo = tmp_path / "settings.json"
    os.mkfifo(fifo)

    def unblock() -> None:  # if the read blocks (the bug), end it so the test fails
        with contextlib.suppress(OSError):
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))

    timer = threading.Timer(5, unblock)
    timer.start()
    try:
        s = Settings.load(fifo)
    finally:
        timer.cancel()
    assert s.get("font_size") == 10
    s.set("font_size", 14)
    s.save()  # replaces the FIFO with a real file; nothing to keep of a FIFO
    assert json.loads(fifo.read_text(encoding="utf-8"))["font_size"] == 14
    assert not (tmp_path / "settings.json.unreadable").exists()
    link = tmp_path / "zero.json"
    link.symlink_to("/dev/zero")
    assert Settings.load(link).get("font_size") == 10


@pytest.mark.parametrize(
    "text",
    ["[" * 100_000 + "]" * 100_000, '{"a": ' * 20 + "1" + "}" * 20, "[" + "0," * 20_000 + "0]"],
    ids=["recursion", "deep", "many"],
)
def test_a_hostile_settings_file_falls_back_and_is_kept(tmp_path: Path, text: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(text, encoding="utf-8")
    s = Settings.load(path)
    assert s.get("font_size") == 10
    s.save()
    assert (tmp_path / "settings.json.unreadable").read_text(encoding="utf-8") == text


def test_an_oversized_settings_file_is_not_read(tmp_path: Path) -> None:
    from chatassist import settings as settings_module

    path = tmp_path / "settings.json"
    path.write_text('{"font_size": 12, "pad": "' + "x" * settings_module.MAX_FILE_BYTES + '"}')
    assert Settings.load(path).get("font_size") == 10
