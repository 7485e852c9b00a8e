"""The editor's plain-data model: one phrasebook being edited, as immutable snapshots.

Every edit is a pure function ``Phrasebook -> Phrasebook``; the undo stack
keeps (before, after) snapshots, so undo and redo are exact. No Qt here, so
the rules are unit-testable.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from chatassist.core.languages import AGENT_LANGUAGES
from chatassist.core.phrasebook.model import Entry, Phrasebook, Variant
from chatassist.core.phrasebook.tabular import FieldProblem, check_entry, check_phrasebook

#: Entry fields edited as comma-separated codes.
LIST_FIELDS = ("scenarios", "tags", "segments", "regions")


def split_list(text: str, sep: str = ",") -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split(sep) if p.strip())


def _with_entry(book: Phrasebook, index: int, entry: Entry) -> Phrasebook:
    entries = list(book.entries)
    entries[index] = entry
    return replace(book, entries=tuple(entries))


def set_field(book: Phrasebook, index: int, field: str, value: str) -> Phrasebook:
    """Set a text field of entry ``index``.

    ``field`` is ``id``, ``kind``, ``pinned`` ("yes"/""), one of LIST_FIELDS
    (comma-separated), ``gloss/<lang>``, ``body/<lang>`` or ``keywords/<lang>``
    (``;``-separated). Empty texts are removed from language maps.
    """
    entry = book.entries[index]
    group, _, lang = field.partition("/")
    changes: dict[str, Any]
    if group in ("gloss", "body"):
        texts = dict(getattr(entry, group))
        if value:
            texts[lang] = value
        else:
            texts.pop(lang, None)
        changes = {group: texts}
    elif group == "keywords":
        words = dict(entry.keywords)
        if split_list(value, ";"):
            words[lang] = split_list(value, ";")
        else:
            words.pop(lang, None)
        changes = {"keywords": words}
    elif group in LIST_FIELDS:
        changes = {group: split_list(value)}
    elif group == "pinned":
        changes = {"pinned": bool(value)}
    elif group in ("id", "kind"):
        changes = {group: value}
    else:
        raise ValueError(f"unknown entry field '{field}'")
    return _with_entry(book, index, replace(entry, **changes))


def set_variant(
    book: Phrasebook, index: int, language: str, tone: str, text: str, vetted: bool | None = None
) -> Phrasebook:
    """Set (or, with empty ``text``, remove) a variant; ``vetted`` None keeps the old flag."""
    entry = book.entries[index]
    old = entry.variant(language, tone)
    flag = vetted if vetted is not None else (old.vetted if old is not None else True)
    variants = [v for v in entry.variants if (v.language, v.tone) != (language, tone)]
    if text:
        new = Variant(language, tone, text, flag)
        if old is not None:
            variants.insert(entry.variants.index(old), new)
        else:
            variants.append(new)
    return _with_entry(book, index, replace(entry, variants=tuple(variants)))


def approve(book: Phrasebook, index: int, language: str, tone: str) -> Phrasebook:
    variant = book.entries[index].variant(language, tone)
    if variant is None or variant.vetted:
        return book
    return set_variant(book, index, language, tone, variant.text, vetted=True)


def new_entry_id(book: Phrasebook, taken: set[str], scenario: str) -> str:
    n = 1
    while f"{scenario}.new{n}" in taken or book.entry(f"{scenario}.new{n}") is not None:
        n += 1
    return f"{scenario}.new{n}"


def add_entry(book: Phrasebook, entry_id: str, scenario: str) -> Phrasebook:
    """A new reply at the end, with an empty gloss for the trainer to fill."""
    entry = Entry(id=entry_id, scenarios=(scenario,), gloss={})
    return replace(book, entries=(*book.entries, entry))


def remove_entry(book: Phrasebook, index: int) -> Phrasebook:
    entries = list(book.entries)
    del entries[index]
    return replace(book, entries=tuple(entries))


def set_book_field(book: Phrasebook, field: str, value: str) -> Phrasebook:
    """``title/<lang>``, ``description/<lang>``, ``do_not_translate`` (``;``) or ``version``."""
    group, _, lang = field.partition("/")
    if group in ("title", "description"):
        texts: dict[str, str] = dict(getattr(book, group))
        if value:
            texts[lang] = value
        else:
            texts.pop(lang, None)
        return replace(book, title=texts) if group == "title" else replace(book, description=texts)
    if group == "do_not_translate":
        return replace(book, do_not_translate=split_list(value, ";"))
    if group == "version":
        return replace(book, version=int(value) if value.isdigit() and int(value) >= 1 else 1)
    raise ValueError(f"unknown phrasebook field '{field}'")


def field_text(entry: Entry, field: str) -> str:
    """The text a form shows for ``field`` (the inverse of :func:`set_field`)."""
    group, _, lang = field.partition("/")
    if group in ("gloss", "body"):
        return str(getattr(entry, group).get(lang, ""))
    if group == "keywords":
        return "; ".join(entry.keywords.get(lang, ()))
    if group in LIST_FIELDS:
        return ", ".join(getattr(entry, group))
    if group == "pinned":
        return "yes" if entry.pinned else ""
    return str(getattr(entry, group))


@dataclass
class EditSession:
    """One phrasebook under edit: the saved state and the current one.

    ``other_ids`` are the entry ids of every other phrasebook in the library
    (an id must be unique across all of them).
    """

    saved: Phrasebook
    book: Phrasebook
    other_ids: frozenset[str] = frozenset()

    @property
    def dirty(self) -> bool:
        return self.book != self.saved

    def entry_problems(self, index: int) -> list[FieldProblem]:
        """Problems of entry ``index``, as ``chatassist phrasebook validate`` reports them."""
        entry = self.book.entries[index]
        out = [replace(p, entry=index) for p in check_entry(entry)]
        out += self._id_problems(index)
        return out

    def _id_problems(self, index: int) -> list[FieldProblem]:
        entry_id = self.book.entries[index].id
        if entry_id in self.other_ids:
            return [
                FieldProblem(index, "id", f"entry id '{entry_id}' is used by another phrasebook")
            ]
        if [e.id for e in self.book.entries].count(entry_id) > 1:
            return [FieldProblem(index, "id", f"duplicate entry id '{entry_id}'")]
        return []

    def problems(self) -> list[FieldProblem]:
        """Every problem of the whole phrasebook (saving is refused while there are any)."""
        out = check_phrasebook(self.book)
        ids = {p.entry for p in out if p.field == "id"}
        for i in range(len(self.book.entries)):
            if i not in ids:
                out += [p for p in self._id_problems(i) if "another" in p.message]
        return out


def empty_book(book_id: str) -> Phrasebook:
    return Phrasebook(id=book_id, title=dict.fromkeys(AGENT_LANGUAGES, book_id))
