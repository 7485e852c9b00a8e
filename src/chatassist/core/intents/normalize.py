"""Text normalisation shared by intent detection and search.

`normalize` makes matching accent-, case- and width-insensitive:

- NFKC (fullwidth ``ＡＢＣ１２３`` -> ``abc123``, halfwidth katakana -> fullwidth),
  then casefold;
- accents are stripped from Latin letters only (``é ñ ç ş ệ`` -> ``e n c s e``);
  Thai vowel marks, Japanese dakuten and Hangul are left alone;
- letters without a decomposition are mapped by hand: ``đ ł ı ø æ œ ß`` ->
  ``d l i o ae oe ss``; Cyrillic ``ё`` -> ``е``;
- Arabic: tashkeel and tatweel removed, ``أ إ آ ٱ`` -> ``ا``, ``ى`` -> ``ي``, ``ة`` -> ``ه``;
- traditional Chinese characters -> simplified (see `hant`);
- apostrophes: an English contraction is joined (``where's`` -> ``wheres``,
  ``don't`` -> ``dont``), any other apostrophe separates words (``l'article``
  -> ``l article``); hyphens and underscores separate words too;
- runs of whitespace become one space, and the result is stripped.
"""

from __future__ import annotations

import re
import unicodedata

from chatassist.core.intents.hant import T2S

_SPECIAL = {
    "đ": "d",
    "ł": "l",
    "ı": "i",
    "ø": "o",
    "æ": "ae",
    "œ": "oe",
    "ß": "ss",
    "þ": "th",
    "ð": "d",
    "ħ": "h",
    "ŀ": "l",
    "ё": "е",
    "ـ": "",  # Arabic tatweel
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    "\u2019": "'",
    "\u2018": "'",
    "\u02bc": "'",
    "`": "'",
    "\u00b4": "'",
    "\u2010": "-",
    "\u2011": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u3000": " ",
}


def _latin_table() -> dict[int, str]:
    """Each accented Latin letter -> its base letters (precomputed for str.translate)."""
    table: dict[int, str] = {}
    for lo, hi in ((0x00C0, 0x024F), (0x1E00, 0x1EFF)):
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            base = "".join(
                c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)
            )
            if base != ch and base:
                table[cp] = base.casefold()
    return table


_TABLE: dict[int, str] = {**_latin_table(), **T2S}
_TABLE.update({ord(k): v for k, v in _SPECIAL.items()})
for _cp in range(0x064B, 0x0653):  # Arabic harakat
    _TABLE[_cp] = ""
_TABLE[0x0670] = ""

# Combining marks left on a Latin letter after NFKC (no precomposed form, or
# casefold's "i̇" from Turkish "İ").
_LATIN_MARKS = re.compile(r"(?<=[a-z])[\u0300-\u036f]+")
_CONTRACTION = re.compile(r"(?<=[a-z])'(?=(?:s|t|re|ve|ll|d|m)\b)")
_SEPARATORS = re.compile(r"['\-_]+")
_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """``text`` folded for matching (see the module docstring for the rules)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.translate(_TABLE)
    text = _LATIN_MARKS.sub("", text)
    text = _CONTRACTION.sub("", text)
    text = _SEPARATORS.sub(" ", text)
    return _SPACES.sub(" ", text).strip()
