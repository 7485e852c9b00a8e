"""Scenario (intent) detection from cue lexicon + phrasebook keywords.

Build once with `IntentDetector.build`, then call `detect` per message; a
call costs a few dictionary probes per word or CJK/Thai character, whatever
the number of entries.

Scoring: every matched cue adds a weight to its scenarios. A lexicon cue adds
its own weight; a phrasebook keyword adds `PHRASEBOOK_WEIGHT` to the primary
scenarios of the entries that list it (half to secondary ones, shared out
when several scenarios' entries list the same keyword). Longer cues weigh
more (`_specificity`); a cue inside a longer matched cue of the same scenario
adds nothing, inside one of another scenario half. With a language hint, cues
of other languages count `OTHER_LANGUAGE_FACTOR` as much. Several cues of a
scenario add up with a decay (`DECAY`); a cue repeated in the message (a double
paste) counts once. Scenarios under `MIN_RAW` are dropped, so a message with no
recognisable intent gets an empty result; after the first, a scenario is kept
only on evidence of its own, because every scenario returned is shown to the
agent as a chip: the chip rules, and the pairs scored as one request (a size
swap, a remedy after a physical problem, the story around a refund awaited), are
in `chips`. When nothing else matched, a sentence of `FALLBACK_MIN_WORDS`+ words
gets its best lone back-off word of a request as a guess. In chit-chat (a chat
marker of the lexicon: laughter, "ok I see", "btw my name is") a scenario needs
`CHAT_MIN_RAW` and no guess is made.

Second opinion (optional, ``model``): a naive Bayes model of word parts learnt from
labelled messages and the cues (`learnt`) reads every message too. Cues are precise but
miss phrasings no cue lists; the model generalises over endings and synonyms it saw in
examples but is vaguer. So the cues' chips stand, except that: a weak first chip in what
the model reads as chit-chat goes (`opinion`); a chip on weak evidence, or a later
chip, that the model finds absurd goes; the model's confident best scenario joins when the cues
missed it and no chip rule hides it, and leads when surer still and
the cues' first chip rests on thin evidence (thresholds in `opinion`).

Message urgency (`Urgency`): ELEVATED for "!!!" or an urgency cue of the
lexicon ("urgent", "asap"), or when complaint_escalation matched; HIGH for a
threat cue (chargeback, lawyer, authorities, bad review) or when
product_safety matched. ``urgency_evidence`` says which.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, NamedTuple

from chatassist.core.intents.chips import (
    CONVERSATION,
    SIZE_NAMED,
    SIZE_NAMED_FACTOR,
    SWAP,
    SWAP_FACTOR,
    VARIANT_MIN_WEIGHT,
    Ranked,
    context_factor,
    overlap,
    shown_after,
)
from chatassist.core.intents.learnt import WordPartModel
from chatassist.core.intents.lexicon import ANY_LANGUAGE, GAP, CueLexicon, cue_problem, is_unspaced
from chatassist.core.intents.matcher import Hit, Matcher, Prepared, prepare
from chatassist.core.intents.normalize import normalize
from chatassist.core.intents.opinion import second_opinion
from chatassist.core.intents.result import (
    LEXICON,
    PHRASEBOOK,
    QUESTION,
    WORD,
    Evidence,
    IntentResult,
    ScenarioMatch,
    Urgency,
)
from chatassist.core.phrasebook.model import GENERAL_TAG, Entry
from chatassist.core.scenarios import SCENARIO_IDS, is_urgent

PHRASEBOOK_WEIGHT = 0.8
SECONDARY_SHARE = 0.5
OTHER_LANGUAGE_FACTOR = 0.8
NESTED_OTHER_FACTOR = 0.5
DECAY = 0.8
MIN_RAW = 0.35
FIRST_MENTION_FACTOR = 1.15
BACKOFF_WEIGHT = 0.4
BACKOFF_MIN_LETTERS = 4
#: Thai back-off units are this many characters: two Thai letters (or a letter and
#: its vowel mark) are not yet a syllable, so pairs vote at random.
THAI_UNIT = 5
#: With no other evidence, a lone back-off word of a request this strong is shown, in a
#: message of at least FALLBACK_MIN_WORDS words (a guess beats an empty sidebar).
FALLBACK_MIN = 0.25
FALLBACK_MIN_WORDS = 4
FALLBACK_MAX_ENDING = 2
#: A lone word guesses only with this many letters: shorter back-off words are mostly
#: function words ("alle", "trop", "dari", "pode", "меня").
GUESS_MIN_LETTERS = 5
#: A question of QUESTION_MIN_WORDS+ words in which nothing matched, outside chit-chat, is
#: most likely about the product (how to use it, what it is made of, whether it fits X):
#: product_question is shown as a guess this strong.
QUESTION_GUESS_RAW = 0.2
QUESTION_MIN_WORDS = 3
#: In chit-chat (a chat marker of the lexicon: laughter, "ok I see", "btw my name is")
#: a scenario needs this much evidence, and no lone-word guess is made.
CHAT_MIN_RAW = 0.7
#: Source of a chat marker's target: it names no scenario.
CHAT = "chat"

_LANGUAGE_GROUPS = {"id": "id/ms", "ms": "id/ms", "zh-Hans": "zh", "zh-Hant": "zh"}
_URGENCY_LEVEL = {"elevated": Urgency.ELEVATED, "high": Urgency.HIGH}
_SCENARIO_URGENCY = {"product_safety": Urgency.HIGH, "complaint_escalation": Urgency.ELEVATED}
_EXCLAIM = re.compile(r"!{3,}|[!?]{4,}")
_ANY = frozenset([ANY_LANGUAGE])
_WORDS = re.compile(r"\w+")
# A question mark, a question ending of Japanese, Chinese, Thai or Korean at the end, or
# Vietnamese "được không" typed without diacritics ("dung duoc ko").
_QUESTION = re.compile(
    r"[?？؟]|(?:か|吗|嗎|(?:ไหม|มั้ย|มั๊ย)(?:คะ|ครับ|ค่ะ|ฮะ)?|나요|까요)\W*$|\b(?:duoc|dc) (?:ko|khong|k)\b"
)
_THAI = re.compile("[\u0e00-\u0e7f]")
_ORDER = {sid: i for i, sid in enumerate(SCENARIO_IDS)}


class _Target(NamedTuple):
    scenario: str  # scenario id, or urgency level when ``urgency``
    weight: float
    source: str
    text: str
    languages: frozenset[str]
    entry_id: str | None = None
    urgency: bool = False


def _group(lang: str) -> str:
    return _LANGUAGE_GROUPS.get(lang, lang)


class IntentDetector:
    """Detects scenarios in customer messages; immutable once built."""

    def __init__(
        self,
        matcher: Matcher,
        targets: list[list[_Target]],
        model: WordPartModel | None = None,
    ) -> None:
        self._matcher = matcher
        self._targets = targets
        self._gapped = [GAP in p.text for p in matcher.patterns]
        self.model = model

    @property
    def pattern_count(self) -> int:
        return len(self._matcher.patterns)

    @classmethod
    def build(
        cls,
        lexicon: CueLexicon | None,
        entries: Iterable[Entry] = (),
        model: WordPartModel | None = None,
    ) -> IntentDetector:
        """Index the lexicon's cues and the entries' keywords (either may be empty);
        ``model`` (optional) gives a second opinion on each message (`learnt`)."""
        matcher = Matcher()
        targets: list[list[_Target]] = []
        specificity: dict[int, float] = {}

        def add(norm: str, target: _Target) -> None:
            pid = matcher.add(norm)
            if pid is None:
                return
            if pid == len(targets):
                targets.append([])
                pattern = matcher.patterns[pid]
                specificity[pid] = _specificity(pattern.size, pattern.substring)
            targets[pid].append(target._replace(weight=target.weight * specificity[pid]))

        if lexicon is not None:
            for sid, cues in lexicon.scenarios.items():
                for cue in cues:
                    langs = frozenset([cue.language])
                    add(cue.key, _Target(sid, cue.weight, LEXICON, cue.text, langs))
            for level, cues in lexicon.urgency.items():
                for cue in cues:
                    langs = frozenset([cue.language])
                    target = _Target(level, cue.weight, LEXICON, cue.text, langs, urgency=True)
                    add(cue.key, target)
            for cue in lexicon.chat:
                add(cue.key, _Target("", 0.0, CHAT, cue.text, frozenset([cue.language])))
            for norm, target in _word_targets(lexicon):
                add(norm, target)
        for norm, target in _keyword_targets(entries):
            add(norm, target)
        return cls(matcher, targets, model)

    def to_state(self) -> dict[str, Any]:
        """The built detector as plain JSON-able data, to persist (``from_state``)."""
        return {
            "matcher": self._matcher.to_state(),
            "targets": [
                [
                    [
                        t.scenario,
                        t.weight,
                        t.source,
                        t.text,
                        sorted(t.languages),
                        t.entry_id,
                        t.urgency,
                    ]
                    for t in ts
                ]
                for ts in self._targets
            ],
            "model": self.model.to_state() if self.model is not None else None,
        }

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> IntentDetector:
        """The detector ``to_state`` was taken from; malformed data raises KeyError,
        TypeError or ValueError (a cache then rebuilds)."""
        matcher = Matcher.from_state(state["matcher"])
        languages: dict[tuple[str, ...], frozenset[str]] = {}

        def langs(codes: list[str]) -> frozenset[str]:
            key = tuple(codes)
            found = languages.get(key)
            if found is None:
                found = languages[key] = frozenset(map(str, codes))
            return found

        targets = [
            [
                _Target(s, float(w), src, txt, langs(ls), eid, bool(urg))
                for s, w, src, txt, ls, eid, urg in ts
            ]
            for ts in state["targets"]
        ]
        if len(targets) != len(matcher.patterns):
            raise ValueError("intent state: targets and patterns differ in number")
        model = state["model"]
        return cls(matcher, targets, WordPartModel.from_state(model) if model else None)

    def detect(self, text: str, language: str | None = None) -> IntentResult:
        """Ranked scenarios for ``text``; ``language`` (optional) favours that language's cues."""
        norm = normalize(text)
        if not norm:
            return IntentResult(text, ())
        prepared = prepare(norm)
        hits = self._matcher.find(prepared)
        hint = _group(language) if language else None
        per_scenario: dict[str, list[tuple[Hit, float, _Target]]] = defaultdict(list)
        urgency = Urgency.ELEVATED if _EXCLAIM.search(text) else Urgency.NONE
        urgency_evidence: list[str] = ["!!!"] if urgency else []
        seen_patterns: set[int] = set()
        chat = False
        for hit in hits:
            if hit.pattern in seen_patterns:
                continue  # the same cue again ("where is my order where is my order")
            seen_patterns.add(hit.pattern)
            for t in self._targets[hit.pattern]:
                if t.source == CHAT:
                    chat = True
                    continue
                if t.urgency:
                    level = _URGENCY_LEVEL[t.scenario]
                    urgency = max(urgency, level)
                    urgency_evidence.append(t.text)
                    continue
                w = t.weight
                if (
                    hint
                    and ANY_LANGUAGE not in t.languages
                    and hint not in {_group(x) for x in t.languages}
                ):
                    w *= OTHER_LANGUAGE_FACTOR
                per_scenario[t.scenario].append((hit, w, t))
        guess_in = prepared if _long_enough(norm, FALLBACK_MIN_WORDS) and not chat else None
        matches = self._score(per_scenario, hits, guess_in, chat)
        if not matches and not chat and _long_enough(norm, QUESTION_MIN_WORDS):
            matches = _question_guess(norm)
        if self.model is not None:
            matches = second_opinion(matches, self.model, norm)
        for m in matches:
            # A safety concern is always urgent; an escalating customer at least presses.
            implied = _SCENARIO_URGENCY.get(m.id)
            if implied is not None and implied > urgency:
                urgency = implied
                urgency_evidence.append(m.id)
        return IntentResult(text, tuple(matches), urgency, tuple(dict.fromkeys(urgency_evidence)))

    def _ranked(self, raw: float, sid: str, kept: list[tuple[Hit, float, _Target]]) -> Ranked:
        evidence = tuple(
            Evidence(
                t.text,
                t.source,
                sorted(t.languages)[0],
                round(w, 3),
                self._matcher.patterns[h.pattern].text,
                t.entry_id,
            )
            for h, w, t in kept
        )
        first = min(h.span[0] for h, _, _ in kept)
        return (raw, kept[0][1], -_ORDER.get(sid, 99), first, sid, evidence)

    def _score(
        self,
        per_scenario: dict[str, list[tuple[Hit, float, _Target]]],
        hits: list[Hit],
        sentence: Prepared | None = None,
        chat: bool = False,
    ) -> list[ScenarioMatch]:
        min_raw = CHAT_MIN_RAW if chat else MIN_RAW
        # Containers for NESTED_OTHER_FACTOR; a cue with a gap does not own the words in it.
        # A chat marker owns its words too ("scusa il ritardo", "xin loi": no late parcel).
        scored_hits = [
            h
            for h in hits
            if not self._gapped[h.pattern] and any(not t.urgency for t in self._targets[h.pattern])
        ]
        ranked: list[Ranked] = []
        kept_per: dict[str, list[tuple[Hit, float, _Target]]] = {}
        hits_of: dict[str, list[Hit]] = {}
        fallback: list[tuple[float, str, list[tuple[Hit, float, _Target]]]] = []
        for sid, items in per_scenario.items():
            # Best target per span, longest spans first.
            best: dict[tuple[bool, tuple[int, int]], tuple[Hit, float, _Target]] = {}
            for item in items:
                key = (item[0].substring, item[0].span)
                if key not in best or item[1] > best[key][1]:
                    best[key] = item
            kept: list[tuple[Hit, float, _Target]] = []
            for hit, w, t in sorted(best.values(), key=lambda x: -(x[0].span[1] - x[0].span[0])):
                container = next((i for i, k in enumerate(kept) if hit.within(k[0])), None)
                if container is not None:
                    # Covered by a longer cue of this scenario: counts once, at the higher weight.
                    k_hit, k_w, k_t = kept[container]
                    if w > k_w:
                        kept[container] = (k_hit, w, k_t)
                    continue
                if _unit_of_a_kept_word(hit, t, kept):
                    continue
                own = {k[0].span for k in kept}
                if any(
                    hit.within(o) and o.span != hit.span and o.span not in own for o in scored_hits
                ):
                    w *= NESTED_OTHER_FACTOR
                kept.append((hit, w, t))
            kept.sort(key=lambda x: -x[1])
            kept_per[sid] = kept
        exchange, size = SWAP
        size_problem = any(
            t.source == LEXICON and w >= VARIANT_MIN_WEIGHT for _, w, t in kept_per.get(size, [])
        )
        if exchange in kept_per and size_problem:
            size_hits = [h for h, _, _ in kept_per[size]]
            own_ex = [k for k in kept_per[exchange] if not any(overlap(k[0], h) for h in size_hits)]
            if own_ex:
                kept_per[exchange] = [(h, w * SWAP_FACTOR, t) for h, w, t in own_ex]
            else:
                del kept_per[exchange]
        if size in kept_per and not size_problem and not SIZE_NAMED.isdisjoint(kept_per):
            # "is the pink one in 36 sold out?": the size named is the variant asked for
            kept_per[size] = [(h, w * SIZE_NAMED_FACTOR, t) for h, w, t in kept_per[size]]
        for sid, kept in kept_per.items():
            raw = sum(w * DECAY**i for i, (_, w, _) in enumerate(kept))
            raw *= context_factor(sid, kept_per)
            lone_word = len(kept) < 2 and kept[0][2].source == WORD
            if raw < min_raw or lone_word or (chat and _only_spaced_words(kept)):
                if (
                    sentence is not None
                    and raw >= FALLBACK_MIN
                    and sid not in CONVERSATION
                    and _whole_word(kept[0][0], kept[0][2], sentence)
                ):
                    fallback.append((raw, sid, kept))
                continue  # too weak, or one back-off word alone ("my name is...")
            ranked.append(self._ranked(raw, sid, kept))
            hits_of[sid] = [h for h, _, _ in kept]
        if not ranked and fallback:
            # Nothing else in a real sentence: the best lone back-off word of a request
            # is a guess worth a chip (chat like "ok noted" stays empty).
            raw, sid, kept = max(fallback, key=lambda f: f[0])
            ranked.append(self._ranked(raw, sid, kept))
        if len(ranked) > 1:
            # Customers tend to say what they want first ("refund? the parcel never
            # came"): the earliest-mentioned request gets a small lift.
            earliest = min(r[3] for r in ranked)
            ranked = [
                (r[0] * FIRST_MENTION_FACTOR if r[3] == earliest else r[0], *r[1:]) for r in ranked
            ]
        ranked.sort(key=lambda r: (r[0], r[1], r[2]), reverse=True)
        shown = ranked[:1]
        for r in ranked[1:]:
            if shown_after(r[4], r[0], r[5], hits_of, self._gapped, shown):
                shown.append(r)
        return [
            ScenarioMatch(
                sid, round(1 - math.exp(-raw), 3), is_urgent(sid), evidence, round(raw, 3)
            )
            for raw, _w, _order, _first, sid, evidence in shown
        ]


