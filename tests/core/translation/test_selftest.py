"""The pack self-test: every case of the battery through one pack, judged per token."""

from __future__ import annotations

import re
from typing import Any

from chatassist.core.translation import InstalledPack, TokenReport, Translation
from chatassist.core.translation.selftest import BATTERY, Case, judge, run_pack
from chatassist.core.translation.service import TranslationService


def battery_through(service: TranslationService, pair: tuple[str, str]) -> dict[str, str]:
    pack = next(p for p in service._packs.installed() if (p.from_code, p.to_code) == pair)
    alone = service.isolated([pack])
    result = run_pack(
        lambda text, source, target, glossary: alone.translate(
            text, source, target, glossary=glossary
        ),
        pack,
    )
    return {c.case: c.result for c in result.cases}


def test_the_battery_covers_what_the_issue_lists() -> None:
    names = {case.name for case in BATTERY}
    assert {
        "order_number",
        "amount_with_currency",
        "date",
        "url",
        "email",
        "tracking_code",
        "placeholder",
        "emoji",
        "do_not_translate",
        "multi_sentence",
        "cjk_punctuation",
        "thai_text",
        "arabic_punctuation",
    } <= names
    for case in BATTERY:  # every token is really in the text of every source language
        for language in ("en", "ja", "ar", "zh-Hant"):
            text = case.source_text(language)
            assert all(token in text for token in case.tokens), (case.name, language)


def test_a_model_that_copies_sentinels_keeps_every_case(fake_service: Any) -> None:
    service, _ = fake_service(lambda s: s.upper())  # "translates" words, copies sentinels
    results = battery_through(service, ("en", "es"))
    assert set(results.values()) == {"kept"}, results


def test_mangled_sentinels_are_repaired_never_lost(fake_service: Any) -> None:
    service, _ = fake_service(lambda s: re.sub(r"ZX(\d+)Q", r"zx \1", s))
    assert set(battery_through(service, ("es", "en")).values()) == {"repaired"}
    service, _ = fake_service(lambda s: re.sub(r"ZX\d+Q", "", s))  # sentinels dropped
    assert set(battery_through(service, ("zh", "en")).values()) == {"repaired"}


def test_judging_lost_and_reported_tokens() -> None:
    case = Case("order_number", ("#48213",), "#48213")
    source = case.source_text("en")
    lost = Translation("Su pedido ha sido enviado.", "en", "es", ("en", "es"))
    assert judge(case, lost).result == "lost" and judge(case, lost).detail == ("#48213",)
    appended = Translation(
        "Su pedido ha sido enviado. #48213",
        "en",
        "es",
        ("en", "es"),
        protected=TokenReport(appended=("#48213",)),
    )
    assert judge(case, appended).result == "reported"
    kept = Translation(source.replace("Your order", "Su pedido"), "en", "es", ("en", "es"))
    assert judge(case, kept).result == "kept"


def test_the_real_pipeline_on_tiny_packs_loses_nothing(
    install: Any, real_service: TranslationService
) -> None:
    pack: InstalledPack = install("en", "es")
    alone = real_service.isolated([pack])
    result = run_pack(
        lambda text, source, target, glossary: alone.translate(
            text, source, target, glossary=glossary
        ),
        pack,
    )
    assert len(result.cases) == len(BATTERY)
    assert result.count("lost") == 0, [c for c in result.cases if c.result == "lost"]
    # Random models do not copy sentinels: the pipeline put the tokens back.
    assert result.count("repaired") + result.count("kept") == len(BATTERY)
