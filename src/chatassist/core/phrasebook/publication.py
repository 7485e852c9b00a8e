"""What trainers publish together: phrasebook files and the glossary beside them.

Among the files given (or in a folder given) one may be the trainers' glossary
(conventionally ``glossary.yaml``, format in docs/packs.md). It is recognised by
its ``glossary_version`` key, whatever its name, and read and checked together
with the phrasebooks: every problem of either is reported (``FILE:LINE:COLUMN``)
in one ``PhrasebookInvalid``, so an import applies everything or nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from chatassist.core.phrasebook.loader import (
    LoadedPhrasebook,
    PhrasebookInvalid,
    UniqueIds,
    expand_paths,
    no_files_problem,
    read_batch,
)
from chatassist.core.regions import REGION_IDS
from chatassist.core.translation import glossary as glossary_format
from chatassist.core.translation.glossary import Glossary
from chatassist.core.yaml_reader import InvalidFiles, Problem

# The glossary's top-level key, at the start of a line (comments may come first).
_GLOSSARY_KEY = re.compile(rb"(?m)^glossary_version\s*:")
_HEAD_BYTES = 8192


@dataclass(frozen=True)
class LoadedGlossary:
    glossary: Glossary
    path: str


@dataclass(frozen=True)
class Publication:
    books: list[LoadedPhrasebook] = field(default_factory=list)
    #: None: no glossary file was among the files (the library's glossary stays)
    glossary: LoadedGlossary | None = None


def is_glossary_file(path: Path) -> bool:
    """``path`` is a YAML file whose first lines hold the glossary's own key.

    Only the head of a regular file is read; anything else is left to the
    loader, which refuses it by name."""
    if path.suffix.lower() not in (".yaml", ".yml") or not path.is_file():
        return False
    try:
        with path.open("rb") as f:
            head = f.read(_HEAD_BYTES)
    except OSError:
        return False
    return bool(_GLOSSARY_KEY.search(head))


@dataclass(frozen=True)
class PublicationFiles:
    """The files of one publication, the glossary among them already read (it is
    small; the phrasebooks are read by the caller, all at once or in batches)."""

    books: list[Path]
    glossary: LoadedGlossary | None
    #: problems found so far: a second glossary, no files at all
    problems: list[Problem]
    #: the glossary's own problems
    glossary_problems: list[Problem]


def open_publication(paths: Iterable[Path]) -> PublicationFiles:
    """Sort ``paths`` (folders stand for their YAML files) into phrasebooks and the
    glossary, and read the glossary."""
    files = expand_paths(paths)
    glossaries = [p for p in files if is_glossary_file(p)]
    books = [p for p in files if p not in glossaries]
    problems: list[Problem] = [
        Problem(
            str(extra),
            1,
            0,
            f"a second glossary file (the first is {glossaries[0]}); publish one glossary",
        )
        for extra in glossaries[1:]
    ]
    if not files:
        problems.append(no_files_problem())
    glossary = None
    glossary_problems: list[Problem] = []
    if glossaries:
        try:
            glossary = LoadedGlossary(glossary_format.load(glossaries[0]), str(glossaries[0]))
        except InvalidFiles as exc:
            glossary_problems = list(exc.problems)
    return PublicationFiles(books, glossary, problems, glossary_problems)


def load_publication(
    paths: Iterable[Path], known_regions: Sequence[str] = REGION_IDS
) -> Publication:
    """Load and check the phrasebooks and the glossary among ``paths`` together;
    PhrasebookInvalid lists every problem of all of them."""
    files = open_publication(paths)
    loaded, book_problems = read_batch(files.books, known_regions)
    ids = UniqueIds()
    for lb in loaded:
        book_problems.extend(ids.problems_of(lb))
    problems = [*files.problems, *book_problems, *files.glossary_problems]
    if problems:
        raise PhrasebookInvalid(problems)
    return Publication(loaded, files.glossary)
