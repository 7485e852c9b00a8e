"""The editor's plain-data model: one phrasebook being edited, as immutable snapshots.

Every edit is a pure function ``Phrasebook -> Phrasebook``; the undo stack
keeps (before, after) snapshots, so undo and redo are exact. No Qt here, so
the rules are unit-testable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from chatassist.core.languages import AGENT_LANGUAGES
from chatassist.core.phrasebook.field_check import FieldProblem, check_entry, check_phrasebook
from chatassist.core.phrasebook.house_style import HouseStyle, style_problems
from chatassist.core.phrasebook.model import Entry, Phrasebook, Variant

#: Entry fields edited as comma-separated codes.
LIST_FIELDS = ("scenarios", "tags", "segments", "regions")
#: The phrasebook's own fields (see :func:`set_book_field`), in form order.
BOOK_FIELDS = (
    "id",
    "version",
    *(f"title/{lang}" for lang in AGENT_LANGUAGES),
    *(f"description/{lang}" for lang in AGENT_LANGUAGES),
    "do_not_translate",
)
#: The loader's rule for ids (phrasebooks and entries).
BOOK_ID = re.compile(r"[a-z0-9][a-z0-9_.\-]*")
_MISSING = re.compile(r"^(title|description): missing required field '([^']+)'$")


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
    if group in ("gloss", "body"):
        texts = dict(entry.gloss if group == "gloss" else entry.body)
        if value:
            texts[lang] = value
        else:
            texts.pop(lang, None)
        changed = replace(entry, gloss=texts) if group == "gloss" else replace(entry, body=texts)
    elif group == "keywords":
        words = dict(entry.keywords)
        if split_list(value, ";"):
            words[lang] = split_list(value, ";")
        else:
            words.pop(lang, None)
        changed = replace(entry, keywords=words)
    elif group == "scenarios":
        changed = replace(entry, scenarios=split_list(value))
    elif group == "tags":
        changed = replace(entry, tags=split_list(value))
    elif group == "segments":
        changed = replace(entry, segments=split_list(value))
    elif group == "regions":
        changed = replace(entry, regions=split_list(value))
    elif group == "pinned":
        changed = replace(entry, pinned=bool(value))
    elif group == "id":
        changed = replace(entry, id=value)
    elif group == "kind":
        changed = replace(entry, kind=value)
    else:
        raise ValueError(f"unknown entry field '{field}'")
    return _with_entry(book, index, changed)


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
    """Set a field of the phrasebook itself (one of BOOK_FIELDS).

    ``title/<lang>``, ``description/<lang>`` (empty texts are removed),
    ``do_not_translate`` (comma-separated terms), ``version`` (a whole number
    >= 1; anything else stays as it was) or ``id`` (only while the phrasebook
    has never been saved; the window enforces that).
    """
    group, _, lang = field.partition("/")
    if group in ("title", "description"):
        texts: dict[str, str] = dict(getattr(book, group))
        if value:
            texts[lang] = value
        else:
            texts.pop(lang, None)
        return replace(book, title=texts) if group == "title" else replace(book, description=texts)
    if group == "do_not_translate":
        return replace(book, do_not_translate=split_list(value))
    if group == "version":
        text = value.strip()
        return replace(book, version=int(text)) if text.isdigit() and int(text) >= 1 else book
    if group == "id":
        return replace(book, id=value.strip())
    raise ValueError(f"unknown phrasebook field '{field}'")


def book_field_text(book: Phrasebook, field: str) -> str:
    """The text a form shows for a phrasebook field (the inverse of :func:`set_book_field`)."""
    group, _, lang = field.partition("/")
    if group in ("title", "description"):
        return str(getattr(book, group).get(lang, ""))
    if group == "do_not_translate":
        return ", ".join(book.do_not_translate)
    return str(getattr(book, group))


def book_id_problem(book_id: str, taken: set[str] | frozenset[str]) -> str | None:
    """Why ``book_id`` cannot name a new phrasebook (None: it can)."""
    if not BOOK_ID.fullmatch(book_id):
        return "a phrasebook id is lower-case letters, digits, '.', '_' or '-'"
    if book_id in taken:
        return f"phrasebook id '{book_id}' is already used"
    return None


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
    #: ids of the library's other phrasebooks (a new phrasebook may not take one)
    other_books: frozenset[str] = frozenset()
    #: never saved yet: the whole phrasebook is a change, and its id may still change
    is_new: bool = False
    #: each language's register: replies breaking it get warnings (None: not checked)
    house_style: HouseStyle | None = None

    @property
    def dirty(self) -> bool:
        return self.is_new or self.book != self.saved

    def book_problems(self) -> list[FieldProblem]:
        """Problems of the phrasebook's own fields (id, version, titles...), located at
        them, by the loader's rules; fast (the entries are left out)."""
        out = []
        for p in check_phrasebook(replace(self.book, entries=())):
            missing = _MISSING.match(p.message)
            field = f"{missing[1]}/{missing[2]}" if missing else p.field
            out.append(replace(p, entry=None, field=field))
        if self.is_new and self.book.id in self.other_books:
            message = f"phrasebook id '{self.book.id}' is already used"
            out.append(FieldProblem(None, "id", message))
        return out

    def entry_problems(self, index: int) -> list[FieldProblem]:
        """Problems of entry ``index``, as ``chatassist phrasebook validate`` reports them."""
        entry = self.book.entries[index]
        out = [replace(p, entry=index) for p in check_entry(entry)]
        out += self._id_problems(index)
        if self.house_style is not None:  # as `phrasebook validate` warns, never refusing
            probe = replace(self.book, entries=(entry,))
            out += [
                FieldProblem(
                    index,
                    f"variants/{sp.language}/{sp.tone}",
                    f"house style: {sp.message}",
                    warning=True,
                )
                for sp in style_problems([probe], self.house_style)
            ]
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
        if self.is_new and self.book.id in self.other_books:
            out.append(FieldProblem(None, "id", f"phrasebook id '{self.book.id}' is already used"))
        ids = {p.entry for p in out if p.field == "id" and p.entry is not None}
        for i in range(len(self.book.entries)):
            if i not in ids:
                out += [p for p in self._id_problems(i) if "another" in p.message]
        return out


def empty_book(book_id: str) -> Phrasebook:
    """A new phrasebook: no entries, and the required titles (zh-Hans, en) left to fill."""
    return Phrasebook(id=book_id, title={})
