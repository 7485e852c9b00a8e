"""What an import file would do to the library, read and checked in a worker
before the trainer is asked (plain data, no Qt): the phrasebooks it holds,
what each adds, changes and removes, and each touched entry's texts before and
after (the preview's diff)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from chatassist.core.phrasebook.diff import BookChange, TextChange, diff_phrasebook, entry_changes
from chatassist.core.phrasebook.loader import LoadedPhrasebook, load_files
from chatassist.core.phrasebook.model import Phrasebook


@dataclass(frozen=True)
class ImportPlan:
    path: Path
    loaded: list[LoadedPhrasebook]
    #: per phrasebook of the file: what it adds, changes and removes
    changes: list[BookChange]
    #: per added, changed or removed entry id: its fields before and after
    texts: Mapping[str, list[TextChange]] = field(default_factory=dict)


def plan_import(path: Path, current: Mapping[str, Phrasebook]) -> ImportPlan:
    """Read and check ``path`` (PhrasebookInvalid lists every problem) and compare
    each of its phrasebooks with ``current`` (the library's, by id). Slow: in a worker."""
    loaded = load_files([path])
    changes: list[BookChange] = []
    texts: dict[str, list[TextChange]] = {}
    for lb in loaded:
        old = current.get(lb.phrasebook.id)
        change = diff_phrasebook(lb, old)
        changes.append(change)
        before = {e.id: e for e in old.entries} if old is not None else {}
        after = {e.id: e for e in lb.phrasebook.entries}
        for entry_id in (*change.added, *change.changed, *change.removed):
            texts[entry_id] = entry_changes(before.get(entry_id), after.get(entry_id))
    return ImportPlan(path, loaded, changes, texts)
