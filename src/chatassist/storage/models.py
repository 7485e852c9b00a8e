"""peewee models of the library. Bound to a database through ``database_proxy``
so the same models can serve SQLite now and a shared PostgreSQL later."""

from __future__ import annotations

import json
from typing import Any

import peewee as pw

database_proxy = pw.DatabaseProxy()


class JSONField(pw.TextField):
    """Lists and language maps, stored as JSON text (portable across backends)."""

    def db_value(self, value: Any) -> str | None:
        return None if value is None else json.dumps(value, ensure_ascii=False)

    def python_value(self, value: Any) -> Any:
        return None if value is None else json.loads(value)


class BaseModel(pw.Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class PhrasebookRow(BaseModel):
    id = pw.CharField(primary_key=True)
    version = pw.IntegerField(default=1)
    position = pw.IntegerField(default=0)
    title = JSONField()
    description = JSONField(default=dict)
    do_not_translate = JSONField(default=list)
    placeholder_kinds = JSONField(default=dict)

    class Meta:
        table_name = "phrasebook"


class EntryRow(BaseModel):
    id = pw.CharField(primary_key=True)
    phrasebook = pw.ForeignKeyField(PhrasebookRow, backref="entries", on_delete="CASCADE")
    position = pw.IntegerField()
    kind = pw.CharField(default="reply")
    scenarios = JSONField()
    tags = JSONField(default=list)
    segments = JSONField(default=list)
    regions = JSONField(default=list)
    pinned = pw.BooleanField(default=False)
    gloss = JSONField()
    body = JSONField(default=dict)
    placeholder_kinds = JSONField(default=dict)

    class Meta:
        table_name = "entry"


class KeywordRow(BaseModel):
    """An entry's keywords in one language: a JSON array, in order (schema 9)."""

    entry = pw.ForeignKeyField(EntryRow, backref="keyword_rows", on_delete="CASCADE")
    language = pw.CharField()
    words = pw.TextField()

    class Meta:
        table_name = "keyword"


class VariantRow(BaseModel):
    entry = pw.ForeignKeyField(EntryRow, backref="variant_rows", on_delete="CASCADE")
    language = pw.CharField()
    tone = pw.CharField()
    text = pw.TextField()
    vetted = pw.BooleanField(default=True)

    class Meta:
        table_name = "variant"
        indexes = ((("entry", "language", "tone"), True),)


class UsageRow(BaseModel):
    """An agent copied a suggestion. Keyed by entry id without a foreign key, so
    statistics survive re-imports that replace the entry (schema version 2)."""

    entry_id = pw.CharField(index=True)
    language = pw.CharField()
    tone = pw.CharField()
    region = pw.CharField(default="")
    used_at = pw.DateTimeField(index=True)

    class Meta:
        table_name = "usage"


class ResponseTimeRow(BaseModel):
    """How long a customer's message waited for a copied reply (schema version 4).
    Figures only: no message text."""

    session = pw.CharField(index=True)
    seconds = pw.FloatField()
    urgent = pw.BooleanField(default=False)
    scenario = pw.CharField(default="")
    region = pw.CharField(default="")
    answered_at = pw.DateTimeField(index=True)

    class Meta:
        table_name = "response_time"


LIBRARY_MODELS: tuple[type[BaseModel], ...] = (PhrasebookRow, EntryRow, KeywordRow, VariantRow)
ALL_MODELS: tuple[type[BaseModel], ...] = (*LIBRARY_MODELS, UsageRow, ResponseTimeRow)
