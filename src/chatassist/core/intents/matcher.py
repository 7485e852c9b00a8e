"""Find many cue strings in a normalised message at once.

Cues are indexed once, so a look-up costs a few dictionary probes per word
(spaced scripts) or per character (Chinese, Japanese, Korean, Thai), however
many cues there are:

- *word cues* (Latin, Cyrillic, Arabic...) are indexed by their first word and
  match at word starts: a cue word of 4+ characters, or one ending in ``*``,
  also matches longer words that start with it; shorter ones, and any ending
  in ``=``, only whole words.
  Arabic words are also tried without a leading clitic (و ف ب ل ك ال);
- *substring cues* (any cue with Han, kana, Hangul or Thai) are indexed by
  their first two characters and match anywhere in the message with its
  spaces removed;
- `` .. `` in a cue allows up to `WORD_GAP` words (`CHAR_GAP` characters) in between.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from chatassist.core.intents.lexicon import GAP, is_unspaced

WORD_GAP = 4
CHAR_GAP = 6
PREFIX_MIN = 4
#: Particles customers sprinkle inside phrases ("kailan po papasok", "huy don giup em a"):
#: skipped between the words of a cue.
FILLERS = frozenset(
    {"po", "ho", "ya", "kak", "a", "nha", "nhe", "lah", "leh", "ah", "pls", "plz", "please"}
)

_WORD = re.compile(r"\w+[*=]?")
_WORD_TEXT = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
_ARABIC_CLITICS = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
#: letters a word keeps once its clitic is taken off (3 unless named): "and" (و) also
#: comes before the two-letter negations (وما يشتغل = "and it doesn't work": ما، لا، لم، مو)
_MIN_LEFT = {"و": 2}

Token = tuple[str, bool]  # (word, prefix allowed)


@dataclass(frozen=True)
class Hit:
    """Pattern ``pattern`` matched over ``span`` (word indices, or character
    indices of the space-less text when ``substring``)."""

    pattern: int
    span: tuple[int, int]
    substring: bool

    def within(self, other: Hit) -> bool:
        return (
            self.substring == other.substring
            and other.span[0] <= self.span[0]
            and self.span[1] <= other.span[1]
        )


@dataclass(frozen=True)
class Pattern:
    text: str  # normalised
    substring: bool
    size: int  # words for word cues, characters for substring cues


@dataclass(frozen=True)
class Prepared:
    """A normalised message split the two ways the matcher needs."""

    words: tuple[tuple[str, ...], ...]  # each word with its alternative forms
    compact: str  # no spaces, for substring cues


def prepare(normalized: str) -> Prepared:
    words = []
    for w in _WORD_TEXT.findall(normalized):
        forms = [w]
        if "\u0600" <= w[0] <= "\u06ff":
            forms += [
                w[len(c) :]
                for c in _ARABIC_CLITICS
                if w.startswith(c) and len(w) - len(c) >= _MIN_LEFT.get(c, 3)
            ]
        words.append(tuple(forms))
    return Prepared(tuple(words), _SPACE.sub("", normalized))


def _match_run(
    tokens: tuple[Token, ...], words: tuple[tuple[str, ...], ...], pos: int
) -> int | None:
    """End of ``tokens`` matched from ``words[pos]`` on, skipping politeness fillers between."""
    n = len(words)
    for token in tokens:
        while pos < n and words[pos][0] in FILLERS and not _token_match(token, words[pos]):
            pos += 1
        if pos >= n or not _token_match(token, words[pos]):
            return None
        pos += 1
    return pos


def _token_match(token: Token, forms: tuple[str, ...]) -> bool:
    word, prefix = token
    if prefix:
        return any(f.startswith(word) for f in forms)
    return word in forms


class Matcher:
    """Index cue strings with `add`, then `find` / `search` all their occurrences."""

    def __init__(self) -> None:
        self.patterns: list[Pattern] = []
        self._ids: dict[str, int] = {}
        self._word_parts: list[tuple[tuple[Token, ...], ...]] = []
        self._sub_parts: list[tuple[str, ...]] = []
        self._exact: dict[str, list[int]] = {}
        self._prefix: dict[str, list[int]] = {}
        self._sub2: dict[str, list[int]] = {}
        self._sub1: dict[str, list[int]] = {}
        self._prefix_min = 1_000
        self._prefix_max = 0

    def add(self, norm: str) -> int | None:
        """Index a cue already passed through `normalize` and return its pattern
        id; the same text gives the same id. None when nothing can be matched."""
        if norm in self._ids:
            return self._ids[norm]
        substring = is_unspaced(norm)
        pid = len(self.patterns)
        if substring:
            parts = tuple(
                p
                for p in (
                    _SPACE.sub("", x).replace("*", "").replace("=", "") for x in norm.split(GAP)
                )
                if p
            )
            if not parts:
                return None
            self._sub_parts.append(parts)
            self._word_parts.append(())
            index = self._sub2 if len(parts[0]) >= 2 else self._sub1
            index.setdefault(parts[0][:2], []).append(pid)
            # Thai vowel and tone marks are letters' satellites, not characters of their own.
            size = sum(1 for p in parts for ch in p if unicodedata.category(ch) != "Mn")
        else:
            wparts = []
            for x in norm.split(GAP):
                toks = tuple(
                    (t.rstrip("*="), t.endswith("*") or (len(t) >= PREFIX_MIN and t[-1] != "="))
                    for t in _WORD.findall(x)
                    if t.rstrip("*=")
                )
                if toks:
                    wparts.append(toks)
            if not wparts:
                return None
            self._word_parts.append(tuple(wparts))
            self._sub_parts.append(())
            first, prefix = wparts[0][0]
            (self._prefix if prefix else self._exact).setdefault(first, []).append(pid)
            if prefix:
                self._prefix_min = min(self._prefix_min, len(first))
                self._prefix_max = max(self._prefix_max, len(first))
            size = sum(len(p) for p in wparts)
        self.patterns.append(Pattern(norm, substring, size))
        self._ids[norm] = pid
        return pid

    def to_state(self) -> dict[str, Any]:
        """The built index as plain JSON-able data (see ``from_state``)."""
        return {
            "patterns": [[p.text, p.substring, p.size] for p in self.patterns],
            "word_parts": self._word_parts,
            "sub_parts": self._sub_parts,
            "exact": self._exact,
            "prefix": self._prefix,
            "sub2": self._sub2,
            "sub1": self._sub1,
            "prefix_range": [self._prefix_min, self._prefix_max],
        }

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> Matcher:
        """A matcher equal to the one ``to_state`` was taken from (the data is ours:
        a persisted cache; malformed data raises KeyError, TypeError or ValueError)."""
        m = cls()
        m.patterns = [Pattern(str(t), bool(sub), int(size)) for t, sub, size in state["patterns"]]
        m._ids = {p.text: i for i, p in enumerate(m.patterns)}
        m._word_parts = [
            tuple(tuple((str(w), bool(pre)) for w, pre in part) for part in parts)
            for parts in state["word_parts"]
        ]
        m._sub_parts = [tuple(str(x) for x in parts) for parts in state["sub_parts"]]
        for name in ("exact", "prefix", "sub2", "sub1"):
            index = {str(k): [int(i) for i in v] for k, v in state[name].items()}
            setattr(m, f"_{name}", index)
        m._prefix_min, m._prefix_max = (int(x) for x in state["prefix_range"])
        if not len(m.patterns) == len(m._word_parts) == len(m._sub_parts):
            raise ValueError("matcher state: lists of different lengths")
        return m

    def find(self, text: Prepared) -> list[Hit]:
        hits: list[Hit] = []
        words = text.words
        prefix_index, exact_index = self._prefix, self._exact
        lo, hi = self._prefix_min, self._prefix_max
        for i, forms in enumerate(words):
            cands: set[int] = set()
            for f in forms:
                cands.update(exact_index.get(f, ()))
                for n in range(lo, min(len(f), hi) + 1):
                    got = prefix_index.get(f[:n])
                    if got:
                        cands.update(got)
            for pid in cands:
                end = self._match_words(self._word_parts[pid], words, i)
                if end is not None:
                    hits.append(Hit(pid, (i, end), False))
        s = text.compact
        if self._sub2 or self._sub1:
            for i in range(len(s)):
                for pid in self._sub2.get(s[i : i + 2], ()):
                    end = self._match_chars(self._sub_parts[pid], s, i)
                    if end is not None:
                        hits.append(Hit(pid, (i, end), True))
                for pid in self._sub1.get(s[i], ()):
                    end = self._match_chars(self._sub_parts[pid], s, i)
                    if end is not None:
                        hits.append(Hit(pid, (i, end), True))
        return hits

    @staticmethod
    def _match_words(
        parts: tuple[tuple[Token, ...], ...], words: tuple[tuple[str, ...], ...], start: int
    ) -> int | None:
        """End (exclusive) of a match of ``parts`` whose first word is ``words[start]``."""
        n = len(words)
        pos = _match_run(parts[0][1:], words, start + 1)  # the first word matched via the index
        if pos is None:
            return None
        for part in parts[1:]:
            for p in range(pos, min(n, pos + WORD_GAP + 1)):
                end = _match_run(part, words, p)
                if end is not None:
                    pos = end
                    break
            else:
                return None
        return pos

    @staticmethod
    def _match_chars(parts: tuple[str, ...], s: str, start: int) -> int | None:
        if not s.startswith(parts[0], start):
            return None
        pos = start + len(parts[0])
        for part in parts[1:]:
            found = s.find(part, pos, pos + CHAR_GAP + len(part))
            if found < 0:
                return None
            pos = found + len(part)
        return pos

    def search(self, normalized: str) -> list[Hit]:
        """All hits in an already normalised message."""
        return self.find(prepare(normalized))
