"""Lint of the bundled phrasebooks: what an agent can send on day one."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from functools import cache

import pytest

from chatassist.core.languages import CUSTOMER_LANGUAGES
from chatassist.core.phrasebook.coverage import coverage
from chatassist.core.phrasebook.loader import LoadedPhrasebook, load_files
from chatassist.core.phrasebook.model import Entry
from chatassist.core.regions import load_regions
from chatassist.core.scenarios import SCENARIO_IDS
from chatassist.paths import bundled_phrasebooks, bundled_resources

# Typical UTF-8-read-as-Latin-1/Windows-1252 debris, and replacement characters.
MOJIBAKE = re.compile("Ã.|Â.|â€|ï¿½|\ufffd|ãƒ|ã‚|ì•|í•")
FREQUENT = (
    "order_status",
    "shipping_delay",
    "customs_tax",
    "not_received",
    "refund_request",
    "return_exchange",
)
NOTE_SCENARIOS = ("return_exchange", "customs_tax")
NOTE_REGIONS = ("north_america", "europe", "japan", "southeast_asia")


@cache
def loaded() -> tuple[LoadedPhrasebook, ...]:
    return tuple(load_files([bundled_phrasebooks()]))


def entries() -> list[Entry]:
    return [e for lb in loaded() for e in lb.phrasebook.entries]


def texts() -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for lb in loaded():
        book = lb.phrasebook
        out.extend((f"{book.id} title", t) for t in book.title.values())
        for e in book.entries:
            out.extend((f"{e.id} gloss", t) for t in e.gloss.values())
            out.extend((f"{e.id} body", t) for t in e.body.values())
            out.extend((f"{e.id} keyword {lang}", w) for lang, ws in e.keywords.items() for w in ws)
            out.extend((f"{e.id} {v.language}/{v.tone}", v.text) for v in e.variants)
    return out


def test_bundled_phrasebooks_validate() -> None:
    assert len(loaded()) >= 1


def test_required_coverage_is_complete() -> None:
    regions = load_regions(bundled_resources() / "regions.yaml")
    default_tone = {lang: regions.choose(lang).tone for lang in CUSTOMER_LANGUAGES}
    result = coverage([lb.phrasebook for lb in loaded()], default_tone)
    assert result.scenarios_without_replies == []
    assert [str(g) for g in result.gaps] == []


def test_frequent_scenarios_have_several_replies_and_segment_variants() -> None:
    replies = [e for e in entries() if e.kind == "reply"]
    for scenario in FREQUENT:
        assert sum(1 for e in replies if e.scenarios[0] == scenario) >= 4, scenario
    segmented = {seg for e in replies for seg in e.segments}
    assert {"new", "returning", "high_value"} <= segmented


def test_agent_notes_for_returns_and_customs_per_region() -> None:
    notes = [e for e in entries() if e.kind == "note"]
    for scenario in NOTE_SCENARIOS:
        for region in NOTE_REGIONS:
            assert any(scenario in n.scenarios and region in n.regions for n in notes), (
                scenario,
                region,
            )


def test_every_entry_has_glosses_and_keywords_in_every_language() -> None:
    for e in entries():
        assert {"zh-Hans", "en"} <= set(e.gloss), e.id
        missing = [lang for lang in CUSTOMER_LANGUAGES if not e.keywords.get(lang)]
        assert missing == [], (e.id, missing)


def test_commitments_are_placeholders_not_fixed_amounts() -> None:
    money = re.compile(r"[$€£¥₩฿₱]\s?\d|\d\s?(?:€|USD|EUR|円|원|บาท)")
    for where, text in texts():
        if " gloss" in where or " body" in where or " keyword" in where:
            continue
        assert not money.search(text), (where, text)


def test_no_mojibake_or_stray_control_characters() -> None:
    for where, text in texts():
        assert not MOJIBAKE.search(text), (where, text)
        bad = [
            c
            for c in text
            if unicodedata.category(c) in ("Cc", "Cf", "Co", "Cs") and c not in "\n\u200d\ufe0f"
        ]
        assert not bad, (where, [f"U+{ord(c):04X}" for c in bad])


def test_scenario_ids_are_the_spec_ids() -> None:
    used = {s for e in entries() for s in e.scenarios}
    assert used <= set(SCENARIO_IDS)
    assert set(SCENARIO_IDS) <= used


def installed_charset() -> set[int]:
    """Code points covered by some installed font: what Qt's fontconfig fallback can draw."""
    if shutil.which("fc-list") is None:
        pytest.fail("fontconfig is not installed: run `make system-deps`")
    out = subprocess.run(
        ["fc-list", "--format", "%{charset}\n"], capture_output=True, text=True, check=True
    ).stdout
    covered: set[int] = set()
    for part in out.split():
        lo, _, hi = part.partition("-")
        covered.update(range(int(lo, 16), int(hi or lo, 16) + 1))
    return covered


def test_every_character_renders_with_the_installed_fonts() -> None:
    covered = installed_charset()
    chars = {c for _, text in texts() for c in text if not c.isspace()}
    chars -= {"\u200d", "\ufe0f"}  # joiners and variation selectors are not drawn
    missing = sorted(c for c in chars if ord(c) not in covered)
    assert missing == [], [f"U+{ord(c):04X} {c}" for c in missing]


def test_filled_japanese_and_korean_replies_do_not_double_the_honorific() -> None:
    from chatassist.core.replies import fill_reply

    regions = load_regions(bundled_resources() / "regions.yaml")
    names = {"ja": "田中 太郎", "ko": "김민수"}
    for e in entries():
        for v in e.variants:
            if v.language in names and "{customer_name}" in v.text:
                text = fill_reply(
                    v.text,
                    v.language,
                    {"customer_name": names[v.language]},
                    regions.choose(v.language),
                ).text
                for doubled in ("様様", "様 様", "님님", "님 고객님"):
                    assert doubled not in text, (e.id, v.language, text)
