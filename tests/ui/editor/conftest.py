"""Fixtures for the editor tests: a small library in the test's own data folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from chatassist.core.phrasebook.loader import LoadedPhrasebook
from chatassist.core.phrasebook.model import Entry, Phrasebook, Variant
from chatassist.core.translation.model import TokenReport, Translation
from chatassist.storage.database import Database
from chatassist.storage.library import PhrasebookLibrary
from chatassist.ui.editor.window import EditorWindow
from chatassist.ui.worker import InlineThreadPool, Worker

BOOK = Phrasebook(
    id="demo",
    title={"zh-Hans": "演示", "en": "Demo"},
    do_not_translate=("ShopName",),
    entries=(
        Entry(
            id="order.tracking",
            scenarios=("order_status",),
            gloss={"zh-Hans": "告知物流单号", "en": "Give the tracking number"},
            keywords={"en": ("where is my order",)},
            variants=(
                Variant("en", "direct", "Order {order_id} shipped."),
                Variant("es", "direct", "Pedido {order_id} enviado."),
            ),
        ),
        Entry(
            id="greeting.hello",
            scenarios=("greeting",),
            gloss={"zh-Hans": "问候", "en": "Hello"},
            variants=(Variant("en", "direct", "Hello {customer_name}!"),),
        ),
    ),
)


class EchoTranslator:
    """'[target] text' for any pair; records the glossary it was given."""

    def __init__(self) -> None:
        self.glossaries: list[tuple[str, ...]] = []

    def translate(self, text: str, source: str, target: str, *, glossary: Any = ()) -> Translation:
        self.glossaries.append(tuple(glossary))
        return Translation(
            f"[{target}] {text}", source, target, (source, target), (), TokenReport()
        )


@pytest.fixture
def library(data_dir: Path) -> Iterator[PhrasebookLibrary]:
    data_dir.mkdir(parents=True, exist_ok=True)
    db = Database.open(data_dir / "lib.sqlite3", backups_dir=data_dir / "backups")
    lib = PhrasebookLibrary(db)
    lib.import_loaded(
        [LoadedPhrasebook(BOOK, "demo.yaml", {"order.tracking": 1, "greeting.hello": 2})]
    )
    yield lib
    db.close()


MakeEditor = Callable[..., EditorWindow]


@pytest.fixture
def make_editor(
    qtbot: Any, library: PhrasebookLibrary, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> MakeEditor:
    # Never block on a modal question: tests that care set these per window.
    monkeypatch.setattr(EditorWindow, "ask_unsaved", lambda self: "discard")
    monkeypatch.setattr(EditorWindow, "ask_restore_draft", lambda self, book_id: False)

    def make(**kw: Any) -> EditorWindow:
        kw.setdefault("default_tone", {"en": "direct", "es": "direct", "ja": "detailed"})
        window = EditorWindow(library, Worker(InlineThreadPool()), data_dir, **kw)
        qtbot.addWidget(window)
        window.show()
        return window

    return make
