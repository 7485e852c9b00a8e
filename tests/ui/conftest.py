"""Fixtures for the sidebar tests: one real assistant over the bundled phrasebooks
(built once; it takes a few seconds), fake translators and slow backends."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QGuiApplication
from sidebar_helpers import FakeTranslator

from chatassist import paths as paths_mod
from chatassist.app import App
from chatassist.settings import Settings
from chatassist.ui.backend import Backend
from chatassist.ui.pyside_guard import keep_singletons_alive
from chatassist.ui.sidebar import Sidebar
from chatassist.ui.worker import InlineThreadPool, Worker


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform warns about size hints it cannot pass to a window manager.
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.qt_log_ignore("propagateSizeHints"))


@pytest.fixture(scope="session", autouse=True)
def _pyside_refcount_guard() -> None:
    keep_singletons_alive()  # as launch() does; see chatassist.ui.pyside_guard


@pytest.fixture(scope="session")
def shared_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    app = App(paths_mod.resolve(tmp_path_factory.mktemp("ui-data")))
    app.paths.ensure()
    app.assistant  # noqa: B018 - build once for the session
    app.detector.warm_up()
    yield app
    app.close()


@pytest.fixture
def settings(data_dir: Path) -> Settings:
    s = Settings.load(data_dir / "settings.json")
    s.set("always_on_top", False)
    return s


@pytest.fixture
def backend(shared_app: App) -> Backend:
    translator = FakeTranslator([("es", "zh-Hans"), ("zh-Hans", "es"), ("en", "tl")])
    return Backend(shared_app.assistant, shared_app.library, shared_app.usage, translator)


MakeSidebar = Callable[..., Sidebar]


@pytest.fixture
def make_sidebar(qtbot: Any, settings: Settings, data_dir: Path) -> Iterator[MakeSidebar]:
    made: list[Worker] = []

    def make(backend: Backend | None = None, *, threaded: bool = False, **kw: Any) -> Sidebar:
        pool = QThreadPool() if threaded else InlineThreadPool()
        worker = Worker(pool)
        sidebar = Sidebar(settings, worker, data_dir=data_dir, backend=backend, **kw)
        sidebar.message.set_debounce(10)
        sidebar.replies.set_search_debounce(10)
        sidebar.compose.set_debounce(10)
        qtbot.addWidget(sidebar)
        sidebar.show()
        made.append(worker)
        return sidebar

    yield make
    for worker in made:
        worker.wait_for_done()
    QGuiApplication.clipboard().clear()
