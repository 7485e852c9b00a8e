"""Routes: direct packs, pivots through English, argos codes, and what to install."""

from __future__ import annotations

from pathlib import Path

import pytest

from chatassist.core.translation import InstalledPack, NoPackError, UnsupportedLanguageError
from chatassist.core.translation.routing import find_route, index_packs


def packs(*pairs: str) -> dict[tuple[str, str], InstalledPack]:
    return index_packs(
        [InstalledPack(*pair.split("_"), "1.0", Path(pair)) for pair in pairs]  # type: ignore[misc]
    )


def test_direct_pack_is_preferred() -> None:
    route, hops = find_route(packs("en_es", "es_en", "en_ja", "ja_en", "es_ja"), "es", "ja")
    assert route == ("es", "ja") and [h.name for h in hops] == ["translate-es_ja"]


def test_chinese_reaches_japanese_through_english() -> None:
    route, hops = find_route(packs("zh_en", "en_ja"), "zh-Hans", "ja")
    assert route == ("zh-Hans", "en", "ja")
    assert [h.name for h in hops] == ["translate-zh_en", "translate-en_ja"]


def test_argos_codes_for_traditional_chinese_and_brazilian_portuguese() -> None:
    assert find_route(packs("zt_en"), "zh-Hant", "en")[0] == ("zh-Hant", "en")
    assert find_route(packs("en_pb"), "en", "pt")[1][0].to_code == "pb"
    # A pt pack is preferred to a pb one.
    assert find_route(packs("en_pb", "en_pt"), "en", "pt")[1][0].to_code == "pt"


def test_same_language_needs_no_pack() -> None:
    assert find_route(packs(), "ja", "ja") == (("ja",), ())


def test_missing_pack_message_names_what_to_install() -> None:
    with pytest.raises(NoPackError) as info:
        find_route(packs("zh_en"), "zh-Hans", "vi")
    assert str(info.value) == (
        "no language pack for zh-Hans→vi: install translate-en_vi (argos has no Vietnamese pack)"
    )
    assert info.value.missing == ("translate-en_vi",)


def test_missing_both_hops_names_both_packs() -> None:
    with pytest.raises(NoPackError, match=r"install translate-ja_en and translate-en_ko$"):
        find_route(packs(), "ja", "ko")


def test_missing_pack_to_english_names_the_direct_pack() -> None:
    with pytest.raises(NoPackError, match=r"install translate-zt_en$"):
        find_route(packs(), "zh-Hant", "en")


def test_the_newer_of_two_packs_for_a_pair_is_used() -> None:
    older = InstalledPack("en", "es", "1.9", Path("a"))
    newer = InstalledPack("en", "es", "1.10", Path("b"))
    assert index_packs([newer, older])[("en", "es")] is newer


def test_unknown_language_codes_are_refused() -> None:
    with pytest.raises(UnsupportedLanguageError, match="'xx'"):
        find_route(packs(), "en", "xx")
