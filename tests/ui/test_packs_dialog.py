"""The language packs dialog: install from a file, refuse a bad file, remove,
download from an index on 127.0.0.1 (progress, cancel) and the offline error."""

from __future__ import annotations

import contextlib
import http.server
import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QPushButton

from chatassist.core.translation.packs import PackManager
from chatassist.ui.launch import _open_packs
from chatassist.ui.packs_dialog import PacksDialog
from chatassist.ui.worker import InlineThreadPool, Worker
from translation_fixtures import TinyPacks, tiny_packs_fixture  # noqa: F401

pytestmark = pytest.mark.slow


@pytest.fixture
def manager(tmp_path: Path) -> PackManager:
    return PackManager(tmp_path / "packs", timeout=5)


@pytest.fixture
def open_dialog(qtbot: Any) -> Iterator[Any]:
    pools: list[Any] = []

    def make(manager: PackManager, *, threaded: bool = False) -> PacksDialog:
        pool = QThreadPool() if threaded else InlineThreadPool()
        pools.append(pool)
        dialog = PacksDialog(manager, Worker(pool))
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.listed, timeout=5000):
            dialog.show()
        return dialog

    yield make
    for pool in pools:
        pool.waitForDone()


def rows(dialog: PacksDialog) -> list[str]:
    table = dialog.table
    return [table.topLevelItem(i).text(0) for i in range(table.topLevelItemCount())]


def test_install_from_file_lists_the_pack(
    qtbot: Any, open_dialog: Any, manager: PackManager, tiny_packs: TinyPacks
) -> None:
    dialog = open_dialog(manager)
    assert rows(dialog) == [] and dialog.empty.isVisible()
    archive = tiny_packs.get("en", "es")
    dialog.choose_file = lambda: archive
    with qtbot.waitSignal(dialog.listed, timeout=10000):
        dialog.install_button.click()
    assert rows(dialog) == ["English → Spanish"] and not dialog.empty.isVisible()
    item = dialog.table.topLevelItem(0)
    assert item.text(1) == "1.0" and item.text(2).endswith("KB")
    # The tiny pack's README names no licence: the dialog says so, it does not guess.
    assert item.text(5) == "not stated in its README"
    assert "Installed English → Spanish" in dialog.status.text()
    assert [(p.from_code, p.to_code) for p in manager.installed()] == [("en", "es")]


def test_a_bad_file_shows_the_error_and_installs_nothing(
    qtbot: Any, open_dialog: Any, manager: PackManager, tmp_path: Path
) -> None:
    dialog = open_dialog(manager)
    bad = tmp_path / "broken.argosmodel"
    bad.write_bytes(b"not a zip" * 100)
    dialog.choose_file = lambda: bad
    with qtbot.waitSignal(dialog.failed, timeout=5000) as failed:
        dialog.install_button.click()
    assert "not a zip archive" in failed.args[0]
    assert dialog.status.text() == failed.args[0] and "\n" not in failed.args[0]
    assert manager.installed() == () and rows(dialog) == []
    assert dialog.install_button.isEnabled()


def test_cancelled_file_choice_does_nothing(open_dialog: Any, manager: PackManager) -> None:
    dialog = open_dialog(manager)
    dialog.choose_file = lambda: None
    dialog.install_button.click()
    assert dialog.status.text() == "" and dialog.install_button.isEnabled()


def test_remove_asks_first(
    qtbot: Any, open_dialog: Any, manager: PackManager, tiny_packs: TinyPacks
) -> None:
    manager.install_file(tiny_packs.get("en", "es"))
    dialog = open_dialog(manager)
    assert rows(dialog) == ["English → Spanish"]
    dialog.table.setFocus()
    dialog.table.setCurrentItem(dialog.table.topLevelItem(0))
    asked: list[str] = []
    dialog.confirm = lambda q: asked.append(q) is not None  # "No"
    dialog.remove_button.click()
    assert asked == ["Remove the language pack English → Spanish?"]
    assert len(manager.installed()) == 1
    dialog.confirm = lambda q: True
    changed: list[bool] = []
    dialog.changed.connect(lambda: changed.append(True))
    with qtbot.waitSignal(dialog.listed, timeout=5000):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)  # the keyboard way
    assert manager.installed() == () and rows(dialog) == [] and changed == [True]


