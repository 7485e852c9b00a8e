"""The translation service: protected tokens, sentence splitting, pivoting through
English and a persistent cache around a backend that runs one pack at a time.

Safe to call from several threads; the GUI calls ``warm_up`` in a worker at start-up
and every translation in a worker, never on the UI thread.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from chatassist.core.languages import CUSTOMER_LANGUAGES
from chatassist.core.translation import protect, routing, sentences
from chatassist.core.translation.codes import check_language
from chatassist.core.translation.errors import NoPackError
from chatassist.core.translation.glossary import Glossary, PairTerms
from chatassist.core.translation.model import (
    AvailablePair,
    BackTranslation,
    InstalledPack,
    PackSource,
    PackUse,
    TokenReport,
    Translation,
    TranslationBackend,
    TranslationCache,
)
from chatassist.core.translation.script import (
    DEFAULT_VARIANT,
    ScriptHop,
    check_variant,
    variant_for,
)

# Bump when masking, splitting or joining changes: old cache entries then stop matching.
PIPELINE_VERSION = 2


class TranslationService:
    """Implements the ``Translator`` protocol (see model.py)."""

    def __init__(
        self,
        backend: TranslationBackend,
        packs: PackSource,
        cache: TranslationCache | None = None,
        *,
        memory_entries: int = 2048,
        traditional_variant: str = DEFAULT_VARIANT,
        glossary: Callable[[], Glossary] | None = None,
    ) -> None:
        """``traditional_variant``: how Simplified Chinese is written in Traditional
        script (``tw``, ``hk`` or ``standard``, see script.VARIANTS). ``glossary`` gives the trainers' glossary (asked on every
        call): its terms are kept or replaced by the target language's form."""
        self._backend = backend
        self._glossary = glossary
        self._variant = check_variant(traditional_variant)
        self._packs = packs
        self._cache = cache
        self._memory: OrderedDict[str, str] = OrderedDict()
        self._memory_entries = memory_entries
        self._lock = threading.Lock()
        packs.subscribe(self._pack_changed)

    # -- the Translator protocol -------------------------------------------------

    def translate(
        self,
        text: str,
        source: str,
        target: str,
        *,
        glossary: Sequence[str] = (),
        country: str | None = None,
    ) -> Translation:
        return self.translate_batch([text], source, target, glossary=glossary, country=country)[0]

    def translate_batch(
        self,
        texts: Sequence[str],
        source: str,
        target: str,
        *,
        glossary: Sequence[str] = (),
        country: str | None = None,
    ) -> list[Translation]:
        """Translate several texts of one pair; uncached ones go to the model in one batch.

        ``country``: the customer's; Traditional Chinese is written with Taiwan's or
        Hong Kong's forms there (script.variant_for), else as the service was set."""
        terms = self._glossary().for_pair(source, target) if self._glossary else PairTerms()
        glossary = (*glossary, *terms.keep)
        replacements = terms.replace
        variant = variant_for(country, self._variant)
        route, hops = routing.find_route(self._by_pair(), source, target, variant=variant)
        uses = tuple(PackUse(p.name, p.version) for p in hops)
        results: list[Translation | None] = [None] * len(texts)
        misses: dict[str, list[int]] = {}  # key -> positions (a repeated text runs once)
        for i, text in enumerate(texts):
            if not hops or not text.strip():
                results[i] = self._untranslated(text, source, target, route, glossary, replacements)
                continue
            key = _cache_key(text, source, target, hops, glossary, replacements)
            hit = None if key in misses else self._lookup(key)
            cached = _decode(hit, source, target) if hit is not None else None
            if cached is not None:
                results[i] = cached
            else:
                misses.setdefault(key, []).append(i)
        if misses:
            firsts = [positions[0] for positions in misses.values()]
            fresh = self._run(
                [texts[i] for i in firsts],
                source,
                target,
                route,
                hops,
                uses,
                glossary,
                replacements,
            )
            for (key, positions), translation in zip(misses.items(), fresh, strict=True):
                self._store(key, _encode(translation))
                for i in positions:
                    results[i] = translation
        return [r for r in results if r is not None]

    def translate_with_back(
        self,
        text: str,
        source: str,
        target: str,
        *,
        back_to: str | None = None,
        glossary: Sequence[str] = (),
        country: str | None = None,
    ) -> BackTranslation:
        """Translate ``text`` and translate the result back into ``back_to`` (default:
        ``source``, the agent's language) so the agent can check what will be sent."""
        forward = self.translate(text, source, target, glossary=glossary, country=country)
        back = self.translate(
            forward.text, target, back_to or source, glossary=glossary, country=country
        )
        return BackTranslation(forward, back)

    def route(self, source: str, target: str, *, country: str | None = None) -> tuple[str, ...]:
        """The route a translation would take; raises NoPackError when there is none."""
        variant = variant_for(country, self._variant)
        return routing.find_route(self._by_pair(), source, target, variant=variant)[0]

    def available_pairs(self) -> list[AvailablePair]:
        """Every ordered pair of distinct customer languages the installed packs cover."""
        by_pair = self._by_pair()
        pairs = []
        for source in CUSTOMER_LANGUAGES:
            for target in CUSTOMER_LANGUAGES:
                if source == target:
                    continue
                try:
                    route, _ = routing.find_route(by_pair, source, target, variant=self._variant)
                except NoPackError:
                    continue
                pairs.append(AvailablePair(source, target, route))
        return pairs

    def isolated(self, packs: Sequence[InstalledPack]) -> TranslationService:
        """A service over ``packs`` only, without any cache, sharing this one's loaded
        models (the self-test runs each pack on its own, always fresh)."""
        return TranslationService(
            self._backend,
            _FixedPacks(tuple(packs)),
            None,
            traditional_variant=self._variant,
            glossary=self._glossary,
        )

    # -- warm-up and invalidation -----------------------------------------------

    def warm_up(self, pairs: Iterable[tuple[str, str]] = ()) -> None:
        """Import the engine and load the packs the given pairs need (slow: call it from
        a worker). Pairs without packs are skipped; translating them raises later."""
        self._backend.prepare()
        by_pair = self._by_pair()
        for source, target in pairs:
            try:
                _, hops = routing.find_route(by_pair, source, target, variant=self._variant)
            except NoPackError:
                continue
            for hop in hops:
                if not isinstance(hop, ScriptHop):
                    self._backend.load(hop)

    def _pack_changed(self, pack_dir: Path) -> None:
        self._backend.invalidate(pack_dir)
        with self._lock:
            self._memory.clear()

    # -- internals ---------------------------------------------------------------

    def _by_pair(self) -> dict[tuple[str, str], InstalledPack]:
        return routing.index_packs(self._packs.installed())

    def _untranslated(
        self,
        text: str,
        source: str,
        target: str,
        route: tuple[str, ...],
        glossary: Sequence[str],
        replacements: Sequence[tuple[str, str]],
    ) -> Translation:
        tokens = protect.mask(text, glossary, replacements).tokens
        return Translation(text, source, target, route, (), TokenReport(tokens))

    def _run(
        self,
        texts: list[str],
        source: str,
        target: str,
        route: tuple[str, ...],
        hops: tuple[routing.Hop, ...],
        uses: tuple[PackUse, ...],
        glossary: Sequence[str],
        replacements: Sequence[tuple[str, str]],
    ) -> list[Translation]:
        masked = [protect.mask(text, glossary, replacements) for text in texts]
        split = [sentences.split_text(m.text) for m in masked]
        flat = [s for lines in split for line in lines for s in line.sentences]
        translated = self._through(hops, flat)
        # Sentences whose sentinels the model lost or invented: again, in segments.
        mangled = {
            i
            for i, (src, out) in enumerate(zip(flat, translated, strict=True))
            if protect.sentinel_indexes(src) and not protect.sentinels_survived(src, out)
        }
        order = sorted(mangled)
        again = self._in_segments(hops, [flat[i] for i in order])
        for i, text in zip(order, again, strict=True):
            translated[i] = text
        out: list[Translation] = []
        position = 0
        target_code = hops[-1].to_code
        for m, lines in zip(masked, split, strict=True):
            start = position
            per_line = []
            for line in lines:
                per_line.append(translated[position : position + len(line.sentences)])
                position += len(line.sentences)
            joined = sentences.join_text(lines, per_line, target_code)
            text, report = protect.unmask(joined, m)
            segmented = [
                m.tokens[n].text
                for i in range(start, position)
                if i in mangled
                for n in protect.sentinel_indexes(flat[i])
                if n < len(m.tokens)
            ]
            if segmented:
                report = replace(report, segmented=tuple(dict.fromkeys(segmented)))
            out.append(Translation(text, source, target, route, uses, report))
        return out

    def _through(self, hops: Sequence[routing.Hop], flat: list[str]) -> list[str]:
        """Run sentences through every hop of a route."""
        for hop in hops:
            if isinstance(hop, ScriptHop):
                flat = hop.convert(flat)
            else:
                flat = self._backend.translate_sentences(hop, flat) if flat else []
        return list(flat)

    def _in_segments(self, hops: Sequence[routing.Hop], masked: list[str]) -> list[str]:
        """Translate each masked sentence piece by piece between its sentinels (all
        pieces of all sentences in one batch) and re-join them around the sentinels."""
        pieces = [protect.segments(sentence) for sentence in masked]
        texts = [seg.text for parts in pieces for seg in parts if seg.translate]
        done = iter(self._through(hops, texts))
        return [
            "".join(next(done) if seg.translate else seg.text for seg in parts) for parts in pieces
        ]

    def _lookup(self, key: str) -> str | None:
        with self._lock:
            value = self._memory.get(key)
            if value is not None:
                self._memory.move_to_end(key)
                return value
        if self._cache is None:
            return None
        value = self._cache.get(key)
        if value is not None:
            self._remember(key, value)
        return value

    def _store(self, key: str, value: str) -> None:
        self._remember(key, value)
        if self._cache is not None:
            self._cache.put(key, value)

    def _remember(self, key: str, value: str) -> None:
        with self._lock:
            self._memory[key] = value
            self._memory.move_to_end(key)
            while len(self._memory) > self._memory_entries:
                self._memory.popitem(last=False)


