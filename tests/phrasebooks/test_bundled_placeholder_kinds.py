"""Bundled replies use each placeholder as its declared kind, and fill correctly.

A kind is what the phrasebook's (or the entry's) ``placeholders:`` map declares,
else what the name implies; these checks read both, as the fill form does."""

from __future__ import annotations

import re
from functools import cache

from chatassist.core.phrasebook.loader import load_files
from chatassist.core.phrasebook.model import Entry
from chatassist.core.phrasebook.placeholders import DATE, DURATION, MONEY, NUMBER, placeholder_kind
from chatassist.core.regions import RegionConfig, load_regions
from chatassist.core.replies import fill_reply
from chatassist.paths import bundled_phrasebooks, bundled_resources

SAMPLE = {DATE: "2026-11-28", DURATION: "3-5 days", MONEY: "19.90", NUMBER: "14"}


@cache
def entries() -> tuple[tuple[Entry, dict[str, str]], ...]:
    """Every bundled entry with the kinds declared for it."""
    return tuple(
        (e, lb.phrasebook.kinds_of(e))
        for lb in load_files([bundled_phrasebooks()])
        for e in lb.phrasebook.entries
    )


@cache
def regions() -> RegionConfig:
    return load_regions(bundled_resources() / "regions.yaml")


def sample_values(names: frozenset[str], kinds: dict[str, str]) -> dict[str, str]:
    return {n: SAMPLE.get(placeholder_kind(n, kinds), "X") for n in names}


def test_english_wording_matches_each_placeholder_kind() -> None:
    # "within {eta}" filled with a date reads "within November 28, 2026".
    date_as_duration = re.compile(r"\b(?:within|takes|in|about)\s+\{([a-z_]+)\}")
    duration_as_date = re.compile(r"\b(?:by|on|until|before)\s+\{([a-z_]+)\}")
    wrong = []
    for e, kinds in entries():
        for v in e.variants_in("en"):
            wrong += [
                (e.id, v.tone, m.group())
                for m in date_as_duration.finditer(v.text)
                if placeholder_kind(m.group(1), kinds) == DATE
            ]
            wrong += [
                (e.id, v.tone, m.group())
                for m in duration_as_date.finditer(v.text)
                if placeholder_kind(m.group(1), kinds) == DURATION
            ]
    assert wrong == []


def test_filled_replies_keep_no_value_as_typed() -> None:
    for e, kinds in entries():
        for v in e.variants:
            filled = fill_reply(
                v.text,
                v.language,
                sample_values(v.placeholders, kinds),
                regions().choose(v.language),
                kinds=kinds,
            )
            assert filled.problems == (), (e.id, v.language, filled.problems)


def test_arabic_counted_nouns_agree_after_filling() -> None:
    # 14 takes the singular accusative (يومًا), never the 3-10 plural (أيام).
    plural_after_14 = re.compile(r"14 (?:أيام|ساعات|أشهر|أسابيع|دقائق)")
    checked = 0
    for e, kinds in entries():
        for v in e.variants_in("ar"):
            values = sample_values(v.placeholders, kinds)
            filled = fill_reply(v.text, "ar", values, regions().choose("ar"), kinds=kinds).text
            assert not plural_after_14.search(filled), (e.id, filled)
            checked += "14 " in filled
    assert checked >= 10


def test_thai_replies_for_a_male_agent_have_no_female_particle() -> None:
    female = re.compile(r"ค่ะ|คะ(?!แนน|เน)")
    for e, kinds in entries():
        for v in e.variants_in("th"):
            values = sample_values(v.placeholders, kinds)
            male = fill_reply(
                v.text, "th", values, regions().choose("th"), agent_gender="male", kinds=kinds
            )
            assert not female.search(male.text), (e.id, male.text)
            assert "ครับ" in male.text, e.id


def test_every_bundled_value_placeholder_has_a_declared_kind() -> None:
    # Dates, durations, amounts and counts are declared in the phrasebook (its
    # `placeholders:` map), not left to the name: a new reply must say what it means.
    undeclared = sorted(
        {
            (e.id, name)
            for e, kinds in entries()
            for name in e.placeholders
            if name not in kinds and placeholder_kind(name) != "text"
        }
    )
    assert undeclared == []
