"""The chat vocabulary of each customer language (``resources/chat_lexicon.yaml``).

Statistical models know little about "vlw", "ㄱㅅ" or "返金?": on such messages
the detector trusts this lexicon instead. Format (format 1)::

    format: 1
    languages:
      any: [ok, lol]            # words of no language in particular
      es: [hola, gracias, vale]
      pt: [oi, valeu, vlw]

`ChatLexicon.match` folds case, accents and width (`normalize`), counts
letters repeated three or more times once ("graciasss"), and finds the
entries a message is made of: spaced scripts by whole words (phrases of up to
`MAX_WORDS` words), Chinese and Japanese anywhere in the text. The result says
which languages' entries cover every word of the message (`LexiconMatch.full`):
one language is a firm answer, several mean the word is shared ("terima kasih":
id and ms) and the detector reports the others in ``ambiguous_with``.

Intent cues tagged with one language (``resources/intent_cues.yaml``) may be
added with `with_cues`: a message whose only cue is Spanish reads as Spanish.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from chatassist.core.intents.lexicon import GAP, CueLexicon
from chatassist.core.intents.normalize import normalize
from chatassist.core.languages import CUSTOMER_LANGUAGES
from chatassist.core.yaml_reader import InvalidFiles, NodeReader, Problem, compose, decode

FORMAT_VERSION = 1
NEUTRAL = "any"
MAX_WORDS = 4
MAX_CHARS = 6  # longest Chinese / Japanese entry looked up

_FAMILY = {"zh-Hans": "zh", "zh-Hant": "zh"}
_HAN_KANA = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[^\W_]+(?:\+)?")
_REPEAT = re.compile(r"([^\W\d_])\1{2,}")


class ChatLexiconInvalid(InvalidFiles):
    """The chat lexicon is invalid; ``problems`` lists every problem with file:line."""


def family(language: str) -> str:
    """The detector's code for a lexicon language (zh-Hans / zh-Hant -> zh)."""
    return _FAMILY.get(language, language)


@dataclass(frozen=True)
class LexiconMatch:
    """Which languages' chat words a message is made of.

    ``full``: languages whose entries cover every word (every Han / kana
    character for Chinese and Japanese) that is not a neutral word; empty when
    none does. ``covered``: per language, how many of those words its entries
    cover. ``units``: how many words (characters) were judged.
    """

    units: int = 0
    full: frozenset[str] = frozenset()
    covered: Mapping[str, int] = field(default_factory=dict)


_NO_MATCH = LexiconMatch()


@dataclass(frozen=True)
class ChatLexicon:
    """Folded entry -> the languages (detector codes) that use it."""

    words: Mapping[str, frozenset[str]]  # spaced scripts, phrases of up to MAX_WORDS words
    characters: Mapping[str, frozenset[str]]  # Chinese / Japanese, matched anywhere
    path: str = ""

    @property
    def size(self) -> int:
        return len(self.words) + len(self.characters)

    def with_cues(self, cues: CueLexicon) -> ChatLexicon:
        """This lexicon plus the intent cues written for one language (no gaps, no ``any``)."""
        words = {k: set(v) for k, v in self.words.items()}
        chars = {k: set(v) for k, v in self.characters.items()}
        for per_scenario in cues.scenarios.values():
            for cue in per_scenario:
                if cue.language == NEUTRAL or GAP in cue.key:
                    continue
                key = cue.key.replace("*", "").replace("=", "").strip()
                _add(words, chars, key, family(cue.language))
        return ChatLexicon(_freeze(words), _freeze(chars), self.path)

    def match(self, text: str, han: bool = False) -> LexiconMatch:
        """The lexicon's view of ``text``; ``han``: judge its Chinese / Japanese characters."""
        norm = normalize(text)
        return self._match_characters(norm) if han else self._match_words(norm)

    def _match_words(self, norm: str) -> LexiconMatch:
        tokens = [self._known_form(t) for t in _WORD.findall(norm)]
        if not tokens or len(tokens) > 3 * MAX_WORDS:
            return _NO_MATCH
        covered: dict[str, set[int]] = defaultdict(set)
        for i in range(len(tokens)):
            for k in range(1, min(MAX_WORDS, len(tokens) - i) + 1):
                langs = self.words.get(" ".join(tokens[i : i + k]))
                if langs:
                    for lang in langs:
                        covered[lang].update(range(i, i + k))
        return _result(len(tokens), covered)

    def _known_form(self, token: str) -> str:
        if token in self.words:
            return token
        collapsed = _REPEAT.sub(r"\1", token)
        return collapsed if collapsed in self.words else token

    def _match_characters(self, norm: str) -> LexiconMatch:
        chars = "".join(_HAN_KANA.findall(norm))
        if not chars or len(chars) > 4 * MAX_CHARS:
            return _NO_MATCH
        covered: dict[str, set[int]] = defaultdict(set)
        for i in range(len(chars)):
            for k in range(1, min(MAX_CHARS, len(chars) - i) + 1):
                langs = self.characters.get(chars[i : i + k])
                if langs:
                    for lang in langs:
                        covered[lang].update(range(i, i + k))
        return _result(len(chars), covered)


