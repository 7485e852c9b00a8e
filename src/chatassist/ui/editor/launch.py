"""Start the phrasebook editor: ``open_editor(app)`` (``chatassist edit``)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from chatassist.app import App
from chatassist.core.languages import CUSTOMER_LANGUAGES
from chatassist.ui.editor.window import EditorWindow
from chatassist.ui.i18n import install_translators
from chatassist.ui.preflight import display_problem
from chatassist.ui.pyside_guard import keep_singletons_alive
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
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    keep_singletons_alive()
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qapp, QApplication)
    qapp.setApplicationName("chatassist")
    app.paths.ensure()
    _language, translators = install_translators(qapp, str(app.settings.get("ui_language")))
    pool = QThreadPool()
    window = build_editor(app, Worker(pool))
    window.show()
    try:
        return int(qapp.exec())
    finally:
        pool.waitForDone()
        del translators
        app.close()
