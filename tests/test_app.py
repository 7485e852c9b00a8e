"""The composition root builds each service once, whichever threads ask."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from chatassist.app import App, service
from chatassist.paths import AppPaths


def test_a_service_is_built_once_under_concurrent_first_use(tmp_path: Path) -> None:
    built: list[int] = []

    class Slow(App):
        @service
        def thing(self) -> object:
            built.append(1)
            time.sleep(0.05)  # widen the window where a second thread could also build
            return object()

    app = Slow(AppPaths(tmp_path))
    got: list[object] = []
    threads = [threading.Thread(target=lambda: got.append(app.thing)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(built) == 1
    assert len({id(x) for x in got}) == 1


def test_services_compose_and_close(tmp_path: Path) -> None:
    app = App(AppPaths(tmp_path / "data"))
    assert app.library.database is app.database  # re-entrant: library builds database
    app.close()
