from pathlib import Path

from chatassist.core.phrasebook.loader import parse_file, parse_text
from chatassist.core.phrasebook.writer import dump

SAMPLE = Path(__file__).with_name("sample.yaml")


def test_dump_is_canonical_and_reloads_equal() -> None:
    loaded, _ = parse_file(SAMPLE)
    assert loaded is not None
    text = dump(loaded.phrasebook)
    again, problems = parse_text(text, "x.yaml")
    assert problems == [] and again is not None
    assert again.phrasebook == loaded.phrasebook
    assert dump(again.phrasebook) == text


def test_unvetted_variant_keeps_its_flag() -> None:
    loaded, _ = parse_file(SAMPLE)
    assert loaded is not None
    assert "vetted: false" in dump(loaded.phrasebook)
