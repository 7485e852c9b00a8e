"""Start the phrasebook editor: ``open_editor(app)`` (``chatassist edit``), or
``build_editor(app, worker)`` from the sidebar (Ctrl+E)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QThreadPool

from chatassist.app import App
from chatassist.core.languages import CUSTOMER_LANGUAGES
from chatassist.core.translation.model import Translator
from chatassist.storage.responses import response_report
from chatassist.storage.stats import weekly_counts
from chatassist.ui.editor.services import EditorServices
from chatassist.ui.editor.window import EditorWindow
from chatassist.ui.qt_app import start_qt
from chatassist.ui.worker import Worker


def editor_services(app: App) -> EditorServices:
    """The editor's services over the app's library. The translator is built on its
    first use (a machine draft, in a worker), never at start-up."""

    def translator() -> Translator:
        return app.translator

    library = app.library
    changed_by = None
    if app.team_link is not None:
        from chatassist.storage.team.replica import changed_by as team_changed_by

        changed_by = partial(team_changed_by, library.database)
    return EditorServices(
        library=library,
        usage_counts=partial(weekly_counts, library.database),
        translator=translator,
        changed_by=changed_by,
        responses=partial(response_report, library.database),
        house_style=app.house_style,
    )


def build_editor(app: App, worker: Worker) -> EditorWindow:
    default_tone = {lang: app.regions.choose(lang).tone for lang in CUSTOMER_LANGUAGES}
    return EditorWindow(editor_services(app), worker, app.paths.data_dir, default_tone=default_tone)


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
