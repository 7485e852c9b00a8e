"""Reading phrasebook files into the model, reporting every problem found.

A reader is chosen by the file's suffix: YAML (``validation`` checks its node
tree) or a spreadsheet (``tabular``). Nothing here touches the database:
``chatassist phrasebook validate`` and the import use the same function.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from chatassist.core.gc_pause import gc_paused
from chatassist.core.phrasebook.tabular import TABULAR_SUFFIXES, parse_tabular_file
from chatassist.core.phrasebook.validation import LoadedPhrasebook, PhrasebookInvalid, parse_text
from chatassist.core.regions import REGION_IDS
from chatassist.core.yaml_reader import Problem, read_text_file

# Problem is part of this module's interface (callers report phrasebook problems).
__all__ = [
    "LoadedPhrasebook",
    "PhrasebookInvalid",
    "Problem",
    "load_files",
    "parse_file",
    "parse_text",
]

MAX_FILE_BYTES = 20 * 1024 * 1024


def parse_file(
    path: Path, known_regions: Sequence[str] = REGION_IDS
) -> tuple[LoadedPhrasebook | None, list[Problem]]:
    text, problems = read_text_file(path, MAX_FILE_BYTES)
    if text is None:
        return None, problems
    return parse_text(text, str(path), known_regions)


Reader = Callable[[Path, Sequence[str]], tuple[LoadedPhrasebook | None, list[Problem]]]


def _read_spreadsheet(
    path: Path, known_regions: Sequence[str]
) -> tuple[LoadedPhrasebook | None, list[Problem]]:
    return parse_tabular_file(path)


#: The reader of each file suffix; any other suffix is read as YAML.
READERS: dict[str, Reader] = {
    ".yaml": parse_file,
    ".yml": parse_file,
    **{suffix: _read_spreadsheet for suffix in TABULAR_SUFFIXES},
}


def reader_for(path: Path) -> Reader:
    return READERS.get(path.suffix.lower(), parse_file)


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given; folders stand for the ``*.yaml`` / ``*.yml`` files in them
    (spreadsheets, ``.csv`` / ``.xlsx``, are read only when named)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted([*p.glob("*.yaml"), *p.glob("*.yml")]))
        else:
            out.append(p)
    return out


def load_files(
    paths: Iterable[Path], known_regions: Sequence[str] = REGION_IDS
) -> list[LoadedPhrasebook]:
    """Load and validate files together; raise PhrasebookInvalid listing every problem.

    Besides each file's own checks, ids must be unique across all the files:
    phrasebook ids and entry ids.
    """
    problems: list[Problem] = []
    loaded: list[LoadedPhrasebook] = []
    files = expand_paths(paths)
    if not files:
        raise PhrasebookInvalid([Problem(".", 0, 0, "no phrasebook files given (*.yaml)")])
    with gc_paused():
        for path in files:
            book, file_problems = reader_for(path)(path, known_regions)
            problems.extend(file_problems)
            if book is not None:
                loaded.append(book)
    books_seen: dict[str, str] = {}
    entries_seen: dict[str, str] = {}
    for lb in loaded:
        if lb.phrasebook.id in books_seen:
            problems.append(
                Problem(
                    lb.path,
                    1,
                    0,
                    f"phrasebook id '{lb.phrasebook.id}' is also used by {books_seen[lb.phrasebook.id]}",
                )
            )
        books_seen.setdefault(lb.phrasebook.id, lb.path)
        for entry_id, line in lb.entry_lines.items():
            where = f"{lb.path}:{line}"
            if entry_id in entries_seen:
                problems.append(
                    Problem(
                        lb.path,
                        line,
                        0,
                        f"duplicate entry id '{entry_id}' (also at {entries_seen[entry_id]})",
                    )
                )
            else:
                entries_seen[entry_id] = where
    if problems:
        raise PhrasebookInvalid(problems)
    return loaded
