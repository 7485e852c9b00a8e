"""Writing phrasebooks to a folder, one file per phrasebook, in the trainers' formats.

Every target name is checked before anything is written (a name the file
system cannot hold used to stop an export after 5 of 6 files), and each file is
written atomically, so a file in the folder is always whole.

The trainers' glossary is published with the phrasebooks: a non-empty one is
written beside them as ``glossary.yaml`` (always YAML), which ``phrasebook
import`` of the folder reads back with them (``core.phrasebook.publication``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from chatassist.core.files import write_atomic
from chatassist.core.phrasebook.model import Phrasebook
from chatassist.core.phrasebook.tabular import write_csv, write_xlsx
from chatassist.core.phrasebook.writer import dump
from chatassist.core.translation import glossary as glossary_format
from chatassist.core.translation.glossary import Glossary
from chatassist.errors import ChatassistError

FORMATS = ("yaml", "csv", "xlsx")
#: bytes of a file name most file systems hold (ext4, APFS, NTFS in UTF-16 units)
_MAX_NAME_BYTES = 255


class ExportError(ChatassistError):
    """The phrasebooks cannot be written as asked."""


def target_names(
    books: Sequence[Phrasebook], fmt: str, *, with_glossary: bool = False
) -> list[str]:
    """The file name of each phrasebook; ExportError naming the first that cannot be one
    (``with_glossary``: nor may one be the glossary's)."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format '{fmt}' (known: {', '.join(FORMATS)})")
    names = []
    seen: set[str] = {glossary_format.FILE_NAME} if with_glossary else set()
    for book in books:
        name = f"{book.id}.{fmt}"
        if len(name.encode("utf-8")) > _MAX_NAME_BYTES or "/" in name or book.id in ("", ".", ".."):
            shown = book.id if len(book.id) <= 40 else book.id[:40] + "..."
            raise ExportError(
                f"phrasebook id '{shown}' ({len(book.id):,} characters) cannot be a file name; "
                "nothing was written"
            )
        if name.lower() in seen:  # case-insensitive file systems
            what = (
                "the glossary and a phrasebook"
                if name.lower() == glossary_format.FILE_NAME
                else "two phrasebooks"
            )
            raise ExportError(f"{what} would both be written to {name}; nothing was written")
        seen.add(name.lower())
        names.append(name)
    return names


def export_books(
    books: Sequence[Phrasebook],
    out_dir: Path,
    fmt: str = "yaml",
    glossary: Glossary | None = None,
) -> list[Path]:
    """Write ``<id>.<fmt>`` per phrasebook into ``out_dir`` (created), then
    ``glossary.yaml`` when ``glossary`` has terms; the paths written.

    ExportError before anything is written when a name is impossible or the
    folder cannot be made; ExportError when a file cannot be written (the files
    written before it are whole, the one that failed is not left half-written)."""
    with_glossary = glossary is not None and bool(glossary.terms)
    names = target_names(books, fmt, with_glossary=with_glossary)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot create {out_dir}: {exc.strerror or exc}") from exc
    written: list[Path] = []
    for book, name in zip(books, names, strict=True):
        target = out_dir / name
        try:
            if fmt == "csv":
                write_csv(book, target)
            elif fmt == "xlsx":
                write_xlsx(book, target)
            else:
                write_atomic(target, dump(book))
        except OSError as exc:
            done = f"; {len(written)} of {len(books)} files were written" if written else ""
            raise ExportError(f"cannot write {target}: {exc.strerror or exc}{done}") from exc
        written.append(target)
    if glossary is not None and with_glossary:
        target = out_dir / glossary_format.FILE_NAME
        try:
            write_atomic(target, glossary_format.dump(glossary))
        except OSError as exc:
            raise ExportError(
                f"cannot write {target}: {exc.strerror or exc}; the phrasebooks were written"
            ) from exc
        written.append(target)
    return written
