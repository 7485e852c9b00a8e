"""Where chatassist reads and writes. Resolved once at start-up, never at import.

Everything the app writes lives under one data folder: ``--data-dir``, else the
``CHATASSIST_DATA_DIR`` environment variable, else the platform's per-user data
folder (platformdirs).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from chatassist.errors import ChatassistError

ENV_DATA_DIR = "CHATASSIST_DATA_DIR"
_PACKAGE_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "chatassist.sqlite3"

    @property
    def settings(self) -> Path:
        return self.data_dir / "settings.json"

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    @property
    def packs(self) -> Path:
        """Installed argostranslate language packs."""
        return self.data_dir / "packs"

    @property
    def translation_cache(self) -> Path:
        return self.data_dir / "translation-cache.sqlite3"

    @property
    def cache(self) -> Path:
        """Derived data that can be rebuilt at any time (the persisted suggestion index)."""
        return self.data_dir / "cache"

    @property
    def team_drafts(self) -> Path:
        """Trainers' edits the team server refused (conflicts, offline), as YAML."""
        return self.data_dir / "team-drafts"

    def ensure(self) -> None:
        """Create the data folder (called by commands that write, not at import)."""
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ChatassistError(
                f"cannot use {self.data_dir} as the data folder: {exc.strerror or exc} "
                "(choose another with --data-dir or CHATASSIST_DATA_DIR)"
            ) from exc


def resolve(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    chosen = data_dir or os.environ.get(ENV_DATA_DIR) or platformdirs.user_data_dir("chatassist")
    return AppPaths(Path(chosen).expanduser().absolute())


def bundled_dir(name: str) -> Path:
    """The bundled ``phrasebooks`` or ``resources`` folder.

    Inside an installed wheel they are package data under chatassist/bundled/;
    in a source checkout (including editable installs) they are at the repository root.
    """
    installed = _PACKAGE_DIR / "bundled" / name
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent.parent / name


def bundled_phrasebooks() -> Path:
    return bundled_dir("phrasebooks")


def bundled_resources() -> Path:
    return bundled_dir("resources")
