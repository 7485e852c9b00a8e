"""The built suggestion index, persisted: a fresh process answers without reading
the whole library.

What is kept: the intent detector (cue lexicon + phrasebook keywords + the word-part
model learnt from labelled examples) and one card per entry (``core.suggestion_cards``:
what ranking needs, no texts; the replies shown read their texts from the
library). The file is keyed by the library revision (storage/revision.py) and
a code key (chatassist's version, the cue lexicon's and the indexing modules'
checksums): any other key, a missing, truncated or malformed file means a
rebuild, never a wrong answer.

Format (``VERSION`` 3): one JSON line (format, version, Python, code key,
revision and a BLAKE2 digest of the rest), then the index pickled. Reading the
JSON of version 2 and turning it back into objects took 0.7 s of CPU at 10,000
entries, unpickling takes 0.15 s. Pickle is safe here because the unpickler is
restricted: it resolves only the index's own data classes (no function, no
other class), so whatever the file holds, loading it runs no code of the file's
choosing; the digest catches a truncated or altered payload before it is read,
and the result's types are checked after. Written atomically.
"""

from __future__ import annotations

import hashlib
import importlib
import io
import json
import pickle
import sys
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chatassist.core.files import write_atomic
from chatassist.core.gc_pause import gc_paused
from chatassist.core.intents import CueLexicon, IntentDetector
from chatassist.core.intents.learnt import WordPartModel
from chatassist.core.phrasebook.model import Entry
from chatassist.core.phrasebook.placeholders import declared_kinds
from chatassist.core.suggestion_cards import EntryCard
from chatassist.core.suggestion_cards import shared_key as _slot
from chatassist.storage import revision as revision_mod
from chatassist.storage.database import Database
from chatassist.storage.revision import LibraryRevision

FORMAT = "chatassist-suggestion-index"
VERSION = 3
FILE_NAME = "suggestion-index.bin"
_OLD_FILE_NAME = "suggestion-index.json"  # version 2's, removed when a new one is written


@dataclass(frozen=True)
class SuggestionIndex:
    revision: LibraryRevision
    intents: IntentDetector
    cards: tuple[EntryCard, ...]
    #: the library's change stamps the index was built from (storage/revision.py)
    changes: Mapping[tuple[str, str], str] = field(default_factory=dict)
    #: per entry id, a checksum of its keywords (0: none): the intent detector is
    #: built from keywords, so an update that changes none keeps it
    keyword_sums: Mapping[str, int] = field(default_factory=dict)


#: more changed entries than this: a whole build costs about as much as an update
MAX_UPDATE = 2_000


_INDEX_MODULES = (
    "chatassist.core.intents.detector",
    "chatassist.core.intents.examples",
    "chatassist.core.intents.learnt",
    "chatassist.core.intents.lexicon",
    "chatassist.core.intents.matcher",
    "chatassist.core.intents.normalize",
    "chatassist.core.intents.opinion",
    "chatassist.core.suggestion_cards",
    "chatassist.storage.revision",
    "chatassist.storage.suggestion_index",
)


def _source(module: str) -> Path:
    return Path(importlib.import_module(module).__file__ or module)


def code_key(lexicon_path: Path, examples: Path | None = None) -> str:
    """What the index depends on besides the library: chatassist's version, the cue
    lexicon file, the labelled example files (the ``*.tsv`` of folder ``examples``) and
    the sources of the modules that build the index."""
    import chatassist

    digest = hashlib.sha256(f"{chatassist.__version__}/{VERSION}".encode())
    example_files = sorted(examples.glob("*.tsv")) if examples is not None else []
    for path in (lexicon_path, *example_files, *(_source(m) for m in _INDEX_MODULES)):
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(str(path).encode())  # a bundle without sources: its version counts
    return digest.hexdigest()[:32]


def build(
    database: Database, lexicon: CueLexicon | None, model: WordPartModel | None = None
) -> SuggestionIndex:
    """Read the library once (one read transaction, so the revision matches the rows)
    and build the index (``model``: the intent detector's second opinion). Slow on
    large libraries: call it from a worker."""
    db = database.db
    with database.reading(), db.atomic():
        rev = revision_mod.current(db)
        changes = revision_mod.changes(db)
        cards, keyword_entries, sums = _read(db)
    intents = IntentDetector.build(lexicon, keyword_entries, model)
    return SuggestionIndex(rev, intents, tuple(cards), changes, sums)


