"""User settings, declared once: name, type, default, description.

Stored as JSON in the data folder (``settings.json``), written atomically.
The file carries a version; ``_UPGRADES`` turns an older file into the
current shape. Unknown keys are kept (a newer chatassist may have written
them); bad values fall back to the default with a warning, never a crash.
"""

from __future__ import annotations

import json
import logging
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chatassist.core.files import FileRefused, read_regular, write_atomic

log = logging.getLogger(__name__)

VERSION = 1


@dataclass(frozen=True)
class Setting:
    name: str
    type: type
    default: Any
    description: str
    choices: tuple[Any, ...] = ()

    def check(self, value: Any) -> Any:
        if self.type is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, self.type) or (self.type is int and isinstance(value, bool)):
            raise ValueError(
                f"{self.name} must be {self.type.__name__}, not {type(value).__name__}"
            )
        if self.choices and value not in self.choices:
            raise ValueError(f"{self.name} must be one of {', '.join(map(str, self.choices))}")
        return value


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "agent_language",
        str,
        "zh-Hans",
        "language the agent reads: glosses and translations",
        ("zh-Hans", "en"),
    ),
    Setting(
        "traditional_chinese",
        str,
        "tw",
        "how Traditional Chinese is written when converted from Simplified (tw, hk, standard)",
        ("tw", "hk", "standard"),
    ),
    Setting("ui_language", str, "system", "language of the interface", ("system", "zh-Hans", "en")),
    Setting("always_on_top", bool, True, "keep the sidebar above other windows"),
    Setting(
        "clipboard_watch", bool, False, "use text copied in other programs as the customer message"
    ),
    Setting(
        "agent_gender",
        str,
        "female",
        "the agent's own gender, for replies whose polite words are the speaker's (Thai ครับ/ค่ะ)",
        ("female", "male"),
    ),
    Setting("font_size", int, 10, "base font size in points", tuple(range(8, 21))),
    Setting("suggestion_count", int, 5, "how many replies to suggest", tuple(range(1, 10))),
    Setting("window_geometry", str, "", "saved window position and size (x,y,width,height)"),
    Setting(
        "sidebar_splitter",
        str,
        "",
        "saved split between the message (with its notes) and the replies (base64)",
    ),
    Setting(
        "team_server",
        str,
        "",
        "team library's PostgreSQL URL (no password: PGPASSWORD, ~/.pgpass or the keyring); "
        "empty when not joined",
    ),
    Setting("team_role", str, "agent", "role in the team library", ("agent", "trainer")),
    Setting(
        "global_hotkey_enabled",
        bool,
        # macOS asks for the Accessibility permission before an app may see other apps' keys.
        sys.platform != "darwin",
        "raise the sidebar from any program with the global hotkey and analyse the clipboard",
    ),
    Setting(
        "global_hotkey",
        str,
        "Ctrl+Alt+Space",
        "the global hotkey, in Qt's portable key-sequence text (e.g. Ctrl+Alt+Space)",
    ),
)
_BY_NAME = {s.name: s for s in SETTINGS}
#: limits of settings.json (the file is ours, but anything may have written it)
MAX_FILE_BYTES = 1 << 20
MAX_DEPTH = 16
MAX_VALUES = 10_000
_UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def _check_shape(raw: object) -> None:
    """ValueError when ``raw`` nests deeper than MAX_DEPTH or holds more than
    MAX_VALUES values (json itself only stops at Python's recursion limit)."""
    todo: list[tuple[object, int]] = [(raw, 1)]
    count = 0
    while todo:
        value, depth = todo.pop()
        count += 1
        if depth > MAX_DEPTH:
            raise ValueError(f"nested deeper than {MAX_DEPTH} levels")
        if count > MAX_VALUES:
            raise ValueError(f"more than {MAX_VALUES:,} values")
        if isinstance(value, dict):
            todo.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            todo.extend((v, depth + 1) for v in value)


class Settings:
    def __init__(self, path: Path, values: dict[str, Any] | None = None) -> None:
        self.path = path
        self._values: dict[str, Any] = dict(values or {})
        self._file_version = VERSION
        self._keep_original = False  # the file on disk could not be read: copy it before saving

    @classmethod
    def load(cls, path: Path) -> Settings:
        try:
            raw = json.loads(read_regular(path, MAX_FILE_BYTES).decode("utf-8"))
            _check_shape(raw)
        except FileNotFoundError:
            return cls(path)
        except FileRefused as exc:
            # A FIFO or device is not the user's data: nothing to keep, never read it
            # (reading a FIFO hung every command that reads the settings).
            log.warning("settings file %s; using defaults", exc)
            return cls(path)
        except (OSError, ValueError, RecursionError) as exc:
            log.warning("settings file %s is unreadable (%s); using defaults", path, exc)
            unreadable = cls(path)
            unreadable._keep_original = True
            return unreadable
        if not isinstance(raw, dict):
            log.warning("settings file %s is not a JSON object; using defaults", path)
            return cls(path)
        version = raw.pop("version", 1)
        if not isinstance(version, int) or version < 1:
            version = 1
        file_version = version
        while version < VERSION and version in _UPGRADES:
            raw = _UPGRADES[version](raw)
            version += 1
        # Every value is kept as written (a newer chatassist may have written
        # values or settings we do not know); bad ones read as their default.
        for name, value in raw.items():
            setting = _BY_NAME.get(name)
            if setting is None:
                continue
            try:
                setting.check(value)
            except ValueError as exc:
                log.warning("settings file %s: %s; using the default", path, exc)
        settings = cls(path, dict(raw))
        settings._file_version = max(file_version, VERSION)
        return settings

    def get(self, name: str) -> Any:
        setting = _BY_NAME[name]
        if name not in self._values:
            return setting.default
        try:
            return setting.check(self._values[name])
        except ValueError:
            return setting.default

    def set(self, name: str, value: Any) -> None:
        """Validate and store (in memory); call ``save`` to write."""
        self._values[name] = _BY_NAME[name].check(value)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self._keep_original and self.path.exists():
            # Nothing the user wrote is lost, even a file we could not read.
            shutil.copy2(self.path, self.path.with_name(self.path.name + ".unreadable"))
            self._keep_original = False
        # Never stamp an older version on a file a newer chatassist wrote.
        data = {**self._values, "version": self._file_version}
        text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
        write_atomic(self.path, text)
