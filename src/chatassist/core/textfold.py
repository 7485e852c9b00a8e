"""Folding text for matching: case-, width- and accent-insensitive.

Accents are removed from Latin-script letters only ("está" -> "esta",
"Tiếng Việt" -> "tieng viet"); Thai vowel marks, Japanese dakuten and Hangul
are left alone because removing them changes the word. Used by search.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Letters NFD does not decompose.
_SPECIAL = str.maketrans(
    {"đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ı": "i", "æ": "ae", "œ": "oe"}
)


def _latin(ch: str) -> bool:
    return ch < "\u0250" or "\u1e00" <= ch <= "\u1eff"


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().translate(_SPECIAL)
    out: list[str] = []
    base_is_latin = False
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            if base_is_latin:
                continue
        else:
            base_is_latin = _latin(ch)
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))
