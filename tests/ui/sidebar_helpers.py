"""Test doubles and helpers for the sidebar tests."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from chatassist.core.assist import Analysis, Assistant
from chatassist.core.translation.errors import NoPackError
from chatassist.core.translation.model import BackTranslation, TokenReport, Translation
from chatassist.ui.sidebar import Sidebar


class FakeTranslator:
    """The translator interface without models: '[zh-Hans] text' for known pairs.

    ``pairs`` are the pairs with "installed packs" (direct); anything else raises
    NoPackError naming the packs, like the real service. ``delay`` makes it slow.
    """

    def __init__(self, pairs: Sequence[tuple[str, str]] = (), delay: float = 0.0) -> None:
        self.pairs = set(pairs)
        self.delay = delay
        self.calls: list[tuple[str, str, str]] = []
        #: the customer's country each translation was asked for
        self.countries: list[str | None] = []

    def translate(
        self,
        text: str,
        source: str,
        target: str,
        *,
        glossary: Sequence[str] = (),
        country: str | None = None,
    ) -> Translation:
        self.calls.append((text, source, target))
        self.countries.append(country)
        if self.delay:
            time.sleep(self.delay)
        if (source, target) not in self.pairs:
            argos = {"zh-Hans": "zh"}
            s, t = argos.get(source, source), argos.get(target, target)
            missing = (f"translate-{s}_en", f"translate-en_{t}")
            raise NoPackError(f"no pack for {source}→{target}", source, target, missing)
        return Translation(
            f"[{target}] {text}", source, target, (source, target), (), TokenReport()
        )

    def translate_with_back(
        self,
        text: str,
        source: str,
        target: str,
        *,
        back_to: str | None = None,
        glossary: Sequence[str] = (),
    ) -> BackTranslation:
        forward = self.translate(text, source, target)
        back = self.translate(text, target, back_to or source)
        return BackTranslation(forward, back)


class SlowAssistant:
    """The real assistant, slowed down per message (``delays``: text -> seconds)."""

    def __init__(self, real: Assistant, delays: dict[str, float] | None = None) -> None:
        self.real = real
        self.delays = delays or {}
        self.default_delay = 0.0
        self.started: list[str] = []
        self.busy = 0  # analyses sleeping right now (in worker threads)

    @property
    def engine(self) -> Any:
        return self.real.engine

    @property
    def regions(self) -> Any:
        return self.real.regions

    def analyze(self, text: str, *args: Any, **kwargs: Any) -> Analysis:
        self.started.append(text)
        self.busy += 1
        try:
            time.sleep(self.delays.get(text, self.default_delay))
        finally:
            self.busy -= 1
        return self.real.analyze(text, *args, **kwargs)


def paste(qtbot: Any, sidebar: Sidebar, text: str) -> None:
    """Put ``text`` in the message box and wait until its analysis is on screen."""
    with qtbot.waitSignal(sidebar.updated, timeout=5000):
        sidebar.message.edit.setPlainText(text)
    qtbot.waitUntil(lambda: sidebar.worker.pending == 0, timeout=5000)
