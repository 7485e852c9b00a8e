"""The language detector agents rely on for short customer messages.

How a message is judged (the combination was chosen by measurement, see
bench/langid_eval.py and docs/benchmarks.md):

1. cleaning: links, codes, amounts, emoji... are removed (`cleaning`);
   nothing left means an unknown, uncertain result;
2. script: Hangul, kana, Thai, Arabic and Cyrillic each belong to one
   customer language; Han is Chinese or Japanese; Latin goes to step 3;
3. for the candidates of the script, py3langid's naive Bayes scores plus
   lingua's low-accuracy log-probabilities (weighted more on short texts,
   where py3langid's byte n-grams know least; skipped past 64 bytes), plus hand-written cue words
   and alphabet rules for Latin (`cues`), scaled by text length, give a
   softmax; Indonesian vs Malay cues then re-split the id+ms probability;
   for Latin, how common the message's words are in each language
   (`word_frequency`) then weighs in: a news word "gobierno" is Spanish
   whatever its letters look like;
4. the chat lexicon (`lexicon`, when given): a message made only of one
   language's chat words ("vlw", "返金?") goes to that language, firmly; made
   of words several languages share ("terima kasih"), to the best of them with
   the others in ``ambiguous_with``; chat words in a longer message add
   evidence like cue words; kanji only Japanese writes (発, 様) count for ja;
5. Chinese is split into zh-Hans / zh-Hant by character sets (`scripts`);
6. the top probability is mapped to an honest confidence (`calibration`).

A message is judged on its first `Tuning.max_judged_chars` cleaned characters.
Construction is free; `warm_up()` loads the models (about a second on a quiet
machine, the word lists 0.3-0.5 s of it) and may run on a worker thread.
Otherwise `detect` loads on first use only the voters the message consults
(a Latin message never waits for langdetect's Chinese profiles).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from math import exp, log
from pathlib import Path

from chatassist.core.detection import calibration, cues, scripts
from chatassist.core.detection.backends import (
    LangdetectModel,
    LinguaModel,
    Py3LangidModel,
    softmax,
)
from chatassist.core.detection.cleaning import clean_for_detection, has_letters
from chatassist.core.detection.lexicon import ChatLexicon, LexiconMatch
from chatassist.core.detection.result import Candidate, Detection, unknown_detection
from chatassist.core.detection.word_frequency import WordFrequencyModel, words_of

#: Languages an agent may not be able to tell apart on short text.
CLOSE_PAIRS: dict[str, str] = {"id": "ms", "ms": "id", "zh-Hans": "zh-Hant", "zh-Hant": "zh-Hans"}

_SCRIPT_CANDIDATES: dict[str, tuple[str, ...]] = {
    scripts.LATIN: cues.LATIN_LANGUAGES,
    scripts.HAN: ("zh", "ja"),
    **{script: (lang,) for script, lang in scripts.SINGLE_LANGUAGE_SCRIPTS.items()},
}
_ALL = (*cues.LATIN_LANGUAGES, "ru", "ar", "ja", "ko", "zh", "th")
_NO_FEATURES = -1e30
#: Longer input (a pasted document) is cut before cleaning, bounding its cost.
MAX_MESSAGE_CHARS = 4000
_LN10 = log(10.0)
_LINGUA_FLOOR = 1e-3  # lingua gives 0 to languages it rules out: a bounded penalty


@dataclass(frozen=True)
class Tuning:
    """Weights of the combination; the defaults are the measured best
    (coordinate search on the tuning half, bench/langid_eval.py)."""

    langdetect_weight: float = 0.0  # > 0 loads all langdetect profiles as a voter
    lingua_weight_short: float = 1.5  # times lingua's log-probability, up to short_bytes
    lingua_weight_long: float = 0.25
    short_bytes: int = 16
    lingua_max_bytes: int = 64  # longer texts: lingua changed no answer, so it is skipped
    cue_weight: float = 4.0
    letter_weight: float = 3.0
    malay_weight: float = 1.0  # log-odds ms:id per net Malay-minus-Indonesian cue
    temperature_power: float = 0.5  # softmax temperature = (UTF-8 bytes) ** power
    han_chinese_bias: float = 2.0  # Japanese without any kana is rare
    script_confidence: float = 0.99  # for scripts written by one customer language
    variant_votes_confidence: float = 0.97  # zh variant decided by its characters
    lexicon_weight: float = 4.0  # per word of a longer message the chat lexicon knows
    japanese_kanji_weight: float = 3.0  # per kanji only Japanese writes (発, 様, 込)
    lexicon_probability: float = 0.9999  # of the language(s) a whole message's words belong to
    lexicon_max_shared: int = 3  # a message of words more languages share says nothing
    # Score + weight * ln(word frequency), before the softmax; unlisted words count as 10 ** floor.
    word_frequency_weight: float = 2.0
    word_frequency_floor: float = -8.0
    word_frequency_max_words: int = 12  # longer texts: the voters know enough
    max_judged_chars: int = 200  # of the cleaned text; beyond, answers did not change


@dataclass(frozen=True)
class Scored:
    """Step 1-3 of a detection: what calibration and the benchmark work on."""

    cleaned: str
    script: str
    probabilities: dict[str, float]  # over the script's candidates, zh not yet split
    langdetect: dict[str, float] = field(default_factory=dict)  # raw log-likelihoods
    shared: frozenset[str] = frozenset()  # languages whose chat words the whole message is


class LanguageDetector:
    """Detects the customer language of chat messages. Thread-safe after `warm_up`."""

    def __init__(
        self,
        tuning: Tuning | None = None,
        *,
        use_langdetect: bool = True,
        use_lingua: bool = True,
        use_word_frequency: bool = True,
        calibration_table: tuple[tuple[float, float], ...] = calibration.CALIBRATION,
        uncertain_below: float = calibration.UNCERTAIN_BELOW,
        lexicon: ChatLexicon | Callable[[], ChatLexicon] | None = None,
        model_cache: Path | None = None,
    ) -> None:
        """``lexicon``: the chat lexicon, or a function that loads it on first use.
        ``model_cache``: a folder where models slow to unpack or build are kept ready
        to read (py3langid's, `py3langid_cache`; the word frequency table,
        `word_frequency`); None reads the shipped ones each time."""
        self.tuning = tuning or Tuning()
        self._lexicon_loader = lexicon if callable(lexicon) else None
        self.lexicon: ChatLexicon | None = None if callable(lexicon) else lexicon
        self.uncertain_below = uncertain_below
        self._table = calibration_table
        self._py3 = Py3LangidModel(model_cache)
        # Without a langdetect vote only its zh-cn / zh-tw profiles are needed.
        ld_languages = None if self.tuning.langdetect_weight else ("zh-cn", "zh-tw")
        self._langdetect = (
            (LangdetectModel(0, ld_languages) if ld_languages else LangdetectModel(0))
            if use_langdetect
            else None
        )
        self._lingua = LinguaModel() if use_lingua else None
        self._words = (
            WordFrequencyModel(cues.LATIN_LANGUAGES, cache=model_cache)
            if use_word_frequency and self.tuning.word_frequency_weight
            else None
        )
        self._lock = threading.Lock()

    @property
    def is_warm(self) -> bool:
        return (
            self._py3.loaded
            and (self._langdetect is None or self._langdetect.loaded)
            and (self._lingua is None or self._lingua.loaded)
            and (self._words is None or self._words.loaded)
            and self._lexicon_loader is None
        )

    def warm_up(self) -> None:
        """Load every model now (slow: call from a worker thread in the GUI)."""
        self._load(py3=True, langdetect=True, lingua=True, words=True)

    def _load(self, *, py3: bool, langdetect: bool, lingua: bool, words: bool) -> None:
        """Load the models asked for (and the chat lexicon) that are not loaded yet.

        `score` asks only for the voters the message at hand consults, so a first
        message in a fresh process (``chatassist suggest``) does not wait for the
        others; a model's scores do not depend on when it was loaded."""
        with self._lock:
            if py3:
                self._py3.load()
            if langdetect and self._langdetect is not None:
                self._langdetect.load()
            if lingua and self._lingua is not None:
                self._lingua.load()
            if words and self._words is not None:
                self._words.load()
            if self._lexicon_loader is not None:
                self.lexicon = self._lexicon_loader()
                self._lexicon_loader = None

    def detect(self, text: str) -> Detection:
        """The language of one message (never raises on odd input)."""
        scored = self.score(text)
        if not scored.probabilities:
            return unknown_detection(scored.cleaned)
        return self._decide(scored)

    def detect_many(self, texts: list[str]) -> list[Detection]:
        return [self.detect(t) for t in texts]

    def score(self, text: str) -> Scored:
        """Cleaning, script rules and model scores (no calibration yet)."""
        cleaned = clean_for_detection(text[:MAX_MESSAGE_CHARS])
        if not has_letters(cleaned):
            return Scored(cleaned, scripts.OTHER, {})
        # A long message is judged on its start: the language is clear by then,
        # and the cost of every step grows with the length.
        judged = _head(cleaned, self.tuning.max_judged_chars)
        script = scripts.script_profile(judged).dominant()
        candidates = _SCRIPT_CANDIDATES.get(script, _ALL)
        if len(candidates) == 1:
            return Scored(cleaned, script, {candidates[0]: 1.0})
        wants_ld = self.tuning.langdetect_weight > 0 or script == scripts.HAN
        if not self.is_warm:
            self._load(
                py3=True,
                langdetect=wants_ld,
                lingua=len(judged.encode("utf-8")) <= self.tuning.lingua_max_bytes,
                words=script == scripts.LATIN,
            )
        ld = self._langdetect.scores(judged) if self._langdetect and wants_ld else {}
        match = self._lexicon_match(judged, script)
        probs = self._model_probabilities(judged, script, candidates, ld, match)
        shared = self._apply_lexicon(probs, match)
        return Scored(cleaned, script, probs, ld, shared)

    def _lexicon_match(self, text: str, script: str) -> LexiconMatch | None:
        if self.lexicon is None or script not in (scripts.LATIN, scripts.HAN):
            return None
        return self.lexicon.match(text, han=script == scripts.HAN)

    def _apply_lexicon(self, probs: dict[str, float], match: LexiconMatch | None) -> frozenset[str]:
        """A message made only of chat words of a few languages goes to them.

        Their share becomes `Tuning.lexicon_probability`, split as the models
        rank them; returns them when there are several (they are ambiguous).
        """
        t = self.tuning
        if match is None or not match.full:
            return frozenset()
        group = match.full & probs.keys()
        if not group or len(group) > t.lexicon_max_shared:
            return frozenset()
        inside = sum(probs[lang] for lang in group)
        outside = 1.0 - inside
        floor = 1e-6
        for lang in probs:
            if lang in group:
                share = (probs[lang] + floor) / (inside + floor * len(group))
                probs[lang] = t.lexicon_probability * share
            else:
                rest = probs[lang] / outside if outside > 0 else 0.0
                probs[lang] = (1.0 - t.lexicon_probability) * rest
        return group if len(group) > 1 else frozenset()

    def _model_probabilities(
        self,
        text: str,
        script: str,
        candidates: tuple[str, ...],
        ld: dict[str, float],
        match: LexiconMatch | None = None,
    ) -> dict[str, float]:
        t = self.tuning
        py3 = self._py3.scores(text)
        # py3langid answers a huge negative constant when it knows no feature.
        combined = {lang: py3[lang] if py3[lang] > _NO_FEATURES else 0.0 for lang in candidates}
        n_bytes = len(text.encode("utf-8"))
        if self._lingua is not None and n_bytes <= t.lingua_max_bytes:
            short = n_bytes <= t.short_bytes
            weight = t.lingua_weight_short if short else t.lingua_weight_long
            lingua = self._lingua.probabilities(text)
            for lang in candidates:
                combined[lang] += weight * log(lingua.get(lang, 0.0) + _LINGUA_FLOOR)
        if ld and t.langdetect_weight:
            ld = {**ld, "ms": ld["id"], "zh": max(ld["zh-cn"], ld["zh-tw"])}
            for lang in candidates:
                combined[lang] += t.langdetect_weight * ld[lang]
        if script == scripts.HAN:
            combined["zh"] += t.han_chinese_bias
            combined["ja"] += t.japanese_kanji_weight * scripts.japanese_only_kanji(text)
        if match is not None and script == scripts.LATIN:
            for lang, n in match.covered.items():
                if lang in combined:
                    combined[lang] += t.lexicon_weight * n
        if script == scripts.LATIN:
            evidence = cues.latin_evidence(
                text, word_weight=t.cue_weight, letter_weight=t.letter_weight
            )
            for lang in candidates:
                combined[lang] += evidence[lang]
        if script == scripts.LATIN and self._words is not None:
            self._add_word_frequencies(combined, text)
        temperature = max(n_bytes, 1) ** t.temperature_power
        probs = softmax(combined, temperature)
        if script == scripts.LATIN and t.malay_weight:
            _resplit_malay(probs, t.malay_weight * cues.malay_log_odds(text))
        return probs

    def _add_word_frequencies(self, combined: dict[str, float], text: str) -> None:
        """Add to each language's score how common the message's words are there."""
        assert self._words is not None
        t = self.tuning
        words = words_of(text)[: t.word_frequency_max_words]
        if not words:
            return
        logs = self._words.log_frequencies(words, t.word_frequency_floor)
        for lang in combined:
            combined[lang] += t.word_frequency_weight * logs[lang] * _LN10

    def _zh_variant(self, scored: Scored) -> float:
        """Probability that Chinese text is simplified."""
        simp, trad = scripts.han_variant_votes(scored.cleaned)
        if simp != trad:
            p = self.tuning.variant_votes_confidence
            return p if simp > trad else 1.0 - p
        ld = scored.langdetect
        if ld:
            # langdetect's zh-cn / zh-tw profiles, trusted at most to 90 %.
            diff = max(min(ld["zh-cn"] - ld["zh-tw"], 30.0), -30.0)
            return 0.1 + 0.8 / (1.0 + exp(-diff))
        return 0.6  # no evidence: most customers write simplified

    def _decide(self, scored: Scored) -> Detection:
        # Decide the language first, then the Chinese variant, so that a
        # split between zh-Hans and zh-Hant never hands the answer to ja.
        probs = dict(scored.probabilities)
        family = max(probs, key=probs.__getitem__)
        raw_family = probs[family]
        variant_share = 1.0
        if "zh" in probs:
            p_simplified = self._zh_variant(scored)
            p_zh = probs.pop("zh")
            probs["zh-Hans"] = p_zh * p_simplified
            probs["zh-Hant"] = p_zh * (1.0 - p_simplified)
        ranked = sorted(probs.items(), key=lambda kv: kv[1], reverse=True)
        if family == "zh":
            variant = "zh-Hans" if probs["zh-Hans"] >= probs["zh-Hant"] else "zh-Hant"
            variant_share = max(p_simplified, 1.0 - p_simplified)
            ranked.remove((variant, probs[variant]))
            ranked.insert(0, (variant, probs[variant]))
        best = ranked[0][0]
        pair = CLOSE_PAIRS.get(best)
        raw_group = raw_family
        # Languages whose chat words the message equally is ("terima kasih": id, ms).
        shared: list[str] = []
        seen = {family}
        for lang, _ in ranked[1:]:
            fam = "zh" if lang.startswith("zh") else lang
            if fam in scored.shared and fam not in seen:
                shared.append(lang)
                seen.add(fam)
        if shared:
            raw_group += sum(probs[lang] for lang in shared)
        elif pair is not None and best in ("id", "ms"):
            raw_group += probs.get(pair, 0.0)
        if scored.script in scripts.SINGLE_LANGUAGE_SCRIPTS:
            confidence = group_confidence = self.tuning.script_confidence
        else:
            group_confidence = calibration.calibrate(raw_group, self._table)
            confidence = calibration.calibrate(raw_family, self._table) * variant_share
        ambiguous: tuple[str, ...] = (
            (pair,) if pair and group_confidence > confidence + 0.05 else ()
        )
        if shared:
            ambiguous = tuple(shared)
        uncertain = (
            group_confidence < self.uncertain_below or scored.script not in _SCRIPT_CANDIDATES
        )
        return Detection(
            language=best,
            confidence=confidence,
            uncertain=uncertain,
            candidates=_candidates(ranked, confidence),
            ambiguous_with=ambiguous,
            script=scored.script,
            cleaned_text=scored.cleaned,
        )


