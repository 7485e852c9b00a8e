"""Fixtures of the translation tests: tiny packs, a packs folder, services with the
real CTranslate2 backend or with a fake one that mangles protected tokens."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from chatassist.core.translation import (
    CTranslate2Backend,
    DecodingOptions,
    InstalledPack,
    PackManager,
    TranslationService,
)
from chatassist.storage.translation_cache import SqliteTranslationCache
from translation_fixtures import TinyPacks, offline_fixture, tiny_packs_fixture  # noqa: F401

# Short outputs keep the random models fast (argos's default is 256 tokens).
TEST_DECODING = DecodingOptions(max_decoding_length=12, beam_size=2)


class FakeBackend:
    """Applies ``transform`` to each sentence and records the calls."""

    def __init__(self, transform: Callable[[str], str] = lambda s: s) -> None:
        self.transform = transform
        self.calls: list[tuple[str, list[str]]] = []
        self.invalidated: list[Path] = []

    def prepare(self) -> None:
        pass

    def load(self, pack: InstalledPack) -> None:
        pass

    def translate_sentences(self, pack: InstalledPack, sentences: Sequence[str]) -> list[str]:
        self.calls.append((pack.name, list(sentences)))
        return [self.transform(s) for s in sentences]

    def invalidate(self, pack_dir: Path) -> None:
        self.invalidated.append(pack_dir)


class StaticPacks:
    """A PackSource holding made-up packs (no files)."""

    def __init__(self, *pairs: tuple[str, str]) -> None:
        self.packs = [
            InstalledPack(a, b, "1.0", Path(f"/nowhere/{a}_{b}"), fingerprint=f"{a}{b}")
            for a, b in pairs
        ]

    def installed(self) -> Sequence[InstalledPack]:
        return self.packs

    def subscribe(self, callback: Callable[[Path], None]) -> None:
        pass


@pytest.fixture
def fake_service() -> Callable[..., tuple[TranslationService, FakeBackend]]:
    def make(
        transform: Callable[[str], str] = lambda s: s,
        pairs: tuple[tuple[str, str], ...] = (
            ("en", "es"),
            ("es", "en"),
            ("zh", "en"),
            ("en", "ja"),
        ),
    ) -> tuple[TranslationService, FakeBackend]:
        backend = FakeBackend(transform)
        return TranslationService(backend, StaticPacks(*pairs)), backend

    return make


@pytest.fixture
def packs_dir(tmp_path: Path) -> Path:
    return tmp_path / "packs"


@pytest.fixture
def manager(packs_dir: Path) -> PackManager:
    return PackManager(packs_dir)


@pytest.fixture
def backend() -> CTranslate2Backend:
    return CTranslate2Backend(TEST_DECODING)


@pytest.fixture
def real_service(
    manager: PackManager, backend: CTranslate2Backend, tmp_path: Path
) -> TranslationService:
    return TranslationService(
        backend, manager, SqliteTranslationCache(tmp_path / "translation-cache.sqlite3")
    )


@pytest.fixture
def install(manager: PackManager, tiny_packs: TinyPacks) -> Callable[..., InstalledPack]:
    def do(from_code: str, to_code: str, **kwargs: object) -> InstalledPack:
        return manager.install_file(tiny_packs.get(from_code, to_code, **kwargs))  # type: ignore[arg-type]

    return do
