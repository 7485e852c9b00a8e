"""The global hotkey: the combination as written in Settings, the listener thread's
press reaching the UI thread, failures in one line, and the sidebar taking the
clipboard when it fires."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication, QKeySequence

from chatassist.settings import Settings
from chatassist.ui.backend import Backend
from chatassist.ui.global_hotkey import (
    GlobalHotkey,
    HotkeyError,
    enabled_by_default,
    to_pynput,
)


class FakeListener:
    def __init__(self, hotkeys: dict[str, Callable[[], None]]) -> None:
        self.hotkeys = hotkeys
        self.running = False

    def start(self) -> None:
        self.running = True

    def stop(self) -> None:
        self.running = False

    def press_from_its_thread(self, combination: str) -> None:
        thread = threading.Thread(target=self.hotkeys[combination])
        thread.start()
        thread.join()


@pytest.mark.parametrize(
    ("written", "pynput"),
    [
        ("Ctrl+Alt+Space", "<ctrl>+<alt>+<space>"),
        ("Ctrl+Shift+K", "<ctrl>+<shift>+k"),
        ("Meta+F9", "<cmd>+<f9>"),
        ("Alt+1", "<alt>+1"),
    ],
)
def test_settings_text_becomes_pynputs_combination(written: str, pynput: str) -> None:
    assert to_pynput(written) == pynput


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        ("Space", "needs_modifier"),
        ("Shift+A", "shift_only"),
        ("Ctrl+Alt+", "not_a_combination"),
        ("", "not_a_combination"),
        ("Hyper+A", "unknown_modifier"),
        ("Ctrl+Volume Up", "unusable_key"),
    ],
)
def test_unusable_combinations_are_refused_with_their_reason(written: str, kind: str) -> None:
    with pytest.raises(HotkeyError) as caught:
        to_pynput(written)
    assert caught.value.kind == kind and repr(written) in str(caught.value)


def test_off_by_default_only_on_macos() -> None:
    assert not enabled_by_default("darwin")
    assert enabled_by_default("win32") and enabled_by_default("linux")


def test_a_press_in_the_listener_thread_arrives_in_the_ui_thread(qtbot: Any) -> None:
    made: list[FakeListener] = []

    def factory(hotkeys: dict[str, Callable[[], None]]) -> FakeListener:
        made.append(FakeListener(hotkeys))
        return made[-1]

    hotkey = GlobalHotkey(listener_factory=factory)
    assert hotkey.start("Ctrl+Alt+Space") and made[0].running
    seen_in: list[threading.Thread] = []
    hotkey.activated.connect(lambda: seen_in.append(threading.current_thread()))
    with qtbot.waitSignal(hotkey.activated, timeout=3000):
        made[0].press_from_its_thread("<ctrl>+<alt>+<space>")
    assert seen_in == [threading.main_thread()]
    hotkey.apply(True, "Ctrl+Alt+J")  # changed in Settings: listen for the new one
    assert not made[0].running and list(made[1].hotkeys) == ["<ctrl>+<alt>+j"]
    hotkey.apply(False, "Ctrl+Alt+J")
    assert not made[1].running and not hotkey.active


def test_a_platform_that_refuses_gives_one_line_and_no_listener(qtbot: Any) -> None:
    def factory(hotkeys: dict[str, Callable[[], None]]) -> FakeListener:
        raise HotkeyError("the global hotkey is not available here: no X display", "unavailable")

    hotkey = GlobalHotkey(listener_factory=factory)
    with qtbot.waitSignal(hotkey.failed) as failed:
        assert not hotkey.start("Ctrl+Alt+Space")
    assert "no X display" in failed.args[0] and "\n" not in failed.args[0]
    assert not hotkey.active


# The offscreen platform cannot raise a window and says so.
@pytest.mark.qt_log_ignore("This plugin does not support")
def test_the_hotkey_brings_the_sidebar_forward_with_the_clipboard(
    qtbot: Any, make_sidebar: Any, backend: Backend
) -> None:
    sidebar = make_sidebar(backend)
    QGuiApplication.clipboard().setText("荷物まだ？ 注文番号 4471")  # copied in the chat tool
    with qtbot.waitSignal(sidebar.updated, timeout=5000):
        sidebar.analyse_clipboard()
    assert sidebar.message.text() == "荷物まだ？ 注文番号 4471"
    assert sidebar.analysis is not None and sidebar.analysis.language == "ja"
    sidebar.clipboard.copy("お待たせいたしました。")  # the sidebar's own copy of a reply
    sidebar.analyse_clipboard()
    assert sidebar.message.text() == "荷物まだ？ 注文番号 4471"


def test_settings_keep_the_dialog_open_on_an_unusable_hotkey(
    qtbot: Any, make_sidebar: Any, backend: Backend, settings: Settings
) -> None:
    sidebar = make_sidebar(backend)
    saved: list[bool] = []
    sidebar.settings_saved.connect(lambda: saved.append(True))
    sidebar.open_settings()
    dialog = sidebar.settings_dialog
    dialog.hotkey_enabled.setChecked(True)
    dialog.hotkey.setKeySequence(QKeySequence("Shift+A"))
    dialog.accept()
    assert dialog.isVisible() and not dialog.hotkey_problem.isHidden()
    assert "Ctrl, Alt or Meta" in dialog.hotkey_problem.text() and saved == []
    dialog.hotkey.setKeySequence(QKeySequence("Ctrl+Alt+K"))
    dialog.accept()
    assert saved == [True]
    stored = json.loads(settings.path.read_text(encoding="utf-8"))
    assert stored["global_hotkey"] == "Ctrl+Alt+K" and stored["global_hotkey_enabled"] is True
