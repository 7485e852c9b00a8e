"""What the phrasebook editor works with, as narrow interfaces (like
``ui/backend.py`` for the sidebar) and the questions it asks the trainer.

The editor never opens the database or builds a translator, and nothing under
``ui/editor/`` imports ``chatassist.storage`` (the ui architecture test fails if
it does): the composition root (``app.py``, through ``editor/launch.py``) hands
it an :class:`EditorServices`, tests build one over a real library. Every call on these services is slow and runs in the
worker. The questions go through :class:`EditorPrompts` (dialogs in the app,
a fake answering from a list in tests).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from chatassist.core.phrasebook.house_style import HouseStyle
    from chatassist.core.phrasebook.loader import LoadedPhrasebook
    from chatassist.core.phrasebook.model import Phrasebook
    from chatassist.core.playbook.offer_rules import OfferRules
    from chatassist.core.statistics.responses import ResponseReport
    from chatassist.core.statistics.usage import UsageCount
    from chatassist.core.translation.model import Translator
    from chatassist.ui.editor.changed_by import ChangedByRecord
    from chatassist.ui.editor.import_plan import ImportPlan


class SaveReport(Protocol):
    """What the editor reads of a finished import: where the backup went."""

    @property
    def backup(self) -> Path | None: ...


class EditorLibrary(Protocol):
    """``storage.library.PhrasebookLibrary`` as the editor uses it (may raise
    StorageError; an import is one transaction, backup first, the backup named
    by ``backup_reason``: "before-import", or "before-save" for an editor save)."""

    def phrasebooks(self) -> list[Phrasebook]: ...

    def import_loaded(
        self, loaded: Sequence[LoadedPhrasebook], *, backup_reason: str = ...
    ) -> SaveReport: ...


class OfferRulesStore(Protocol):
    """``core.playbook.rules_file.OfferRulesFile`` as the editor uses it (slow: the worker)."""

    @property
    def is_own(self) -> bool: ...

    @property
    def path(self) -> Path: ...

    def load(self) -> OfferRules: ...

    def save(self, rules: OfferRules) -> Path | None: ...

    def reset(self) -> Path | None: ...


@dataclass(frozen=True)
class EditorServices:
    library: EditorLibrary
    #: the usage log, counted by week, entry, language and region (for the statistics)
    usage_counts: Callable[[], list[UsageCount]]
    #: the translator for machine drafts, built on first call (None: no machine drafts)
    translator: Callable[[], Translator] | None = None
    #: team mode: who changed an entry last on the server (by entry id; None: no team)
    changed_by: Callable[[str], ChangedByRecord | None] | None = None
    #: first-response times by week and by sidebar session (None: not shown)
    responses: Callable[[], ResponseReport] | None = None
    #: the team's offer rules, edited in the Offer rules tab (None: no such tab)
    offer_rules: OfferRulesStore | None = None
    #: each language's register, for house-style warnings on replies (None: none)
    house_style: HouseStyle | None = None


class EditorPrompts(Protocol):
    """The questions the editor asks and the errors it shows (modal in the app)."""

    def ask_unsaved(self) -> str:
        """Before leaving unsaved changes: "save", "discard" or "cancel"."""
        ...

    def ask_restore_draft(self, book_id: str) -> bool:
        """Restore the crash draft left for ``book_id``?"""
        ...

    def ask_new_book_id(self, error: str = "") -> str | None:
        """The id of a new phrasebook (``error`` says what was wrong with the last
        one), or None when cancelled."""
        ...

    def confirm_import(self, plan: ImportPlan) -> bool:
        """Apply an import that adds, changes and removes what ``plan`` shows?"""
        ...

    def show_problems(self, title: str, summary: str, problems: list[str]) -> None:
        """List every problem of a refused file (one per line, each with its place)."""
        ...

    def show_error(self, exc: BaseException, *, title: str, context: str = "") -> None:
        """Tell the trainer about ``exc``; ``context`` says what failed, with %1 where
        the error's description goes (see ``ui/errors.py``)."""
        ...
