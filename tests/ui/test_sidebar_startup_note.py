"""The sidebar says in one line that the library was checked after an unclean shutdown (#20)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from chatassist import paths as paths_mod
from chatassist.app import App
from chatassist.ui.backend import Backend, load_backend
from damage_fixtures import leave_unclean_marker

SAMPLE = Path(__file__).parents[1] / "core" / "phrasebook" / "sample.yaml"


def test_the_first_backend_after_a_crash_carries_the_check(tmp_path: Path) -> None:
    first = App(paths_mod.resolve(str(tmp_path)))
    first.library.import_files([SAMPLE])
    assert load_backend(first).checked_after_crash is False
    first.close()
    leave_unclean_marker(first.paths.database)
    app = App(paths_mod.resolve(str(tmp_path)))
    try:
        assert load_backend(app).checked_after_crash is True
        # a rebuild after an editor save or a sync is not a new start
        assert load_backend(app, rebuild=True).checked_after_crash is False
    finally:
        app.close()


def test_the_sidebar_says_so_instead_of_ready(make_sidebar: Any, backend: Backend) -> None:
    sidebar = make_sidebar(replace(backend, checked_after_crash=True))
    assert "full check found the library whole" in sidebar.status.text()
    plain = make_sidebar(backend)
    assert plain.status.text() == "Ready. Paste a customer message."
