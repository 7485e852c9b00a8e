"""Typed storage errors: each says what is wrong with which file and what to do."""

from __future__ import annotations

from pathlib import Path

from chatassist.errors import ChatassistError


class StorageError(ChatassistError):
    """The library database cannot be used as asked."""


class DatabaseLocked(StorageError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"database {path} is locked by another program; close it and try again")


class DatabaseReadOnly(StorageError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"database {path} is read-only; check the file's permissions")


class DatabaseCorrupt(StorageError):
    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            f"database {path} is not a usable chatassist database ({detail}); "
            "it was left untouched: run 'chatassist db repair' (or move it away and "
            "restore a copy from the backups folder)"
        )


class DiskFull(StorageError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"the disk holding {path} is full; nothing was changed: free some space and try again"
        )


class NewerSchema(StorageError):
    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__(
            f"database {path} has schema version {found}, newer than this chatassist "
            f"understands ({supported}); update chatassist. The file was left untouched"
        )


class NotFound(StorageError):
    """A phrasebook or entry named by the user does not exist."""
