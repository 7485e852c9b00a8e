"""The parsed cue lexicon kept per file content: equal to a fresh parse, and never
hiding a changed or invalid file."""

from __future__ import annotations

from pathlib import Path

import pytest

from chatassist.core.intents import LexiconInvalid, load_lexicon
from chatassist.paths import bundled_resources
from chatassist.storage import lexicon_cache

LEXICON = bundled_resources() / "intent_cues.yaml"


def test_the_kept_copy_equals_a_fresh_parse(tmp_path: Path) -> None:
    fresh = load_lexicon(LEXICON)
    assert lexicon_cache.load(LEXICON, tmp_path) == fresh  # parsed, then kept
    assert (tmp_path / lexicon_cache.FILE_NAME).exists()
    assert lexicon_cache.load(LEXICON, tmp_path) == fresh  # read from the copy


def test_a_changed_file_is_parsed_again_and_its_problems_reported(tmp_path: Path) -> None:
    path = tmp_path / "cues.yaml"
    path.write_bytes(LEXICON.read_bytes())
    lexicon_cache.load(path, tmp_path / "cache")
    path.write_text("scenarios: [unclosed", encoding="utf-8")
    with pytest.raises(LexiconInvalid):
        lexicon_cache.load(path, tmp_path / "cache")


def test_a_damaged_copy_is_ignored(tmp_path: Path) -> None:
    lexicon_cache.load(LEXICON, tmp_path)
    copy = tmp_path / lexicon_cache.FILE_NAME
    copy.write_bytes(copy.read_bytes()[:1000])
    assert lexicon_cache.load(LEXICON, tmp_path) == load_lexicon(LEXICON)
