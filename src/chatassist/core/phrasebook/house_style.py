"""A language's house register, declared once, checked in every reply.

``resources/house_style.yaml`` says, per customer language, which register
replies use (Dutch "u", Vietnamese "shop / bạn", Polish "Państwo" without the
first name...) and which patterns betray another one. Phrasebooks written by
different trainers then read as one shop; ``style_problems`` lists every reply
that does not, and ``style_warnings`` places each one at its file and line (what
``chatassist phrasebook validate`` prints as warnings: a register is a house
rule, not a broken file).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from chatassist.core.languages import CUSTOMER_LANGUAGES
from chatassist.core.phrasebook.model import Phrasebook
from chatassist.core.phrasebook.validation import LoadedPhrasebook
from chatassist.core.tones import TONES
from chatassist.core.yaml_reader import (
    INT_TAG,
    InvalidFiles,
    NodeReader,
    Problem,
    compose,
    read_text_file,
)

FORMAT_VERSION = 1
NAME_RULES = ("any", "omit")


class HouseStyleInvalid(InvalidFiles):
    """The house-style file is invalid; ``problems`` lists every one with its line."""


@dataclass(frozen=True)
class Avoid:
    pattern: re.Pattern[str]
    why: str


@dataclass(frozen=True)
class LanguageStyle:
    language: str
    register: str
    name: str = "any"  # "omit": replies never use {customer_name}
    avoid: tuple[Avoid, ...] = ()


@dataclass(frozen=True)
class HouseStyle:
    languages: dict[str, LanguageStyle] = field(default_factory=dict)


@dataclass(frozen=True, order=True)
class StyleProblem:
    entry_id: str
    language: str
    tone: str
    message: str
    #: the text of the reply that breaks the rule (locates it in the file)
    snippet: str = ""

    def __str__(self) -> str:
        return f"{self.entry_id} {self.language}/{self.tone}: {self.message}"


def style_problems(books: Iterable[Phrasebook], style: HouseStyle) -> list[StyleProblem]:
    """Every reply variant that breaks its language's declared register."""
    out: list[StyleProblem] = []
    for book in books:
        for entry in book.entries:
            for v in entry.variants:
                lang = style.languages.get(v.language)
                if lang is None:
                    continue
                if lang.name == "omit" and "customer_name" in v.placeholders:
                    out.append(
                        StyleProblem(
                            entry.id,
                            v.language,
                            v.tone,
                            f"uses {{customer_name}}; {v.language} replies address the "
                            f"customer without it ({lang.register})",
                            "{customer_name}",
                        )
                    )
                for rule in lang.avoid:
                    found = rule.pattern.search(v.text)
                    if found:
                        out.append(
                            StyleProblem(
                                entry.id,
                                v.language,
                                v.tone,
                                f"'{found.group()}': {rule.why}",
                                found.group(),
                            )
                        )
    return sorted(out)


def style_warnings(
    loaded: Sequence[LoadedPhrasebook],
    style: HouseStyle,
    read_text: Callable[[str], str | None] = lambda path: None,
) -> list[Problem]:
    """Every house-style problem of ``loaded`` as ``PATH:LINE: house style: ...``.

    The line is the variant's when ``read_text`` gives the file's text (YAML),
    else the entry's (its first line, or a spreadsheet's row)."""
    out: list[Problem] = []
    for lb in loaded:
        found = style_problems([lb.phrasebook], style)
        if not found:
            continue
        text = read_text(lb.path)
        lines = text.split("\n") if text is not None else []
        starts = sorted(lb.entry_lines.values())
        spreadsheet = not lb.path.lower().endswith((".yaml", ".yml"))
        for sp in found:
            line = lb.entry_lines.get(sp.entry_id, 0)
            if spreadsheet:  # entry_lines are rows there: "book.csv:R12", as its problems
                out.append(Problem(f"{lb.path}:R{line}", 0, 0, f"house style: {sp}"))
                continue
            if lines and line:
                line = _variant_line(lines, line, starts, sp) or line
            out.append(Problem(lb.path, line, 0, f"house style: {sp}"))
    return out


