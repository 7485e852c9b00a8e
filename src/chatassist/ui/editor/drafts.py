"""Crash drafts: the canonical YAML of the phrasebook under edit, after every edit.

``<data dir>/drafts/<phrasebook id>.yaml`` is written atomically (temp file +
rename) on each committed edit and removed on save or discard. A draft may be
invalid (the trainer was mid-way), so it is read back leniently: whatever the
writer wrote is rebuilt, and validation happens in the editor as usual.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from pathlib import Path

import yaml

from chatassist.core.files import write_atomic
from chatassist.core.phrasebook.model import Entry, Phrasebook, Variant
from chatassist.core.phrasebook.writer import dump


def draft_path(data_dir: Path, book_id: str) -> Path:
    return data_dir / "drafts" / f"{book_id}.yaml"


def save_draft(data_dir: Path, book: Phrasebook, book_id: str | None = None) -> Path:
    path = draft_path(data_dir, book_id or book.id)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, dump(book))
    return path


def discard_draft(data_dir: Path, book_id: str) -> None:
    draft_path(data_dir, book_id).unlink(missing_ok=True)


#: libyaml's loader when PyYAML has it: a 10,000-entry draft reads in 15 s instead of
#: 54 s on the loaded 2-core test machine (still slow: the editor reads it in a worker)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_draft(data_dir: Path, book_id: str) -> Phrasebook | None:
    """The draft left for ``book_id``, or None (no draft, or unreadable). Slow for a
    large phrasebook: call it from a worker."""
    path = draft_path(data_dir, book_id)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return None
    try:
        return book_from_data(data)
    except (TypeError, KeyError, ValueError, AttributeError):
        return None


def _mapping(value: object) -> Mapping[object, object]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise TypeError(f"expected a mapping, got {type(value).__name__}")
    return value


def _strings(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list | tuple):
        raise TypeError(f"expected a list, got {type(value).__name__}")
    return tuple(str(v) for v in value)


def _texts(value: object) -> dict[str, str]:
    return {str(k): str(v) for k, v in _mapping(value).items()}


def _entry(data: Mapping[object, object]) -> Entry:
    variants = []
    for lang, tones in _mapping(data.get("variants")).items():
        for tone, value in _mapping(tones).items():
            if isinstance(value, Mapping):
                vetted = bool(value.get("vetted", True))
                variants.append(Variant(str(lang), str(tone), str(value["text"]), vetted))
            else:
                variants.append(Variant(str(lang), str(tone), str(value)))
    return Entry(
        id=str(data["id"]),
        scenarios=_strings(data.get("scenarios")),
        kind=str(data.get("kind", "reply")),
        gloss=_texts(data.get("gloss")),
        body=_texts(data.get("body")),
        tags=_strings(data.get("tags")),
        segments=_strings(data.get("segments")),
        regions=_strings(data.get("regions")),
        pinned=bool(data.get("pinned", False)),
        keywords={str(k): _strings(v) for k, v in _mapping(data.get("keywords")).items()},
        variants=tuple(variants),
        placeholder_kinds=_texts(data.get("placeholders")),
    )


def book_from_data(data: object) -> Phrasebook:
    """Rebuild a phrasebook from the writer's data, without validating it
    (TypeError, KeyError or ValueError when it is not the writer's shape)."""
    book = _mapping(data)
    version = book.get("version", 1)
    if not isinstance(version, int | str):
        raise TypeError(f"version: expected a number, got {type(version).__name__}")
    return Phrasebook(
        id=str(book["id"]),
        title=_texts(book.get("title")),
        entries=tuple(_entry(_mapping(e)) for e in _items(book.get("entries"))),
        version=int(version),
        description=_texts(book.get("description")),
        do_not_translate=_strings(book.get("do_not_translate")),
        placeholder_kinds=_texts(book.get("placeholders")),
    )


def _items(value: object) -> list[object]:
    if value is None:
        return []
    if not isinstance(value, list | tuple):
        raise TypeError(f"expected a list, got {type(value).__name__}")
    return list(value)


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
