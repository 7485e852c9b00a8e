"""Import under concurrency: the diff and the backup decision see what is really there."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from chatassist.core.phrasebook.loader import load_files
from chatassist.storage.database import Database
from chatassist.storage.library import PhrasebookLibrary

BOOK = """\
format: 1
id: shared
title: {zh-Hans: 共享, en: Shared}
entries:
  - id: greeting.hello
    scenarios: [greeting]
    gloss: {zh-Hans: 问候, en: Hello}
    variants:
      en: {direct: "Hello {customer_name}!"}
"""
EXTRA = """\
  - id: greeting.extra
    scenarios: [greeting]
    gloss: {zh-Hans: 另一个, en: Another}
    variants:
      en: {direct: "Hi there!"}
"""


@pytest.fixture
def library(tmp_path: Path) -> Iterator[PhrasebookLibrary]:
    db = Database.open(tmp_path / "lib.sqlite3", backups_dir=tmp_path / "backups")
    yield PhrasebookLibrary(db)
    db.close()


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_an_import_racing_another_writer_reports_and_backs_up_what_it_replaces(
    library: PhrasebookLibrary, tmp_path: Path
) -> None:
    """Another process adds an entry while this import waits for the write lock: the
    import must diff against that entry (report it removed, back it up), not against
    what it read before the lock."""
    library.import_files([_write(tmp_path, "v1.yaml", BOOK)])
    ours = load_files([_write(tmp_path, "v2.yaml", BOOK.replace("Hello {", "Hello again {"))])
    theirs = load_files([_write(tmp_path, "v3.yaml", BOOK + EXTRA)])
    locked = threading.Event()
    waiting = threading.Event()
    errors: list[BaseException] = []

    def rival() -> None:
        try:

            def write() -> None:
                locked.set()
                # Hold the lock until the main import is queued behind it.
                waiting.wait(5)
                library.importer.import_loaded(theirs)  # a savepoint inside this transaction

            # peewee gives each thread its own SQLite connection: a second writer.
            library.database.run(write)
        except BaseException as exc:  # reported below, on the test's thread
            errors.append(exc)

    thread = threading.Thread(target=rival)
    thread.start()
    assert locked.wait(5)
    # The main import blocks on BEGIN IMMEDIATE (busy_timeout) until the rival commits.
    timer = threading.Timer(0.3, waiting.set)
    timer.start()
    report = library.import_loaded(ours)
    thread.join(5)
    assert not errors
    (book,) = report.books
    assert book.removed == ["greeting.extra"]
    assert report.backup is not None
    backup = sqlite3.connect(report.backup)
    try:
        ids = {r[0] for r in backup.execute("SELECT id FROM entry")}
    finally:
        backup.close()
    assert "greeting.extra" in ids  # the replaced entry can be restored