def update(database: Database, old: SuggestionIndex, lexicon: CueLexicon | None) -> SuggestionIndex:
    """The index of the library as it is now, redoing only the entries changed since
    ``old`` was built (their cards; the intent detector only when keywords, or the
    scenarios of entries with keywords, changed). Falls back to ``build`` when most
    of the library changed."""
    db = database.db
    with database.reading(), db.atomic():
        rev = revision_mod.current(db)
        if rev == old.revision:
            return old
        changes = revision_mod.changes(db)
        changed = {k for k, stamp in changes.items() if old.changes.get(k) != stamp}
        changed |= {k for k in old.changes if k not in changes}
        books = {i for kind, i in changed if kind == "book"}
        entry_ids = {i for kind, i in changed if kind == "entry"}
        if len(entry_ids) > MAX_UPDATE:
            return build(database, lexicon, old.intents.model)
        where, params = _changed_rows(db, books, entry_ids)
        fresh, _, fresh_sums = _read(db, where, params)
        order = [
            r[0]
            for r in db.execute_sql(
                "SELECT e.id FROM entry e JOIN phrasebook p ON p.id = e.phrasebook_id"
                " ORDER BY p.position, p.id, e.position"
            )
        ]
        by_id = {c.id: c for c in old.cards}
        by_id.update((c.id, c) for c in fresh)
        sums = dict(old.keyword_sums)
        for eid in entry_ids | {c.id for c in fresh}:
            sums.pop(eid, None)
        sums.update(fresh_sums)
        old_cards = {c.id: c for c in old.cards}
        touched = {c.id for c in fresh} | entry_ids
        keywords_moved = any(
            old.keyword_sums.get(eid, 0) != sums.get(eid, 0)
            or (
                sums.get(eid, 0) != 0
                and (
                    old_cards.get(eid) is None
                    or _intent_fields(old_cards[eid]) != _intent_fields(by_id[eid])
                )
            )
            for eid in touched
        )
        cards = tuple(by_id[eid] for eid in order)
        if keywords_moved:
            keyword_entries = _keyword_entries(db, cards)
    intents = (
        IntentDetector.build(lexicon, keyword_entries, old.intents.model)
        if keywords_moved
        else old.intents
    )
    return SuggestionIndex(rev, intents, cards, changes, sums)


def _keyword_entries(db: Any, cards: Sequence[EntryCard]) -> list[Entry]:
    """The entries with keywords, in library order, as `_read` gives them to the
    intent detector, from the keyword table and ``cards`` (already current): a
    keyword change no longer reads every variant and entry row again (about 1 s
    of the 3.6 s re-read at 10,000 entries)."""
    keywords: dict[str, dict[str, list[str]]] = {}
    for entry_id, language, words in db.execute_sql(
        "SELECT entry_id, language, words FROM keyword ORDER BY entry_id, language"
    ):
        keywords.setdefault(entry_id, {})[language] = json.loads(words)
    out = []
    for card in cards:
        words = keywords.get(card.id)
        if words:
            out.append(
                Entry(
                    id=card.id,
                    scenarios=card.scenarios,
                    kind=card.kind,
                    tags=card.tags,
                    keywords={lang: tuple(ws) for lang, ws in words.items()},
                )
            )
    return out


def _intent_fields(card: EntryCard) -> tuple[object, ...]:
    return (card.scenarios, card.tags, card.kind)


def _changed_rows(db: Any, books: set[str], entry_ids: set[str]) -> tuple[str, list[str]]:
    """The WHERE clause (on ``e``) selecting the changed entries and every entry of
    the changed phrasebooks (their glossary, kinds or position may have moved)."""
    mark = db.param
    parts, params = [], []
    if entry_ids:
        parts.append(f"e.id IN ({', '.join([mark] * len(entry_ids))})")
        params += sorted(entry_ids)
    if books:
        parts.append(f"e.phrasebook_id IN ({', '.join([mark] * len(books))})")
        params += sorted(books)
    return (" WHERE " + " OR ".join(parts)) if parts else " WHERE 0", params


