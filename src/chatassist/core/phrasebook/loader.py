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
    "UniqueIds",
    "load_files",
    "no_files_problem",
    "parse_file",
    "parse_text",
    "read_batch",
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
    files = expand_paths(paths)
    if not files:
        raise PhrasebookInvalid([no_files_problem()])
    loaded, problems = read_batch(files, known_regions)
    ids = UniqueIds()
    for lb in loaded:
        problems.extend(ids.problems_of(lb))
    if problems:
        raise PhrasebookInvalid(problems)
    return loaded


def no_files_problem() -> Problem:
    return Problem(".", 0, 0, "no phrasebook files given (*.yaml)")


def read_batch(
    files: Sequence[Path], known_regions: Sequence[str] = REGION_IDS
) -> tuple[list[LoadedPhrasebook], list[Problem]]:
    """Each file read and checked on its own: the valid ones and every problem found
    (ids across files are ``UniqueIds``' concern)."""
    problems: list[Problem] = []
    loaded: list[LoadedPhrasebook] = []
    with gc_paused():
        for path in files:
            book, file_problems = reader_for(path)(path, known_regions)
            problems.extend(file_problems)
            if book is not None:
                loaded.append(book)
    return loaded, problems


class UniqueIds:
    """Phrasebook ids and entry ids seen so far in the files of one import: each may
    be used once across all of them."""

    def __init__(self) -> None:
        self._books: dict[str, str] = {}
        self._entries: dict[str, str] = {}

    def problems_of(self, lb: LoadedPhrasebook) -> list[Problem]:
        """The ids of ``lb`` already used by a file seen before (none: ``lb`` may be applied)."""
        problems: list[Problem] = []
        book_id = lb.phrasebook.id
        if book_id in self._books:
            problems.append(
                Problem(
                    lb.path,
                    1,
                    0,
                    f"phrasebook id '{book_id}' is also used by {self._books[book_id]}",
                )
            )
        self._books.setdefault(book_id, lb.path)
        for entry_id, line in lb.entry_lines.items():
            if entry_id in self._entries:
                problems.append(
                    Problem(
                        lb.path,
                        line,
                        0,
                        f"duplicate entry id '{entry_id}' (also at {self._entries[entry_id]})",
                    )
                )
            else:
                self._entries[entry_id] = f"{lb.path}:{line}"
        return problems
