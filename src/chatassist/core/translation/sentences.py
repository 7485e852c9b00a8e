"""Split a text into the sentences a translation model sees, and join them back.

A small rule-based splitter instead of argos's (stanza or spaCy, which download
models on first use): chat messages are short, and protected tokens (URLs,
amounts, e-mails) are already masked, so their dots cannot end a sentence.
Line breaks are kept exactly; each line is split at . ! ? … followed by a space,
and after 。！？ (no space in CJK text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BOUNDARY = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+(?=\S)|(?<=[。！？])[」』”）]*\s*(?=\S)")
_ABBREVIATION = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|No|vs|etc|e\.g|i\.e|Nr|Sr|Sra|z\.B)\.)$")
# Languages written without spaces between sentences (argos codes).
_NO_SPACE_LANGUAGES = frozenset({"zh", "zt", "ja"})


@dataclass(frozen=True)
class Line:
    """One line of a text: its surrounding whitespace and its sentences."""

    lead: str
    sentences: tuple[str, ...]
    trail: str


def split_sentences(line: str) -> list[str]:
    """Sentences of one line, without the whitespace between them."""
    stripped = line.strip()
    if not stripped:
        return []
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(stripped):
        candidate = stripped[start : match.start()].rstrip()
        if _ABBREVIATION.search(candidate):
            continue
        # Closing quotes/brackets matched after the stop belong to this sentence.
        end = match.start() + len(match.group().rstrip())
        sentences.append(stripped[start:end].strip())
        start = match.end()
    tail = stripped[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def split_text(text: str) -> list[Line]:
    lines = []
    for raw in text.split("\n"):
        stripped = raw.strip()
        lead = raw[: len(raw) - len(raw.lstrip())]
        trail = raw[len(raw.rstrip()) :] if stripped else ""
        lines.append(Line(lead, tuple(split_sentences(raw)), trail))
    return lines


def join_text(lines: list[Line], translated: list[list[str]], target: str) -> str:
    """Rebuild a text from ``split_text`` lines and their translated sentences."""
    joiner = "" if target in _NO_SPACE_LANGUAGES else " "
    out = []
    for line, sentences in zip(lines, translated, strict=True):
        body = joiner.join(s.strip() for s in sentences if s.strip())
        out.append(f"{line.lead}{body}{line.trail}" if body else line.lead + line.trail)
    return "\n".join(out)
