"""Folding text for matching: case-, width- and accent-insensitive.

Accents are removed from Latin-script letters only ("está" -> "esta",
"Tiếng Việt" -> "tieng viet"); Thai vowel marks, Japanese dakuten and Hangul
are left alone because removing them changes the word. Used by search.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters NFD does not decompose.
_SPECIAL = str.maketrans(
    {"đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ı": "i", "æ": "ae", "œ": "oe"}
)


# A run of combining marks right after a Latin letter (Vietnamese stacks two).
_LATIN_ACCENTS = re.compile(
    r"(?<=[\u0000-\u024f\u1e00-\u1eff])[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff]+"
)


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    if text.isascii():
        return text
    text = text.translate(_SPECIAL)
    return unicodedata.normalize("NFC", _LATIN_ACCENTS.sub("", unicodedata.normalize("NFD", text)))
