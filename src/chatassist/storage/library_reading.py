"""Reading the phrasebook library: summaries, whole phrasebooks, search.

Callers wrap these in ``Database.reading()`` (or run them inside a write
transaction, as the import does to diff against what is really there).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import peewee as pw

from chatassist.core.phrasebook.model import Entry, Phrasebook, Variant
from chatassist.core.textfold import fold
from chatassist.storage import sqlite_adapter
from chatassist.storage.models import EntryRow, PhrasebookRow


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


def phrasebooks(ids: Collection[str] | None = None) -> list[Phrasebook]:
    """Every phrasebook (or the ones with these ids) with its entries, in import order.

    One query per table, read as plain tuples: building a peewee model per row
    cost more than everything else when loading a 10,000-entry library.
    """
    db = PhrasebookRow._meta.database
    where, params = "", []
    if ids is not None:
        ids = list(ids)
        if not ids:
            return []
        marks = ", ".join([db.param] * len(ids))
        where, params = f" WHERE phrasebook_id IN ({marks})", ids
    in_books = f" WHERE entry_id IN (SELECT id FROM entry{where})" if where else ""
    keywords: dict[str, dict[str, list[str]]] = {}
    for entry_id, language, words in db.execute_sql(
        f"SELECT entry_id, language, words FROM keyword{in_books} ORDER BY entry_id, language",
        params,
    ):
        keywords.setdefault(entry_id, {})[language] = json.loads(words)
    variants: dict[str, list[Variant]] = {}
    for entry_id, language, tone, text, vetted in db.execute_sql(
        f"SELECT entry_id, language, tone, text, vetted FROM variant{in_books} ORDER BY id",
        params,
    ):
        variants.setdefault(entry_id, []).append(Variant(language, tone, text, bool(vetted)))
    entries: dict[str, list[Entry]] = {}
    loads = json.loads
    for entry_id, book_id, *row in db.execute_sql(
        f"SELECT id, phrasebook_id, {_ENTRY_COLUMNS} FROM entry{where}"
        " ORDER BY phrasebook_id, position",
        params,
    ):
        entries.setdefault(book_id, []).append(
            _entry(entry_id, row, keywords.get(entry_id, {}), variants.get(entry_id, ()))
        )
    book_where = where.replace("phrasebook_id", "id")
    return [
        Phrasebook(
            id=book_id,
            title=loads(title),
            entries=tuple(entries.get(book_id, ())),
            version=version,
            description=loads(description),
            do_not_translate=tuple(loads(dnt)),
            placeholder_kinds=loads(pk),
        )
        for book_id, version, title, description, dnt, pk in db.execute_sql(
            "SELECT id, version, title, description, do_not_translate, placeholder_kinds"
            f" FROM phrasebook{book_where} ORDER BY position, id",
            params,
        )
    ]


def entry(entry_id: str) -> Entry | None:
    """One entry with its texts, or None when the library has no such entry (the
    suggestion engine reads the replies it shows this way)."""
    db = PhrasebookRow._meta.database
    mark = db.param
    row = db.execute_sql(
        f"SELECT {_ENTRY_COLUMNS} FROM entry WHERE id = {mark}", [entry_id]
    ).fetchone()
    if row is None:
        return None
    keywords: dict[str, list[str]] = {
        language: json.loads(words)
        for language, words in db.execute_sql(
            f"SELECT language, words FROM keyword WHERE entry_id = {mark} ORDER BY language",
            [entry_id],
        )
    }
    variants = tuple(
        Variant(language, tone, text, bool(vetted))
        for language, tone, text, vetted in db.execute_sql(
            f"SELECT language, tone, text, vetted FROM variant WHERE entry_id = {mark} ORDER BY id",
            [entry_id],
        )
    )
    return _entry(entry_id, row, keywords, variants)


_ENTRY_COLUMNS = "kind, scenarios, tags, segments, regions, pinned, gloss, body, placeholder_kinds"


def _entry(
    entry_id: str,
    row: Sequence[Any],
    keywords: Mapping[str, list[str]],
    variants: Iterable[Variant],
) -> Entry:
    """An entry from its row (``_ENTRY_COLUMNS``), keywords and variants."""
    kind, scenarios, tags, segments, regions, pinned, gloss, body, pk = row
    loads = json.loads
    return Entry(
        id=entry_id,
        scenarios=tuple(loads(scenarios)),
        kind=kind,
        gloss=loads(gloss),
        body=loads(body),
        tags=tuple(loads(tags)),
        segments=tuple(loads(segments)),
        regions=tuple(loads(regions)),
        pinned=bool(pinned),
        keywords={lang: tuple(ws) for lang, ws in keywords.items()},
        variants=tuple(variants),
        placeholder_kinds=loads(pk),
    )


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
