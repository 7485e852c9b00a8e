"""The shapes the editor's parts share: the "keep unsaved changes?" callback that
import and every other way out of a phrasebook ask before leaving it, and how
a failed job is reported (a status line, then the error through the prompts)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from chatassist.ui.editor.services import EditorPrompts

#: what to run again once the save that held it back is done
Retry = Callable[[], object]


class KeepChanges(Protocol):
    def __call__(self, retry: Retry | None = None) -> bool:
        """True when it is fine to leave the phrasebook under edit now; False when
        not (cancelled, or a save runs first: then ``retry`` runs once it is done)."""
        ...


def report_failure(
    emit_status: Callable[[str], object],
    prompts: EditorPrompts,
    exc: BaseException,
    *,
    status: str,
    title: str,
    context: str,
) -> None:
    """Put ``status`` in the status bar (%1: the error's message) and show the error
    with ``title`` and ``context`` (see ``ui/errors.py``: a bug shows as "internal
    error" there, with its traceback logged)."""
    emit_status(status.replace("%1", str(exc)))
    prompts.show_error(exc, title=title, context=context)
