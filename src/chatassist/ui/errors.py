"""One way to show an error (after Anki's ``aqt/errors.py`` ``show_exception``).

A known error (a :class:`ChatassistError`, or an ``OSError`` naming a file the
person can fix) shows its own message. Anything else is a bug: the person reads
"internal error", the traceback is logged, and the dialog offers to copy it
for a bug report.
"""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from chatassist.errors import ChatassistError

log = logging.getLogger(__name__)


def is_known(exc: BaseException) -> bool:
    """An error meant for the person (not a programming error)."""
    return isinstance(exc, ChatassistError | OSError)


def describe(exc: BaseException) -> str:
    """What to tell the person about ``exc`` (one line; a bug's traceback is logged)."""
    if is_known(exc):
        return str(exc)
    log.error("internal error:\n%s", details(exc))
    return QCoreApplication.translate(
        "Errors", "Internal error (%1); the details are in the log."
    ).replace("%1", type(exc).__name__)


def details(exc: BaseException) -> str:
    """The traceback of ``exc``, for a bug report."""
    return "".join(traceback.format_exception(exc)).rstrip()


def error_text(exc: BaseException, context: str = "") -> str:
    """``context`` (what failed, e.g. "Not imported: %1") with %1 replaced by
    :func:`describe` of ``exc``; just the description without a context."""
    message = describe(exc)
    if not context:
        return message
    return context.replace("%1", message) if "%1" in context else f"{context}\n\n{message}"


def show_error(
    parent: QWidget | None, exc: BaseException, *, title: str, context: str = ""
) -> QMessageBox:
    """Show ``exc`` in a window-modal message box (it does not block) and return it.

    ``context`` says what failed, with %1 where the error's description goes."""
    known = is_known(exc)
    box = QMessageBox(parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setIcon(QMessageBox.Icon.Warning if known else QMessageBox.Icon.Critical)
    box.setWindowTitle(title)
    box.setText(error_text(exc, context))
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    if not known:
        text = details(exc)
        box.setDetailedText(text)
        copy = box.addButton(
            QCoreApplication.translate("Errors", "&Copy details"), QMessageBox.ButtonRole.ActionRole
        )
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(text))
    box.open()
    return box
