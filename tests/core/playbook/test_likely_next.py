"""Hidden-intent hints: each condition kind, the bundled pairs, and validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from chatassist.core.phrasebook.loader import load_files
from chatassist.core.playbook import PlaybookInvalid, load_likely_next
from chatassist.core.playbook.likely_next import LikelyNextHints
from chatassist.core.playbook.situation import Situation
from chatassist.paths import bundled_phrasebooks, bundled_resources

NOTE = "    note: {zh-Hans: 说明, en: why}\n"


def hints(tmp_path: Path, when: str) -> LikelyNextHints:
    path = tmp_path / "likely_next.yaml"
    path.write_text(
        f"format: 1\nhints:\n  - id: h\n    when: {when}\n    next: product_fault\n"
        f"    reply: product_fault.troubleshooting\n{NOTE}",
        encoding="utf-8",
    )
    return load_likely_next(path)


def found(h: LikelyNextHints, text: str = "", **situation: object) -> list[str]:
    s = Situation(**{"scenarios": (), "text": text, **situation})  # type: ignore[arg-type]
    return [n.hint for n in h.find(s, "en")]


def test_words_match_accent_and_case_insensitive_from_a_word_start(tmp_path: Path) -> None:
    h = hints(tmp_path, "{words: {en: [warrant], es: [garantía], zh-Hans: [保修]}}")
    assert found(h, "How long is the WARRANTY?") == ["h"]
    assert found(h, "¿Cuánto dura la garantia?") == ["h"]
    assert found(h, "保修期多久") == ["h"]
    assert found(h, "unwarranted claim") == []  # not at a word start
    assert found(h, "where is my parcel") == []


def test_scenario_condition(tmp_path: Path) -> None:
    h = hints(tmp_path, "{scenarios: [size_fit]}")
    assert found(h, scenarios=(("size_fit", 0.7),)) == ["h"]
    assert found(h, scenarios=(("order_status", 0.9), ("size_fit", 0.1))) == []


def test_order_age_condition(tmp_path: Path) -> None:
    h = hints(tmp_path, "{order_age_days: {at_least: 10}}")
    assert found(h, order_age_days=10) == ["h"]
    assert found(h, order_age_days=9) == []
    assert found(h) == []  # age unknown


def test_reason_names_what_held(tmp_path: Path) -> None:
    h = hints(tmp_path, "{scenarios: [order_status], order_age_days: {at_least: 10}}")
    s = Situation((("order_status", 0.8),), order_age_days=12)
    (hint,) = h.find(s, "zh-Hans")
    assert (hint.scenario, hint.entry_id, hint.note) == (
        "product_fault",
        "product_fault.troubleshooting",
        "说明",
    )
    assert hint.reason == "说明 (scenario order_status; ordered 12 days ago)"


@pytest.mark.parametrize(
    ("when", "says"),
    [
        ("{}", "4:11: hint h: when needs at least one condition"),
        ("{words: {xx: [a]}}", "4:20: hint h: words: unknown field 'xx'"),
        ("{words: {ja: [保]}}", "single character"),
        ("{order_age_days: {at_least: -3}}", "at least 1"),
        ("{scenarios: [warranty]}", "unknown scenario 'warranty'"),
        ("{colour: red}", "unknown field 'colour'"),
    ],
)
def test_invalid_hints_are_reported_at_their_line(tmp_path: Path, when: str, says: str) -> None:
    with pytest.raises(PlaybookInvalid) as err:
        hints(tmp_path, when)
    assert says in "\n".join(str(p) for p in err.value.problems)


def test_bundled_hints_reproduce_the_playbook_pairs() -> None:
    h = load_likely_next(bundled_resources() / "likely_next.yaml")
    pairs = {x.id: (x.next, x.reply) for x in h.hints}
    assert pairs["warranty_then_fault"][0] == "product_fault"
    assert pairs["size_then_exchange"][0] == "return_exchange"
    assert pairs["late_order_status"][0] == "shipping_delay"
    for text in ("How long is the warranty?", "保修期是多久？", "Berapa lama garansinya, Kak?"):
        assert found(h, text) == ["warranty_then_fault"], text
    assert found(h, scenarios=(("size_fit", 0.8),)) == ["size_then_exchange"]
    assert found(h, scenarios=(("order_status", 0.8),), order_age_days=11) == ["late_order_status"]
    assert found(h, scenarios=(("order_status", 0.8),), order_age_days=3) == []
    books = load_files([bundled_phrasebooks()])
    assert h.check_references({e.id for lb in books for e in lb.phrasebook.entries}) == []
