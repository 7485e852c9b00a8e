"""Machine drafts and approval of the selected variant cell.

A machine draft fills the selected cell with an unvetted translation of another
variant (in a worker; a result for an older request or another phrasebook is
dropped); approving marks the cell as vetted. Both are undoable edits of the
editor's document. The part sees the document, the entry form (for the
selected cell), the worker and the translator getter. Strings keep the
window's translation context ("EditorWindow").
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, QObject, Signal

from chatassist.core.translation.model import Translation, Translator
from chatassist.ui.editor import model
from chatassist.ui.editor.document import EditorDocument
from chatassist.ui.editor.entry_form import EntryForm
from chatassist.ui.worker import Worker


class MachineDrafts(QObject):
    """Machine draft and Approve; without a ``translator`` there are no machine drafts."""

    #: A line for the status bar.
    status = Signal(str)

    def __init__(
        self,
        document: EditorDocument,
        form: EntryForm,
        worker: Worker,
        translator: Callable[[], Translator] | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.form = form
        self.worker = worker
        self.translator = translator

    def approve_cell(self) -> None:
        document = self.document
        cell = self.form.current_cell()
        if document.session is None or cell is None or document.entry_index < 0:
            return
        after = model.approve(document.session.book, document.entry_index, *cell)
        document.edit(
            after,
            QCoreApplication.translate("EditorWindow", "Approve %1").replace("%1", "/".join(cell)),
        )

    def draft_translation(self) -> None:
        """Machine-translate the selected empty cell from another variant (unvetted)."""
        document = self.document
        cell = self.form.current_cell()
        entry = document.current_entry()
        if document.session is None or cell is None or entry is None:
            return
        translator = self.translator
        if translator is None:
            self.status.emit(
                QCoreApplication.translate("EditorWindow", "Machine translation is not available.")
            )
            return
        language, tone = cell
        source = (
            entry.variant("en", tone)
            or next((v for v in entry.variants if v.language == "en"), None)
            or next((v for v in entry.variants if v.tone == tone), None)
            or (entry.variants[0] if entry.variants else None)
        )
        if source is None or source.language == language:
            self.status.emit(
                QCoreApplication.translate(
                    "EditorWindow", "There is no other variant to translate from."
                )
            )
            return
        glossary = document.session.book.do_not_translate

        def job() -> Translation:
            return translator().translate(source.text, source.language, language, glossary=glossary)

        book_id, entry_id = document.session.book.id, entry.id
        self.status.emit(QCoreApplication.translate("EditorWindow", "Translating…"))
        self.worker.run_latest(
            (self, "draft"),
            job,
            partial(self._drafted, book_id, entry_id, language, tone),
            self._failed,
        )

    def _drafted(
        self, book_id: str, entry_id: str, language: str, tone: str, result: Translation
    ) -> None:
        session = self.document.session
        if session is None or session.book.id != book_id:
            return  # another phrasebook is under edit now
        index = next((i for i, e in enumerate(session.book.entries) if e.id == entry_id), -1)
        if index < 0:
            return
        after = model.set_variant(session.book, index, language, tone, result.text, False)
        self.document.edit(
            after,
            QCoreApplication.translate("EditorWindow", "Machine draft %1").replace(
                "%1", f"{language}/{tone}"
            ),
        )
        self.status.emit(
            QCoreApplication.translate(
                "EditorWindow", "Machine draft added; approve it once checked."
            )
        )

    def _failed(self, exc: Exception) -> None:
        self.status.emit(
            QCoreApplication.translate("EditorWindow", "Could not translate: %1").replace(
                "%1", str(exc)
            )
        )
