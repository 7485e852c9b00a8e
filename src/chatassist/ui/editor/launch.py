"""Start the phrasebook editor: ``open_editor(app)`` (``chatassist edit``), or
``build_editor(app, worker)`` from the sidebar (Ctrl+E)."""

from __future__ import annotations

from PySide6.QtCore import QThreadPool

from chatassist.app import App
from chatassist.core.languages import CUSTOMER_LANGUAGES
from chatassist.core.translation.model import Translator
from chatassist.ui.editor.services import EditorServices
from chatassist.ui.editor.window import EditorWindow
from chatassist.ui.qt_app import start_qt
from chatassist.ui.worker import Worker


def editor_services(app: App) -> EditorServices:
    """The editor's services over the app's library: the composition root's own
    queries, never storage itself. The translator is built on its first use (a
    machine draft, in a worker), never at start-up."""

    def translator() -> Translator:
        return app.translator

    return EditorServices(
        library=app.library,
        usage_counts=app.usage_counts,
        translator=translator,
        changed_by=app.team_changed_by if app.team_link is not None else None,
        responses=app.response_report,
        offer_rules=app.offer_rules_file,
        house_style=app.house_style,
    )


def build_editor(app: App, worker: Worker) -> EditorWindow:
    default_tone = {lang: app.regions.choose(lang).tone for lang in CUSTOMER_LANGUAGES}
    return EditorWindow(
        editor_services(app),
        worker,
        app.paths.data_dir,
        default_tone=default_tone,
        regions=app.regions.regions,
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
