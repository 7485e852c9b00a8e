"""Local (SQLite) tables of a data folder linked to a team library (migration v3)."""

from __future__ import annotations

import peewee as pw

from chatassist.storage.models import BaseModel, JSONField


class TeamStateRow(BaseModel):
    key = pw.CharField(primary_key=True)
    value = pw.TextField()

    class Meta:
        table_name = "team_state"


class TeamEntryRow(BaseModel):
    """The server revision of each local entry, who changed it last and when (UTC)."""

    entry_id = pw.CharField(primary_key=True)
    revision = pw.IntegerField()
    changed_by = pw.TextField()
    changed_at = pw.DateTimeField()

    class Meta:
        table_name = "team_entry"


class UsageQueueRow(BaseModel):
    """A use not yet uploaded; ``upload_id`` makes the upload idempotent."""

    upload_id = pw.CharField(primary_key=True)
    entry_id = pw.CharField()
    language = pw.CharField()
    tone = pw.CharField()
    region = pw.CharField(default="")
    scenarios = JSONField(default=list)
    used_at = pw.DateTimeField()

    class Meta:
        table_name = "team_usage_queue"


class TeamHeatRow(BaseModel):
    """The team's weekly heat per entry, as of the last sync."""

    entry_id = pw.CharField(primary_key=True)
    score = pw.FloatField()

    class Meta:
        table_name = "team_heat"
