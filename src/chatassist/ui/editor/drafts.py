"""Crash drafts: the canonical YAML of the phrasebook under edit, after every edit.

``<data dir>/drafts/<phrasebook id>.yaml`` is written atomically (temp file +
rename) on each committed edit and removed on save or discard. A draft may be
invalid (the trainer was mid-way), so it is read back leniently: whatever the
writer wrote is rebuilt, and validation happens in the editor as usual.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import yaml

from chatassist.core.phrasebook.model import Entry, Phrasebook, Variant
from chatassist.core.phrasebook.writer import dump
from chatassist.storage.library import write_atomic


def draft_path(data_dir: Path, book_id: str) -> Path:
    return data_dir / "drafts" / f"{book_id}.yaml"


def save_draft(data_dir: Path, book: Phrasebook, book_id: str | None = None) -> Path:
    path = draft_path(data_dir, book_id or book.id)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, dump(book))
    return path


def discard_draft(data_dir: Path, book_id: str) -> None:
    draft_path(data_dir, book_id).unlink(missing_ok=True)


def load_draft(data_dir: Path, book_id: str) -> Phrasebook | None:
    """The draft left for ``book_id``, or None (no draft, or unreadable)."""
    path = draft_path(data_dir, book_id)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return None
    try:
        return book_from_data(data)
    except (TypeError, KeyError, ValueError, AttributeError):
        return None


def _texts(value: Any) -> dict[str, str]:
    return {str(k): str(v) for k, v in (value or {}).items()}


def _entry(data: dict[str, Any]) -> Entry:
    variants = []
    for lang, tones in (data.get("variants") or {}).items():
        for tone, value in (tones or {}).items():
            if isinstance(value, dict):
                variants.append(
                    Variant(lang, tone, str(value["text"]), bool(value.get("vetted", True)))
                )
            else:
                variants.append(Variant(lang, tone, str(value)))
    return Entry(
        id=str(data["id"]),
        scenarios=tuple(data.get("scenarios") or ()),
        kind=str(data.get("kind", "reply")),
        gloss=_texts(data.get("gloss")),
        body=_texts(data.get("body")),
        tags=tuple(data.get("tags") or ()),
        segments=tuple(data.get("segments") or ()),
        regions=tuple(data.get("regions") or ()),
        pinned=bool(data.get("pinned", False)),
        keywords={
            str(k): tuple(str(w) for w in v) for k, v in (data.get("keywords") or {}).items()
        },
        variants=tuple(variants),
        placeholder_kinds=_texts(data.get("placeholders")),
    )


def book_from_data(data: dict[str, Any]) -> Phrasebook:
    """Rebuild a phrasebook from the writer's data, without validating it."""
    return Phrasebook(
        id=str(data["id"]),
        title=_texts(data.get("title")),
        entries=tuple(_entry(e) for e in data.get("entries") or ()),
        version=int(data.get("version", 1)),
        description=_texts(data.get("description")),
        do_not_translate=tuple(str(t) for t in data.get("do_not_translate") or ()),
        placeholder_kinds=_texts(data.get("placeholders")),
    )


class DraftWriter:
    """Writes drafts from worker threads, newest wins.

    Dumping a large phrasebook takes a few hundred milliseconds, so drafts are
    written off the UI thread; each request takes a number from :meth:`ticket`
    and a write older than the last one done is skipped.
    """

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._lock = threading.Lock()
        self._issued = 0
        self._done = 0

    def ticket(self) -> int:
        with self._lock:
            self._issued += 1
            return self._issued

    def write(self, ticket: int, book_id: str, book: Phrasebook | None) -> None:
        """Save ``book`` as the draft of ``book_id`` (None: remove the draft)."""
        with self._lock:
            if ticket < self._done:
                return
            self._done = ticket
            if book is None:
                discard_draft(self.data_dir, book_id)
            else:
                save_draft(self.data_dir, book, book_id)
