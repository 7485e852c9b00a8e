"""Shared fixtures for intent detection: the bundled lexicon and phrasebooks, built once."""

from __future__ import annotations

import pytest

from chatassist.core.intents import CueLexicon, IntentDetector, load_lexicon
from chatassist.core.intents.examples import load_examples
from chatassist.core.intents.learnt import WordPartModel
from chatassist.core.phrasebook.loader import (
    PhrasebookInvalid,
    expand_paths,
    load_files,
    parse_file,
)
from chatassist.core.phrasebook.model import Entry
from chatassist.paths import bundled_phrasebooks, bundled_resources


def bundled_entries() -> list[Entry]:
    """Entries of the bundled phrasebooks; a file being edited (invalid) is skipped."""
    folder = bundled_phrasebooks()
    if not folder.is_dir():
        return []
    try:
        return [e for b in load_files([folder]) for e in b.phrasebook.entries]
    except PhrasebookInvalid:
        entries: list[Entry] = []
        for path in expand_paths([folder]):
            book, _ = parse_file(path)
            if book is not None:
                entries.extend(book.phrasebook.entries)
        return entries


@pytest.fixture(scope="session")
def lexicon() -> CueLexicon:
    return load_lexicon(bundled_resources() / "intent_cues.yaml")


@pytest.fixture(scope="session")
def lexicon_detector(lexicon: CueLexicon) -> IntentDetector:
    """Cue lexicon only: tests of behaviour that must not depend on phrasebook contents."""
    return IntentDetector.build(lexicon, ())


@pytest.fixture(scope="session")
def model(lexicon: CueLexicon) -> WordPartModel:
    """The word-part model as the app trains it: the bundled examples and the cues."""
    examples = load_examples([bundled_resources() / "intent_examples"])
    return WordPartModel.from_lexicon(lexicon, [(e.scenarios, e.text) for e in examples])


@pytest.fixture(scope="session")
def full_detector(lexicon: CueLexicon, model: WordPartModel) -> IntentDetector:
    """What the sidebar runs: cues, the bundled phrasebooks' keywords and the model."""
    return IntentDetector.build(lexicon, bundled_entries(), model)
