"""Machine drafts and approval of the selected variant cell.

A machine draft fills the selected cell with an unvetted translation of another
variant (in a worker; a result for an older request or another phrasebook is
dropped); approving marks the cell as vetted. Both are undoable edits. Strings
keep the window's translation context ("EditorWindow").
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from chatassist.ui.editor import model
from chatassist.ui.worker import Generation

if TYPE_CHECKING:
    from chatassist.ui.editor.window import EditorWindow


class MachineDrafts:
    """Machine draft and Approve of ``window``; ``window.translator`` may be None."""

    def __init__(self, window: EditorWindow) -> None:
        self.window = window
        self._generation = Generation()

    def approve_cell(self) -> None:
        window = self.window
        cell = window.form.current_cell()
        if window.session is None or cell is None or window.entry_index < 0:
            return
        after = model.approve(window.session.book, window.entry_index, *cell)
        window.edit(
            after,
            QCoreApplication.translate("EditorWindow", "Approve %1").replace("%1", "/".join(cell)),
        )

    def draft_translation(self) -> None:
        """Machine-translate the selected empty cell from another variant (unvetted)."""
        window = self.window
        cell = window.form.current_cell()
        if window.session is None or cell is None or window.entry_index < 0:
            return
        if window.translator is None:
            window.status(
                QCoreApplication.translate("EditorWindow", "Machine translation is not available.")
            )
            return
        entry = window.session.book.entries[window.entry_index]
        language, tone = cell
        source = (
            entry.variant("en", tone)
            or next((v for v in entry.variants if v.language == "en"), None)
            or next((v for v in entry.variants if v.tone == tone), None)
            or (entry.variants[0] if entry.variants else None)
        )
        if source is None or source.language == language:
            window.status(
                QCoreApplication.translate(
                    "EditorWindow", "There is no other variant to translate from."
                )
            )
            return
        token = self._generation.next()
        job = partial(
            window.translator.translate,
            source.text,
            source.language,
            language,
            glossary=window.session.book.do_not_translate,
        )
        book_id, entry_id = window.session.book.id, entry.id
        window.status(QCoreApplication.translate("EditorWindow", "Translating…"))

        def done(result: Any) -> None:
            session = window.session
            if not self._generation.is_current(token) or session is None:
                return
            if session.book.id != book_id:
                return
            index = next((i for i, e in enumerate(session.book.entries) if e.id == entry_id), -1)
            if index < 0:
                return
            after = model.set_variant(session.book, index, language, tone, result.text, False)
            window.edit(
                after,
                QCoreApplication.translate("EditorWindow", "Machine draft %1").replace(
                    "%1", f"{language}/{tone}"
                ),
            )
            window.status(
                QCoreApplication.translate(
                    "EditorWindow", "Machine draft added; approve it once checked."
                )
            )

        def failed(exc: Exception) -> None:
            window.status(
                QCoreApplication.translate("EditorWindow", "Could not translate: %1").replace(
                    "%1", str(exc)
                )
            )

        window.worker.run_task(job, done, failed)
