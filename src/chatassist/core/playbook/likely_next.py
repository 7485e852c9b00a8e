"""Hidden-intent hints: what a customer is likely to need next, with a prepared reply.

Declared in ``resources/likely_next.yaml``::

    format: 1
    hints:
      - id: warranty_then_fault
        when:                       # every condition given must hold
          words:                    # the message holds one of these (any language)
            en: [warranty, guarantee]
          scenarios: [size_fit]     # one of these is among the detected scenarios
          order_age_days: {at_least: 10}   # days since the order (set by the agent)
        next: product_fault         # the scenario that often follows
        reply: product_fault.troubleshooting   # a reply entry, prepared for the agent
        note: {zh-Hans: ..., en: ...}          # for the agent: why

The pipeline leaves a hint out when its reply is already the first suggestion.
Words match like intent cues: accent- and case-insensitive, whole words from
their start for spaced scripts ("warrant" matches "warranty"), substrings for
Chinese, Japanese, Korean and Thai.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import yaml

from chatassist.core.intents.lexicon import cue_problem, is_unspaced
from chatassist.core.intents.normalize import normalize
from chatassist.core.languages import CUSTOMER_LANGUAGES
from chatassist.core.playbook.reading import (
    PlaybookReader,
    agent_note,
    missing_replies,
    read_root,
)
from chatassist.core.playbook.situation import Situation
from chatassist.core.scenarios import SCENARIO_IDS
from chatassist.core.yaml_reader import Problem

_CONDITIONS = ("words", "scenarios", "order_age_days")


@dataclass(frozen=True)
class Hint:
    id: str
    next: str
    reply: str
    note: dict[str, str]
    words: tuple[str, ...] = ()  # normalised
    scenarios: tuple[str, ...] = ()
    min_order_age_days: int | None = None
    line: int = 0  # of the ``reply`` field


@dataclass(frozen=True)
class LikelyNext:
    hint: str
    scenario: str
    entry_id: str
    note: str  # in the agent's language
    reason: str  # note + what held


@dataclass(frozen=True)
class LikelyNextHints:
    path: str
    hints: tuple[Hint, ...]

    def find(self, situation: Situation, agent_language: str = "zh-Hans") -> list[LikelyNext]:
        norm = normalize(situation.text) if situation.text else ""
        out: list[LikelyNext] = []
        for hint in self.hints:
            held = _holds(hint, situation, norm)
            if held is None:
                continue
            note = agent_note(hint.note, agent_language)
            out.append(
                LikelyNext(hint.id, hint.next, hint.reply, note, f"{note} ({'; '.join(held)})")
            )
        return out

    def check_references(self, entry_ids: Collection[str]) -> list[Problem]:
        return missing_replies(
            self.path, "hint", ((h.id, h.reply, h.line) for h in self.hints), entry_ids
        )


def _holds(hint: Hint, s: Situation, norm: str) -> list[str] | None:
    held: list[str] = []
    if hint.words:
        found = next((w for w in hint.words if _contains(norm, w)), None)
        if found is None:
            return None
        held.append(f"the message says '{found}'")
    if hint.scenarios:
        hit = [sid for sid in s.strong_scenarios() if sid in hint.scenarios]
        if not hit:
            return None
        held.append(f"scenario {hit[0]}")
    if hint.min_order_age_days is not None:
        if s.order_age_days is None or s.order_age_days < hint.min_order_age_days:
            return None
        held.append(f"ordered {s.order_age_days} days ago")
    return held


def _contains(norm: str, word: str) -> bool:
    if is_unspaced(word):
        return word in norm
    return re.search(rf"(?:^|[^\w]){re.escape(word)}", norm) is not None


def load_likely_next(path: Path) -> LikelyNextHints:
    """Read and validate the hints; raise ``PlaybookInvalid`` listing every problem."""
    root = read_root(path)
    reader = _HintsReader(str(path))
    hints = reader.read(root)
    reader.finish(str(path))
    return LikelyNextHints(str(path), tuple(hints))


class _HintsReader(PlaybookReader):
    def read(self, root: yaml.Node) -> list[Hint]:
        top = self.header(root, "hints", ())
        if top is None or "hints" not in top:
            return []
        node = top["hints"][1]
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, "hints must be a list")
            return []
        out: list[Hint] = []
        seen: dict[str, int] = {}
        for item in node.value:
            hint = self._hint(item)
            if hint is None:
                continue
            if hint.id in seen:
                self.problem(
                    item, f"hint id '{hint.id}' is used twice (first at line {seen[hint.id]})"
                )
                continue
            seen[hint.id] = item.start_mark.line + 1
            out.append(hint)
        return out

    def _hint(self, node: yaml.Node) -> Hint | None:
        names = ("id", "when", "next", "reply", "note")
        fields = self.mapping(node, "hint", names, names)
        if fields is None:
            return None
        hint_id = self.ident(fields["id"][1], "hint id") if "id" in fields else None
        what = f"hint {hint_id}" if hint_id else "hint"
        nxt = None
        if "next" in fields:
            nxt = self.text(fields["next"][1], f"{what}: next")
            if nxt is not None and nxt not in SCENARIO_IDS:
                self.problem(
                    fields["next"][1],
                    f"{what}: unknown scenario '{nxt}' (known: {', '.join(SCENARIO_IDS)})",
                )
                nxt = None
        reply = self.ident(fields["reply"][1], f"{what}: reply") if "reply" in fields else None
        note = self.agent_texts(fields["note"][1], f"{what}: note") if "note" in fields else {}
        words: list[str] = []
        scenarios: tuple[str, ...] = ()
        min_age: int | None = None
        if "when" in fields:
            when_node = fields["when"][1]
            when = self.mapping(when_node, f"{what}: when", (), _CONDITIONS)
            if when is not None and not when:
                self.problem(when_node, f"{what}: when needs at least one condition")
            for name, (_, value_node) in (when or {}).items():
                if name == "scenarios":
                    scenarios = self.codes(value_node, "scenarios", SCENARIO_IDS, "scenario")
                elif name == "words":
                    words = self._words(value_node, what)
                else:
                    age = self.mapping(
                        value_node, f"{what}: order_age_days", ("at_least",), ("at_least",)
                    )
                    if age and "at_least" in age:
                        min_age = self.integer(
                            age["at_least"][1], f"{what}: order_age_days at_least", 1
                        )
        if hint_id is None or nxt is None or reply is None or len(note) < 2 or "when" not in fields:
            return None
        return Hint(
            hint_id,
            nxt,
            reply,
            note,
            tuple(words),
            scenarios,
            min_age,
            fields["reply"][1].start_mark.line + 1,
        )

    def _words(self, node: yaml.Node, what: str) -> list[str]:
        per_language = self.mapping(node, f"{what}: words", (), CUSTOMER_LANGUAGES)
        out: list[str] = []
        for _lang, (_, list_node) in (per_language or {}).items():
            for item, word in self.text_list(list_node, f"{what}: words"):
                norm = normalize(word)
                problem = cue_problem(word, norm)
                if problem:
                    self.problem(item, f"{what}: {problem}")
                elif norm not in out:
                    out.append(norm)
        return out
