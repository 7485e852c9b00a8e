"""A phrasebook as the rows the library tables hold, built apart from writing them.

Building the rows is Python work that needs no database: a large import builds
them on the thread that reads the files (``core.read_ahead``), and the writing
thread only hands them to SQLite. Columns as in ``migrations`` (JSON as text).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from chatassist.core.phrasebook.model import Phrasebook
from chatassist.storage import sqlite_adapter


@dataclass(frozen=True)
class BookRows:
    #: the phrasebook row but its position (which the writer gives)
    book: tuple[object, ...]
    entries: list[tuple[object, ...]]
    #: (entry id, language, its words as a JSON array)
    keywords: list[tuple[str, str, str]]
    variants: list[tuple[str, str, str, str, int]]
    #: the search rows of its entries (``sqlite_adapter.search_rows``)
    search: list[tuple[str, str, str, str, str]]


def book_rows(book: Phrasebook) -> BookRows:
    entry_rows: list[tuple[object, ...]] = []
    keyword_rows: list[tuple[str, str, str]] = []
    variant_rows: list[tuple[str, str, str, str, int]] = []
    for pos, e in enumerate(book.entries):
        entry_rows.append(
            (
                e.id,
                book.id,
                pos,
                e.kind,
                _json(list(e.scenarios)),
                _json(list(e.tags)),
                _json(list(e.segments)),
                _json(list(e.regions)),
                int(e.pinned),
                _json(e.gloss),
                _json(e.body),
                _json(dict(e.placeholder_kinds)),
            )
        )
        keyword_rows.extend(
            (e.id, lang, _json(list(words))) for lang, words in e.keywords.items() if words
        )
        variant_rows.extend((e.id, v.language, v.tone, v.text, int(v.vetted)) for v in e.variants)
    header = (
        book.id,
        book.version,
        _json(book.title),
        _json(book.description),
        _json(list(book.do_not_translate)),
        _json(dict(book.placeholder_kinds)),
    )
    return BookRows(
        header, entry_rows, keyword_rows, variant_rows, sqlite_adapter.search_rows(book.entries)
    )


def _json(value: Any) -> str:
    """As models.JSONField stores it."""
    return json.dumps(value, ensure_ascii=False)
