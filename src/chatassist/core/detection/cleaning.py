"""Remove the parts of a chat message that say nothing about its language.

URLs, e-mail addresses, @handles, ``{placeholders}``, order and tracking
numbers, amounts with their currency, emoji and emoticons are replaced by a
space, so that "where is AB123456789CN 😡" is judged on "where is" only.
"""

from __future__ import annotations

import re
import unicodedata

_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|io|co|shop)\b\S*")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_HANDLE = re.compile(r"(?<!\w)@\w+")
_PLACEHOLDER = re.compile(r"\{\{[^{}]*\}\}|\{[^{}]*\}|%\(\w+\)s|%[sd]\b|<[^<>]{1,40}>")
# Currency words glued to or next to an amount; the amount itself goes with
# the next pattern, so "RM 50" and "50 zł" both vanish whole.
_CURRENCY_WORD = (
    r"(?:usd|us\$|eur|euro|euros|gbp|rm|rp|idr|myr|php|thb|vnd|tl|pln|zł|zl|brl|r\$"
    r"|mxn|cny|rmb|jpy|krw|sgd|aud|cad|sar|aed|₱|฿|₫|₩|¥|€|\$|£|₺|₹|円|元|원|บาท)"
)
_AMOUNT = re.compile(
    rf"(?<![A-Za-z]){_CURRENCY_WORD}?\s?[#№]?[0-9０-９][0-9０-９.,:/'\-]*\s?{_CURRENCY_WORD}?(?![A-Za-z])",
    re.IGNORECASE,
)
# Any ASCII token that holds a digit is a code (order, tracking, SKU, model).
# ASCII only: CJK text has no spaces, so \w* would swallow a whole sentence.
_CODE = re.compile(r"[#№]?[A-Za-z0-9_]*[0-9０-９][A-Za-z0-9_]*(?:[-/][A-Za-z0-9_]+)*")
_EMOTICON = re.compile(r"(?<!\w)(?:[:;=8xX][-^']?[)(\]\[DPpOo3/\\|*]+|\^_?\^|<3|T_T|-_-)(?!\w)")
_SPACES = re.compile(r"\s+")

_AT = re.compile("@")
_DIGIT = re.compile("[0-9０-９]")
#: (pattern, a character every match holds: None when there is no such one), in order.
_PATTERNS: tuple[tuple[re.Pattern[str], re.Pattern[str] | None], ...] = (
    (_EMAIL, _AT),
    (_URL, re.compile(r"[./]")),
    (_HANDLE, _AT),
    (_PLACEHOLDER, re.compile("[{%<]")),
    (_AMOUNT, _DIGIT),
    (_CODE, _DIGIT),
    (_EMOTICON, None),
)

# Categories that never carry language: symbols (emoji, dingbats, currency
# signs), modifiers and format characters (ZWJ, variation selectors).
_DROP_CATEGORIES = frozenset({"So", "Sk", "Sc", "Cf", "Co", "Cs", "Cn"})


def _drop_symbols(text: str) -> str:
    if text.isascii():
        return text
    out: list[str] = []
    for ch in text:
        if ord(ch) < 0x80:
            out.append(ch)
            continue
        cat = unicodedata.category(ch)
        if cat in _DROP_CATEGORIES or (cat == "Mn" and 0xFE00 <= ord(ch) <= 0xFE0F):
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def clean_for_detection(text: str) -> str:
    """The message with its non-linguistic parts removed and spaces collapsed.

    Letters, punctuation and spaces of the words themselves are kept. The
    result may be empty, or hold no letter at all (see `has_letters`).
    """
    text = unicodedata.normalize("NFC", text)
    for pattern, needs in _PATTERNS:
        # Each pattern only where it can match (a character it needs is there):
        # most messages hold no "@", digit or brace, and detection runs per keystroke.
        if needs is None or needs.search(text):
            text = pattern.sub(" ", text)
    text = _drop_symbols(text)
    return _SPACES.sub(" ", text).strip()


def has_letters(text: str) -> bool:
    """Whether any character of ``text`` is a letter of some script."""
    return any(ch.isalpha() for ch in text)