def _read(
    db: Any, where: str = "", params: list[str] | None = None
) -> tuple[list[EntryCard], list[Entry], dict[str, int]]:
    """Cards (in library order), the entries with keywords (for the intent detector)
    and the keyword checksums, of every entry or of those ``where`` selects."""
    params = params or []
    inner = f" WHERE entry_id IN (SELECT e.id FROM entry e{where})" if where else ""
    keywords: dict[str, dict[str, list[str]]] = {}
    for entry_id, language, words in db.execute_sql(
        f"SELECT entry_id, language, words FROM keyword{inner} ORDER BY entry_id, language",
        params,
    ):
        keywords.setdefault(entry_id, {})[language] = json.loads(words)
    slots: dict[str, list[tuple[str, str, bool]]] = {}
    for entry_id, language, tone, vetted in db.execute_sql(
        f"SELECT entry_id, language, tone, vetted FROM variant{inner} ORDER BY id", params
    ):
        slots.setdefault(entry_id, []).append((language, tone, bool(vetted)))
    glossary: dict[str, tuple[str, ...]] = {}
    book_kinds: dict[str, dict[str, str]] = {}
    for book_id, dnt, pk in db.execute_sql(
        "SELECT id, do_not_translate, placeholder_kinds FROM phrasebook"
    ):
        glossary[book_id] = tuple(json.loads(dnt))
        book_kinds[book_id] = json.loads(pk)
    cards: list[EntryCard] = []
    entries: list[Entry] = []
    sums: dict[str, int] = {}
    loads = json.loads
    for row in db.execute_sql(
        "SELECT e.id, e.phrasebook_id, e.kind, e.scenarios, e.tags, e.segments, e.regions,"
        " e.pinned, e.placeholder_kinds FROM entry e JOIN phrasebook p ON p.id = e.phrasebook_id"
        f"{where} ORDER BY p.position, p.id, e.position",
        params,
    ):
        entry_id, book_id, kind, scenarios, tags, segments, regions, pinned, pk = row
        card = EntryCard(
            entry_id,
            book_id,
            kind,
            tuple(loads(scenarios)),
            tuple(loads(tags)),
            tuple(loads(segments)),
            tuple(loads(regions)),
            bool(pinned),
            {_slot(lang, tone): bool(v) for lang, tone, v in slots.get(entry_id, ())},
            glossary.get(book_id, ()),
            declared_kinds(book_kinds.get(book_id, {}), loads(pk)),
        )
        cards.append(card)
        words = keywords.get(entry_id)
        if words:
            sums[entry_id] = zlib.crc32(json.dumps(words, ensure_ascii=False).encode()) or 1
            entries.append(
                Entry(
                    id=entry_id,
                    scenarios=card.scenarios,
                    kind=kind,
                    tags=card.tags,
                    keywords={lang: tuple(ws) for lang, ws in words.items()},
                )
            )
    return cards, entries, sums


class _IndexUnpickler(pickle.Unpickler):
    """Unpickles only the index's own classes: any other global in the file (a
    function to call, a class with side effects) refuses the file."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"suggestion index: {module}.{name} is not allowed")
        return super().find_class(module, name)


_ALLOWED = frozenset(
    {
        ("chatassist.storage.suggestion_index", "SuggestionIndex"),
        ("chatassist.storage.revision", "LibraryRevision"),
        ("chatassist.core.intents.detector", "IntentDetector"),
        ("chatassist.core.intents.detector", "_Target"),
        ("chatassist.core.intents.learnt", "WordPartModel"),
        ("chatassist.core.intents.matcher", "Matcher"),
        ("chatassist.core.intents.matcher", "Pattern"),
        ("chatassist.core.suggestion_cards", "EntryCard"),
    }
)


def _header(code: str, rev: LibraryRevision, digest: str) -> bytes:
    key = {
        "format": FORMAT,
        "version": VERSION,
        "python": list(sys.version_info[:2]),
        "code": code,
        "revision": [rev.number, rev.stamp],
        "digest": digest,
    }
    return json.dumps(key, ensure_ascii=False, sort_keys=True).encode() + b"\n"


def _digest(payload: bytes | memoryview) -> str:
    return hashlib.blake2b(payload, digest_size=16).hexdigest()


def load(folder: Path, rev: LibraryRevision, code: str) -> SuggestionIndex | None:
    """The index persisted for exactly this revision and code key, or None (missing,
    another key, a payload not matching its digest, unreadable or malformed: the
    caller rebuilds)."""
    try:
        data = (folder / FILE_NAME).read_bytes()
        end = data.find(b"\n")
        header = json.loads(data[:end])
        if not isinstance(header, dict):
            return None
        payload = memoryview(data)[end + 1 :]
        if data[: end + 1] != _header(code, rev, str(header.get("digest"))):
            return None  # another revision, code, format or Python: not this library's
        if header.get("digest") != _digest(payload):
            return None  # truncated or altered
        # Hundreds of thousands of small objects: the cyclic GC would run dozens of
        # times meanwhile and find nothing to free.
        with gc_paused():
            index = _IndexUnpickler(io.BytesIO(payload)).load()
        if not (
            isinstance(index, SuggestionIndex)
            and index.revision == rev
            and isinstance(index.intents, IntentDetector)
            and isinstance(index.cards, tuple)
            and all(isinstance(c, EntryCard) for c in index.cards)
            and isinstance(index.changes, dict)
            and isinstance(index.keyword_sums, dict)
        ):
            return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError, EOFError):
        return None
    except pickle.UnpicklingError:
        return None
    return index


def save(folder: Path, index: SuggestionIndex, code: str) -> None:
    """Persist ``index`` (atomically: a reader sees the old file or the new one).
    A folder that cannot be written only costs the next start a rebuild."""
    payload = pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(folder / FILE_NAME, _header(code, index.revision, _digest(payload)) + payload)
        (folder / _OLD_FILE_NAME).unlink(missing_ok=True)
    except OSError:
        return
