"""The translation service over real (tiny, nonsense) argos packs, offline."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from chatassist.core.translation import (
    CTranslate2Backend,
    NoPackError,
    PackManager,
    TranslationService,
)
from chatassist.storage.translation_cache import SqliteTranslationCache

pytestmark = pytest.mark.slow

ORDER = "您好 {name}，您的订单 SF1234567890 已发货。金额 ¥300！"


@pytest.mark.parametrize("stanza", [False, True], ids=["plain", "with-stanza"])
def test_translates_offline_with_and_without_stanza_folder(
    stanza: bool, install: Any, real_service: TranslationService, offline: list[str]
) -> None:
    pack = install("en", "es", stanza=stanza)
    assert pack.has_stanza is stanza
    result = real_service.translate("Hello there. How are you today?", "en", "es")
    assert result.text.strip() and result.route == ("en", "es")
    assert result.pack_versions == {"translate-en_es": "1.0"} and not result.cached
    assert offline == []


def test_pivot_through_english_says_so_and_keeps_tokens(
    install: Any, real_service: TranslationService, offline: list[str]
) -> None:
    install("zh", "en")
    install("en", "ja", stanza=True)
    result = real_service.translate(ORDER, "zh-Hans", "ja", glossary=["订单"])
    assert result.route == ("zh-Hans", "en", "ja") and result.pivoted
    assert result.pack_versions == {"translate-zh_en": "1.0", "translate-en_ja": "1.0"}
    for token in ("{name}", "SF1234567890", "¥300", "订单"):
        assert token in result.text
    # The nonsense model cannot keep sentinels in place: every loss is reported.
    assert set(result.protected.appended) | set(result.protected.repaired) <= {
        t.text for t in result.protected.tokens
    }


def test_no_pack_error_names_the_pack_to_install(
    install: Any, real_service: TranslationService
) -> None:
    install("zh", "en")
    with pytest.raises(NoPackError, match=r"install translate-en_vi \(argos has no Vietnamese"):
        real_service.translate("你好", "zh-Hans", "vi")


def test_repeat_is_served_from_the_persistent_cache(
    install: Any, manager: PackManager, tmp_path: Path, offline: list[str]
) -> None:
    install("en", "es")
    cache_file = tmp_path / "cache.sqlite3"
    first = TranslationService(CTranslate2Backend(), manager, SqliteTranslationCache(cache_file))
    fresh = first.translate("Where is my parcel?", "en", "es")
    again = first.translate("Where is my parcel?", "en", "es")
    assert again.cached and again.text == fresh.text and again.route == fresh.route

    # A new process (new service, new backend) reads the same file without loading a model.
    backend = CTranslate2Backend()
    second = TranslationService(backend, manager, SqliteTranslationCache(cache_file))
    reread = second.translate("Where is my parcel?", "en", "es")
    assert reread.cached and reread.text == fresh.text and backend.loaded() == []


def test_batch_translates_and_caches_each_text(
    install: Any, real_service: TranslationService, backend: CTranslate2Backend
) -> None:
    install("en", "es")
    texts = ["One.", "", "Two. Three.", "One."]
    results = real_service.translate_batch(texts, "en", "es")
    assert [r.cached for r in results] == [False, False, False, False]
    assert results[1].text == "" and results[0].text == results[3].text
    assert all(r.cached for r in real_service.translate_batch(["One.", "Two. Three."], "en", "es"))


def test_back_translation_returns_forward_and_back_with_routes(
    install: Any, real_service: TranslationService, offline: list[str]
) -> None:
    for pair in (("zh", "en"), ("en", "ja"), ("ja", "en"), ("en", "zh")):
        install(*pair)
    both = real_service.translate_with_back("您的订单 SF1234567890 已发货。", "zh-Hans", "ja")
    assert both.forward.route == ("zh-Hans", "en", "ja")
    assert both.back.route == ("ja", "en", "zh-Hans")
    assert both.back.source == "ja" and both.back.target == "zh-Hans"
    assert "SF1234567890" in both.forward.text and "SF1234567890" in both.back.text


def test_replaced_pack_is_used_without_restart(
    install: Any, real_service: TranslationService, backend: CTranslate2Backend
) -> None:
    old = install("en", "es", version="1.0", seed=1)
    first = real_service.translate("Thank you for waiting.", "en", "es")
    assert backend.loaded() == [old.path]

    install("en", "es", version="1.1", seed=2)
    assert backend.loaded() == []  # the old model was dropped
    second = real_service.translate("Thank you for waiting.", "en", "es")
    assert second.pack_versions == {"translate-en_es": "1.1"} and not second.cached
    assert second.text != first.text


def test_removed_pack_stops_translating(
    install: Any, manager: PackManager, real_service: TranslationService
) -> None:
    install("en", "es")
    real_service.translate("Hello.", "en", "es")
    manager.remove("en", "es")
    with pytest.raises(NoPackError):
        real_service.translate("Hello.", "en", "es")
    # Only the script conversion between the two Chinese scripts is left (no pack).
    assert {(p.source, p.target) for p in real_service.available_pairs()} == {
        ("zh-Hans", "zh-Hant"),
        ("zh-Hant", "zh-Hans"),
    }


def test_available_pairs_and_warm_up(
    install: Any, real_service: TranslationService, backend: CTranslate2Backend
) -> None:
    zh_en = install("zh", "en")
    en_ja = install("en", "ja")
    pairs = {(p.source, p.target): p.route for p in real_service.available_pairs()}
    assert pairs == {
        ("zh-Hans", "en"): ("zh-Hans", "en"),
        ("en", "ja"): ("en", "ja"),
        ("zh-Hans", "ja"): ("zh-Hans", "en", "ja"),
        ("zh-Hans", "zh-Hant"): ("zh-Hans", "zh-Hant"),
        ("zh-Hant", "zh-Hans"): ("zh-Hant", "zh-Hans"),
        ("zh-Hant", "en"): ("zh-Hant", "zh-Hans", "en"),
        ("zh-Hant", "ja"): ("zh-Hant", "zh-Hans", "en", "ja"),
    }
    real_service.warm_up([("zh-Hans", "ja"), ("vi", "en")])  # no pack for vi: skipped
    assert backend.loaded() == [zh_en.path, en_ja.path]


def test_a_folder_without_metadata_does_not_break_translation(
    install: Any, packs_dir: Path, real_service: TranslationService
) -> None:
    install("en", "es")
    (packs_dir / "translate-en_fr-1_0" / "model").mkdir(parents=True)
    assert real_service.translate("Hello.", "en", "es").text


def test_importing_the_package_loads_no_engine() -> None:
    code = (
        "import sys, time\n"
        "t = time.perf_counter()\n"
        "import chatassist.core.translation, chatassist.app, chatassist.storage.translation_cache\n"
        "heavy = [m for m in ('argostranslate', 'ctranslate2', 'torch', 'stanza', 'spacy',"
        " 'sentencepiece') if m in sys.modules]\n"
        "assert heavy == [], heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_packs_under_a_chinese_named_folder_load_and_translate(
    tiny_packs: Any, tmp_path: Path, offline: list[str]
) -> None:
    # A Windows user named 梁: the data folder path is not ASCII. The model files and
    # the sentencepiece model are read into memory, so the path never reaches C++.
    manager = PackManager(tmp_path / "用户" / "梁" / "packs")
    manager.install_file(tiny_packs.get("en", "es"))
    service = TranslationService(CTranslate2Backend(_decoding()), manager)
    result = service.translate("Where is my parcel?", "en", "es")
    assert result.text.strip() and result.route == ("en", "es")
    assert offline == []


def _decoding() -> Any:
    from chatassist.core.translation import DecodingOptions

    return DecodingOptions(max_decoding_length=12, beam_size=2)
