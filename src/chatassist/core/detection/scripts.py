"""Writing-system rules: which script a message is in, and whether its Chinese
characters are simplified or traditional.

Among the customer languages most scripts belong to one language only
(Hangul: ko, kana: ja, Thai: th, Arabic: ar, Cyrillic: ru), so a script
decides the language before any statistical model is asked.

Simplified vs traditional uses the two national character sets shipped with
Python's codecs: GB 2312 (mainland, simplified) and Big5 (Taiwan/Hong Kong,
traditional). A character in only one of them marks that variant; characters
in both (我, 的, 是 ...) say nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

LATIN = "Latn"
CYRILLIC = "Cyrl"
ARABIC = "Arab"
HANGUL = "Hang"
KANA = "Kana"
HAN = "Hani"
THAI = "Thai"
OTHER = "Zyyy"

#: Scripts written by exactly one customer language.
SINGLE_LANGUAGE_SCRIPTS: dict[str, str] = {
    CYRILLIC: "ru",
    ARABIC: "ar",
    HANGUL: "ko",
    KANA: "ja",
    THAI: "th",
}

_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x024F, LATIN),
    (0x1E00, 0x1EFF, LATIN),  # Latin Extended Additional: Vietnamese
    (0x0400, 0x052F, CYRILLIC),
    (0x0600, 0x06FF, ARABIC),
    (0x0750, 0x077F, ARABIC),
    (0x08A0, 0x08FF, ARABIC),
    (0xFB50, 0xFDFF, ARABIC),
    (0xFE70, 0xFEFF, ARABIC),
    (0x0E00, 0x0E7F, THAI),
    (0x1100, 0x11FF, HANGUL),
    (0x3130, 0x318F, HANGUL),
    (0xAC00, 0xD7AF, HANGUL),
    (0x3040, 0x30FF, KANA),
    (0x31F0, 0x31FF, KANA),
    (0xFF66, 0xFF9F, KANA),  # half-width katakana
    (0x3400, 0x4DBF, HAN),
    (0x4E00, 0x9FFF, HAN),
    (0xF900, 0xFAFF, HAN),
    (0x20000, 0x3134F, HAN),
)


@lru_cache(maxsize=4096)
def char_script(ch: str) -> str:
    """The script of one letter, or OTHER."""
    cp = ord(ch)
    for lo, hi, script in _RANGES:
        if lo <= cp <= hi:
            return script
    return OTHER


@dataclass(frozen=True)
class ScriptProfile:
    """Letters per script in a text (punctuation, digits and spaces not counted)."""

    counts: dict[str, int]

    @property
    def letters(self) -> int:
        return sum(self.counts.values())

    def share(self, script: str) -> float:
        total = self.letters
        return self.counts.get(script, 0) / total if total else 0.0

    def dominant(self) -> str:
        """The script that decides the language.

        Kana beside Han means Japanese; a handful of CJK, Hangul or Thai
        characters outweigh a Latin brand name ("iPhone 충전기 안돼요"), since
        one such character carries about as much as a Latin word.
        """
        if not self.counts:
            return OTHER
        weighted: Counter[str] = Counter()
        for script, n in self.counts.items():
            weight = 1 if script in (LATIN, CYRILLIC, ARABIC, OTHER) else 3
            weighted[script] = n * weight
        if (
            self.counts.get(KANA, 0)
            and weighted[KANA] + weighted[HAN] >= weighted.most_common(1)[0][1]
        ):
            return KANA
        return weighted.most_common(1)[0][0]


def script_profile(text: str) -> ScriptProfile:
    if text.isascii():  # every ASCII letter is Latin
        latin = sum(1 for ch in text if ch.isalpha())
        return ScriptProfile({LATIN: latin} if latin else {})
    counts: Counter[str] = Counter()
    for ch in text:
        if ch.isalpha():
            counts[char_script(ch)] += 1
    return ScriptProfile(dict(counts))


@lru_cache(maxsize=8192)
def han_variant(ch: str) -> int:
    """+1 for a simplified-only character, -1 for traditional-only, 0 otherwise."""
    in_gb = _encodable(ch, "gb2312")
    in_big5 = _encodable(ch, "big5")
    if in_gb and not in_big5:
        return 1
    if in_big5 and not in_gb:
        return -1
    return 0


@lru_cache(maxsize=8192)
def is_japanese_only_kanji(ch: str) -> bool:
    """A kanji of the Japanese character set that neither Chinese set has (発, 様, 込, 円)."""
    return (
        char_script(ch) == HAN
        and _encodable(ch, "cp932")
        and not _encodable(ch, "gb2312")
        and not _encodable(ch, "big5")
    )


def japanese_only_kanji(text: str) -> int:
    """How many characters of ``text`` are kanji only Japanese writes."""
    return sum(1 for ch in text if ch > "\u3000" and is_japanese_only_kanji(ch))


def han_variant_votes(text: str) -> tuple[int, int]:
    """(simplified-only, traditional-only) character counts in ``text``."""
    simp = trad = 0
    for ch in text:
        if char_script(ch) == HAN:
            v = han_variant(ch)
            simp += v > 0
            trad += v < 0
    return simp, trad


def _encodable(ch: str, codec: str) -> bool:
    try:
        ch.encode(codec)
    except UnicodeEncodeError:
        return False
    return True