def _question_guess(norm: str) -> list[ScenarioMatch]:
    """product_question as a guess for a question nothing else explains, or nothing."""
    found = _QUESTION.search(norm)
    if found is None:
        return []
    raw = QUESTION_GUESS_RAW
    evidence = Evidence(found.group(0).strip(), QUESTION, ANY_LANGUAGE, raw)
    return [
        ScenarioMatch("product_question", round(1 - math.exp(-raw), 3), False, (evidence,), raw)
    ]


def _unit_of_a_kept_word(hit: Hit, target: _Target, kept: list[tuple[Hit, float, _Target]]) -> bool:
    """A Thai back-off unit overlapping one already kept for the scenario: the 5-character
    units of one word ("รองเท", "องเท้", "งเท้า") count once, not once each (Han, kana and
    Hangul pairs are shorter than a word and add up as before)."""
    return (
        target.source == WORD
        and hit.substring
        and _THAI.search(target.text) is not None
        and any(t.source == WORD and overlap(hit, h) for h, _, t in kept)
    )


def _only_spaced_words(kept: list[tuple[Hit, float, _Target]]) -> bool:
    """Evidence of back-off words alone ("hand", "with") in a spaced script: in chit-chat
    that is no request (Han, kana, Hangul and Thai units add up as a word would)."""
    return all(t.source == WORD and not h.substring for h, _, t in kept)


