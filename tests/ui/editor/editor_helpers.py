"""Test data and doubles for the editor tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QRunnable, QThread

from chatassist import paths as paths_mod
from chatassist.core.phrasebook.model import Entry, Phrasebook, Variant
from chatassist.core.regions import load_regions
from chatassist.core.translation.model import TokenReport, Translation
from chatassist.ui.editor.import_plan import ImportPlan
from chatassist.ui.editor.window import EditorWindow
from chatassist.ui.errors import error_text

BOOK = Phrasebook(
    id="demo",
    title={"zh-Hans": "演示", "en": "Demo"},
    do_not_translate=("ShopName",),
    entries=(
        Entry(
            id="order.tracking",
            scenarios=("order_status",),
            gloss={"zh-Hans": "告知物流单号", "en": "Give the tracking number"},
            keywords={"en": ("where is my order",)},
            variants=(
                Variant("en", "direct", "Order {order_id} shipped."),
                Variant("es", "direct", "Pedido {order_id} enviado."),
            ),
        ),
        Entry(
            id="greeting.hello",
            scenarios=("greeting",),
            gloss={"zh-Hans": "问候", "en": "Hello"},
            variants=(Variant("en", "direct", "Hello {customer_name}!"),),
        ),
    ),
)

#: the bundled regions (their names in both interface languages), as the app loads them
REGIONS = load_regions(paths_mod.bundled_resources() / "regions.yaml")


class EchoTranslator:
    """'[target] text' for any pair; records the glossary it was given."""

    def __init__(self) -> None:
        self.glossaries: list[tuple[str, ...]] = []

    def translate(
        self, text: str, source: str, target: str, *, glossary: Any = (), country: Any = None
    ) -> Translation:
        self.glossaries.append(tuple(glossary))
        return Translation(
            f"[{target}] {text}", source, target, (source, target), (), TokenReport()
        )


class FakePrompts:
    """The editor's questions without dialogs (``EditorPrompts``): it answers what
    the test set and records what was asked and which errors were shown."""

    def __init__(self) -> None:
        #: answers "save", "discard" or "cancel" before unsaved changes are left
        self.unsaved: Callable[[], str] = lambda: "discard"
        #: restore a crash draft when one is found
        self.restore_draft = False
        #: the id typed for a new phrasebook (given the error shown), None: cancelled
        self.new_book_id: Callable[[str], str | None] = lambda error: None
        #: apply an import after its preview
        self.import_answer = True
        self.asked: list[str] = []
        #: the errors shown, and the text each error box showed
        self.errors: list[BaseException] = []
        self.messages: list[str] = []
        #: the import plans previewed
        self.plans: list[ImportPlan] = []
        #: the problem lists shown: (title, summary, problems)
        self.problems: list[tuple[str, str, list[str]]] = []

    def ask_unsaved(self) -> str:
        self.asked.append("unsaved")
        return self.unsaved()

    def ask_restore_draft(self, book_id: str) -> bool:
        self.asked.append(f"restore {book_id}")
        return self.restore_draft

    def ask_new_book_id(self, error: str = "") -> str | None:
        self.asked.append("new book id")
        return self.new_book_id(error)

    def confirm_import(self, plan: ImportPlan) -> bool:
        self.asked.append("import")
        self.plans.append(plan)
        return self.import_answer

    def show_problems(self, title: str, summary: str, problems: list[str]) -> None:
        self.problems.append((title, summary, problems))

    def show_error(self, exc: BaseException, *, title: str, context: str = "") -> None:
        self.errors.append(exc)
        self.messages.append(error_text(exc, context))


class HoldablePool:
    """A worker pool that runs jobs at once (like ``InlineThreadPool``) until
    :attr:`hold` is set; then it keeps them, and records on which thread each job
    was started, until :meth:`release` runs them. A test holds it to show that
    something is left to the worker, not done on the UI thread."""

    def __init__(self) -> None:
        self.hold = False
        self.held: list[QRunnable] = []
        #: the threads that ran a job (the worker's, or the UI thread when inline)
        self.ran_on: list[QThread] = []

    def start(self, runnable: QRunnable, /) -> None:
        if self.hold:
            self.held.append(runnable)
        else:
            self.ran_on.append(QThread.currentThread())
            runnable.run()

    def release(self) -> int:
        """Run the held jobs (their results are delivered from the event loop)."""
        self.hold = False
        jobs, self.held = self.held, []
        for job in jobs:
            job.run()
        return len(jobs)

    def waitForDone(self, msecs: int = -1, /) -> bool:
        return not self.held


MakeEditor = Callable[..., EditorWindow]
