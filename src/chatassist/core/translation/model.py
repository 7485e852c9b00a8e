"""The plain data and the interfaces of translation.

``Translator`` is what the GUI and the CLI call; ``TranslationBackend``,
``PackSource`` and ``TranslationCache`` are the parts it is composed of (after
argos-translate's ITranslation / CompositeTranslation / CachedTranslation).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from chatassist.core.translation.codes import argos_pack_name


@dataclass(frozen=True)
class InstalledPack:
    """One installed argos pack (a folder in the packs dir). Codes are argos codes."""

    from_code: str
    to_code: str
    version: str
    path: Path
    has_stanza: bool = False
    #: Changes whenever the pack's files are replaced (version + model size + mtime);
    #: part of every cache key, so a replaced pack never serves old translations.
    fingerprint: str = ""
    size_bytes: int = 0  # installed, all files
    #: SHA-256 and size of the .argosmodel it was installed from ("" / 0: not recorded).
    sha256: str = ""
    archive_bytes: int = 0

    @property
    def name(self) -> str:
        return argos_pack_name(self.from_code, self.to_code)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "from_code": self.from_code,
            "to_code": self.to_code,
            "version": self.version,
            "path": str(self.path),
            "has_stanza": self.has_stanza,
            "size_bytes": self.size_bytes,
            "sha256": self.sha256 or None,
            "archive_bytes": self.archive_bytes or None,
        }


@dataclass(frozen=True)
class ProtectedToken:
    """A span kept out of translation. ``kind``: placeholder, url, email, order_number,
    amount, date, emoji, code (version numbers), glossary or literal (text that looks like a sentinel)."""

    kind: str
    text: str
    #: For a glossary term (kind ``term``): the target language's form that replaces it.
    replacement: str = ""

    @property
    def output(self) -> str:
        """What the token becomes in the translation."""
        return self.replacement or self.text


@dataclass(frozen=True)
class TokenReport:
    """What happened to the protected tokens of one text.

    Every token in ``tokens`` is in the translated text exactly once per occurrence
    in the source: those the model altered are in ``repaired`` (put back in place);
    those it lost are in ``appended`` (added at the end of the text, so never
    dropped silently). ``extra`` counts stray sentinels the model invented (removed).
    ``segmented`` lists the tokens of sentences the model mangled the sentinels of,
    translated again piece by piece around the tokens (tokens in place; the word
    order of such a sentence deserves a look).
    """

    tokens: tuple[ProtectedToken, ...] = ()
    repaired: tuple[str, ...] = ()
    appended: tuple[str, ...] = ()
    extra: int = 0
    segmented: tuple[str, ...] = ()
    #: Glossary forms the translation should hold but does not (shown like a changed number).
    glossary_missing: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """True when the model kept every token in place untouched."""
        return not (
            self.repaired or self.appended or self.extra or self.segmented or self.glossary_missing
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "tokens": [
                {
                    "kind": t.kind,
                    "text": t.text,
                    **({"replacement": t.replacement} if t.replacement else {}),
                }
                for t in self.tokens
            ],
            "repaired": list(self.repaired),
            "appended": list(self.appended),
            "extra": self.extra,
            "segmented": list(self.segmented),
            "glossary_missing": list(self.glossary_missing),
            "ok": self.ok,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TokenReport:
        return cls(
            tokens=tuple(
                ProtectedToken(t["kind"], t["text"], t.get("replacement", ""))
                for t in data["tokens"]
            ),
            repaired=tuple(data["repaired"]),
            appended=tuple(data["appended"]),
            extra=int(data["extra"]),
            segmented=tuple(data.get("segmented", ())),
            glossary_missing=tuple(data.get("glossary_missing", ())),
        )


@dataclass(frozen=True)
class PackUse:
    """A pack used on a route: its argospm name and version."""

    name: str
    version: str


@dataclass(frozen=True)
class Translation:
    """One translated text.

    ``route`` lists the customer codes the text went through, e.g.
    ``("zh-Hans", "en", "ja")`` for a pivot through English, ``("en", "es")`` for a
    direct pack, ``("ja",)`` when source and target are the same.
    """

    text: str
    source: str
    target: str
    route: tuple[str, ...]
    packs: tuple[PackUse, ...] = ()
    protected: TokenReport = field(default_factory=TokenReport)
    cached: bool = False

    @property
    def pivoted(self) -> bool:
        return len(self.route) > 2

    @property
    def pack_versions(self) -> dict[str, str]:
        return {use.name: use.version for use in self.packs}

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "source": self.source,
            "target": self.target,
            "route": list(self.route),
            "pivoted": self.pivoted,
            "pack_versions": self.pack_versions,
            "cached": self.cached,
            "protected": self.protected.to_dict(),
        }


@dataclass(frozen=True)
class BackTranslation:
    """A machine-translated reply and its translation back into the agent's language."""

    forward: Translation
    back: Translation

    def to_dict(self) -> dict[str, Any]:
        return {"forward": self.forward.to_dict(), "back": self.back.to_dict()}


@dataclass(frozen=True)
class AvailablePair:
    """A pair of customer languages the installed packs can translate, and how."""

    source: str
    target: str
    route: tuple[str, ...]


class Translator(Protocol):
    """The translation service as the GUI and CLI see it. Every method may raise
    TranslationError (NoPackError when no pack covers the pair)."""

    def translate(
        self,
        text: str,
        source: str,
        target: str,
        *,
        glossary: Sequence[str] = (),
        country: str | None = None,
    ) -> Translation:
        """``country``: the customer's (ISO 3166), which picks the Traditional Chinese
        variant (Taiwan, Hong Kong) of a script conversion; None: the setting's."""
        ...

    def translate_batch(
        self,
        texts: Sequence[str],
        source: str,
        target: str,
        *,
        glossary: Sequence[str] = (),
        country: str | None = None,
    ) -> list[Translation]: ...

    def translate_with_back(
        self,
        text: str,
        source: str,
        target: str,
        *,
        back_to: str | None = None,
        glossary: Sequence[str] = (),
        country: str | None = None,
    ) -> BackTranslation: ...

    def route(self, source: str, target: str, *, country: str | None = None) -> tuple[str, ...]: ...

    def available_pairs(self) -> list[AvailablePair]: ...


class TranslationBackend(Protocol):
    """Runs one installed pack on already split sentences. Loaded models are kept
    warm between calls until ``invalidate`` is called for their folder."""

    def prepare(self) -> None:
        """Import the engine (slow part of the first call); safe to call from a worker."""

    def load(self, pack: InstalledPack) -> None:
        """Load the model of ``pack`` now, so the first translation is fast."""

    def translate_sentences(self, pack: InstalledPack, sentences: Sequence[str]) -> list[str]:
        """One output per input sentence, in order."""
        ...

    def invalidate(self, pack_dir: Path) -> None:
        """Forget the model loaded from ``pack_dir`` (replaced or removed)."""


class PackSource(Protocol):
    """The installed packs, and a way to hear when one is added, replaced or removed."""

    def installed(self) -> Sequence[InstalledPack]: ...

    def subscribe(self, callback: Callable[[Path], None]) -> None:
        """``callback(pack_dir)`` after the folder of a pack changed."""


class TranslationCache(Protocol):
    """A key -> serialized translation store (the service owns both formats)."""

    def get(self, key: str) -> str | None: ...

    def put(self, key: str, value: str) -> None: ...
