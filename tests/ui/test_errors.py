"""One error path: a known error shows its own message; anything else is a bug
shown as "internal error", with its traceback logged and offered for copying."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from chatassist.errors import ChatassistError
from chatassist.ui.errors import describe, error_text, show_error


def _raised(exc: BaseException) -> BaseException:
    try:
        raise exc
    except BaseException as caught:
        return caught


def test_a_known_error_shows_its_own_message(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    exc = _raised(ChatassistError("demo.yaml:3:5: scenario 'x' is not known"))
    box = show_error(parent, exc, title="Import failed", context="Not imported: %1")
    assert box.text() == "Not imported: demo.yaml:3:5: scenario 'x' is not known"
    assert box.icon() is QMessageBox.Icon.Warning
    assert box.detailedText() == ""
    assert box.isVisible() and box.windowTitle() == "Import failed"
    box.close()


def test_an_os_error_names_the_file(qtbot: Any) -> None:
    exc = FileNotFoundError(2, "No such file or directory", "/tmp/x.csv")
    assert describe(exc) == str(exc) and "/tmp/x.csv" in describe(exc)


def test_any_other_error_is_an_internal_error_with_its_traceback(
    qtbot: Any, caplog: pytest.LogCaptureFixture
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    exc = _raised(KeyError("order_id"))
    with caplog.at_level(logging.ERROR, logger="chatassist.ui.errors"):
        box = show_error(parent, exc, title="Not saved", context="Not saved.\n\n%1")
    assert "Internal error (KeyError)" in box.text() and "order_id" not in box.text()
    assert box.icon() is QMessageBox.Icon.Critical
    assert "Traceback" in box.detailedText() and "_raised" in box.detailedText()
    assert any("_raised" in r.getMessage() for r in caplog.records)  # logged for the report
    copy = next(b for b in box.buttons() if "Copy" in b.text())
    copy.click()
    assert QGuiApplication.clipboard().text() == box.detailedText()
    QGuiApplication.clipboard().clear()
    box.close()


def test_error_text_without_a_place_for_the_message_appends_it() -> None:
    exc = ChatassistError("disk full")
    assert error_text(exc) == "disk full"
    assert error_text(exc, "Could not save.") == "Could not save.\n\ndisk full"
