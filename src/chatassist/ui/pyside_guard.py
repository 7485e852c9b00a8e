"""A guard against a reference-counting bug of PySide6 6.12 on Python 3.11.

Measured in this project's environment: every call of a Python slot drops one
reference to ``None`` (what the slot returned), and every Python-side
``Signal.emit()`` drops one to ``True``. The counts of these singletons fall by
one per keystroke, timer tick or signal until the interpreter aborts with
"none_dealloc: deallocating None" (in a test run after a few thousand
signals; in a working day of the sidebar for sure).

Python 3.12 made these objects immortal, which makes the lost references
harmless; on 3.11 we do the equivalent by hand once at start-up: give each
singleton a huge extra count. They are statically allocated and never freed,
so an extra count costs nothing. ``tests/ui/test_ui_plumbing.py`` checks the
bug is neutralised.
"""

from __future__ import annotations

import ctypes
import sys

_EXTRA = 1 << 40  # a trillion slot calls
_done = False


def keep_singletons_alive() -> None:
    """Make None, True and False survive lost references (idempotent)."""
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        _done = True
        return
    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += _EXTRA
    _done = True