def _result(units: int, covered: Mapping[str, set[int]]) -> LexiconMatch:
    neutral = covered.get(NEUTRAL, set())
    content = set(range(units)) - neutral
    if not content:
        # Only words of no language ("ok thanks"): a language listing them all still counts.
        content = set(range(units))
    per = {lang: len(idx & content) for lang, idx in covered.items() if lang != NEUTRAL}
    full = frozenset(lang for lang, idx in covered.items() if lang != NEUTRAL and content <= idx)
    return LexiconMatch(units, full, {k: v for k, v in per.items() if v})


def _add(words: dict[str, set[str]], chars: dict[str, set[str]], key: str, language: str) -> None:
    if not key:
        return
    if _HAN_KANA.search(key):
        compact = "".join(_HAN_KANA.findall(key))
        if compact == re.sub(r"\s+", "", key) and len(compact) <= MAX_CHARS:
            chars.setdefault(compact, set()).add(language)
        return
    tokens = _WORD.findall(key)
    if tokens and len(tokens) <= MAX_WORDS:
        words.setdefault(" ".join(tokens), set()).add(language)


def _freeze(table: Mapping[str, Iterable[str]]) -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in table.items()}


def parse_chat_lexicon(text: str, path: str = "<text>") -> ChatLexicon:
    """Parse lexicon YAML; raise `ChatLexiconInvalid` listing every problem."""
    root, problems = compose(text, path)
    if root is None:
        raise ChatLexiconInvalid(problems)
    reader = NodeReader(path)
    fields = reader.mapping(root, "chat lexicon", ("format", "languages"), ("format", "languages"))
    words: dict[str, set[str]] = {}
    chars: dict[str, set[str]] = {}
    if fields is not None:
        if "format" in fields:
            node = fields["format"][1]
            if not (isinstance(node, yaml.ScalarNode) and node.value == str(FORMAT_VERSION)):
                reader.problem(node, f"format must be {FORMAT_VERSION}")
        if "languages" in fields:
            known = (NEUTRAL, *CUSTOMER_LANGUAGES)
            languages = reader.mapping(fields["languages"][1], "languages", (), known) or {}
            for lang, (_, value_node) in languages.items():
                for item, value in reader.text_list(value_node, f"language '{lang}'"):
                    key = normalize(value)
                    if not any(ch.isalnum() for ch in key):
                        reader.problem(item, f"'{value}' holds no letter or digit")
                        continue
                    _add(words, chars, key, family(lang))
    if reader.problems:
        raise ChatLexiconInvalid(reader.problems)
    return ChatLexicon(_freeze(words), _freeze(chars), path)


def load_chat_lexicon(path: Path | str) -> ChatLexicon:
    """Read and validate a chat lexicon file; raise `ChatLexiconInvalid` on any problem."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        problem = Problem(name, 0, 0, f"cannot read: {exc.strerror or exc}")
        raise ChatLexiconInvalid([problem]) from exc
    text, problems = decode(name, data)
    if text is None:
        raise ChatLexiconInvalid(problems)
    return parse_chat_lexicon(text, name)
