"""Start the phrasebook editor: ``open_editor(app)`` (``chatassist edit``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QThreadPool

from chatassist.app import App
from chatassist.core.languages import CUSTOMER_LANGUAGES
from chatassist.ui.editor.window import EditorWindow
from chatassist.ui.qt_app import start_qt
from chatassist.ui.worker import Worker


class LazyTranslator:
    """The app's translator, built on first use (in a worker, never at start-up)."""

    def __init__(self, app: App) -> None:
        self.app = app

    def translate(
        self, text: str, source: str, target: str, *, glossary: Sequence[str] = ()
    ) -> Any:
        return self.app.translator.translate(text, source, target, glossary=glossary)


def build_editor(app: App, worker: Worker) -> EditorWindow:
    default_tone = {lang: app.regions.choose(lang).tone for lang in CUSTOMER_LANGUAGES}
    return EditorWindow(
        app.library,
        worker,
        app.paths.data_dir,
        translator=LazyTranslator(app),
        default_tone=default_tone,
    )


def open_editor(app: App) -> int:
    session = start_qt(app)
    if session is None:
        return 1
    worker = Worker(QThreadPool())
    window = build_editor(app, worker)
    window.show()
    try:
        return int(session.qapp.exec())
    finally:
        worker.wait_for_done()
        del session
        app.close()