def _whole_word(hit: Hit, target: _Target, sentence: Prepared) -> bool:
    """A back-off word that is the message's word, or it with an ending ("refund",
    "refunds"), not the start of an unrelated longer word ("sola" in "solare"); CJK and
    Thai character pairs are too loose for a guess."""
    if hit.substring or target.source != WORD:
        return False
    word = sentence.words[hit.span[0]][0]
    return (
        len(target.text) >= GUESS_MIN_LETTERS
        and len(word) <= len(target.text) + FALLBACK_MAX_ENDING
    )


def _long_enough(norm: str, words: int) -> bool:
    """A sentence rather than chat: ``words`` words, or 2.5 times as many Han, kana,
    Hangul or Thai characters."""
    unspaced = sum(1 for c in norm if is_unspaced(c) and unicodedata.category(c) != "Mn")
    return len(_WORDS.findall(norm)) >= words or unspaced >= 2.5 * words


def _specificity(size: int, substring: bool) -> float:
    """Longer cues are more telling: words for spaced scripts, characters otherwise."""
    if substring:
        return min(1.5, 0.7 + 0.1 * size)
    return min(1.5, 0.9 + 0.2 * (size - 1))


def _word_targets(lexicon: CueLexicon) -> list[tuple[str, _Target]]:
    """Back-off: the single words (CJK/Thai: character pairs) of the lexicon's cues.

    A word that mostly occurs in one scenario's cues ("отправлен", "reembolso",
    "入荷") weakly votes for it, so phrasings no whole cue covers still get
    an answer. Words spread over several scenarios vote for none.
    """
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for sid, cues in lexicon.scenarios.items():
        for cue in cues:
            for unit in _units(cue.key):
                counts[unit][sid] += 1
    out: list[tuple[str, _Target]] = []
    for unit, per in counts.items():
        total = sum(per.values())
        for sid, n in per.items():
            # Hello, thanks and "one moment" are set phrases: a word they merely share
            # ("okay", "ไหมคะ") is no evidence of them.
            if n * 2 > total and sid not in CONVERSATION:
                target = _Target(sid, BACKOFF_WEIGHT * n / total, WORD, unit, _ANY)
                out.append((unit, target))
    return out


