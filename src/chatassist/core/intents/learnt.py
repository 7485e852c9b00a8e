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

Scoring is one dictionary probe per part and one product of the parts' weights with
their rows of a parts x labels matrix (numpy, as ``core.detection`` uses): a row holds
``log((count + alpha) / alpha)`` for the labels the part was seen with, 0 for the rest;
the rest of the formula is a per-label constant times the weight of the known parts.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

import numpy as np

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
    out: set[str] = set()
    for word in _words(norm):
        out |= _word_parts(word)
    return out


def weighted_parts(norm: str) -> dict[str, float]:
    """Each part of a normalised message with its weight in `WordPartModel.rank`: the
    parts of one word say much the same thing, so a word's ``k`` parts weigh
    ``1 / k ** WORD_POWER`` each (one rare word's fifteen parts would otherwise outvote
    the rest of the message: "the lamp shade is lovely" is no damaged item)."""
    out: dict[str, float] = {}
    for word in _words(norm):
        found = _word_parts(word)
        weight = 1.0 / len(found) ** WORD_POWER
        for part in found:
            if out.get(part, 0.0) < weight:
                out[part] = weight
    return out


def _words(norm: str) -> list[str]:
    return [w for w in _WORDS.findall(norm.replace(GAP, " ")) if not w.isdigit()]


def _word_parts(word: str) -> set[str]:
    """Runs of 1-3 characters of an unspaced word; a spaced word and its 3-5 letter
    pieces of ``<word>``."""
    if is_unspaced(word):
        return {word[i : i + k] for k in _UNSPACED_RUNS for i in range(len(word) - k + 1)}
    padded = f"<{word}>"
    found = {
        padded[i : i + k]
        for k in range(_PIECES[0], _PIECES[1] + 1)
        for i in range(len(padded) - k + 1)
    }
    found.add(word)
    return found


