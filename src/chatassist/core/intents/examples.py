"""Labelled example messages the detector learns from (``resources/intent_examples/*.tsv``).

Format: UTF-8, tab-separated, a header line ``language<TAB>scenario_ids<TAB>text``, then
one customer message per line: a customer language code, one scenario id or several
comma-separated (the first is what the customer mostly wants) or ``none`` (chit-chat,
no request), and the message as the customer wrote it. Blank lines are skipped.

A trainer adds a message the sidebar misread, with what it means; the word-part model
(`learnt`) then counts it. Every problem is reported with its file and line, and a file
with any problem is refused whole.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from chatassist.core.languages import CUSTOMER_LANGUAGES
from chatassist.core.scenarios import SCENARIO_IDS
from chatassist.core.yaml_reader import CONTROL_CHARACTER, InvalidFiles, Problem

HEADER = ("language", "scenario_ids", "text")
#: the label of a message with no request
NO_SCENARIO = "none"
MAX_TEXT = 2_000

_LANGUAGES = frozenset(CUSTOMER_LANGUAGES)
_SCENARIOS = frozenset(SCENARIO_IDS)


class ExamplesInvalid(InvalidFiles):
    """An example file is invalid; ``problems`` lists every problem with file:line."""


@dataclass(frozen=True)
class Example:
    language: str
    scenarios: tuple[str, ...]  # primary first; ("none",) for no request
    text: str
    line: int = 0


def parse_examples(text: str, name: str) -> tuple[Example, ...]:
    """The examples in ``text`` (the content of file ``name``); ExamplesInvalid lists
    every problem."""
    problems: list[Problem] = []
    out: list[Example] = []

    def problem(line: int, message: str) -> None:
        problems.append(Problem(name, line, 0, message))

    lines = text.split("\n")
    if tuple(lines[0].rstrip("\r").split("\t")) != HEADER:
        problem(
            1, "the first line must be the header: language, scenario_ids, text (tab-separated)"
        )
    for number, raw in enumerate(lines[1:], start=2):
        line = raw.rstrip("\r")
        if not line.strip():
            continue
        fields = line.split("\t", 2)
        if len(fields) != 3:
            problem(number, "needs three tab-separated fields: language, scenario_ids, text")
            continue
        language, ids, message = fields
        bad = False
        if language not in _LANGUAGES:
            problem(number, f"language: {language!r} is not a customer language code")
            bad = True
        scenarios = tuple(s.strip() for s in ids.split(","))
        if scenarios != (NO_SCENARIO,):
            unknown = [s for s in scenarios if s not in _SCENARIOS]
            if unknown:
                problem(number, f"scenario_ids: unknown scenario {unknown[0]!r}")
                bad = True
            elif len(set(scenarios)) != len(scenarios):
                problem(number, "scenario_ids: a scenario is listed twice")
                bad = True
        message = message.strip()
        if not message:
            problem(number, "text: empty")
            bad = True
        elif len(message) > MAX_TEXT:
            problem(number, f"text: longer than {MAX_TEXT} characters")
            bad = True
        elif CONTROL_CHARACTER.search(message):
            problem(number, "text: holds a control or invisible character")
            bad = True
        if not bad:
            out.append(Example(language, scenarios, message, number))
    if problems:
        raise ExamplesInvalid(problems)
    return tuple(out)


def load_examples(paths: Iterable[Path]) -> tuple[Example, ...]:
    """The examples of every file in ``paths`` (a folder: its ``*.tsv`` files, sorted);
    ExamplesInvalid lists the problems of all files."""
    problems: list[Problem] = []
    out: list[Example] = []
    for path in _files(paths):
        name = str(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            problems.append(Problem(name, 0, 0, f"cannot read: {exc.strerror or exc}"))
            continue
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            problems.append(Problem(name, line, 0, "not UTF-8 (save the file as UTF-8)"))
            continue
        try:
            out.extend(parse_examples(text, name))
        except ExamplesInvalid as exc:
            problems.extend(exc.problems)
    if problems:
        raise ExamplesInvalid(problems)
    return tuple(out)


def _files(paths: Iterable[Path]) -> list[Path]:
    out: list[Path] = []
    for path in paths:
        out.extend(sorted(path.glob("*.tsv")) if path.is_dir() else [path])
    return out
