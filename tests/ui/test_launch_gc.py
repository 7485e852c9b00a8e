"""The sidebar's start pauses the cyclic GC until the library has loaded: it comes
back on whether the first load succeeds or fails."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from chatassist.app import App
from chatassist.paths import AppPaths
from chatassist.ui import launch


def test_the_gc_is_back_on_after_the_first_load_even_when_it_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(app: App) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(launch, "load_backend", broken)
    gc.disable()
    try:
        with pytest.raises(OSError, match="disk gone"):
            launch._load_first_backend(App(AppPaths(tmp_path / "data")))
        assert gc.isenabled()
    finally:
        gc.enable()
