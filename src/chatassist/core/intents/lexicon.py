"""The generic multilingual cue lexicon (``resources/intent_cues.yaml``).

Format (format 1)::

    format: 1
    scenarios:                       # scenario id -> language -> cues
      order_status:
        en: [where is my order, wismo, {text: tracking, weight: 0.6}]
        any: [track and trace]       # "any": a cue not tied to one language
    urgency:                         # message-level urgency cues
      high: {en: [chargeback, lawyer]}
      elevated: {en: [urgent, asap]}
    chat:                            # chit-chat markers: laughter, "ok I see", "btw my name is"
      en: [lol, i see, my name is]

A chat marker names no scenario: in a message holding one, a weak lone cue or
back-off word is not shown (see `detector`), since chit-chat like "haha ok, my
name is Dana btw" is no request.

A cue is text, or ``{text: ..., weight: ...}`` with 0 < weight <= 5
(default 1). Matching rules (see `matcher`): words of 4+ letters also match
longer words that start with them ("refund" matches "refunded"), shorter
ones only whole words; a trailing ``*`` lets a short word match as a prefix
too ("ko*") and a trailing ``=`` keeps a long one whole ("pantal=": Tagalog
"rash", not Spanish "pantalla"); `` .. `` between two parts allows a few words (or, in Chinese,
Japanese, Korean and Thai, a few characters) in between ("cancel .. order").
Chinese, Japanese, Korean and Thai cues match anywhere in the text.
Validation walks the YAML nodes so every problem carries its file:line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from chatassist.core.intents.normalize import normalize
from chatassist.core.languages import CUSTOMER_LANGUAGES
from chatassist.core.scenarios import SCENARIO_IDS
from chatassist.core.yaml_reader import InvalidFiles, Problem, compose

FORMAT_VERSION = 1
ANY_LANGUAGE = "any"
URGENCY_LEVELS: tuple[str, ...] = ("elevated", "high")
MAX_WEIGHT = 5.0
GAP = ".."

# libyaml's parser when present (10x faster on the bundled lexicon); same nodes and marks.
_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


@dataclass(frozen=True)
class Cue:
    text: str  # as written in the file
    language: str  # a customer language code or "any"
    weight: float = 1.0
    line: int = 0
    normalized: str = ""  # `normalize(text)`, filled in by the loader

    @property
    def key(self) -> str:
        """The text as matched (see `normalize`)."""
        return self.normalized or normalize(self.text)


@dataclass(frozen=True)
class CueLexicon:
    """Cues per scenario and per urgency level, in file order."""

    scenarios: Mapping[str, tuple[Cue, ...]]
    urgency: Mapping[str, tuple[Cue, ...]]
    path: str = ""
    chat: tuple[Cue, ...] = ()

    def cue_count(self) -> int:
        return (
            sum(len(c) for c in self.scenarios.values())
            + sum(len(c) for c in self.urgency.values())
            + len(self.chat)
        )


class LexiconInvalid(InvalidFiles):
    """The cue lexicon is invalid; ``problems`` lists every problem with file:line."""


_UNSPACED = re.compile(
    "[\u0e00-\u0e7f"  # Thai
    "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"  # Hangul
    "\u3040-\u30ff"  # kana
    "\u3400-\u9fff\uf900-\ufaff]"  # Han
)


def is_unspaced(text: str) -> bool:
    """True when ``text`` holds Han, kana, Hangul or Thai: such cues match as substrings."""
    return _UNSPACED.search(text) is not None


def cue_problem(text: str, normalized: str | None = None) -> str | None:
    """Why ``text`` cannot be a cue, or None when it can (``normalized``: if already known)."""
    norm = normalize(text) if normalized is None else normalized
    parts = [p.strip() for p in norm.split(GAP)]
    if not norm or any(not p.strip("* ") for p in parts):
        return f"cue '{text}' has nothing to match (empty part)"
    if is_unspaced(norm):
        if len(parts[0].replace(" ", "")) < 2 and len(parts) == 1:
            return f"cue '{text}' is a single character: too short to be a reliable cue"
    elif not any(ch.isalnum() for ch in norm):
        return f"cue '{text}' holds no letter or digit"
    return None


class _Reader:
    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, node: yaml.Node, message: str) -> None:
        self.problems.append(
            Problem(self.path, node.start_mark.line + 1, node.start_mark.column + 1, message)
        )

    def mapping(self, node: yaml.Node, what: str) -> list[tuple[str, yaml.Node, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, f"{what} must be a mapping")
            return []
        out: list[tuple[str, yaml.Node, yaml.Node]] = []
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else ""
            if not key:
                self.problem(key_node, f"{what}: keys must be plain names")
            elif key in seen:
                self.problem(key_node, f"{what}: duplicate key '{key}'")
            else:
                seen.add(key)
                out.append((key, key_node, value_node))
        return out

    def document(self, root: yaml.Node) -> CueLexicon:
        scenarios: dict[str, tuple[Cue, ...]] = {}
        urgency: dict[str, tuple[Cue, ...]] = {}
        fields = {k: (kn, vn) for k, kn, vn in self.mapping(root, "cue lexicon")}
        for key, (key_node, _) in fields.items():
            if key not in ("format", "scenarios", "urgency", "chat"):
                self.problem(key_node, f"cue lexicon: unknown field '{key}'")
        if "format" not in fields:
            self.problem(root, "cue lexicon: missing required field 'format'")
        else:
            node = fields["format"][1]
            if not (isinstance(node, yaml.ScalarNode) and node.value == str(FORMAT_VERSION)):
                self.problem(node, f"format must be {FORMAT_VERSION}")
        if "scenarios" not in fields:
            self.problem(root, "cue lexicon: missing required field 'scenarios'")
        else:
            for sid, key_node, value_node in self.mapping(fields["scenarios"][1], "scenarios"):
                if sid not in SCENARIO_IDS:
                    self.problem(
                        key_node, f"unknown scenario '{sid}' (known: {', '.join(SCENARIO_IDS)})"
                    )
                    continue
                scenarios[sid] = self.languages(value_node, f"scenario '{sid}'")
        if "urgency" in fields:
            for level, key_node, value_node in self.mapping(fields["urgency"][1], "urgency"):
                if level not in URGENCY_LEVELS:
                    self.problem(
                        key_node,
                        f"unknown urgency level '{level}' (known: {', '.join(URGENCY_LEVELS)})",
                    )
                    continue
                urgency[level] = self.languages(value_node, f"urgency '{level}'")
        chat = self.languages(fields["chat"][1], "chat") if "chat" in fields else ()
        return CueLexicon(scenarios, urgency, self.path, chat)

    def languages(self, node: yaml.Node, what: str) -> tuple[Cue, ...]:
        cues: list[Cue] = []
        for lang, key_node, value_node in self.mapping(node, what):
            if lang != ANY_LANGUAGE and lang not in CUSTOMER_LANGUAGES:
                self.problem(
                    key_node,
                    f"{what}: unknown language code '{lang}' (use a customer language or 'any')",
                )
                continue
            if not isinstance(value_node, yaml.SequenceNode):
                self.problem(value_node, f"{what} [{lang}] must be a list of cues")
                continue
            seen: dict[str, int] = {}
            for item in value_node.value:
                cue = self.cue(item, lang, f"{what} [{lang}]")
                if cue is None:
                    continue
                key = cue.key
                if key in seen:
                    self.problem(
                        item,
                        f"{what} [{lang}]: cue '{cue.text}' repeats line {seen[key]} (after normalisation)",
                    )
                    continue
                seen[key] = cue.line
                cues.append(cue)
        return tuple(cues)

    def cue(self, node: yaml.Node, lang: str, what: str) -> Cue | None:
        weight = 1.0
        text_node: yaml.Node = node
        if isinstance(node, yaml.MappingNode):
            fields = {k: (kn, vn) for k, kn, vn in self.mapping(node, f"{what} cue")}
            for key, (key_node, _) in fields.items():
                if key not in ("text", "weight"):
                    self.problem(
                        key_node, f"{what} cue: unknown field '{key}' (use text and weight)"
                    )
            if "text" not in fields:
                self.problem(node, f"{what} cue: missing required field 'text'")
                return None
            text_node = fields["text"][1]
            if "weight" in fields:
                wnode = fields["weight"][1]
                if not (isinstance(wnode, yaml.ScalarNode) and wnode.tag in _NUMBER_TAGS):
                    self.problem(wnode, f"{what} cue: weight must be a number")
                    return None
                weight = float(wnode.value)
                if not 0 < weight <= MAX_WEIGHT:
                    self.problem(
                        wnode, f"{what} cue: weight {wnode.value} must be > 0 and <= {MAX_WEIGHT:g}"
                    )
                    return None
        if not isinstance(text_node, yaml.ScalarNode) or not str(text_node.value).strip():
            self.problem(text_node, f"{what}: a cue must be non-empty text")
            return None
        text = str(text_node.value)
        norm = normalize(text)
        why = cue_problem(text, norm)
        if why:
            self.problem(text_node, f"{what}: {why}")
            return None
        return Cue(text, lang, weight, text_node.start_mark.line + 1, norm)


def parse_lexicon(text: str, path: str = "<text>") -> CueLexicon:
    """Parse lexicon YAML; raise `LexiconInvalid` listing every problem."""
    root, problems = compose(text, path)
    if root is None:
        raise LexiconInvalid(problems)
    reader = _Reader(path)
    lexicon = reader.document(root)
    if reader.problems:
        raise LexiconInvalid(reader.problems)
    return lexicon


def load_lexicon(path: Path | str) -> CueLexicon:
    """Read and validate a cue lexicon file; raise `LexiconInvalid` on any problem."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise LexiconInvalid([Problem(name, 0, 0, f"cannot read: {exc.strerror or exc}")]) from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LexiconInvalid(
            [Problem(name, line, 0, "not UTF-8 (save the file as UTF-8)")]
        ) from exc
    return parse_lexicon(text, name)
