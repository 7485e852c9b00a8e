"""Validation located at the fields of a phrasebook, for the editor and the spreadsheets.

The phrasebook is dumped to its canonical YAML and validated by the loader's
own rules; each problem's line is mapped back to the entry and field it
belongs to (``gloss/en``, ``variants/en/direct``...).
"""

from __future__ import annotations

from dataclasses import dataclass

from chatassist.core.phrasebook.model import Entry, Phrasebook
from chatassist.core.phrasebook.validation import parse_text
from chatassist.core.phrasebook.writer import dump
from chatassist.core.regions import REGION_IDS


@dataclass(frozen=True)
class FieldProblem:
    """A validation problem located at a field of the phrasebook.

    ``entry`` is the entry's index (None for the phrasebook's own fields);
    ``field`` is e.g. ``"gloss"``, ``"gloss/en"``, ``"scenarios"``,
    ``"variants/en/direct"`` or ``"title/zh-Hans"``.
    """

    entry: int | None
    field: str
    message: str
    #: a house-style warning: shown, but saving is not refused for it
    warning: bool = False


def _line_fields(text: str) -> list[tuple[int | None, str]]:
    """For each line of a canonical dump: (entry index, field path) it belongs to."""
    out: list[tuple[int | None, str]] = []
    entry: int | None = None
    path: list[str] = []
    for line in text.split("\n"):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        key = stripped.split(":", 1)[0].strip() if ":" in stripped else ""
        if stripped.startswith("- id:") and indent == 2:
            entry = 0 if entry is None else entry + 1
            path = ["id"]
        elif entry is None and indent == 0 and key:
            path = [key]
        elif entry is None and indent == 2 and key and path:
            path = [path[0], key]
        elif entry is not None and key and not stripped.startswith("-"):
            level = (indent - 4) // 2
            if 0 <= level <= 2 and indent % 2 == 0 and len(path) >= level:
                path = [*path[:level], key]
        out.append((entry, "/".join(path)))
    return out


def check_phrasebook(book: Phrasebook, path: str = "<editor>") -> list[FieldProblem]:
    """Every problem ``chatassist phrasebook validate`` would report, located at fields."""
    text = dump(book)
    where = _line_fields(text)
    _, problems = parse_text(text, path, REGION_IDS)
    out = []
    for p in problems:
        entry, field = where[p.line - 1] if 0 < p.line <= len(where) else (None, "")
        out.append(FieldProblem(entry, field, p.message))
    return out


def check_entry(entry: Entry) -> list[FieldProblem]:
    """The problems of one entry, validated alone (fast enough to run on every edit)."""
    probe = Phrasebook(id="probe", title={"zh-Hans": "-", "en": "-"}, entries=(entry,))
    return check_phrasebook(probe)
