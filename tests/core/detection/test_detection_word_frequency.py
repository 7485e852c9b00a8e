from __future__ import annotations

import gzip
from pathlib import Path

import msgpack
import pytest

from chatassist.core.detection import LanguageDetector
from chatassist.core.detection.word_frequency import (
    WordFrequencyModel,
    WordFrequencyUnavailable,
    words_of,
)

HEADER = {"format": "cB", "version": 1}


def write_pack(
    path: Path, words_by_centibel: dict[int, list[str]], header: object = HEADER
) -> None:
    buckets: list[list[str]] = [[] for _ in range(max(words_by_centibel) + 1)]
    for cb, words in words_by_centibel.items():
        buckets[cb] = sorted(words)
    with gzip.open(path, "wb") as handle:
        handle.write(msgpack.packb([header, *buckets]))


@pytest.fixture
def two_lists(tmp_path: Path) -> Path:
    write_pack(tmp_path / "small_en.msgpack.gz", {200: ["the"], 400: ["bottle", "cerveza"]})
    write_pack(
        tmp_path / "small_es.msgpack.gz",
        {200: ["de"], 300: ["botella"], 500: ["cerveza"], 600: ["cerveza"]},
    )
    return tmp_path


def test_log_frequencies_per_language(two_lists: Path) -> None:
    model = WordFrequencyModel(("en", "es"), data_dir=two_lists)
    assert model.log_frequencies(["the"], floor=-8.0) == {"en": -2.0, "es": -8.0}
    both = model.log_frequencies(["botella", "zzz"], floor=-8.0)
    assert both == {"en": -16.0, "es": -3.0 - 8.0}
    assert model.size == 5  # the, bottle, cerveza, de, botella


def test_a_word_listed_twice_keeps_its_more_frequent_entry(two_lists: Path) -> None:
    model = WordFrequencyModel(("en", "es"), data_dir=two_lists)
    assert model.log_frequencies(["cerveza"], floor=-8.0) == {"en": -4.0, "es": -5.0}


def test_floor_caps_rare_words(two_lists: Path) -> None:
    model = WordFrequencyModel(("en", "es"), data_dir=two_lists)
    assert model.log_frequencies(["bottle"], floor=-3.0) == {"en": -3.0, "es": -3.0}
    assert model.log_frequencies([], floor=-3.0) == {"en": 0.0, "es": 0.0}


def test_missing_list_names_the_file(tmp_path: Path) -> None:
    write_pack(tmp_path / "small_en.msgpack.gz", {200: ["the"]})
    model = WordFrequencyModel(("en", "es"), data_dir=tmp_path)
    with pytest.raises(WordFrequencyUnavailable, match=r"small_es\.msgpack\.gz"):
        model.load()
    assert not model.loaded


def test_wrong_format_names_the_file(tmp_path: Path) -> None:
    write_pack(tmp_path / "small_en.msgpack.gz", {200: ["the"]}, header={"format": "x"})
    with pytest.raises(WordFrequencyUnavailable, match=r"small_en\.msgpack\.gz: not a cBpack"):
        WordFrequencyModel(("en",), data_dir=tmp_path).load()


def test_corrupt_file_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "small_en.msgpack.gz").write_bytes(b"not gzip at all")
    with pytest.raises(WordFrequencyUnavailable, match=r"small_en\.msgpack\.gz: cannot read"):
        WordFrequencyModel(("en",), data_dir=tmp_path).load()


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="ru"):
        WordFrequencyModel(("en", "ru"))


def test_words_are_folded_like_the_lists() -> None:
    assert words_of("Größe KAPUTT, l'ordine 123") == ["grösse", "kaputt", "l", "ordine"]
    # NFC: a decomposed "é" is the list's "é"
    assert words_of("cafe\u0301") == ["café"]


def test_bundled_lists_know_common_words() -> None:
    model = WordFrequencyModel(("en", "es", "nl"))
    logs = model.log_frequencies(["the"], floor=-8.0)
    assert logs["en"] > -2.0 > logs["es"]
    dutch = model.log_frequencies(["fiets"], floor=-8.0)
    assert dutch["nl"] > max(dutch["en"], dutch["es"])


#: Support words whose letters look like a neighbour language's (measured: the
#: detector without word frequencies gets each of them wrong).
SUPPORT_WORDS = [
    ("shipping", "en"),
    ("botella", "es"),
    ("carregador", "pt"),
    ("Jacke", "de"),
    ("schermo", "it"),
    ("oplader", "nl"),
    ("kargo", "tr"),
    ("layar", "id"),
    ("skrin", "ms"),
    ("garantiya", "tl"),
]


@pytest.fixture(scope="module")
def detectors() -> tuple[LanguageDetector, LanguageDetector]:
    with_words, without = LanguageDetector(), LanguageDetector(use_word_frequency=False)
    with_words.warm_up()
    without.warm_up()
    return with_words, without


def test_word_frequencies_settle_single_support_words(
    detectors: tuple[LanguageDetector, LanguageDetector],
) -> None:
    with_words, without = detectors
    assert [with_words.detect(w).language for w, _ in SUPPORT_WORDS] == [
        lang for _, lang in SUPPORT_WORDS
    ]
    assert sum(without.detect(w).language == lang for w, lang in SUPPORT_WORDS) <= 2


def test_cached_table_gives_the_same_frequencies_and_is_read_next_time(
    two_lists: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    built = WordFrequencyModel(("en", "es"), data_dir=two_lists, cache=cache)
    words = ["the", "botella", "cerveza", "zzz"]
    expected = WordFrequencyModel(("en", "es"), data_dir=two_lists).log_frequencies(words, -8.0)
    assert built.log_frequencies(words, floor=-8.0) == expected
    (copy,) = cache.glob("wordfreq-*.npz")
    # The next start reads the copy: with the lists gone it still answers the same.
    for pack in two_lists.glob("*.msgpack.gz"):
        pack.rename(pack.with_suffix(".moved"))
    reread = WordFrequencyModel(("en", "es"), data_dir=two_lists, cache=cache)
    reread._cached_path = lambda files: copy  # type: ignore[method-assign]  # key without the lists
    assert reread.log_frequencies(words, floor=-8.0) == expected


def test_a_changed_list_or_a_damaged_copy_is_built_again(two_lists: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    WordFrequencyModel(("en", "es"), data_dir=two_lists, cache=cache).load()
    (copy,) = cache.glob("wordfreq-*.npz")
    copy.write_bytes(copy.read_bytes()[:100])  # truncated
    model = WordFrequencyModel(("en", "es"), data_dir=two_lists, cache=cache)
    assert model.log_frequencies(["botella"], floor=-8.0) == {"en": -8.0, "es": -3.0}
    write_pack(two_lists / "small_es.msgpack.gz", {200: ["de"], 700: ["botella"]})
    changed = WordFrequencyModel(("en", "es"), data_dir=two_lists, cache=cache)
    assert changed.log_frequencies(["botella"], floor=-8.0) == {"en": -8.0, "es": -7.0}
    assert len(list(cache.glob("wordfreq-*.npz"))) == 1  # the stale copy replaced
