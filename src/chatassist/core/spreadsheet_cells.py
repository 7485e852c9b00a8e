"""Cells a spreadsheet will not run as formulas (CSV injection, OWASP).

A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
leading ``'`` so that Excel or LibreOffice shows it as text; a cell that already
starts with ``'`` gets one more, so :func:`restore_cell` gives back exactly what
was written. Used by every CSV chatassist writes (phrasebooks, statistics).
"""

from __future__ import annotations

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: str) -> str:
    """A CSV cell a spreadsheet will not run as a formula (see the module docstring)."""
    return "'" + value if value.startswith((*_FORMULA_START, "'")) else value


def restore_cell(value: str) -> str:
    """The inverse of :func:`neutralise_cell`."""
    if value.startswith("'") and value[1:].startswith((*_FORMULA_START, "'")):
        return value[1:]
    return value
