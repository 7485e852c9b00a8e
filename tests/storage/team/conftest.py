"""The team tests' fixtures (a real PostgreSQL server): see support/team_fixtures.py."""

from support.team_fixtures import cli, empty_team_db, pg_server, team

__all__ = ["cli", "empty_team_db", "pg_server", "team"]
