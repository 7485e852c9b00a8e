"""What importing a phrasebook over the library's copy would add, change and
remove (the import's report, the editor's preview), and what changed inside
an entry, field by field (the preview's text diff). Pure functions over the
phrasebook model."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from chatassist.core.phrasebook.loader import LoadedPhrasebook
from chatassist.core.phrasebook.model import Entry, Phrasebook


@dataclass
class BookChange:
    id: str
    source: str
    status: str  # "added", "updated" or "unchanged"
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "status": self.status,
            "added": self.added,
            "changed": self.changed,
            "removed": self.removed,
        }


def diff_phrasebook(lb: LoadedPhrasebook, old: Phrasebook | None) -> BookChange:
    """What importing ``lb`` over ``old`` would add, change and remove (also the
    editor's preview)."""
    new = lb.phrasebook
    if old is None:
        return BookChange(new.id, lb.path, "added", added=[e.id for e in new.entries])
    old_entries = {e.id: e for e in old.entries}
    new_ids = {e.id for e in new.entries}
    change = BookChange(new.id, lb.path, "updated")
    for e in new.entries:
        before = old_entries.get(e.id)
        if before is None:
            change.added.append(e.id)
        elif _canonical(before) != _canonical(e):
            change.changed.append(e.id)
    change.removed = [eid for eid in old_entries if eid not in new_ids]
    same_header = (
        old.title,
        old.version,
        old.description,
        old.do_not_translate,
        old.placeholder_kinds,
    ) == (
        new.title,
        new.version,
        new.description,
        new.do_not_translate,
        new.placeholder_kinds,
    )
    order_same = [e.id for e in old.entries] == [e.id for e in new.entries]
    if not (change.added or change.changed or change.removed) and same_header and order_same:
        change.status = "unchanged"
    return change


def _canonical(e: Entry) -> tuple[Any, ...]:
    return (
        e.scenarios,
        e.kind,
        sorted(e.gloss.items()),
        sorted(e.body.items()),
        e.tags,
        e.segments,
        e.regions,
        e.pinned,
        sorted(e.keywords.items()),
        sorted((v.language, v.tone, v.text, v.vetted) for v in e.variants),
        sorted(e.placeholder_kinds.items()),
    )


@dataclass(frozen=True)
class TextChange:
    """One field of an entry before and after an import ("" where it is absent).

    ``field`` names it as the editor's form does: ``scenarios``, ``kind``,
    ``gloss/<lang>``, ``body/<lang>``, ``keywords/<lang>``, ``placeholders/<name>``
    (its declared kind), or a variant as
    ``<lang>/<tone>`` (an unvetted variant's text ends in `` (unvetted)``)."""

    field: str
    before: str
    after: str


def _fields(entry: Entry) -> dict[str, str]:
    out = {
        "scenarios": ", ".join(entry.scenarios),
        "kind": entry.kind,
        "tags": ", ".join(entry.tags),
        "segments": ", ".join(entry.segments),
        "regions": ", ".join(entry.regions),
        "pinned": "yes" if entry.pinned else "",
    }
    out.update({f"gloss/{lang}": text for lang, text in sorted(entry.gloss.items())})
    out.update({f"body/{lang}": text for lang, text in sorted(entry.body.items())})
    out.update({f"keywords/{lang}": "; ".join(w) for lang, w in sorted(entry.keywords.items())})
    out.update({f"placeholders/{n}": kind for n, kind in sorted(entry.placeholder_kinds.items())})
    for v in entry.variants:
        out[f"{v.language}/{v.tone}"] = v.text if v.vetted else f"{v.text} (unvetted)"
    return out


def entry_changes(before: Entry | None, after: Entry | None) -> list[TextChange]:
    """What differs between two versions of an entry, field by field, in the order
    the fields appear (``before`` None: everything is new; ``after`` None: removed)."""
    old = _fields(before) if before is not None else {}
    new = _fields(after) if after is not None else {}
    names = list(new) + [name for name in old if name not in new]
    return [
        TextChange(name, old.get(name, ""), new.get(name, ""))
        for name in names
        if old.get(name, "") != new.get(name, "")
    ]
