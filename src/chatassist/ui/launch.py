"""Start the sidebar: ``launch(app)`` (``chatassist gui`` or plain ``chatassist``).

The window shows at once; the library, the assistant, language detection and
the translation engine load in workers and are handed to it when ready.
"""

from __future__ import annotations

import gc
import sys
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QWidget

from chatassist.app import App
from chatassist.settings import Settings
from chatassist.ui import single_instance
from chatassist.ui.backend import Backend, load_backend, load_translator
from chatassist.ui.customers import CustomerBook
from chatassist.ui.global_hotkey import GlobalHotkey
from chatassist.ui.placement import beside
from chatassist.ui.qt_app import start_qt
from chatassist.ui.sidebar import Sidebar
from chatassist.ui.worker import Worker

if TYPE_CHECKING:
    from chatassist.ui.library_watch import LibraryWatch
    from chatassist.ui.team_sync import TeamSync


def launch(app: App, check_message: str | None = None) -> int:
    session = start_qt(app)
    if session is None:
        return 1
    qapp, language = session.qapp, session.language
    try:
        instance = single_instance.claim(app.paths.data_dir)
    except single_instance.InstanceBusy as exc:
        print(f"chatassist: {exc}", file=sys.stderr)
        return 1
    if instance is None:
        print("chatassist: already running; brought the sidebar forward")
        return 0
    # Until the library has loaded, the window and the pipeline make many objects
    # that live on: the cyclic GC's passes over them freed nothing and took about a
    # tenth of the start. `_load_first_backend` turns it back on.
    gc.disable()
    settings = app.settings
    pool = QThreadPool()
    worker = Worker(pool)
    sidebar = Sidebar(
        settings,
        worker,
        data_dir=app.paths.data_dir,
        customers=CustomerBook.load(app.paths.data_dir / "customers.json"),
        ui_language=language,
    )
    instance.setParent(sidebar)
    instance.activated.connect(sidebar.bring_forward)
    qapp.aboutToQuit.connect(sidebar.save_state)  # also when quit without closing the window
    sidebar.editor_requested.connect(partial(_open_editor, app, worker, sidebar, {}))
    sidebar.packs_requested.connect(partial(_open_packs, app, worker, sidebar))
    sidebar.pack_wanted.connect(partial(_open_packs, app, worker, sidebar))
    hotkey = GlobalHotkey(sidebar)
    hotkey.activated.connect(sidebar.analyse_clipboard)
    hotkey.failed.connect(sidebar.show_status)
    apply_hotkey = partial(_apply_hotkey, hotkey, settings)
    sidebar.settings_saved.connect(apply_hotkey)
    sidebar.show()
    # The library loads first (the window waits for nothing else to suggest);
    # the hotkey's set-up (pynput, X) runs on this thread meanwhile.
    watch = _library_watch(app, worker, sidebar)
    sidebar.load_backend_with(partial(_load_first_backend, app))
    apply_hotkey()
    team_sync = _team_sync(app, worker, sidebar)
    worker.run_task(
        partial(load_translator, app), sidebar.set_translator, sidebar.translator_failed
    )
    if check_message is not None:
        _check_then_quit(sidebar, check_message)
    try:
        return int(qapp.exec())
    finally:
        watch.stop()
        if team_sync is not None:
            team_sync.stop()
        hotkey.stop()
        instance.close()
        worker.wait_for_done()
        del session
        app.close()


def _load_first_backend(app: App) -> Backend:
    try:
        return load_backend(app)
    finally:
        gc.enable()


def _library_watch(app: App, worker: Worker, sidebar: Sidebar) -> LibraryWatch:
    """Follow changes another process makes to the library (#15): rebuild the
    suggestions in the worker when its revision moves."""
    from chatassist.ui.library_watch import LibraryWatch

    watch = LibraryWatch(worker, app.library_revision, parent=sidebar)
    watch.changed.connect(
        lambda: sidebar.load_backend_with(partial(load_backend, app, rebuild=True))
    )
    # The revision the first load will show: read before it starts (one row, from a
    # read-only connection of its own), so that a change made meanwhile still counts.
    watch.start(app.library_revision())
    return watch


def _team_sync(app: App, worker: Worker, sidebar: Sidebar) -> TeamSync | None:
    """A joined folder follows its team library: at start, every minute and on the
    server's notification; a change rebuilds the suggestions (docs/team.md)."""
    link = app.team_link
    if link is None:
        return None
    from chatassist.storage.team.listen import LibraryListener
    from chatassist.storage.team.sync import sync_linked
    from chatassist.ui.team_sync import TeamSync

    part = TeamSync(
        worker,
        lambda: sync_linked(app.database, link.server),
        partial(LibraryListener, link.server),
        parent=sidebar,
    )
    part.library_changed.connect(
        lambda _revision: sidebar.load_backend_with(partial(load_backend, app, rebuild=True))
    )
    part.status.connect(sidebar.show_status)
    part.start()
    return part


def _apply_hotkey(hotkey: GlobalHotkey, settings: Settings) -> None:
    enabled = bool(settings.get("global_hotkey_enabled"))
    hotkey.apply(enabled, str(settings.get("global_hotkey")))


def _check_then_quit(sidebar: Sidebar, message: str) -> None:
    """``chatassist gui --check MESSAGE``: a whole start, analysis and suggestion
    in the real window, then exit (an installer's or a bundle's smoke test)."""
    from PySide6.QtCore import QCoreApplication, QTimer

    def done() -> None:
        analysis = sidebar.analysis
        if analysis is None:
            return  # updated before the library loaded: wait for the analysis
        count = len(sidebar.replies.items)
        language = analysis.language
        print(f"chatassist: sidebar ready; language {language}, {count} replies", flush=True)
        QCoreApplication.exit(0 if count else 1)

    sidebar.updated.connect(done)
    sidebar.receive_message(message)
    QTimer.singleShot(60_000, lambda: QCoreApplication.exit(1))  # never hang a check


def _open_editor(app: App, worker: Worker, sidebar: Sidebar, opened: dict[str, Any]) -> None:
    """Show the phrasebook editor (one window); after each save or import the
    sidebar's suggestions are rebuilt over the new library, in a worker (only the
    newest rebuild is applied when two overlap)."""
    from chatassist.ui.editor.launch import build_editor

    editor = opened.get("editor")
    if editor is None:
        editor = opened["editor"] = build_editor(app, worker)
        editor.saved.connect(
            lambda: sidebar.load_backend_with(partial(load_backend, app, rebuild=True))
        )
        # Beside the always-on-top sidebar, never under it (the first time; later
        # the editor stays where the trainer moved it).
        screen = sidebar.screen().availableGeometry()
        editor.setGeometry(beside(sidebar.frameGeometry(), editor.size(), screen))
    editor.show()
    editor.raise_()
    editor.activateWindow()


def _open_packs(
    app: App,
    worker: Worker,
    sidebar: Sidebar,
    parent: QWidget,
    from_code: str = "",
    to_code: str = "",
) -> None:
    """Show the language packs dialog over ``parent`` (the settings dialog), modal to
    it so that it cannot close underneath. The translation service drops a changed
    pack itself; after a change the sidebar analyses (and translates) the message
    and the draft again. With a pair (a missing pack), the dialog opens on it and
    starts its download."""
    from chatassist.core.translation.selftest import run_packs
    from chatassist.ui.packs_dialog import PacksDialog

    dialog = PacksDialog(
        app.packs, worker, parent, selftest=lambda packs: run_packs(app.translator, packs)
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.changed.connect(sidebar.reanalyze)
    dialog.open()
    if from_code and to_code:
        dialog.get_pack(from_code, to_code)
