"""Agent notes: every legal or tax claim says where it applies and that rules change."""

from __future__ import annotations

from chatassist.core.phrasebook.loader import load_files
from chatassist.core.phrasebook.model import Entry
from chatassist.paths import bundled_phrasebooks

# Tags that mark a note stating a law, a tax or a regional rule.
LEGAL_TAGS = {"regional_rules", "duties", "vat", "legal"}
SCOPE = {"en": "Scope: ", "zh-Hans": "适用范围："}
HEDGE = {
    "en": "Check the current rule before quoting it to a customer.",
    "zh-Hans": "向客户引用前请先核实当前规定。",
}


def notes() -> list[Entry]:
    return [
        e
        for lb in load_files([bundled_phrasebooks()])
        for e in lb.phrasebook.entries
        if e.kind == "note"
    ]


def test_legal_notes_state_their_scope_and_hedge() -> None:
    legal = [n for n in notes() if LEGAL_TAGS & set(n.tags)]
    assert len(legal) >= 8
    for note in legal:
        assert note.regions, (note.id, "a legal note is shown only in the regions it covers")
        for lang in ("en", "zh-Hans"):
            body = note.body[lang]
            assert body.startswith(SCOPE[lang]), (note.id, lang, body[:40])
            assert body.endswith(HEDGE[lang]), (note.id, lang, body[-60:])


def test_withdrawal_rules_for_korea_and_latin_america() -> None:
    by_region = {r: n for n in notes() if "return_exchange" in n.scenarios for r in n.regions}
    assert "청약철회" in by_region["korea"].body["en"]
    assert "7 days" in by_region["korea"].body["en"]
    assert "Brazil" in by_region["latin_america"].body["en"]
    assert "CDC Article 49" in by_region["latin_america"].body["en"]


def test_eu_withdrawal_note_names_its_exceptions_and_the_countries_that_differ() -> None:
    eu = next(n for n in notes() if n.id == "return_exchange.note.eu")
    for country in ("UK", "Switzerland", "Turkey", "Russia"):
        assert country in eu.body["en"], country
    assert "Exceptions" in eu.body["en"]
