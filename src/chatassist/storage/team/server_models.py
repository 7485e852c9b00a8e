"""The library's peewee models, bound to one team server connection.

Same fields (and JSON conversions) as the local models in storage/models.py,
plus the team columns; bound per server rather than through the global proxy,
since one process may talk to its local SQLite and a server at once (and the
tests to one server as two different users).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import peewee as pw

from chatassist.storage.models import BaseModel, EntryRow, PhrasebookRow, VariantRow


@dataclass(frozen=True)
class ServerModels:
    db: pw.Database
    phrasebook: Any
    entry: Any
    keyword: Any
    variant: Any
    search_text: Any
    usage_event: Any


def bind(db: pw.Database) -> ServerModels:
    class TeamPhrasebook(PhrasebookRow):
        revision = pw.BigIntegerField()
        changed_by = pw.TextField()
        changed_at = pw.DateTimeField()
        deleted = pw.BooleanField(default=False)

        class Meta:
            database = db
            table_name = "phrasebook"

    class TeamEntry(EntryRow):
        phrasebook = pw.ForeignKeyField(TeamPhrasebook, on_delete="CASCADE")
        revision = pw.BigIntegerField()
        changed_by = pw.TextField()
        changed_at = pw.DateTimeField()
        deleted = pw.BooleanField(default=False)

        class Meta:
            database = db
            table_name = "entry"

    # The server keeps a row per keyword (the replica groups them by language, v9):
    # publishing COPYs them and a sync pulls them grouped.
    class TeamKeyword(BaseModel):
        entry = pw.ForeignKeyField(TeamEntry, on_delete="CASCADE")
        language = pw.CharField()
        position = pw.IntegerField()
        text = pw.TextField()

        class Meta:
            database = db
            table_name = "keyword"

    class TeamVariant(VariantRow):
        entry = pw.ForeignKeyField(TeamEntry, on_delete="CASCADE")

        class Meta:
            database = db
            table_name = "variant"
            indexes = ()

    class TeamSearchText(pw.Model):
        entry = pw.ForeignKeyField(TeamEntry, on_delete="CASCADE")
        language = pw.CharField()
        field = pw.CharField()
        text = pw.TextField()
        folded = pw.TextField()

        class Meta:
            database = db
            table_name = "search_text"

    class TeamUsageEvent(pw.Model):
        upload_id = pw.UUIDField(primary_key=True)
        entry_id = pw.CharField()
        language = pw.CharField()
        tone = pw.CharField()
        region = pw.CharField(default="")
        scenarios = pw.TextField(default="[]")
        used_at = pw.DateTimeField()

        class Meta:
            database = db
            table_name = "usage_event"

    return ServerModels(
        db, TeamPhrasebook, TeamEntry, TeamKeyword, TeamVariant, TeamSearchText, TeamUsageEvent
    )