class WordPartModel:
    """Immutable once trained; `rank` answers label posteriors for a message."""

    def __init__(
        self,
        labels: tuple[str, ...],
        base: tuple[float, ...],
        unseen: tuple[float, ...],
        parts: list[str],
        gains: np.ndarray[Any, np.dtype[np.float32]],
    ) -> None:
        """``gains``: one row per part of ``parts``, ``log((count + alpha) / alpha)`` per
        label (0 where the part was never seen with the label)."""
        self.labels = labels
        self._base = np.asarray(base, dtype=np.float64)  # log prior per label
        # log P(part | label) of a part never seen with the label
        self._unseen = np.asarray(unseen, dtype=np.float64)
        self._rows = {part: i for i, part in enumerate(parts)}
        self._gains = gains

    def __getstate__(self) -> dict[str, Any]:
        # Plain data only (the index's unpickler admits no numpy class), and only the
        # cells a part was seen with: most parts are seen with one label or two.
        at = np.flatnonzero(self._gains).astype(np.int32)
        return {
            "labels": self.labels,
            "base": self._base.tolist(),
            "unseen": self._unseen.tolist(),
            "parts": list(self._rows),
            "at": at.tobytes(),
            "gains": self._gains.ravel()[at].tobytes(),
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        labels = tuple(state["labels"])
        parts = list(state["parts"])
        gains = np.zeros(len(parts) * len(labels), dtype=np.float32)
        gains[np.frombuffer(state["at"], dtype=np.int32)] = np.frombuffer(
            state["gains"], dtype=np.float32
        )
        self.__init__(  # type: ignore[misc]
            labels, state["base"], state["unseen"], parts, gains.reshape(len(parts), len(labels))
        )

    @property
    def part_count(self) -> int:
        return len(self._rows)

    @classmethod
    def train(cls, docs: Iterable[Doc]) -> WordPartModel:
        """Count ``docs``: (labels, text, weight); the first label is the primary one."""
        counts: dict[str, Counter[str]] = defaultdict(Counter)  # label -> part -> count
        totals: dict[str, float] = defaultdict(float)
        priors: dict[str, float] = defaultdict(float)
        for labels, text, weight in docs:
            found = parts(normalize(text))
            for i, label in enumerate(labels):
                share = weight * (1.0 if i == 0 else SECONDARY_SHARE)
                priors[label] += share
                totals[label] += share * len(found)
                if share == 1.0:
                    counts[label].update(found)  # counted in C
                else:
                    counter = counts[label]
                    for part in found:
                        counter[part] += share  # type: ignore[assignment]  # floats do
        labels = tuple(sorted(priors))
        rows: dict[str, int] = {}
        for label in labels:
            for part in counts[label]:
                rows.setdefault(part, len(rows))
        gains = np.zeros((len(rows), len(labels)), dtype=np.float32)
        for j, label in enumerate(labels):
            counter = counts[label]
            if counter:
                at = np.fromiter(
                    (rows[part] for part in counter), dtype=np.intp, count=len(counter)
                )
                n = np.fromiter(counter.values(), dtype=np.float64, count=len(counter))
                gains[at, j] = np.log((n + ALPHA) / ALPHA)
        mass = sum(priors.values())
        base = tuple(math.log(priors[label] / mass) for label in labels)
        unseen = tuple(math.log(ALPHA / (totals[label] + ALPHA * len(rows))) for label in labels)
        return cls(labels, base, unseen, list(rows), gains)

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
        rows: list[int] = []
        weights: list[float] = []
        for part, weight in weighted_parts(norm).items():
            row = self._rows.get(part)
            if row is not None:
                rows.append(row)
                weights.append(weight)
        if not rows:
            return []
        w = np.asarray(weights)
        scores = self._base + w @ self._gains[rows] + w.sum() * self._unseen
        logits = scores / TEMPERATURE
        exp = np.exp(logits - logits.max())
        posterior = (exp / exp.sum()).tolist()
        return sorted(zip(self.labels, posterior, strict=True), key=lambda x: -x[1])

    def telling_parts(self, norm: str, label: str, n: int = 3) -> list[str]:
        """The ``n`` parts of a normalised message that speak most for ``label`` (the
        evidence shown for the model's answer), longest first among equals."""
        if label not in self.labels:
            return []
        want = self.labels.index(label)
        known = [(part, self._rows[part]) for part in parts(norm) if part in self._rows]
        if not known:
            return []
        gains = self._gains[[row for _, row in known]].astype(np.float64)
        mine = gains[:, want].copy()
        gains[:, want] = 0.0
        lead = (mine - gains.max(axis=1)).tolist()
        ranked = sorted(
            ((g, len(part), part) for (part, _), g in zip(known, lead, strict=True) if g > 0),
            reverse=True,
        )
        return [part for _, _, part in ranked[:n]]

    def to_state(self) -> dict[str, Any]:
        """Plain JSON-able data: per part, (label index, gain) of the labels it was seen with."""
        rows, columns = np.nonzero(self._gains)  # row-major: each part's cells together
        values = self._gains[rows, columns].tolist()
        labels = columns.tolist()
        bounds = np.searchsorted(rows, np.arange(len(self._rows) + 1)).tolist()
        table: dict[str, list[float]] = {}
        for part, i in self._rows.items():
            table[part] = [
                x for j in range(bounds[i], bounds[i + 1]) for x in (labels[j], values[j])
            ]
        return {
            "labels": list(self.labels),
            "base": self._base.tolist(),
            "unseen": self._unseen.tolist(),
            "table": table,
        }

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> WordPartModel:
        """Malformed data raises KeyError, TypeError or ValueError."""
        labels = tuple(str(x) for x in state["labels"])
        base = tuple(float(x) for x in state["base"])
        unseen = tuple(float(x) for x in state["unseen"])
        if not len(labels) == len(base) == len(unseen):
            raise ValueError("word-part model: labels and weights differ in number")
        table = state["table"]
        gains = np.zeros((len(table), len(labels)), dtype=np.float32)
        for i, values in enumerate(table.values()):
            if len(values) % 2:
                raise ValueError("word-part model: a part's row is cut short")
            for j in range(0, len(values), 2):
                label = int(values[j])
                if not 0 <= label < len(labels):
                    raise ValueError("word-part model: a part names no label")
                gains[i, label] = float(values[j + 1])
        return cls(labels, base, unseen, [str(key) for key in table], gains)
