"""Writing the library back out as phrasebook YAML files, one per phrasebook."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from chatassist.core import files
from chatassist.core.phrasebook.model import Phrasebook
from chatassist.core.phrasebook.writer import dump
from chatassist.storage.errors import StorageError


def export_books(books: Sequence[Phrasebook], out_dir: Path) -> list[Path]:
    """Write ``<id>.yaml`` per phrasebook, each atomically (temp file + rename)."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"cannot create {out_dir}: {exc.strerror or exc}") from exc
    written = []
    for book in books:
        target = out_dir / f"{book.id}.yaml"
        write_atomic(target, dump(book))
        written.append(target)
    return written


def write_atomic(target: Path, text: str) -> None:
    """``core.files.write_atomic``, with an OSError reported as a StorageError."""
    try:
        files.write_atomic(target, text)
    except OSError as exc:
        raise StorageError(f"cannot write {target}: {exc.strerror or exc}") from exc
