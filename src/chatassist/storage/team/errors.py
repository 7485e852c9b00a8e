"""Typed errors of the team library: each says what is wrong, on which server or
entry, and what the person can do."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from chatassist.storage.errors import StorageError


class TeamError(StorageError):
    """The team library cannot be used as asked."""


class TeamUrlInvalid(TeamError):
    pass


class TeamOffline(TeamError):
    """The server cannot be reached; the local copy keeps working."""

    def __init__(self, server: str, detail: str) -> None:
        super().__init__(
            f"team server {server} is unreachable ({detail}); "
            "working from the local copy, changes are kept until it is back"
        )
        self.server = server


class TeamTlsFailed(TeamError):
    """The TLS settings of the address (sslmode, sslrootcert...) and the server disagree."""

    def __init__(self, server: str, detail: str) -> None:
        super().__init__(
            f"team server {server}: the TLS connection failed ({detail}); check sslmode and "
            "sslrootcert in the address (docs/team.md). Working from the local copy"
        )
        self.server = server


class TeamNotJoined(TeamError):
    def __init__(self) -> None:
        super().__init__(
            "this data folder is not linked to a team library; run: chatassist team join URL"
        )


class TeamSchemaMissing(TeamError):
    def __init__(self, server: str) -> None:
        super().__init__(
            f"{server} has no chatassist team schema; a trainer or admin runs: "
            f"chatassist team init {server}"
        )


class TeamSchemaNewer(TeamError):
    def __init__(self, server: str, found: int, supported: int) -> None:
        super().__init__(
            f"team database {server} has schema version {found}, newer than this chatassist "
            f"understands ({supported}); update chatassist. The database was left untouched"
        )


class TeamDatabaseUnsuitable(TeamError):
    """Not UTF-8, a C ctype (pg_trgm would index no CJK/Thai), not empty, no pg_trgm."""


class TeamPermissionDenied(TeamError):
    pass


@dataclass(frozen=True)
class Conflict:
    entry_id: str
    phrasebook_id: str
    changed_by: str
    changed_at: str
    what: str  # "changed", "deleted" or "added"

    def sentence(self) -> str:
        return (
            f"entry '{self.entry_id}' ({self.phrasebook_id}) was {self.what} by "
            f"{self.changed_by} at {self.changed_at} after your copy"
        )


class PublishConflict(TeamError):
    """A save based on an old revision: nothing was written on the server."""

    def __init__(self, conflicts: list[Conflict], draft: Path | None = None) -> None:
        self.conflicts = conflicts
        self.draft = draft
        first = "; ".join(c.sentence() for c in conflicts[:3])
        more = f" (and {len(conflicts) - 3} more)" if len(conflicts) > 3 else ""
        kept = f"; your edit was kept as a draft in {draft}" if draft else ""
        super().__init__(
            f"not published: {first}{more}. Run chatassist team sync, then redo the edit{kept}"
        )
