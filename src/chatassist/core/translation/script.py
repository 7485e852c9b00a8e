"""Simplified <-> Traditional Chinese by script conversion (OpenCC), not by a model.

zh-Hans and zh-Hant are one language in two scripts: converting with OpenCC's
phrase tables keeps the meaning exactly, where two neural hops through English
(zh-Hant -> en -> zh-Hans) would paraphrase it. OpenCC also converts vocabulary
of the region (Taiwan: 软件 -> 軟體, 内存 -> 記憶體; Hong Kong: 软件 -> 軟件).

A conversion is a hop of a route like a pack (``ScriptHop``): it has a name and a
fingerprint for the cache key, and converts the masked sentences in place, so
protected tokens pass through it untouched. OpenCC is imported on first use.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata
from typing import Any, Protocol

from chatassist.core.translation.errors import TranslationError

#: Traditional Chinese variants: OpenCC configs (Simplified -> Traditional,
#: Traditional -> Simplified). Taiwan and Hong Kong convert regional vocabulary
#: ("phrase level"); "standard" is OpenCC's character-level Traditional.
VARIANTS: dict[str, tuple[str, str]] = {
    "tw": ("s2twp", "tw2sp"),
    "hk": ("s2hk", "hk2s"),
    "standard": ("s2t", "t2s"),
}
DEFAULT_VARIANT = "tw"
#: The customer's country picks its own forms (Hong Kong 軟件, Taiwan 軟體) over the
#: agent's setting; Macau writes as Hong Kong does.
COUNTRY_VARIANTS: dict[str, str] = {"TW": "tw", "HK": "hk", "MO": "hk"}

_SIMPLIFIED, _TRADITIONAL = "zh", "zt"  # argos codes, as on InstalledPack


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


_converters: dict[str, _Converter] = {}
_converters_lock = threading.Lock()


def _opencc(config: str) -> _Converter:
    with _converters_lock:
        converter = _converters.get(config)
        if converter is None:
            try:
                import opencc
            except ImportError as exc:  # pragma: no cover - a broken install
                raise TranslationError(
                    "Chinese script conversion needs the 'opencc' package (pip install opencc)"
                ) from exc
            made: Any = opencc.OpenCC(config)
            converter = made
            _converters[config] = made
        return converter


def _opencc_version() -> str:
    try:
        return metadata.version("opencc")
    except metadata.PackageNotFoundError:  # pragma: no cover - a broken install
        return "0"


def variant_for(country: str | None, default: str = DEFAULT_VARIANT) -> str:
    """The Traditional Chinese variant for a customer in ``country`` (ISO 3166 code):
    Taiwan's or Hong Kong's forms there, else ``default`` (the agent's setting)."""
    return COUNTRY_VARIANTS.get((country or "").upper(), default)


def check_variant(variant: str) -> str:
    if variant not in VARIANTS:
        known = ", ".join(VARIANTS)
        raise TranslationError(f"unknown Traditional Chinese variant {variant!r} (known: {known})")
    return variant


@dataclass(frozen=True)
class ScriptHop:
    """One script conversion on a route; duck-types the InstalledPack fields a route uses."""

    from_code: str  # argos code: "zh" or "zt"
    to_code: str
    config: str  # the OpenCC config, e.g. "s2twp"

    @property
    def name(self) -> str:
        return f"opencc-{self.config}"

    @property
    def version(self) -> str:
        return _opencc_version()

    @property
    def fingerprint(self) -> str:
        return f"{self.config}-{self.version}"

    def convert(self, sentences: Sequence[str]) -> list[str]:
        converter = _opencc(self.config)
        return [converter.convert(s) for s in sentences]


def to_traditional(variant: str = DEFAULT_VARIANT) -> ScriptHop:
    return ScriptHop(_SIMPLIFIED, _TRADITIONAL, VARIANTS[check_variant(variant)][0])


def to_simplified(variant: str = DEFAULT_VARIANT) -> ScriptHop:
    return ScriptHop(_TRADITIONAL, _SIMPLIFIED, VARIANTS[check_variant(variant)][1])


def convert(text: str, source: str, target: str, variant: str = DEFAULT_VARIANT) -> str:
    """``text`` converted between customer codes ``zh-Hans`` and ``zh-Hant``."""
    if (source, target) == ("zh-Hans", "zh-Hant"):
        return to_traditional(variant).convert([text])[0]
    if (source, target) == ("zh-Hant", "zh-Hans"):
        return to_simplified(variant).convert([text])[0]
    raise TranslationError(
        f"script conversion is only between zh-Hans and zh-Hant, not {source}→{target}"
    )
