"""Keep tokens that must not be translated out of the model's reach.

Placeholders (``{name}``), URLs, e-mails, amounts, dates, order and tracking
numbers, emoji and glossary terms (a phrasebook's do-not-translate list) are
replaced by sentinels ``ZX0Q``, ``ZX1Q``... before translation: short Latin
letter-digit words that NMT models usually copy through unchanged. After
translation each sentinel is replaced by its token. A sentinel the model altered
(``zx 1 q``) is repaired; one it lost is appended at the end of the text; one it
invented is removed; all three are reported in the TokenReport, never silently
dropped.

Sentinels are the first strategy because the model then translates whole
sentences (word order stays natural). Where a model loses or invents sentinels
in a sentence, the service translates that sentence again in segments: the text
between the sentinels, each piece on its own (``segments``), re-joined around the
untouched tokens. That survives any model; it is reported as ``segmented``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from chatassist.core.translation.model import ProtectedToken, TokenReport

_NOT_ALNUM_BEFORE = r"(?<![A-Za-z0-9])"
_NOT_ALNUM_AFTER = r"(?![A-Za-z0-9])"
_CURRENCY_BEFORE = r"(?:US\$|HK\$|NT\$|S\$|R\$|RM|Rp|[$€£¥₩₹₫฿₱₺₽])"
_CURRENCY_AFTER = (
    r"(?:USD|EUR|GBP|JPY|CNY|RMB|HKD|TWD|KRW|THB|VND|IDR|MYR|PHP|TRY|RUB|BRL|PLN|SGD"
    r"|AUD|CAD|元|円|원|บาท|€|zł|₫|руб\.?)"
)
_NUMBER = r"\d(?:[\d.,\u00a0\u202f]*\d)?"
# Pictographs with their modifiers, ZWJ sequences, keycaps and flags: models drop them.
_EMOJI_BASE = r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2300-\u23FF]"
_EMOJI = (
    rf"(?:[\U0001F1E6-\U0001F1FF]{{2}}|[#*0-9]\uFE0F?\u20E3"
    rf"|{_EMOJI_BASE}[\uFE0F\U0001F3FB-\U0001F3FF]*(?:\u200D{_EMOJI_BASE}[\uFE0F\U0001F3FB-\U0001F3FF]*)*)"
)
_DATE = (
    r"(?<![\d./-])(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}"
    r"|\d{4}年\d{1,2}月\d{1,2}日|\d{1,2}月\d{1,2}日)(?![\d/-]|\.\d)"
)

# Order matters only for ties (same start, same length): earlier kinds win.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("placeholder", re.compile(r"\{\{[^{}\n]{1,60}\}\}|\{[^{}\s]{1,60}\}")),
    ("url", re.compile(r"(?:https?://|www\.)[^\s<>\"'()\[\]{}（）【】「」，。！？、]+")),
    (
        "email",
        re.compile(
            _NOT_ALNUM_BEFORE + r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
            r"\.[A-Za-z]{2,}" + _NOT_ALNUM_AFTER
        ),
    ),
    ("date", re.compile(_DATE)),
    (
        "amount",
        re.compile(
            rf"{_CURRENCY_BEFORE}\s?{_NUMBER}"
            rf"|{_NOT_ALNUM_BEFORE}{_NUMBER}\s?{_CURRENCY_AFTER}(?![A-Za-z])"
        ),
    ),
    (
        "order_number",
        # '#12345', or a word of 5+ capitals/digits/hyphens with a digit in it:
        # SF1234567890, 1Z999AA10123456784, ORD-2024-00123, 20240115.
        re.compile(
            r"#[A-Za-z0-9][A-Za-z0-9-]{2,}"
            r"|(?<![A-Za-z0-9-])(?=[A-Z-]*\d)[A-Z0-9](?:[A-Z0-9-]{3,}[A-Z0-9])(?![A-Za-z0-9-])"
        ),
    ),
    ("emoji", re.compile(_EMOJI)),
    # Version-like numbers (0.85.3-x, v2.4.1): models turn "0.85.x" into "0,85 x".
    (
        "code",
        re.compile(
            r"(?<![\w.])v?\d+\.\d+\.(?:\d+|x)(?:\.(?:\d+|x))*(?:-[A-Za-z0-9]+)?(?![\w-]|\.\w)"
        ),
    ),
)
_TRAILING_PUNCTUATION = ".,;:!?'\")]}"
# What the model may make of sentinel n: case changed, spaces inserted, Q lost.
_SENTINEL_IN_OUTPUT = re.compile(r"Z\s?X\s?(\d{1,3})(?:\s?Q)?", re.IGNORECASE)
_SENTINEL_IN_SOURCE = re.compile(r"Z\s?X\s?\d{1,3}(?:\s?Q)?", re.IGNORECASE)


def sentinel(index: int) -> str:
    return f"ZX{index}Q"


@dataclass(frozen=True)
class Masked:
    """A text with its protected tokens replaced by sentinels (token i -> ``sentinel(i)``)."""

    text: str
    tokens: tuple[ProtectedToken, ...]


def find_tokens(
    text: str, glossary: Sequence[str] = (), terms: Sequence[str] = ()
) -> list[tuple[int, int, str]]:
    """Spans ``(start, end, kind)`` to protect, left to right, never overlapping.

    ``glossary``: do-not-translate terms (kind ``glossary``); ``terms``: glossary
    terms that are replaced by their target form (kind ``term``, found first)."""
    found: list[tuple[int, int, int, str]] = []
    patterns = list(_PATTERNS)
    kept = sorted({term.strip() for term in glossary if term.strip()}, key=len, reverse=True)
    if kept:
        alternatives = "|".join(_glossary_pattern(term) for term in kept)
        patterns.insert(0, ("glossary", re.compile(alternatives, re.IGNORECASE)))
    replaced = sorted({term.strip() for term in terms if term.strip()}, key=len, reverse=True)
    if replaced:
        alternatives = "|".join(_glossary_pattern(term) for term in replaced)
        patterns.insert(0, ("term", re.compile(alternatives, re.IGNORECASE)))
    # Text that already looks like a sentinel is protected too, or restoring would misread it.
    patterns.append(("literal", _SENTINEL_IN_SOURCE))
    for priority, (kind, pattern) in enumerate(patterns):
        for match in pattern.finditer(text):
            start, end = match.span()
            if kind == "url":
                end = start + len(match.group().rstrip(_TRAILING_PUNCTUATION))
            if end > start:
                found.append((start, -(end - start), priority, kind))
    spans: list[tuple[int, int, str]] = []
    last_end = 0
    for start, neg_length, _priority, kind in sorted(found):
        if start >= last_end:
            spans.append((start, start - neg_length, kind))
            last_end = start - neg_length
    return spans


def _glossary_pattern(term: str) -> str:
    escaped = re.escape(term)
    # ASCII word boundaries only where the term starts/ends with a Latin letter or
    # digit: CJK terms sit between other CJK characters with no boundary at all.
    before = _NOT_ALNUM_BEFORE if term[0].isascii() and term[0].isalnum() else ""
    after = _NOT_ALNUM_AFTER if term[-1].isascii() and term[-1].isalnum() else ""
    return before + escaped + after


def mask(
    text: str, glossary: Sequence[str] = (), replacements: Sequence[tuple[str, str]] = ()
) -> Masked:
    """Replace every protected token of ``text`` by its sentinel. ``replacements``:
    (source form, target form) of glossary terms; found case-insensitively."""
    by_form = {source.strip().casefold(): target for source, target in replacements}
    parts: list[str] = []
    tokens: list[ProtectedToken] = []
    position = 0
    for start, end, kind in find_tokens(text, glossary, [s for s, _ in replacements]):
        parts.append(text[position:start])
        parts.append(sentinel(len(tokens)))
        found = text[start:end]
        replacement = by_form.get(found.casefold(), "") if kind == "term" else ""
        tokens.append(ProtectedToken(kind, found, replacement))
        position = end
    parts.append(text[position:])
    return Masked("".join(parts), tuple(tokens))


def unmask(translated: str, masked: Masked) -> tuple[str, TokenReport]:
    """Put the tokens back into ``translated`` and report what the model did to them."""
    tokens = masked.tokens
    if not tokens and not _SENTINEL_IN_OUTPUT.search(translated):
        return translated, TokenReport()
    seen: set[int] = set()
    repaired: list[str] = []
    extra = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal extra
        index = int(match.group(1))
        if index >= len(tokens) or index in seen:
            extra += 1
            return ""
        seen.add(index)
        if match.group() != sentinel(index):
            repaired.append(tokens[index].output)
        return tokens[index].output

    text = _SENTINEL_IN_OUTPUT.sub(replace, translated)
    if extra:
        text = re.sub(r"[ \t]{2,}", " ", text).strip(" \t")
    appended = [tokens[i].output for i in range(len(tokens)) if i not in seen]
    if appended:
        text = " ".join([text.rstrip(), *appended]) if text.strip() else " ".join(appended)
    missing = _missing_terms(text, tokens)
    report = TokenReport(tokens, tuple(repaired), tuple(appended), extra, (), missing)
    return text, report


def _missing_terms(text: str, tokens: Sequence[ProtectedToken]) -> tuple[str, ...]:
    """Glossary forms the text holds fewer times than the source asked for."""
    wanted: dict[str, int] = {}
    for token in tokens:
        if token.replacement:
            wanted[token.replacement] = wanted.get(token.replacement, 0) + 1
    folded = text.casefold()
    return tuple(form for form, n in wanted.items() if folded.count(form.casefold()) < n)


def sentinel_indexes(text: str) -> list[int]:
    """The sentinel numbers in ``text``, in order, including altered ones (``zx 1 q``)."""
    return [int(m.group(1)) for m in _SENTINEL_IN_OUTPUT.finditer(text)]


def sentinels_survived(source: str, translated: str) -> bool:
    """True when ``translated`` holds each sentinel of ``source`` exactly once (maybe
    altered, which unmask repairs) and no other."""
    return sorted(sentinel_indexes(source)) == sorted(sentinel_indexes(translated))


_EXACT_SENTINEL = re.compile(r"(\s*)(ZX\d{1,3}Q)(\s*)")
_HAS_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class Segment:
    """A piece of a masked sentence: text to translate, or kept as it is (a sentinel
    with the whitespace around it, or a piece without letters like ", ")."""

    text: str
    translate: bool


def segments(masked_sentence: str) -> list[Segment]:
    """Split a masked sentence at its sentinels; re-joining the texts gives it back."""
    out: list[Segment] = []
    position = 0
    for match in _EXACT_SENTINEL.finditer(masked_sentence):
        out.extend(_text_segments(masked_sentence[position : match.start()]))
        out.append(Segment(match.group(), False))
        position = match.end()
    out.extend(_text_segments(masked_sentence[position:]))
    return out


def _text_segments(piece: str) -> list[Segment]:
    if not piece:
        return []
    stripped = piece.strip()
    if not _HAS_WORD.search(stripped):
        return [Segment(piece, False)]
    lead = piece[: len(piece) - len(piece.lstrip())]
    trail = piece[len(piece.rstrip()) :]
    parts = [Segment(lead, False)] if lead else []
    parts.append(Segment(stripped, True))
    if trail:
        parts.append(Segment(trail, False))
    return parts
