"""The worker, the display preflight, single instance and the interface language."""

from __future__ import annotations

import subprocess
import sys
import threading
import uuid
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool

from chatassist.app import App
from chatassist.ui import i18n, i18n_build
from chatassist.ui.launch import launch
from chatassist.ui.preflight import display_problem
from chatassist.ui.single_instance import SingleInstance, ask_running_instance, server_name
from chatassist.ui.worker import Generation, InlineThreadPool, Worker


def test_worker_delivers_results_on_the_ui_thread(qtbot: Any) -> None:
    pool = QThreadPool()
    worker = Worker(pool)
    seen: list[tuple[object, str]] = []
    with qtbot.waitSignal(worker.idle, timeout=3000):
        worker.run_task(
            lambda: threading.current_thread().name,
            lambda r: seen.append((r, threading.current_thread().name)),
        )
        worker.run_task(lambda: 1 / 0, None, lambda e: seen.append((type(e), "error")))
    pool.waitForDone()
    assert (ZeroDivisionError, "error") in seen
    job_thread, delivered_on = next(s for s in seen if s[1] != "error")
    assert job_thread != "MainThread" and delivered_on == "MainThread"


def test_inline_pool_runs_jobs_at_once_and_reports_unhandled_errors(qtbot: Any) -> None:
    worker = Worker(InlineThreadPool())
    ran: list[int] = []
    worker.run_task(lambda: ran.append(1))
    assert ran == [1] and worker.pending == 1  # the result waits for the event loop
    with qtbot.waitSignal(worker.failed) as failed:
        worker.run_task(lambda: {}["missing"])
    assert "missing" in failed.args[0]
    qtbot.waitUntil(lambda: worker.pending == 0)


def test_generation_marks_older_tokens_stale() -> None:
    gen = Generation()
    first = gen.next()
    second = gen.next()
    assert not gen.is_current(first) and gen.is_current(second)
    gen.invalidate()
    assert not gen.is_current(second)


@pytest.mark.parametrize(
    ("env", "ok"),
    [
        ({}, False),
        ({"DISPLAY": ":0"}, True),
        ({"WAYLAND_DISPLAY": "wayland-0"}, True),
        ({"QT_QPA_PLATFORM": "offscreen"}, True),
        ({"QT_QPA_PLATFORM": "vnc"}, True),
        ({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}, False),
        ({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"}, False),
    ],
)
def test_display_problem(env: dict[str, str], ok: bool) -> None:
    problem = display_problem(env, platform="linux")
    assert (problem is None) == ok
    if problem:
        assert problem.startswith("chatassist: no display found (")
        assert "QT_QPA_PLATFORM=offscreen" in problem and "\n" not in problem


def test_preflight_prints_one_line_without_a_display(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "chatassist.ui.preflight"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "chatassist: no display found (DISPLAY is not set); run it from a desktop session, "
        "or set QT_QPA_PLATFORM=offscreen to try it headless"
    ]


def test_launch_refuses_without_a_display(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert launch(App.from_args(str(data_dir))) == 1
    assert "no display found" in capsys.readouterr().err


def test_second_instance_brings_the_first_forward(qtbot: Any, tmp_path: Path) -> None:
    name = server_name(tmp_path / f"data-{uuid.uuid4().hex}")
    first = SingleInstance(name)
    try:
        assert first.listen()
        with qtbot.waitSignal(first.activated, timeout=3000):
            assert ask_running_instance(name)
    finally:
        first.close()
    assert not ask_running_instance(name, timeout_ms=100)  # nothing left behind


def test_server_name_depends_on_the_data_folder(tmp_path: Path) -> None:
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    assert server_name(tmp_path / "a") == server_name(tmp_path / "a")


def test_ui_language_follows_setting_then_system() -> None:
    assert i18n.chosen_language("en", "zh_CN") == "en"
    assert i18n.chosen_language("zh-Hans", "en_US") == "zh-Hans"
    assert i18n.chosen_language("system", "zh_CN") == "zh-Hans"
    assert i18n.chosen_language("system", "zh_TW") == "zh-Hans"
    assert i18n.chosen_language("system", "de_DE") == "en"


@pytest.mark.skipif(
    i18n_build.find_tool("pyside6-lrelease") is None, reason="pyside6-lrelease not installed"
)
def test_simplified_chinese_interface_loads(qapp: Any) -> None:
    assert i18n_build.main([]) == 0
    language, translators = i18n.install_translators(qapp, "zh-Hans")
    try:
        assert language == "zh-Hans"
        assert QCoreApplication.translate("Sidebar", "&New") != "&New"
        assert QCoreApplication.translate("Language", "Spanish") == "西班牙语"
    finally:
        for t in translators:
            qapp.removeTranslator(t)
    assert QCoreApplication.translate("Language", "Spanish") == "Spanish"


def test_every_ts_message_is_translated() -> None:
    ts = (i18n.TRANSLATIONS_DIR / "chatassist_zh_CN.ts").read_text(encoding="utf-8")
    assert "<message" in ts
    assert 'type="unfinished"' not in ts


def test_lost_singleton_references_cannot_abort_the_app(qapp: Any) -> None:
    from PySide6.QtWidgets import QPushButton

    from chatassist.ui.pyside_guard import keep_singletons_alive

    keep_singletons_alive()
    button = QPushButton()
    button.clicked.connect(lambda: None)
    for _ in range(200):
        button.click()
    # Whatever PySide does to the counts, they stay far from zero.
    assert sys.getrefcount(None) > 1 << 39
    assert sys.getrefcount(True) > 1 << 39 or sys.version_info >= (3, 12)
