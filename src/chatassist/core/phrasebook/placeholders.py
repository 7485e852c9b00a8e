"""Placeholders are written ``{snake_case}``; ``{{`` and ``}}`` are literal braces."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

_NAME = re.compile(r"[a-z][a-z0-9_]*")


@dataclass(frozen=True)
class BraceProblem:
    offset: int  # index into the text
    message: str


@dataclass(frozen=True)
class Token:
    kind: str  # "text" or "placeholder"
    value: str  # literal text (braces unescaped) or the placeholder name


def tokenize(text: str) -> tuple[list[Token], list[BraceProblem]]:
    """Split ``text`` into literal runs and placeholders, reporting brace mistakes."""
    tokens: list[Token] = []
    problems: list[BraceProblem] = []
    buf: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "{":
            if text.startswith("{{", i):
                buf.append("{")
                i += 2
                continue
            close = text.find("}", i + 1)
            name = text[i + 1 : close] if close != -1 else ""
            if close == -1 or "{" in name:
                problems.append(BraceProblem(i, "unbalanced '{' (write '{{' for a literal brace)"))
                buf.append("{")
                i += 1
                continue
            if not _NAME.fullmatch(name):
                problems.append(
                    BraceProblem(i, f"bad placeholder {{{name}}}: use {{snake_case}} names")
                )
                buf.append(text[i : close + 1])
                i = close + 1
                continue
            if buf:
                tokens.append(Token("text", "".join(buf)))
                buf = []
            tokens.append(Token("placeholder", name))
            i = close + 1
        elif ch == "}":
            if text.startswith("}}", i):
                buf.append("}")
                i += 2
                continue
            problems.append(BraceProblem(i, "unbalanced '}' (write '}}' for a literal brace)"))
            buf.append("}")
            i += 1
        else:
            buf.append(ch)
            i += 1
    if buf:
        tokens.append(Token("text", "".join(buf)))
    return tokens, problems


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
