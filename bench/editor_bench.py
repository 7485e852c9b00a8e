"""The phrasebook editor's crash drafts on large phrasebooks (issue 16 item 2).

Opening a phrasebook used to read and parse its crash draft on the UI thread;
the draft is now read in the worker. This times, for growing phrasebooks:
writing a draft (in the worker, as after each edit), reading it with PyYAML's
pure-Python loader and with libyaml's (what ``load_draft`` uses when present),
and how long ``EditorWindow.open_book`` keeps the UI thread with a draft
waiting (offscreen, a real thread pool, the library in memory).

Usage: QT_QPA_PLATFORM=offscreen python bench/editor_bench.py [--entries 1000 5000]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import yaml

from chatassist.core.phrasebook.loader import LoadedPhrasebook
from chatassist.core.phrasebook.model import Entry, Phrasebook, Variant
from chatassist.core.statistics.responses import ResponseReport
from chatassist.ui.editor.drafts import book_from_data, draft_path, save_draft
from chatassist.ui.editor.services import SaveReport


def big_book(n: int) -> Phrasebook:
    entries = tuple(
        Entry(
            id=f"greeting.e{i}",
            scenarios=("greeting",),
            gloss={"zh-Hans": f"问候 {i}", "en": f"Hello {i}"},
            variants=(
                Variant("en", "direct", f"Hello {{customer_name}}, this is reply {i}."),
                Variant("es", "direct", f"Hola {{customer_name}}, respuesta {i}."),
                Variant("ja", "detailed", f"{{customer_name}}様、返信 {i} です。"),
            ),
        )
        for i in range(n)
    )
    return Phrasebook(id="big", title={"zh-Hans": "大", "en": "Big"}, entries=entries)


class MemoryLibrary:
    def __init__(self, books: list[Phrasebook]) -> None:
        self.books = books

    def phrasebooks(self) -> list[Phrasebook]:
        return list(self.books)

    def import_loaded(
        self, loaded: Sequence[LoadedPhrasebook], *, backup_reason: str = "before-import"
    ) -> SaveReport:
        raise NotImplementedError("the bench never saves")


class DeclineDrafts:
    def ask_unsaved(self) -> str:
        return "discard"

    def ask_restore_draft(self, book_id: str) -> bool:
        return False

    def ask_new_book_id(self, error: str = "") -> str | None:
        return None

    def confirm_import(self, plan: object) -> bool:
        return False

    def show_problems(self, title: str, summary: str, problems: list[str]) -> None:
        pass

    def show_error(self, exc: BaseException, *, title: str, context: str = "") -> None:
        pass


def open_book_seconds(book: Phrasebook, data_dir: Path) -> float:
    """UI-thread time of opening ``book`` while its (different) draft waits."""
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from chatassist.ui.editor.services import EditorServices
    from chatassist.ui.editor.window import EditorWindow
    from chatassist.ui.pyside_guard import keep_singletons_alive
    from chatassist.ui.worker import Worker

    keep_singletons_alive()  # as launch() does: the wait below runs many slots
    app = QApplication.instance() or QApplication([])
    small = Phrasebook(id="small", title={"zh-Hans": "小", "en": "Small"})
    services = EditorServices(
        library=MemoryLibrary([small, book]),
        usage_counts=lambda: [],
        responses=lambda: ResponseReport([], []),
    )
    worker = Worker(QThreadPool())
    window = EditorWindow(services, worker, data_dir, prompts=DeclineDrafts())
    while window.session is None:  # the library is read in the worker
        app.processEvents()
    start = time.perf_counter()
    assert window.open_book(book.id)
    seconds = time.perf_counter() - start
    worker.wait_for_done()
    window.deleteLater()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, nargs="+", default=[1000, 5000])
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(
        "| entries | draft size | write (worker) | read, pure-Python loader | "
        "read, libyaml | open_book on the UI thread |"
    )
    print("|---|---|---|---|---|---|")
    for n in args.entries:
        book = big_book(n)
        edited = replace(book, title={"zh-Hans": "大", "en": "Big (edited)"})
        with tempfile.TemporaryDirectory() as tmp:
            data_dir = Path(tmp)
            start = time.perf_counter()
            save_draft(data_dir, edited)
            write_s = time.perf_counter() - start
            text = draft_path(data_dir, "big").read_text(encoding="utf-8")
            start = time.perf_counter()
            pure = book_from_data(yaml.load(text, Loader=yaml.SafeLoader))
            pure_s = time.perf_counter() - start
            start = time.perf_counter()
            fast = book_from_data(yaml.load(text, Loader=yaml.CSafeLoader))
            fast_s = time.perf_counter() - start
            assert pure == fast == edited
            open_s = open_book_seconds(book, data_dir)
        size = len(text.encode()) / 1e6
        print(
            f"| {n:,} | {size:.1f} MB | {write_s:.1f} s | {pure_s:.1f} s | {fast_s:.1f} s "
            f"| {open_s * 1000:.0f} ms |"
        )


if __name__ == "__main__":
    main()