def test_broken_folders_are_listed_but_not_removable(
    open_dialog: Any, manager: PackManager
) -> None:
    (manager.packs_dir / "translate-en_fr").mkdir(parents=True)
    dialog = open_dialog(manager)
    assert rows(dialog) == ["Broken folder: translate-en_fr"]
    dialog.table.setCurrentItem(dialog.table.topLevelItem(0))
    assert not dialog.remove_button.isEnabled()


def test_buttons_have_keyboard_mnemonics(open_dialog: Any, manager: PackManager) -> None:
    dialog = open_dialog(manager)
    texts = [b.text() for b in dialog.findChildren(QPushButton) if b.text() != "Close"]
    assert texts and all("&" in t for t in texts), texts


def test_settings_opens_the_packs_dialog_over_itself(
    qtbot: Any, make_sidebar: Any, manager: PackManager
) -> None:
    sidebar = make_sidebar()
    app = SimpleNamespace(packs=manager)
    sidebar.packs_requested.connect(
        lambda parent: _open_packs(app, sidebar.worker, sidebar, parent)
    )
    sidebar.open_settings()
    settings_dialog = sidebar.settings_dialog
    assert settings_dialog.packs_button is not None
    settings_dialog.packs_button.click()
    dialog = settings_dialog.findChild(PacksDialog)
    assert dialog is not None and dialog.isVisible() and dialog.isModal()
    qtbot.waitUntil(lambda: dialog.empty.isVisible(), timeout=5000)
    dialog.reject()
    settings_dialog.reject()


def test_settings_without_a_pack_manager_has_no_packs_button(make_sidebar: Any) -> None:
    sidebar = make_sidebar()
    sidebar.open_settings()
    assert sidebar.settings_dialog.packs_button is None
    sidebar.settings_dialog.reject()


# -- downloads from an index on 127.0.0.1 ----------------------------------------------


class _Server:
    """An argos-style index with en->es; the pack is sent in two halves and the second
    half waits for ``release`` (so a test can cancel in between)."""

    def __init__(self, pack: bytes, *, hold: bool) -> None:
        self.pack = pack
        self.release = threading.Event()
        if not hold:
            self.release.set()
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                if self.path == "/index.json":
                    body = json.dumps(server.index()).encode()
                    self._send(body)
                elif self.path == "/en_es.argosmodel":
                    half = len(server.pack) // 2
                    self._send(server.pack[:half], total=len(server.pack))
                    server.release.wait(10)
                    with contextlib.suppress(OSError):  # the client went away (cancelled)
                        self.wfile.write(server.pack[half:])
                else:
                    self.send_error(404)

            def _send(self, body: bytes, *, total: int | None = None) -> None:
                self.send_response(200)
                self.send_header("Content-Length", str(total or len(body)))
                self.end_headers()
                self.wfile.write(body)
                self.wfile.flush()

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def index(self) -> list[dict[str, Any]]:
        return [
            {
                "from_code": "en",
                "to_code": "es",
                "package_version": "1.0",
                "argos_version": "1.0",
                "code": "translate-en_es",
                "type": "translate",
                "links": [f"{self.base}/en_es.argosmodel"],
            }
        ]

    def close(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def serve(tiny_packs: TinyPacks) -> Iterator[Any]:
    servers: list[_Server] = []

    def start(*, hold: bool = False) -> _Server:
        servers.append(_Server(tiny_packs.get("en", "es").read_bytes(), hold=hold))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def choose(dialog: PacksDialog, source: str, target: str) -> None:
    dialog.from_combo.setCurrentIndex(dialog.from_combo.findData(source))
    dialog.to_combo.setCurrentIndex(dialog.to_combo.findData(target))


@pytest.mark.loopback_network
def test_download_shows_progress_and_lists_the_pack(
    qtbot: Any, open_dialog: Any, serve: Any, tmp_path: Path
) -> None:
    server = serve()
    manager = PackManager(tmp_path / "packs", index_url=f"{server.base}/index.json", timeout=5)
    dialog = open_dialog(manager)
    choose(dialog, "en", "es")
    values: list[int] = []
    dialog.progress.valueChanged.connect(values.append)
    with qtbot.waitSignal(dialog.listed, timeout=10000):
        dialog.download_button.click()
    assert rows(dialog) == ["English → Spanish"]
    assert values and values[-1] == dialog.progress.maximum() > 0
    assert dialog.progress.isHidden() and dialog.cancel_button.isHidden()
    assert dialog.download_button.isEnabled()


@pytest.mark.loopback_network
def test_cancel_stops_the_download_and_installs_nothing(
    qtbot: Any, open_dialog: Any, serve: Any, tmp_path: Path
) -> None:
    server = serve(hold=True)
    manager = PackManager(tmp_path / "packs", index_url=f"{server.base}/index.json", timeout=5)
    dialog = open_dialog(manager, threaded=True)
    choose(dialog, "en", "es")
    dialog.download_button.click()
    assert not dialog.download_button.isEnabled() and dialog.cancel_button.isVisible()
    qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=10000)
    assert "Downloading…" in dialog.status.text()
    with qtbot.waitSignal(dialog.failed, timeout=10000) as failed:
        dialog.cancel_button.click()
        server.release.set()
    assert failed.args[0] == "Download cancelled; nothing was installed."
    qtbot.waitUntil(lambda: dialog.worker.pending == 0, timeout=5000)
    assert manager.installed() == () and rows(dialog) == []
    assert not list(manager.packs_dir.glob(".download-*"))
    assert dialog.progress.isHidden() and dialog.download_button.isEnabled()


