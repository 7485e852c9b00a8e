"""A global hotkey (default Ctrl+Alt+Space) that raises the sidebar from any
application, like the text-expander tools agents know.

The key press is caught by pynput (Windows hooks, macOS Quartz event taps,
X11 record extension), in its own thread; ``activated`` is emitted from there
and Qt queues it to the receivers' (UI) thread. pynput is imported only when
the hotkey is switched on: on Linux it connects to the X display at import.
macOS asks for the Accessibility permission before an application may see
other applications' keys, so there the hotkey is off by default.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from chatassist.errors import ChatassistError

log = logging.getLogger(__name__)

DEFAULT_SEQUENCE = "Ctrl+Alt+Space"
_MODIFIERS = {"ctrl": "<ctrl>", "alt": "<alt>", "shift": "<shift>", "meta": "<cmd>"}
_NAMED_KEYS = {
    "space": "<space>",
    "tab": "<tab>",
    "enter": "<enter>",
    "return": "<enter>",
    "insert": "<insert>",
    "home": "<home>",
    "end": "<end>",
    "pgup": "<page_up>",
    "pgdown": "<page_down>",
    **{f"f{n}": f"<f{n}>" for n in range(1, 21)},
}


class HotkeyError(ChatassistError):
    """The hotkey cannot be used as written, or not on this system.

    ``kind`` says which (for the interface's own translated wording):
    ``not_a_combination``, ``unknown_modifier``, ``needs_modifier``, ``shift_only``,
    ``unusable_key``, ``unavailable``.
    """

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind


def enabled_by_default(platform: str = sys.platform) -> bool:
    """Off on macOS, where it needs the Accessibility permission first."""
    return platform != "darwin"


def to_pynput(sequence: str) -> str:
    """``"Ctrl+Alt+Space"`` (Qt's portable text of a key sequence) -> ``"<ctrl>+<alt>+<space>"``.

    Raises HotkeyError naming what is wrong: no modifier (a bare key would be
    taken from every application), several keys, or a key pynput cannot name.
    """
    parts = [p.strip() for p in sequence.split("+")]
    if sequence.strip().endswith("++"):  # "Ctrl++": the plus key itself
        parts = [*parts[:-2], "+"]
    if not sequence.strip() or any(not p for p in parts):
        raise HotkeyError(f"the hotkey {sequence!r} is not a key combination", "not_a_combination")
    *modifiers, key = parts
    wanted: list[str] = []
    for modifier in modifiers:
        mapped = _MODIFIERS.get(modifier.lower())
        if mapped is None:
            raise HotkeyError(
                f"the hotkey {sequence!r}: {modifier!r} is not Ctrl, Alt, Shift or Meta",
                "unknown_modifier",
            )
        if mapped not in wanted:
            wanted.append(mapped)
    if not wanted:
        raise HotkeyError(
            f"the hotkey {sequence!r} needs Ctrl, Alt or Meta: a single key would be "
            "taken away from every other program",
            "needs_modifier",
        )
    if wanted == ["<shift>"]:
        raise HotkeyError(
            f"the hotkey {sequence!r}: Shift alone would take a typed character", "shift_only"
        )
    lowered = key.lower()
    if lowered in _NAMED_KEYS:
        name = _NAMED_KEYS[lowered]
    elif len(key) == 1 and key.isprintable():
        name = lowered
    else:
        raise HotkeyError(
            f"the hotkey {sequence!r}: the key {key!r} cannot be used", "unusable_key"
        )
    return "+".join([*wanted, name])


class Listener(Protocol):
    def start(self) -> None: ...
    def stop(self) -> None: ...


ListenerFactory = Callable[[dict[str, Callable[[], None]]], Listener]


def pynput_listener(hotkeys: dict[str, Callable[[], None]]) -> Listener:
    try:
        from pynput import keyboard
    except ImportError as exc:  # also: no X display, or an unsupported platform
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise HotkeyError(
            f"the global hotkey is not available here: {reason}", "unavailable"
        ) from exc
    listener: Listener = keyboard.GlobalHotKeys(hotkeys)
    return listener


class GlobalHotkey(QObject):
    """``start(sequence)`` listens; ``activated`` fires (in the UI thread) on each press.

    ``failed(message)`` says in one line why the hotkey does not work (bad
    combination, no display, missing permission); the sidebar goes on without it.
    """

    activated = Signal()
    failed = Signal(str)

    def __init__(
        self, parent: QObject | None = None, *, listener_factory: ListenerFactory = pynput_listener
    ) -> None:
        super().__init__(parent)
        self._factory = listener_factory
        self._listener: Listener | None = None
        self.sequence = ""

    @property
    def active(self) -> bool:
        return self._listener is not None

    def start(self, sequence: str) -> bool:
        self.stop()
        try:
            listener = self._factory({to_pynput(sequence): self.activated.emit})
            listener.start()
        except HotkeyError as exc:
            self.failed.emit(self._problem(sequence, str(exc)))
            return False
        except Exception as exc:  # a platform backend failing (permissions, display)
            log.warning("global hotkey %s could not start", sequence, exc_info=True)
            self.failed.emit(self._problem(sequence, str(exc)))
            return False
        self._listener, self.sequence = listener, sequence
        return True

    def _problem(self, sequence: str, detail: str) -> str:
        return (
            self.tr("The global hotkey %1 does not work here (%2); the sidebar works without it.")
            .replace("%1", sequence)
            .replace("%2", detail)
        )

    def apply(self, enabled: bool, sequence: str) -> None:
        """Listen for ``sequence`` when ``enabled``, else not (after a settings change)."""
        if not enabled:
            self.stop()
        elif not self.active or sequence != self.sequence:
            self.start(sequence)

    def stop(self) -> None:
        if self._listener is not None:
            self._listener.stop()
            self._listener = None