def _units(norm: str) -> set[str]:
    if is_unspaced(norm):
        chars = [c for c in norm if is_unspaced(c) and unicodedata.category(c) != "Mn"]
        text = "".join(c for c in norm.replace(GAP, " ") if not c.isspace())
        size = THAI_UNIT if _THAI.search(norm) else 2
        return (
            {
                text[i : i + size]
                for i in range(len(text) - size + 1)
                if all(is_unspaced(c) for c in text[i : i + size])
            }
            if chars
            else set()
        )
    return {w for w in _WORDS.findall(norm) if len(w) >= BACKOFF_MIN_LETTERS and not w.isdigit()}


def _keyword_targets(entries: Iterable[Entry]) -> list[tuple[str, _Target]]:
    """One target per (keyword, scenario), shared out over the entries listing it."""
    per_key: dict[str, list[Entry]] = defaultdict(list)
    langs: dict[str, set[str]] = defaultdict(set)
    raw: dict[str, str] = {}  # normalised -> first spelling seen, for evidence
    seen_words: dict[str, str | None] = {}  # raw keyword -> normalised, None if unusable
    for entry in entries:
        if GENERAL_TAG in entry.tags:
            continue  # general replies fit any message: their keywords are for search only
        for lang, words in entry.keywords.items():
            for word in words:
                key = seen_words.get(word, "")
                if key == "":
                    norm = normalize(word)
                    key = seen_words[word] = None if cue_problem(word, norm) else norm
                if key is None:
                    continue
                listed = per_key[key]
                if not listed or listed[-1] is not entry:
                    listed.append(entry)
                langs[key].add(lang)
                raw.setdefault(key, word)
    out: list[tuple[str, _Target]] = []
    for key, listed in per_key.items():
        key_langs = frozenset(langs[key])
        # scenario -> [summed share, best share, entry id (a primary one when any)]
        acc: dict[str, list[Any]] = {}
        for entry in listed:
            for i, sid in enumerate(entry.scenarios):
                share = 1.0 if i == 0 else SECONDARY_SHARE
                slot = acc.get(sid)
                if slot is None:
                    acc[sid] = [share, share, entry.id]
                    continue
                slot[0] += share
                if share > slot[1]:
                    slot[1], slot[2] = share, entry.id
        top = max(v[0] for v in acc.values())
        for sid, (total, best_share, entry_id) in acc.items():
            weight = PHRASEBOOK_WEIGHT * min(best_share, total / top)
            out.append((key, _Target(sid, weight, PHRASEBOOK, raw[key], key_langs, entry_id)))
    return out
