"""Placeholders are written ``{snake_case}``; ``{{`` and ``}}`` are literal braces.

Each placeholder has a kind: what the agent types and how the value is written
in a reply. A phrasebook declares kinds in its ``placeholders:`` map (an entry's
own map overrides it); a name nobody declares takes the kind its name implies
(see ``placeholder_kind``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

_NAME = re.compile(r"[a-z][a-z0-9_]*")
# Literal braces, a {name} with no brace inside, a lone brace, or a run of other text.
_PIECE = re.compile(r"\{\{|\}\}|\{[^{}]*\}|[{}]|[^{}]+")
_UNBALANCED_OPEN = "unbalanced '{' (write '{{' for a literal brace)"
_UNBALANCED_CLOSE = "unbalanced '}' (write '}}' for a literal brace)"


@dataclass(frozen=True)
class BraceProblem:
    offset: int  # index into the text
    message: str


@dataclass(frozen=True)
class Token:
    kind: str  # "text" or "placeholder"
    value: str  # literal text (braces unescaped) or the placeholder name


def tokenize(text: str) -> tuple[list[Token], list[BraceProblem]]:
    """Split ``text`` into literal runs and placeholders, reporting brace mistakes.

    One left-to-right regular-expression scan: linear in the length of ``text``
    (a hostile run of ``{a`` is no rescan per brace).
    """
    tokens: list[Token] = []
    problems: list[BraceProblem] = []
    buf: list[str] = []
    for m in _PIECE.finditer(text):
        piece = m.group()
        if piece == "{{":
            buf.append("{")
        elif piece == "}}":
            buf.append("}")
        elif piece == "{":
            problems.append(BraceProblem(m.start(), _UNBALANCED_OPEN))
            buf.append("{")
        elif piece == "}":
            problems.append(BraceProblem(m.start(), _UNBALANCED_CLOSE))
            buf.append("}")
        elif piece[0] != "{":
            buf.append(piece)
        else:
            name = piece[1:-1]
            if not _NAME.fullmatch(name):
                problems.append(
                    BraceProblem(m.start(), f"bad placeholder {{{name}}}: use {{snake_case}} names")
                )
                buf.append(piece)
                continue
            if buf:
                tokens.append(Token("text", "".join(buf)))
                buf = []
            tokens.append(Token("placeholder", name))
    if buf:
        tokens.append(Token("text", "".join(buf)))
    return tokens, problems


_PLAIN_PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")


def scan_placeholders(text: str) -> tuple[frozenset[str], list[BraceProblem]]:
    """The placeholder names in ``text`` and its brace mistakes, as ``tokenize``
    finds them; texts whose every brace is a plain ``{name}`` (nearly all) skip
    the token scan."""
    if "{" not in text and "}" not in text:
        return frozenset(), []
    rest = _PLAIN_PLACEHOLDER.sub("", text)
    if "{" not in rest and "}" not in rest:
        return frozenset(_PLAIN_PLACEHOLDER.findall(text)), []
    tokens, problems = tokenize(text)
    return frozenset(t.value for t in tokens if t.kind == "placeholder"), problems


def placeholder_names(text: str) -> frozenset[str]:
    tokens, _ = tokenize(text)
    return frozenset(t.value for t in tokens if t.kind == "placeholder")


def fill(
    text: str, values: Mapping[str, str] | Callable[[str], str | None]
) -> tuple[str, list[str]]:
    """Substitute placeholders; returns the text and the names left unfilled.

    Unfilled placeholders stay in the text as ``{name}`` so a half-filled reply
    is visibly not ready to send.
    """
    lookup = values if callable(values) else values.get
    out: list[str] = []
    missing: list[str] = []
    tokens, _ = tokenize(text)
    for tok in tokens:
        if tok.kind == "text":
            out.append(tok.value)
            continue
        value = lookup(tok.value)
        if value is None or value == "":
            missing.append(tok.value)
            out.append("{" + tok.value + "}")
        else:
            out.append(value)
    return "".join(out), missing


# --- kinds ---------------------------------------------------------------

DATE = "date"  # the agent types YYYY-MM-DD; written as a long date for the customer's locale
DURATION = "duration"  # "3 days", "3-5 days", "48 hours", "2 weeks"; written with the unit
MONEY = "money"  # a plain amount ("19.90"); written in the customer's currency
NUMBER = "number"  # a count whose unit the reply text writes ("{refund_days} working days")
TEXT = "text"  # anything else, inserted as typed
PLACEHOLDER_KINDS: tuple[str, ...] = (DATE, DURATION, MONEY, NUMBER, TEXT)

# Names are the declaration: one meaning per name across every phrasebook, so the
# agent's form and the formatting never depend on which reply was picked.
_KIND_BY_NAME: dict[str, str] = {
    "date": DATE,
    "eta": DATE,  # the expected delivery or dispatch date, never a duration
    "deadline": DATE,
    "amount": MONEY,
    "points": NUMBER,
}
_KIND_BY_SUFFIX: tuple[tuple[str, str], ...] = (
    ("_date", DATE),
    ("_deadline", DATE),
    ("_amount", MONEY),
    ("_time", DURATION),  # lead_time, transit_time: "within {lead_time}"
    ("_days", NUMBER),
    ("_hours", NUMBER),
    ("_minutes", NUMBER),
    ("_weeks", NUMBER),
    ("_months", NUMBER),
    ("_count", NUMBER),
)

# The customer's name is a courtesy, not a commitment: a language whose house
# style addresses customers without their name (Polish "Państwo") may leave it
# out; every other placeholder must appear in every variant of an entry.
OPTIONAL_PLACEHOLDERS: frozenset[str] = frozenset({"customer_name"})


def is_placeholder_name(name: str) -> bool:
    """``name`` is written ``snake_case`` (what ``{name}`` accepts)."""
    return bool(_NAME.fullmatch(name))


def placeholder_kind(name: str, declared: Mapping[str, str] | None = None) -> str:
    """The kind of placeholder ``name``: as ``declared`` (the phrasebook's and the
    entry's ``placeholders:`` maps, see ``declared_kinds``), else the kind its name
    implies (``TEXT`` when nothing does)."""
    if declared and name in declared:
        return declared[name]
    if name in _KIND_BY_NAME:
        return _KIND_BY_NAME[name]
    for suffix, kind in _KIND_BY_SUFFIX:
        if name.endswith(suffix):
            return kind
    return TEXT


def required_placeholders(names: frozenset[str]) -> frozenset[str]:
    """The names every variant of an entry must share (``names`` minus the optional ones)."""
    return names - OPTIONAL_PLACEHOLDERS


def declared_kinds(book: Mapping[str, str], entry: Mapping[str, str]) -> dict[str, str]:
    """The kinds declared for one entry: the phrasebook's map, overridden by the entry's."""
    return {**book, **entry}
