from __future__ import annotations

from chatassist.core.languages import CUSTOMER_LANGUAGES
from chatassist.core.phrasebook.coverage import coverage
from chatassist.core.phrasebook.model import Entry, Phrasebook, Variant

TONE = {lang: "direct" for lang in CUSTOMER_LANGUAGES} | {"ko": "detailed", "ja": "detailed"}


def entry(entry_id: str, regions: tuple[str, ...], *variants: tuple[str, str]) -> Entry:
    return Entry(
        id=entry_id,
        scenarios=("customs_tax",),
        gloss={"en": "x", "zh-Hans": "x"},
        regions=regions,
        variants=tuple(Variant(lang, tone, "text") for lang, tone in variants),
    )


def gaps(*entries: Entry) -> set[tuple[str, str, str]]:
    book = Phrasebook(id="b", title={"en": "b"}, entries=entries)
    return {(g.entry_id, g.language, g.tone) for g in coverage([book], TONE).gaps}


def test_a_regional_reply_needs_english_and_its_own_languages_only() -> None:
    english = [("en", t) for t in ("direct", "warm", "detailed")]
    korea = entry("korea.code", ("korea",), *english, ("ko", "detailed"))
    assert gaps(korea) == set()
    # Its languages still need their default tone, and English all three.
    thin = entry("korea.thin", ("korea",), ("en", "direct"), ("ko", "direct"))
    assert gaps(thin) == {
        ("korea.thin", "en", "warm"),
        ("korea.thin", "en", "detailed"),
        ("korea.thin", "ko", "detailed"),
    }


def test_a_reply_for_every_region_needs_every_language() -> None:
    everywhere = entry("any.reply", (), ("en", "direct"), ("en", "warm"), ("en", "detailed"))
    missing = {lang for _, lang, _ in gaps(everywhere)}
    assert missing == set(CUSTOMER_LANGUAGES) - {"en"}