class _FixedPacks:
    """A PackSource of given packs (changes reach the parent service's backend)."""

    def __init__(self, packs: tuple[InstalledPack, ...]) -> None:
        self._packs = packs

    def installed(self) -> Sequence[InstalledPack]:
        return self._packs

    def subscribe(self, callback: Callable[[Path], None]) -> None:
        pass


def _cache_key(
    text: str,
    source: str,
    target: str,
    hops: Sequence[routing.Hop],
    glossary: Sequence[str],
    replacements: Sequence[tuple[str, str]] = (),
) -> str:
    check_language(source)
    parts = [
        PIPELINE_VERSION,
        text,
        source,
        target,
        [[p.name, p.fingerprint] for p in hops],
        sorted({g.strip() for g in glossary if g.strip()}),
        [list(pair) for pair in replacements],
    ]
    payload = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _encode(translation: Translation) -> str:
    return json.dumps(
        {
            "text": translation.text,
            "route": list(translation.route),
            "packs": [[u.name, u.version] for u in translation.packs],
            "protected": translation.protected.to_dict(),
        },
        ensure_ascii=False,
    )


def _decode(value: str, source: str, target: str) -> Translation | None:
    """The cached translation, or None for an entry this version cannot read (a miss)."""
    try:
        data = json.loads(value)
        return Translation(
            text=data["text"],
            source=source,
            target=target,
            route=tuple(data["route"]),
            packs=tuple(PackUse(name, version) for name, version in data["packs"]),
            protected=TokenReport.from_dict(data["protected"]),
            cached=True,
        )
    except (ValueError, KeyError, TypeError):
        return None