def _head(text: str, limit: int) -> str:
    """The first ``limit`` characters of ``text``, cut at a space when one is near."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", limit - 40, limit + 1)
    return text[: cut if cut > 0 else limit]


def _resplit_malay(probs: dict[str, float], shift: float) -> None:
    """Move probability between id and ms by ``shift`` log-odds, keeping their sum."""
    if not shift:
        return
    pair = probs["id"] + probs["ms"]
    if pair <= 0.0:
        return
    logit = log(max(probs["ms"], 1e-300)) - log(max(probs["id"], 1e-300)) + shift
    p_ms = 1.0 / (1.0 + exp(-max(min(logit, 500.0), -500.0)))
    probs["ms"] = pair * p_ms
    probs["id"] = pair * (1.0 - p_ms)


def _candidates(
    ranked: list[tuple[str, float]], confidence: float, limit: int = 5
) -> tuple[Candidate, ...]:
    """The ranking with the rest of the probability spread as the raw model did."""
    best, raw_best = ranked[0]
    out = [Candidate(best, confidence)]
    rest = 1.0 - raw_best
    for lang, raw in ranked[1:limit]:
        share = raw / rest * (1.0 - confidence) if rest > 0 else 0.0
        if share < 0.005:
            break
        out.append(Candidate(lang, min(share, confidence)))
    return tuple(out)
