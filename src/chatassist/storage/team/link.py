"""Whether a data folder is joined to a team library (two settings). Kept free of
the PostgreSQL driver so that starting the app pays nothing for it."""

from __future__ import annotations

from dataclasses import dataclass

from chatassist.settings import Settings

ROLES = ("agent", "trainer")


@dataclass(frozen=True)
class TeamLink:
    server: str
    role: str


def link(settings: Settings) -> TeamLink | None:
    server = str(settings.get("team_server") or "")
    if not server:
        return None
    return TeamLink(server, str(settings.get("team_role")))
