"""The statistical models behind the detector, restricted to the customer
languages and loaded only when `load()` is called.

- py3langid (byte n-gram naive Bayes, model shipped inside the package). Only
  the columns of our languages are kept, so the full 97-language matrix is
  freed right after loading.
- langdetect (character 1-3-gram profiles from Wikipedia). We build our own
  `DetectorFactory` holding only our languages' profiles (the library's
  global factory is never touched) and score every n-gram of the text in one
  deterministic naive Bayes pass: the same model langdetect samples randomly
  seven times, without the randomness and about ten times faster.
  `sampled_probabilities` runs langdetect's own seeded detector, for the
  benchmark. The detector loads only the zh-cn / zh-tw profiles, to tell
  simplified from traditional Chinese when the character sets cannot.
- lingua (lingua-language-detector, Rust; models shipped inside the wheel,
  nothing downloaded) in its low-accuracy mode (trigram models only, about
  45-60 MB for our languages, where the high-accuracy mode takes 400 MB).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

#: py3langid / langdetect codes of the customer languages. Chinese is one
#: class in py3langid; langdetect has zh-cn / zh-tw; langdetect has no Malay.
PY3LANGID_LANGUAGES: tuple[str, ...] = (
    "en", "es", "pt", "de", "fr", "it", "nl", "pl", "tr", "ru",
    "ar", "ja", "ko", "zh", "th", "vi", "id", "ms", "tl",
)  # fmt: skip
LANGDETECT_LANGUAGES: tuple[str, ...] = (
    "en", "es", "pt", "de", "fr", "it", "nl", "pl", "tr", "ru",
    "ar", "ja", "ko", "zh-cn", "zh-tw", "th", "vi", "id", "tl",
)  # fmt: skip

_LANGDETECT_ALPHA = 0.5 / 10000  # langdetect's smoothing: ALPHA_DEFAULT / BASE_FREQ
_MAX_NGRAMS = 240  # about 80 characters: enough to decide; bounds the cost of pasted text


class Py3LangidModel:
    """py3langid restricted to `PY3LANGID_LANGUAGES`; raw naive Bayes log scores.

    ``cache``: a folder where the restricted model is kept uncompressed after the
    first load (`py3langid_cache`): unpacking the shipped LZMA model and cutting
    its columns costs about a second at every start, reading the cut copy a few
    hundredths. The copy is keyed by the shipped model's bytes; a missing, stale
    or unreadable one means the shipped model is read again.
    """

    def __init__(self, cache: Path | None = None) -> None:
        self._identifier: Any = None
        self._cache = cache

    @property
    def loaded(self) -> bool:
        return self._identifier is not None

    def load(self) -> None:
        if self._identifier is not None:
            return
        import numpy as np
        from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

        from chatassist.core.detection import py3langid_cache

        model = py3langid_cache.load(Path(MODEL_DIR) / MODEL_FILE, PY3LANGID_LANGUAGES, self._cache)
        self._identifier = LanguageIdentifier(
            model.ptc,
            np.asarray(model.pc),
            list(PY3LANGID_LANGUAGES),
            model.nextmove,
            model.output,
            tk_row=model.row,
        )

    def scores(self, text: str) -> dict[str, float]:
        """Log-probability score per language (higher is better; only differences matter)."""
        self.load()
        ranked: list[tuple[str, float]] = self._identifier.rank(text)
        return dict(ranked)


class LangdetectModel:
    """langdetect's profiles for `LANGDETECT_LANGUAGES`, scored deterministically."""

    def __init__(self, seed: int = 0, languages: tuple[str, ...] = LANGDETECT_LANGUAGES) -> None:
        self._seed = seed
        self._languages = languages
        self._factory: Any = None

    @property
    def loaded(self) -> bool:
        return self._factory is not None

    def load(self) -> None:
        if self._factory is not None:
            return
        from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

        factory = DetectorFactory()
        profiles = [
            (Path(PROFILES_DIRECTORY) / code).read_text(encoding="utf-8")
            for code in self._languages
        ]
        factory.load_json_profile(profiles)
        factory.set_seed(self._seed)
        self._factory = factory

    def ngrams(self, text: str) -> list[str]:
        """langdetect's 1-3-grams of ``text`` that its profiles know."""
        self.load()
        from langdetect.utils.ngram import NGram

        known = self._factory.word_lang_prob_map
        ngram = NGram()
        found: list[str] = []
        for ch in NGram.normalize_vi(text):
            ngram.add_char(ch)
            if ngram.capitalword:
                continue
            for n in (1, 2, 3):
                w = ngram.get(n)
                if w and w != " " and w in known:
                    found.append(w)
            if len(found) >= _MAX_NGRAMS:
                break
        return found

    def scores(self, text: str) -> dict[str, float]:
        """Naive Bayes log-likelihood per langdetect language; empty if no known n-gram."""
        import numpy as np

        grams = self.ngrams(text)
        if not grams:
            return {}
        table = self._factory.word_lang_prob_map
        probs = np.array([table[w] for w in grams])
        loglik = np.log(probs + _LANGDETECT_ALPHA).sum(axis=0)
        return dict(zip(self._factory.langlist, loglik.tolist(), strict=True))

    def sampled_probabilities(self, text: str) -> dict[str, float]:
        """langdetect's own seeded, randomly sampled answer (its public API)."""
        self.load()
        from langdetect.lang_detect_exception import LangDetectException

        detector = self._factory.create()
        detector.append(text)
        try:
            return {lang.lang: float(lang.prob) for lang in detector.get_probabilities()}
        except LangDetectException:
            return {}


class LinguaModel:
    """lingua's low-accuracy detector for the customer languages (codes as py3langid's)."""

    def __init__(self) -> None:
        self._detector: Any = None
        self._codes: dict[Any, str] = {}

    @property
    def loaded(self) -> bool:
        return self._detector is not None

    def load(self) -> None:
        if self._detector is not None:
            return
        from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

        codes = {
            Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())): code
            for code in PY3LANGID_LANGUAGES
        }
        self._codes = codes
        self._detector = (
            LanguageDetectorBuilder.from_languages(*codes)
            .with_low_accuracy_mode()
            .with_preloaded_language_models()
            .build()
        )

    def probabilities(self, text: str) -> dict[str, float]:
        """lingua's relative confidence per language (sums to 1, or all 0 if no clue).

        Rounded: lingua's sums vary in the last bits between detector instances.
        """
        self.load()
        return {
            self._codes[value.language]: round(value.value, 9)
            for value in self._detector.compute_language_confidence_values(text)
        }


def softmax(scores: dict[str, float], temperature: float = 1.0) -> dict[str, float]:
    """Scores turned into probabilities that sum to one."""
    if not scores:
        return {}
    top = max(scores.values())
    exp = {k: math.exp((v - top) / temperature) for k, v in scores.items()}
    total = sum(exp.values())
    return {k: v / total for k, v in exp.items()}
