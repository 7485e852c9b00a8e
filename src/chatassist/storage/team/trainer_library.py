"""A trainer's library on a joined data folder: imports and editor saves go to
the team server first (one server transaction, optimistic per entry), then to
the local replica. A refused or failed publish writes nothing anywhere and
keeps the trainer's edit as a draft file."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from chatassist.core.phrasebook.loader import LoadedPhrasebook
from chatassist.core.phrasebook.model import Phrasebook
from chatassist.core.phrasebook.publication import LoadedGlossary
from chatassist.core.phrasebook.writer import dump
from chatassist.storage.database import Database
from chatassist.storage.library import (
    ImportReport,
    PhrasebookLibrary,
    diff_phrasebook,
    write_atomic,
)
from chatassist.storage.team import connection, publish, replica
from chatassist.storage.team.errors import PublishConflict, TeamError, TeamPermissionDenied


class TeamTrainerLibrary(PhrasebookLibrary):
    def __init__(self, database: Database, server: str, drafts_dir: Path) -> None:
        super().__init__(database)
        self.server = server
        self.drafts_dir = drafts_dir
        self.last_publish: publish.PublishResult | None = None

    # Files go to the server first, whole: read every one before publishing.
    import_files = PhrasebookLibrary.import_files_read_first

    def import_loaded(
        self,
        loaded: Sequence[LoadedPhrasebook],
        *,
        backup_reason: str = "before-import",
        glossary: LoadedGlossary | None = None,
    ) -> ImportReport:
        if glossary is not None:
            # The team server holds no glossary yet: taking it only here would leave
            # every agent without it while the trainer believes it published.
            raise TeamError(
                f"{glossary.path}: the team library does not carry the glossary yet; "
                "import the phrasebooks without it, and the glossary on each machine "
                "(chatassist glossary import FILE); nothing was changed"
            )
        self._check_foreign_ids(loaded)
        current = {b.id: b for b in self.phrasebooks()}
        work = []
        for lb in loaded:
            change = diff_phrasebook(lb, current.get(lb.phrasebook.id))
            if change.status != "unchanged":
                work.append((lb.phrasebook, change))
        result = None
        if work:
            base = replica.entry_revisions(self.database)
            try:
                with connection.session(self.server) as db:
                    result = publish.publish(db, work, base)
            except TeamError as exc:
                draft = self.keep_draft([book for book, _ in work])
                if isinstance(exc, PublishConflict):
                    raise PublishConflict(exc.conflicts, draft) from exc
                exc.args = (
                    f"{exc}; nothing was published, your edit was kept as a draft in {draft}",
                )
                raise
        report = super().import_loaded(loaded, backup_reason=backup_reason)
        if result is not None:
            published = result

            def remember() -> None:
                replica.record_entries(published.changed_by())
                replica.drop_entries(published.removed)

            self.database.run(remember)
            self.last_publish = result
        return report

    def keep_draft(self, books: Sequence[Phrasebook]) -> Path:
        """The refused books as phrasebook YAML (one folder per attempt), written atomically."""
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
        folder = self.drafts_dir / stamp
        folder.mkdir(parents=True, exist_ok=True)
        for book in books:
            write_atomic(folder / f"{book.id}.yaml", dump(book))
        return folder


class TeamAgentLibrary(PhrasebookLibrary):
    """An agent's replica: it follows the team library and is changed only by sync,
    so a local import (which the next sync would not undo) is refused, untouched."""

    import_files = PhrasebookLibrary.import_files_read_first

    def import_loaded(
        self,
        loaded: Sequence[LoadedPhrasebook],
        *,
        backup_reason: str = "before-import",
        glossary: LoadedGlossary | None = None,
    ) -> ImportReport:
        raise TeamPermissionDenied(
            "this data folder follows the team library as an agent: phrasebooks are "
            "published by trainers (chatassist team join URL --role trainer); nothing was changed"
        )
