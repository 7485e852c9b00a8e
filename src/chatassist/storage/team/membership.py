"""Linking a data folder to a team library: join, leave, status.

The link is two settings (``team_server``, ``team_role``); the server's
address never holds a password (see connection.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from chatassist.settings import Settings
from chatassist.storage.database import Database
from chatassist.storage.team import connection, replica, schema, sync
from chatassist.storage.team.errors import (
    TeamDatabaseUnsuitable,
    TeamError,
    TeamNotJoined,
    TeamPermissionDenied,
)
from chatassist.storage.team.link import ROLES, TeamLink, link

__all__ = ["ROLES", "TeamLink", "TeamStatus", "join", "leave", "link", "status"]


def join(database: Database, settings: Settings, url: str, role: str) -> sync.SyncReport:
    """Check the server, link the folder and pull the team library (a backup of a
    non-empty local library is kept first)."""
    url = connection.check_url(url)
    with connection.session(url) as db:
        schema.require_current(db, url)
        # team init refused such a database, but a backup may have been restored into one.
        schema.check_suitable(db, url)
        if role == "trainer":
            row = db.execute_sql(
                "SELECT current_user, has_table_privilege('library_state', 'UPDATE')"
            ).fetchone()
            if not row[1]:
                raise TeamPermissionDenied(
                    f"the PostgreSQL role {row[0]} may not publish on {url}; join as an agent, "
                    f"or ask the admin to run GRANT {schema.TRAINER_ROLE} TO {row[0]}"
                )
        report = sync.sync(database, db, url)
    settings.set("team_server", url)
    settings.set("team_role", role)
    settings.save()
    return report


def leave(database: Database, settings: Settings) -> int:
    """Unlink; the local library stays as it is. Returns the uses still queued (kept)."""
    if link(settings) is None:
        raise TeamNotJoined()
    settings.set("team_server", "")
    settings.save()
    replica.forget(database)
    return replica.pending_uploads(database)


@dataclass
class TeamStatus:
    role: str
    server: str
    last_sync: datetime | None
    revision: int
    server_revision: int | None
    pending_uses: int
    drafts: int
    online: bool
    detail: str
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "server": self.server,
            "last_sync": self.last_sync.isoformat() + "Z" if self.last_sync else None,
            "revision": self.revision,
            "server_revision": self.server_revision,
            "pending_local_changes": {"uses": self.pending_uses, "drafts": self.drafts},
            "online": self.online,
            "detail": self.detail,
            "warnings": self.warnings,
        }

    def lines(self) -> list[str]:
        synced = self.last_sync.strftime("%Y-%m-%d %H:%M:%S UTC") if self.last_sync else "never"
        online = "online" if self.online else f"offline ({self.detail})"
        behind = ""
        if self.server_revision is not None and self.server_revision != self.revision:
            behind = f" (server is at {self.server_revision}: run chatassist team sync)"
        return [
            f"role: {self.role}",
            f"server: {self.server} ({online})",
            f"last sync: {synced}",
            f"library revision: {self.revision}{behind}",
            f"pending local changes: {self.pending_uses} uses to upload, {self.drafts} drafts",
            *(f"warning: {w}" for w in self.warnings),
        ]


def status(database: Database, settings: Settings, drafts_dir: Path) -> TeamStatus:
    current = link(settings)
    if current is None:
        raise TeamNotJoined()
    state = replica.state(database)
    drafts = len([p for p in drafts_dir.iterdir() if p.is_dir()]) if drafts_dir.is_dir() else 0
    server_revision = None
    online, detail = True, ""
    warnings: list[str] = []
    try:
        with connection.session(current.server, connect_timeout=3) as db:
            row = db.execute_sql("SELECT revision FROM library_state").fetchone()
            server_revision = int(row[0])
            try:
                warnings = schema.locale_warnings(db, current.server)
            except TeamDatabaseUnsuitable as exc:  # online, but sync refuses it
                warnings = [str(exc)]
    except TeamError as exc:
        online, detail = False, str(exc)
    return TeamStatus(
        role=current.role,
        server=current.server,
        last_sync=state.synced_at,
        revision=state.revision if state.server == current.server else 0,
        server_revision=server_revision,
        pending_uses=replica.pending_uploads(database),
        drafts=drafts,
        online=online,
        detail=detail,
        warnings=warnings,
    )
