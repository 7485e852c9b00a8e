"""The trainers' glossary: its file format, and terms applied and verified in translation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from chatassist.core.translation import glossary
from chatassist.core.translation.protect import mask, unmask
from chatassist.core.translation.service import TranslationService
from chatassist.core.yaml_reader import InvalidFiles

GOOD = """\
glossary_version: 1
terms:
  - id: refund
    note: money returned to the customer
    translations:
      en: refund
      de: [Rückerstattung, Erstattung]
      es: reembolso
      zh-Hans: 退款
  - id: shoppay
    keep: ShopPay
"""


def test_a_glossary_file_reads_and_writes_back_the_same() -> None:
    parsed = glossary.parse(GOOD, "glossary.yaml")
    assert [t.id for t in parsed.terms] == ["refund", "shoppay"]
    assert parsed.terms[0].forms("de") == ("Rückerstattung", "Erstattung")
    again = glossary.parse(glossary.dump(parsed), "again.yaml")
    assert again.terms == parsed.terms


def test_terms_for_a_pair() -> None:
    parsed = glossary.parse(GOOD, "glossary.yaml")
    de_en = parsed.for_pair("de", "en")
    assert de_en.keep == ("ShopPay",)
    assert de_en.replace == (("Rückerstattung", "refund"), ("Erstattung", "refund"))
    assert parsed.for_pair("en", "de").replace == (("refund", "Rückerstattung"),)
    assert parsed.for_pair("en", "ja").replace == ()  # no Japanese form: left to the model


def test_every_problem_is_reported_at_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "glossary.yaml"
    bad.write_text(
        "glossary_version: 1\n"
        "terms:\n"
        "  - id: refund\n"
        "    translations: {en: refund, de: Erstattung, xx: nope}\n"
        "  - id: refund\n"
        "    keep: Refundo\n"
        "  - id: lonely\n"
        "    translations: {en: alone}\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidFiles) as caught:
        glossary.load(bad)
    problems = [str(p) for p in caught.value.problems]
    assert any(p.startswith(f"{bad}:4:48: term 'refund': unknown language 'xx'") for p in problems)
    assert any(
        p.startswith(f"{bad}:5:9: term 'refund': id already used on line 3") for p in problems
    )
    assert any(
        ":7:5: term 'lonely': needs keep, or translations in two languages" in p for p in problems
    )


def test_translation_applies_the_target_form(fake_service: Any) -> None:
    service, backend = fake_service(lambda s: s.replace("Where is my", "Wo ist meine"))
    terms = glossary.parse(GOOD, "g.yaml")
    applied = TranslationService(
        service._backend,
        service._packs,
        glossary=lambda: terms,
    )
    result = applied.translate("Where is my Refund? ShopPay", "en", "es")
    assert result.text == "Wo ist meine reembolso? ShopPay"
    token = result.protected.tokens[0]
    assert (token.kind, token.text, token.replacement) == ("term", "Refund", "reembolso")
    assert all("Refund" not in s and "ShopPay" not in s for _, ss in backend.calls for s in ss)
    assert result.protected.ok
    # A pair without a form for the target: the model's own word.
    assert applied.translate("Where is my refund?", "en", "ja").text == "Wo ist meine refund?"


def test_a_term_missing_from_the_output_is_reported() -> None:
    masked = mask("refund and refund", replacements=[("refund", "Rückerstattung")])
    _, fine = unmask("ZX0Q und ZX1Q", masked)
    assert fine.glossary_missing == () and fine.ok
    text, merged = unmask("ZX0Q und ZX0Q", masked)  # the model merged two into one
    assert text == "Rückerstattung und Rückerstattung"  # the second was appended...
    assert merged.extra == 1 and merged.appended == ("Rückerstattung",)
