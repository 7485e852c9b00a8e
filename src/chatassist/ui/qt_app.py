"""Starting Qt for a chatassist window: the display check, the PySide guard,
the QApplication and the interface translation. Shared by the sidebar and
the phrasebook editor."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from chatassist.app import App
from chatassist.ui.i18n import install_translators
from chatassist.ui.preflight import display_problem
from chatassist.ui.pyside_guard import keep_singletons_alive


@dataclass
class QtSession:
    qapp: QApplication
    language: str  # interface language in use
    translators: list[QTranslator]  # kept alive as long as the application


def start_qt(app: App) -> QtSession | None:
    """The application object, or None (after one line on stderr) without a display."""
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return None
    keep_singletons_alive()
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qapp, QApplication)
    qapp.setApplicationName("chatassist")
    qapp.setOrganizationName("chatassist")
    app.paths.ensure()
    language, translators = install_translators(qapp, str(app.settings.get("ui_language")))
    return QtSession(qapp, language, translators)