def _variant_line(lines: list[str], first: int, starts: list[int], sp: StyleProblem) -> int:
    """The line (1-based), in the entry starting at line ``first``, of the variant
    text that breaks the rule: under the variant's language, preferring the line
    keyed by its tone; 0 when not found."""
    end = next((s for s in starts if s > first), len(lines) + 1)
    in_variants = False
    language = ""
    candidates: list[int] = []
    for i in range(first - 1, min(end - 1, len(lines))):
        stripped = lines[i].strip()
        key = _KEY.match(stripped)
        if stripped.startswith("variants:"):
            in_variants = True
            continue
        if not in_variants:
            continue
        if key and key.group(1) not in TONES:
            language = key.group(1)
        if language == sp.language and sp.snippet and sp.snippet in lines[i]:
            candidates.append(i)
    for i in candidates:
        if f"{sp.tone}:" in lines[i]:
            return i + 1
    return candidates[0] + 1 if candidates else 0


_KEY = re.compile(r"([A-Za-z][A-Za-z-]*):(?:\s|$)")


class _Reader(NodeReader):
    def style(self, root: yaml.Node) -> HouseStyle | None:
        fields = self.mapping(root, "house style", ("format", "languages"), ("format", "languages"))
        if fields is None:
            return None
        if "format" in fields:
            node = fields["format"][1]
            if (
                not (isinstance(node, yaml.ScalarNode) and node.tag == INT_TAG)
                or int(node.value) != FORMAT_VERSION
            ):
                self.problem(node, f"format must be {FORMAT_VERSION}")
        languages: dict[str, LanguageStyle] = {}
        langs = (
            self.mapping(fields["languages"][1], "languages", (), ())
            if "languages" in fields
            else None
        )
        for code, (key_node, value_node) in (langs or {}).items():
            if code not in CUSTOMER_LANGUAGES:
                self.problem(key_node, f"unknown language code '{code}'")
                continue
            parsed = self.language(code, value_node)
            if parsed is not None:
                languages[code] = parsed
        return HouseStyle(languages)

    def language(self, code: str, node: yaml.Node) -> LanguageStyle | None:
        what = f"language {code}"
        fields = self.mapping(node, what, ("register",), ("register", "name", "avoid"))
        if fields is None or "register" not in fields:
            return None
        register = self.text(fields["register"][1], f"{what} register")
        name = "any"
        if "name" in fields:
            value = self.text(fields["name"][1], f"{what} name")
            if value is not None and value not in NAME_RULES:
                self.problem(
                    fields["name"][1], f"{what} name must be one of {', '.join(NAME_RULES)}"
                )
            elif value is not None:
                name = value
        avoid: list[Avoid] = []
        if "avoid" in fields:
            items = fields["avoid"][1]
            if not isinstance(items, yaml.SequenceNode):
                self.problem(items, f"{what} avoid must be a list")
            else:
                for item in items.value:
                    rule = self.avoid(item, what)
                    if rule is not None:
                        avoid.append(rule)
        if register is None:
            return None
        return LanguageStyle(code, register, name, tuple(avoid))

    def avoid(self, node: yaml.Node, what: str) -> Avoid | None:
        fields = self.mapping(node, f"{what} avoid item", ("pattern", "why"), ("pattern", "why"))
        if fields is None or "pattern" not in fields or "why" not in fields:
            return None
        pattern = self.text(fields["pattern"][1], f"{what} pattern")
        why = self.text(fields["why"][1], f"{what} why")
        if pattern is None or why is None:
            return None
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            self.problem(fields["pattern"][1], f"{what} pattern is not a valid expression: {exc}")
            return None
        return Avoid(compiled, why)


def load_house_style(path: Path) -> HouseStyle:
    """Read the house-style file; raise HouseStyleInvalid listing every problem."""
    text, problems = read_text_file(path, 1024 * 1024)
    root = None
    if text is not None:
        root, problems = compose(text, str(path))
    if root is None:
        raise HouseStyleInvalid(problems or [Problem(str(path), 0, 0, "empty house-style file")])
    reader = _Reader(str(path))
    style = reader.style(root)
    if style is None or reader.problems:
        raise HouseStyleInvalid(
            reader.problems or [Problem(str(path), 0, 0, "invalid house-style file")]
        )
    return style