@pytest.mark.loopback_network
def test_offline_download_is_a_one_line_error(qtbot: Any, open_dialog: Any, tmp_path: Path) -> None:
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/index.json"
    manager = PackManager(tmp_path / "packs", index_url=url, timeout=5)
    dialog = open_dialog(manager, threaded=True)
    with qtbot.waitSignal(dialog.failed, timeout=10000) as failed:
        dialog.download_button.click()
    message = failed.args[0]
    assert "cannot reach the pack index" in message and "offline" in message
    assert "\n" not in message and "Traceback" not in message
    assert dialog.status.text() == message
    qtbot.waitUntil(lambda: dialog.worker.pending == 0, timeout=5000)
    assert dialog.download_button.isEnabled() and dialog.progress.isHidden()


@pytest.mark.loopback_network
def test_get_pack_opens_on_the_missing_pair_and_downloads_it(
    qtbot: Any, open_dialog: Any, serve: Any, tmp_path: Path
) -> None:
    server = serve()
    manager = PackManager(tmp_path / "packs", index_url=f"{server.base}/index.json", timeout=5)
    dialog = open_dialog(manager)
    with qtbot.waitSignal(dialog.changed, timeout=10000):
        dialog.get_pack("en", "es")  # what the missing-pack button asks for
    assert (dialog.from_combo.currentData(), dialog.to_combo.currentData()) == ("en", "es")
    qtbot.waitUntil(lambda: rows(dialog) == ["English → Spanish"], timeout=5000)


def test_choose_pair_takes_argos_codes(open_dialog: Any, manager: PackManager) -> None:
    dialog = open_dialog(manager)
    assert dialog.choose_pair("zt", "en")
    assert (dialog.from_combo.currentData(), dialog.to_combo.currentData()) == ("zh-Hant", "en")
    assert not dialog.choose_pair("xx", "en")


def test_selftest_runs_in_the_dialog_and_shows_what_survived(
    qtbot: Any, tmp_path: Path, tiny_packs: TinyPacks
) -> None:
    from chatassist.core.translation import CTranslate2Backend, DecodingOptions
    from chatassist.core.translation.selftest import run_packs
    from chatassist.core.translation.service import TranslationService

    manager = PackManager(tmp_path / "packs", timeout=5)
    manager.install_file(tiny_packs.get("en", "es"))
    service = TranslationService(
        CTranslate2Backend(DecodingOptions(max_decoding_length=12)), manager
    )
    dialog = PacksDialog(
        manager, Worker(InlineThreadPool()), selftest=lambda packs: run_packs(service, packs)
    )
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.listed, timeout=5000):
        dialog.show()
    assert dialog.test_button.isVisible() and dialog.test_button.isEnabled()
    with qtbot.waitSignal(dialog.listed, timeout=30000):
        dialog.test_button.click()
    item = dialog.table.topLevelItem(0)
    assert "lost" not in item.text(3) and "repaired" in item.text(3)  # random model
    assert "order_number: repaired (#48213)" in item.toolTip(3)
    assert "no token was lost" in dialog.status.text()
    installed = manager.find("en", "es")
    assert installed is not None and item.text(4) == installed.sha256[:12]
    assert installed.sha256 in item.toolTip(4)


def test_without_a_selftest_there_is_no_button(open_dialog: Any, manager: PackManager) -> None:
    assert not open_dialog(manager).test_button.isVisible()
