"""Scenario statistics learnt from labelled messages: naive Bayes over word parts.

The cue lexicon lists phrasings; customers say the same with other words, endings and
spellings ("si disconnettono", "nagha-hang", "途切れ途切れ"). `WordPartModel` counts, per
scenario, the word parts of labelled example messages (`examples`) and of the lexicon's
cues: for spaced scripts each word and its 3- to 5-letter pieces (``<word>`` padded, so
beginnings and endings are parts of their own), for Han, kana, Hangul and Thai every run
of 1 to 3 characters. A message's scenarios are then ranked by multinomial naive Bayes
over the set of its known parts (Laplace-smoothed), with ``none`` (no request) as a label
of its own.

Naive Bayes treats a message's hundred overlapping parts as independent, so its raw
posteriors are near 0 or 1: the parts of one word share one say (`WORD_POWER`) and
`rank` softens the rest with `TEMPERATURE`. The detector uses
the result as a second opinion on its cue evidence (see ``detector``).

Scoring costs one dictionary probe per part (about 0.1 ms a message): for each part only
the labels it was seen with are stored, as ``log((count + alpha) / alpha)``; the rest of
the formula is a per-label constant times the number of known parts.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from chatassist.core.intents.lexicon import GAP, CueLexicon, is_unspaced
from chatassist.core.intents.normalize import normalize

#: Laplace smoothing added to every (label, part) count
ALPHA = 0.1
#: posteriors are softmax(log-likelihood / TEMPERATURE)
TEMPERATURE = 2.0
#: the parts of a word share its say: each weighs 1 / (parts of the word) ** WORD_POWER
WORD_POWER = 0.5
#: a cue counts as one labelled message of its scenario
CUE_WEIGHT = 1.0
#: the weight of a secondary scenario of an example
SECONDARY_SHARE = 0.5
NO_SCENARIO = "none"
_PIECES = (3, 5)
_UNSPACED_RUNS = (1, 2, 3)
_WORDS = re.compile(r"\w+")

Doc = tuple[tuple[str, ...], str, float]  # labels (primary first), text, weight


def parts(norm: str) -> set[str]:
    """The word parts of a message already passed through `normalize`."""
    return set(weighted_parts(norm))


def weighted_parts(norm: str) -> dict[str, float]:
    """Each part of a normalised message with its weight in `WordPartModel.rank`: the
    parts of one word say much the same thing, so a word's ``k`` parts weigh
    ``1 / k ** WORD_POWER`` each (one rare word's fifteen parts would otherwise outvote
    the rest of the message: "the lamp shade is lovely" is no damaged item)."""
    out: dict[str, float] = {}
    for word in _WORDS.findall(norm.replace(GAP, " ")):
        if word.isdigit():
            continue
        found: set[str] = set()
        if is_unspaced(word):
            for k in _UNSPACED_RUNS:
                found.update(word[i : i + k] for i in range(len(word) - k + 1))
        else:
            found.add(word)
            padded = f"<{word}>"
            for k in range(_PIECES[0], _PIECES[1] + 1):
                found.update(padded[i : i + k] for i in range(len(padded) - k + 1))
        weight = 1.0 / len(found) ** WORD_POWER
        for part in found:
            if out.get(part, 0.0) < weight:
                out[part] = weight
    return out


class WordPartModel:
    """Immutable once trained; `rank` answers label posteriors for a message."""

    def __init__(
        self,
        labels: tuple[str, ...],
        base: tuple[float, ...],
        unseen: tuple[float, ...],
        table: dict[str, tuple[float, ...]],
    ) -> None:
        self.labels = labels
        self._base = base  # log prior per label
        self._unseen = unseen  # log P(part | label) of a part never seen with it
        # part -> (label index, log((count + alpha) / alpha), label index, ...)
        self._table = table

    @property
    def part_count(self) -> int:
        return len(self._table)

    @classmethod
    def train(cls, docs: Iterable[Doc]) -> WordPartModel:
        """Count ``docs``: (labels, text, weight); the first label is the primary one."""
        counts: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        totals: dict[str, float] = defaultdict(float)
        priors: dict[str, float] = defaultdict(float)
        for labels, text, weight in docs:
            found = parts(normalize(text))
            for i, label in enumerate(labels):
                share = weight * (1.0 if i == 0 else SECONDARY_SHARE)
                priors[label] += share
                totals[label] += share * len(found)
                for part in found:
                    counts[part][label] += share
        labels = tuple(sorted(priors))
        if not labels:
            return cls((), (), (), {})
        index = {label: i for i, label in enumerate(labels)}
        vocabulary = len(counts)
        mass = sum(priors.values())
        base = tuple(math.log(priors[label] / mass) for label in labels)
        unseen = tuple(math.log(ALPHA / (totals[label] + ALPHA * vocabulary)) for label in labels)
        table: dict[str, tuple[float, ...]] = {}
        # Counts repeat (1, 1.5, 2...): one float object per value keeps the table small
        # (21 MB -> 9 MB), and pickle keeps the sharing.
        shared: dict[float, float] = {}
        for part, per in counts.items():
            flat: list[float] = []
            for label, n in sorted(per.items()):
                value = math.log((n + ALPHA) / ALPHA)
                flat += [index[label], shared.setdefault(value, value)]
            table[part] = tuple(flat)
        return cls(labels, base, unseen, table)

    @classmethod
    def from_lexicon(
        cls, lexicon: CueLexicon | None, examples: Iterable[tuple[tuple[str, ...], str]]
    ) -> WordPartModel:
        """Trained on labelled messages ((labels, text)) and the lexicon's cues."""
        docs: list[Doc] = [(labels, text, 1.0) for labels, text in examples]
        if lexicon is not None:
            for sid, cues in lexicon.scenarios.items():
                docs += [((sid,), cue.key, CUE_WEIGHT) for cue in cues]
        return cls.train(docs)

    def rank(self, norm: str) -> list[tuple[str, float]]:
        """(label, posterior) best first for a normalised message; empty when none of
        its parts is known."""
        scores = list(self._base)
        known = 0.0
        table = self._table
        for part, weight in weighted_parts(norm).items():
            row = table.get(part)
            if row is None:
                continue
            known += weight
            for i in range(0, len(row), 2):
                scores[int(row[i])] += weight * row[i + 1]
        if not known:
            return []
        logits = [(s + known * u) / TEMPERATURE for s, u in zip(scores, self._unseen, strict=True)]
        top = max(logits)
        exp = [math.exp(x - top) for x in logits]
        total = sum(exp)
        return sorted(zip(self.labels, (e / total for e in exp), strict=True), key=lambda x: -x[1])

    def telling_parts(self, norm: str, label: str, n: int = 3) -> list[str]:
        """The ``n`` parts of a normalised message that speak most for ``label`` (the
        evidence shown for the model's answer), longest first among equals."""
        if label not in self.labels:
            return []
        want = self.labels.index(label)
        gains: list[tuple[float, int, str]] = []
        for part in parts(norm):
            row = self._table.get(part)
            if row is None:
                continue
            mine = next((row[i + 1] for i in range(0, len(row), 2) if int(row[i]) == want), 0.0)
            others = max(
                (row[i + 1] for i in range(0, len(row), 2) if int(row[i]) != want), default=0.0
            )
            if mine > others:
                gains.append((mine - others, len(part), part))
        gains.sort(reverse=True)
        return [part for _, _, part in gains[:n]]

    def to_state(self) -> dict[str, Any]:
        return {
            "labels": list(self.labels),
            "base": list(self._base),
            "unseen": list(self._unseen),
            "table": {k: list(v) for k, v in self._table.items()},
        }

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> WordPartModel:
        """Malformed data raises KeyError, TypeError or ValueError."""
        labels = tuple(str(x) for x in state["labels"])
        base = tuple(float(x) for x in state["base"])
        unseen = tuple(float(x) for x in state["unseen"])
        if not len(labels) == len(base) == len(unseen):
            raise ValueError("word-part model: labels and weights differ in number")
        shared: dict[float, float] = {}
        table: dict[str, tuple[float, ...]] = {}
        for key, values in state["table"].items():
            row = tuple(
                int(x) if i % 2 == 0 else shared.setdefault(float(x), float(x))
                for i, x in enumerate(values)
            )
            if len(row) % 2 or any(not 0 <= row[i] < len(labels) for i in range(0, len(row), 2)):
                raise ValueError("word-part model: a part names no label")
            table[str(key)] = row
        return cls(labels, base, unseen, table)
