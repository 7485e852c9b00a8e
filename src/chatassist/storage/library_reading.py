"""Reading the phrasebook library: summaries, whole phrasebooks, search.

Callers wrap these in ``Database.reading()`` (or run them inside a write
transaction, as the import does to diff against what is really there).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import peewee as pw

from chatassist.core.phrasebook.model import Entry, Phrasebook, Variant
from chatassist.core.textfold import fold
from chatassist.storage import sqlite_adapter
from chatassist.storage.models import EntryRow, KeywordRow, PhrasebookRow, VariantRow


@dataclass(frozen=True)
class PhrasebookSummary:
    id: str
    version: int
    title: dict[str, str]
    entries: int
    replies: int
    notes: int

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "version": self.version,
            "title": self.title,
            "entries": self.entries,
            "replies": self.replies,
            "notes": self.notes,
        }


_FIELD_ORDER = {"variant": 0, "gloss": 1, "keyword": 2, "body": 3}


@dataclass(frozen=True)
class SearchHit:
    entry_id: str
    language: str
    field: str  # "variant", "gloss", "keyword" or "body"
    text: str


def is_empty() -> bool:
    return not PhrasebookRow.select().exists()


def summaries() -> list[PhrasebookSummary]:
    out = []
    for row in PhrasebookRow.select().order_by(PhrasebookRow.position, PhrasebookRow.id):
        kinds = [e.kind for e in row.entries.select(EntryRow.kind)]
        out.append(
            PhrasebookSummary(
                id=row.id,
                version=row.version,
                title=dict(row.title),
                entries=len(kinds),
                replies=kinds.count("reply"),
                notes=kinds.count("note"),
            )
        )
    return out


def phrasebooks() -> list[Phrasebook]:
    """Every phrasebook with its entries, in import order (one query per table)."""
    keywords: dict[str, dict[str, list[str]]] = {}
    for k in KeywordRow.select().order_by(
        KeywordRow.entry, KeywordRow.language, KeywordRow.position
    ):
        keywords.setdefault(k.entry_id, {}).setdefault(k.language, []).append(k.text)
    variants: dict[str, list[Variant]] = {}
    for v in VariantRow.select().order_by(VariantRow.id):
        variants.setdefault(v.entry_id, []).append(Variant(v.language, v.tone, v.text, v.vetted))
    entries: dict[str, list[Entry]] = {}
    for e in EntryRow.select().order_by(EntryRow.phrasebook, EntryRow.position):
        entries.setdefault(e.phrasebook_id, []).append(
            Entry(
                id=e.id,
                scenarios=tuple(e.scenarios),
                kind=e.kind,
                gloss=dict(e.gloss),
                body=dict(e.body),
                tags=tuple(e.tags),
                segments=tuple(e.segments),
                regions=tuple(e.regions),
                pinned=bool(e.pinned),
                keywords={lang: tuple(ws) for lang, ws in keywords.get(e.id, {}).items()},
                variants=tuple(variants.get(e.id, ())),
            )
        )
    return [
        Phrasebook(
            id=row.id,
            title=dict(row.title),
            entries=tuple(entries.get(row.id, ())),
            version=row.version,
            description=dict(row.description),
            do_not_translate=tuple(row.do_not_translate),
        )
        for row in PhrasebookRow.select().order_by(PhrasebookRow.position, PhrasebookRow.id)
    ]


def search(db: pw.Database, query: str, limit: int) -> list[SearchHit]:
    """Entries whose variants, glosses, keywords or note bodies contain ``query``.

    Case-, accent- and width-insensitive; substrings work for CJK and Thai.
    One hit per entry (its best-ranked text), in rank order.
    """
    rows = sqlite_adapter.search(db, query, limit * 4)
    folded = fold(query).strip()
    hits = [SearchHit(*row) for row in rows]
    # Replies before glosses, keywords and notes; then texts that start with the query.
    hits.sort(
        key=lambda h: (
            _FIELD_ORDER.get(h.field, 9),
            not fold(h.text).startswith(folded),
            len(h.text),
        )
    )
    seen: dict[str, SearchHit] = {}
    for hit in hits:
        seen.setdefault(hit.entry_id, hit)
    return list(seen.values())[:limit]
