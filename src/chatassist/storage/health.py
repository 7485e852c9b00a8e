"""Is the library database whole, and what to do when it is not.

- :func:`check` runs SQLite's full ``integrity_check`` (the open-time
  ``quick_check`` does not compare indexes with their tables) and looks for
  text that is not UTF-8, on a read-only connection: it never changes the file.
- :func:`repair` rebuilds the indexes when only they are damaged (REINDEX:
  nothing is lost), else salvages every readable entry to YAML files and,
  after the caller confirms, puts the newest backup that passes the check in
  place, keeping the damaged file aside. Nothing is ever deleted.
- :func:`unclean_shutdown` tells whether a previous process using the
  database ended without closing it (then a full check runs at open).
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from chatassist.core.files import write_atomic
from chatassist.core.phrasebook.model import Entry, Phrasebook, Variant
from chatassist.core.phrasebook.writer import dump
from chatassist.storage import backups
from chatassist.storage.errors import StorageError

#: integrity_check messages that concern only an index (its table is intact)
_INDEX_ONLY = re.compile(
    r"^(row \d+ missing from index \S+|wrong # of entries in index \S+"
    r"|non-unique entry in index \S+|NULL value in \S+)$"
)
_MAX_MESSAGES = 100
#: the library's text columns: (table, column, json?)
_TEXT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("phrasebook", "id"),
    ("phrasebook", "title"),
    ("phrasebook", "description"),
    ("phrasebook", "do_not_translate"),
    ("phrasebook", "placeholder_kinds"),
    ("entry", "id"),
    ("entry", "phrasebook_id"),
    ("entry", "kind"),
    ("entry", "scenarios"),
    ("entry", "tags"),
    ("entry", "segments"),
    ("entry", "regions"),
    ("entry", "gloss"),
    ("entry", "body"),
    ("entry", "placeholder_kinds"),
    ("keyword", "entry_id"),
    ("keyword", "language"),
    ("keyword", "words"),
    ("keyword", "text"),  # a row per keyword before schema 9 (a column not there is skipped)
    ("variant", "entry_id"),
    ("variant", "language"),
    ("variant", "tone"),
    ("variant", "text"),
)


@dataclass(frozen=True)
class HealthReport:
    path: Path
    problems: tuple[str, ...] = ()  # integrity_check's own lines (at most 100)
    bad_text: int = 0  # text cells holding bytes that are not UTF-8
    unreadable: str | None = None  # the file cannot be opened as a database at all

    @property
    def ok(self) -> bool:
        return not self.problems and not self.bad_text and self.unreadable is None

    @property
    def index_only(self) -> bool:
        """Only indexes disagree with their tables: REINDEX repairs it, nothing is lost."""
        return (
            self.unreadable is None
            and not self.bad_text
            and bool(self.problems)
            and all(_INDEX_ONLY.match(p) for p in self.problems)
        )

    def summary(self) -> str:
        """One line for a person."""
        if self.unreadable is not None:
            return f"database {self.path} cannot be read: {self.unreadable}"
        if self.ok:
            return f"database {self.path}: ok (full integrity check)"
        parts = []
        if self.problems:
            kind = "index damage" if self.index_only else "damage"
            more = "+" if len(self.problems) >= _MAX_MESSAGES else ""
            parts.append(
                f"{kind}: {len(self.problems)}{more} problem(s), first: {self.problems[0]}"
            )
        if self.bad_text:
            parts.append(f"{self.bad_text} text cell(s) are not valid UTF-8")
        return f"database {self.path} is damaged ({'; '.join(parts)}); run: chatassist db repair"

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "ok": self.ok,
            "index_only": self.index_only,
            "problems": list(self.problems),
            "bad_text_cells": self.bad_text,
            "unreadable": self.unreadable,
            "summary": self.summary(),
        }


def _connect_ro(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    conn.text_factory = bytes
    return conn


def check(path: Path) -> HealthReport:
    """The full check of ``path`` (read-only; never changes it)."""
    try:
        if path.stat().st_size == 0:
            return HealthReport(path, unreadable="the file is empty (0 bytes)")
        conn = _connect_ro(path)
    except (OSError, sqlite3.Error) as exc:
        return HealthReport(path, unreadable=str(exc))
    try:
        try:
            rows = conn.execute(f"PRAGMA integrity_check({_MAX_MESSAGES})").fetchall()
        except sqlite3.Error as exc:
            return HealthReport(path, unreadable=str(exc))
        lines = [_text(r[0]) for r in rows]
        problems = () if lines == ["ok"] else tuple(lines)
        return HealthReport(path, problems, _count_bad_text(conn))
    finally:
        conn.close()


def _text(value: object) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _count_bad_text(conn: sqlite3.Connection) -> int:
    bad = 0
    tables = {
        _text(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
    }
    for table, column in _TEXT_COLUMNS:
        if table not in tables:
            continue
        try:
            for (value,) in conn.execute(f"SELECT {column} FROM {table}"):
                if isinstance(value, bytes):
                    try:
                        value.decode("utf-8")
                    except UnicodeDecodeError:
                        bad += 1
        except sqlite3.Error:
            continue  # a damaged table: integrity_check says so
    return bad


# --- salvage ----------------------------------------------------------------------


@dataclass
class Salvage:
    folder: Path
    files: list[Path] = field(default_factory=list)
    entries: int = 0
    variants: int = 0
    damaged_cells: int = 0  # not UTF-8 (kept with U+FFFD) or not JSON (left empty)
    unreadable_rows: int = 0  # rows SQLite could not read at all (estimate)


def _has_column(conn: sqlite3.Connection, table: str, column: str) -> bool:
    try:
        return any(_text(row[1]) == column for row in conn.execute(f"PRAGMA table_info({table})"))
    except sqlite3.DatabaseError:
        return False


def _rows(conn: sqlite3.Connection, table: str, columns: str) -> Iterator[tuple[Any, ...]]:
    """Every readable row of ``table`` in rowid order, skipping past damaged pages."""
    last = -(1 << 63)
    step = 1
    while True:
        try:
            cur = conn.execute(
                f"SELECT rowid, {columns} FROM {table} WHERE rowid > ? ORDER BY rowid", [last]
            )
            for row in cur:
                last = row[0]
                step = 1
                yield row[1:]
            return
        except sqlite3.DatabaseError:
            if step > 1 << 40:
                return
            last += step  # jump over what cannot be read, further each time
            step *= 2


class _Cells:
    def __init__(self) -> None:
        self.damaged = 0

    def text(self, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, bytes):
            try:
                return value.decode("utf-8")
            except UnicodeDecodeError:
                self.damaged += 1
                return value.decode("utf-8", "replace")
        return str(value)

    def json(self, value: Any, default: Any) -> Any:
        try:
            parsed = json.loads(self.text(value)) if value is not None else default
        except ValueError:
            self.damaged += 1
            return default
        return parsed if isinstance(parsed, type(default)) else default


def salvage(path: Path, folder: Path) -> Salvage:
    """Write every readable phrasebook and entry of ``path`` as YAML into ``folder``."""
    conn = _connect_ro(path)
    cells = _Cells()
    out = Salvage(folder)
    try:
        variants: dict[str, list[Variant]] = {}
        for entry_id, lang, tone, text, vetted in _rows(
            conn, "variant", "entry_id, language, tone, text, vetted"
        ):
            variants.setdefault(cells.text(entry_id), []).append(
                Variant(cells.text(lang), cells.text(tone), cells.text(text), bool(vetted))
            )
        keywords: dict[str, dict[str, list[tuple[int, str]]]] = {}
        if _has_column(conn, "keyword", "words"):  # schema 9: an array per language
            for entry_id, lang, words in _rows(conn, "keyword", "entry_id, language, words"):
                keywords.setdefault(cells.text(entry_id), {})[cells.text(lang)] = [
                    (i, str(w)) for i, w in enumerate(cells.json(words, []))
                ]
        else:
            for entry_id, lang, position, text in _rows(
                conn, "keyword", "entry_id, language, position, text"
            ):
                keywords.setdefault(cells.text(entry_id), {}).setdefault(
                    cells.text(lang), []
                ).append((int(position or 0), cells.text(text)))
        entries: dict[str, list[tuple[int, Entry]]] = {}
        # Declared placeholder kinds (schema 6): read when the column is there.
        entry_kinds = (
            ", placeholder_kinds" if _has_column(conn, "entry", "placeholder_kinds") else ""
        )
        book_kinds = (
            ", placeholder_kinds" if _has_column(conn, "phrasebook", "placeholder_kinds") else ""
        )
        for row in _rows(
            conn,
            "entry",
            "id, phrasebook_id, position, kind, scenarios, tags, segments, regions, pinned, "
            "gloss, body" + entry_kinds,
        ):
            eid = cells.text(row[0])
            kw = {
                lang: tuple(w for _, w in sorted(ws)) for lang, ws in keywords.get(eid, {}).items()
            }
            entry = Entry(
                id=eid,
                scenarios=tuple(cells.json(row[4], [])),
                kind=cells.text(row[3]) or "reply",
                gloss=cells.json(row[9], {}),
                body=cells.json(row[10], {}),
                tags=tuple(cells.json(row[5], [])),
                segments=tuple(cells.json(row[6], [])),
                regions=tuple(cells.json(row[7], [])),
                pinned=bool(row[8]),
                keywords=kw,
                variants=tuple(variants.get(eid, ())),
                placeholder_kinds=cells.json(row[11], {}) if entry_kinds else {},
            )
            entries.setdefault(cells.text(row[1]), []).append((int(row[2] or 0), entry))
        books: list[Phrasebook] = []
        for book_id, version, title, description, dnt, *kinds in _rows(
            conn, "phrasebook", "id, version, title, description, do_not_translate" + book_kinds
        ):
            bid = cells.text(book_id)
            books.append(
                Phrasebook(
                    id=bid,
                    title=cells.json(title, {}),
                    entries=tuple(e for _, e in sorted(entries.pop(bid, []), key=lambda p: p[0])),
                    version=int(version or 1),
                    description=cells.json(description, {}),
                    do_not_translate=tuple(cells.json(dnt, [])),
                    placeholder_kinds=cells.json(kinds[0], {}) if kinds else {},
                )
            )
        orphans = [e for rows in entries.values() for _, e in rows]
        if orphans:  # their phrasebook row is lost: keep them in a book of their own
            books.append(
                Phrasebook(
                    id="salvaged-entries",
                    title={"en": "Salvaged entries", "zh-Hans": "抢救出的条目"},
                    entries=tuple(orphans),
                )
            )
    finally:
        conn.close()
    folder.mkdir(parents=True, exist_ok=True)
    for book in books:
        target = folder / f"{book.id[:100] or 'unnamed'}.yaml"
        write_atomic(target, dump(book))
        out.files.append(target)
        out.entries += len(book.entries)
        out.variants += sum(len(e.variants) for e in book.entries)
    out.damaged_cells = cells.damaged
    return out


# --- repair -----------------------------------------------------------------------


@dataclass
class RepairReport:
    before: HealthReport
    after: HealthReport | None = None
    reindexed: bool = False
    salvage: Salvage | None = None
    restored: backups.Backup | None = None
    damaged_kept: Path | None = None
    declined: bool = False
    salvage_error: str = ""
    no_backup: bool = False

    def lines(self) -> list[str]:
        out = [self.before.summary()]
        if self.reindexed:
            out.append("indexes rebuilt (REINDEX); no entry was lost")
        if self.salvage is not None:
            s = self.salvage
            out.append(
                f"salvaged {s.entries} entries ({s.variants} variants) to {s.folder}"
                + (
                    f"; {s.damaged_cells} damaged cell(s) kept as well as they read"
                    if s.damaged_cells
                    else ""
                )
            )
        if self.salvage_error:
            out.append(f"nothing could be salvaged: {self.salvage_error}")
        if self.no_backup:
            out.append(
                "no backup passes the check; import the salvaged files into a new "
                "library (move the damaged database away first)"
            )
        if self.restored is not None:
            out.append(
                f"restored the backup {self.restored.path.name} (taken {self.restored.stamp} UTC)"
            )
        if self.damaged_kept is not None:
            out.append(f"the damaged database was kept as {self.damaged_kept}")
        if self.declined:
            out.append("no backup was restored; the damaged database was left in place")
        if self.after is not None:
            out.append(self.after.summary())
        return out


def newest_verified_backup(backups_dir: Path) -> backups.Backup | None:
    for b in reversed(backups.list_backups(backups_dir)):
        if backups.verify(b.path) is None:
            return b
    return None


def repair(
    path: Path,
    backups_dir: Path,
    salvage_root: Path,
    confirm: Callable[[str], bool],
) -> RepairReport:
    """Repair ``path`` as far as it can be without losing anything (see the module doc).

    ``confirm(question)`` is asked before a backup replaces the database."""
    busy = open_elsewhere(path)
    if busy:
        raise StorageError(
            f"database {path} is open in another chatassist (process {busy[0]}); "
            "close it, then repair"
        )
    report = RepairReport(check(path))
    if report.before.ok:
        return report
    if report.before.index_only:
        try:
            conn = sqlite3.connect(str(path))
            try:
                conn.execute("REINDEX")
                conn.commit()
            finally:
                conn.close()
        except sqlite3.Error as exc:
            raise StorageError(f"cannot rebuild the indexes of {path}: {exc}") from exc
        report.reindexed = True
        report.after = check(path)
        if report.after.ok:
            return report
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    if path.stat().st_size > 0:
        try:
            report.salvage = salvage(path, salvage_root / f"salvage-{stamp}")
        except (sqlite3.Error, OSError) as exc:
            report.salvage_error = str(exc)
    best = newest_verified_backup(backups_dir)
    if best is None:
        report.no_backup = True
        return report
    question = (
        f"Restore the backup {best.path.name} (taken {best.stamp} UTC)? "
        f"The damaged database is kept beside it, not deleted."
    )
    if not confirm(question):
        report.declined = True
        return report
    report.damaged_kept = _put_aside(path, stamp)
    tmp = path.with_name(f".{path.name}.restoring")
    try:
        shutil.copyfile(best.path, tmp)
        problem = backups.verify(tmp)
        if problem is not None:
            raise StorageError(f"the backup {best.path} changed while being restored: {problem}")
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    report.restored = best
    report.after = check(path)
    return report


def _put_aside(path: Path, stamp: str) -> Path:
    """Rename the damaged database (and its -wal/-shm) to ``<name>.damaged-<stamp>``."""
    kept = path.with_name(f"{path.name}.damaged-{stamp}")
    for suffix in ("-wal", "-shm", "-journal"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, kept.with_name(kept.name + suffix))
    os.replace(path, kept)
    return kept


# --- unclean shutdown -------------------------------------------------------------


def _markers(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f".{path.name}.open-*"))


_opened = itertools.count(1)


def mark_open(path: Path) -> Path:
    """Say that this process has ``path`` open (removed by :func:`mark_closed`)."""
    marker = path.with_name(f".{path.name}.open-{os.getpid()}-{next(_opened)}")
    marker.write_text(str(os.getpid()), encoding="utf-8")
    return marker


def mark_closed(marker: Path) -> None:
    marker.unlink(missing_ok=True)


def unclean_shutdown(path: Path) -> bool:
    """True when a process that had ``path`` open ended without closing it
    (its marker remains and it is gone); such markers are then removed."""
    found = False
    for marker in _markers(path):
        try:
            pid = int(marker.name.rsplit(".open-", 1)[1].split("-")[0])
        except ValueError:
            continue
        if pid == os.getpid() or _alive(pid):
            continue
        found = True
        marker.unlink(missing_ok=True)
    return found


def open_elsewhere(path: Path) -> list[int]:
    """Live processes other than this one that have ``path`` open."""
    pids = []
    for marker in _markers(path):
        try:
            pid = int(marker.name.rsplit(".open-", 1)[1].split("-")[0])
        except ValueError:
            continue
        if pid != os.getpid() and _alive(pid):
            pids.append(pid)
    return pids


def _alive(pid: int) -> bool:
    if os.name == "nt":  # os.kill(pid, 0) would end the process there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True
