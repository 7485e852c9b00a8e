"""The team's own offer rules file: written back exactly, backed up, never half-written."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from chatassist.core.playbook import PlaybookInvalid, load_offer_rules
from chatassist.core.playbook.offer_rules import OfferRules, dump_offer_rules, parse_offer_rules
from chatassist.core.playbook.rules_file import OfferRulesFile
from chatassist.paths import bundled_resources

BUNDLED = bundled_resources() / "offer_rules.yaml"


def same(a: OfferRules, b: OfferRules) -> bool:
    return a.rates == b.rates and [replace(r, line=0) for r in a.rules] == [
        replace(r, line=0) for r in b.rules
    ]


def test_the_bundled_rules_read_back_as_written() -> None:
    rules = load_offer_rules(BUNDLED)
    again = parse_offer_rules(dump_offer_rules(rules), "x.yaml")
    assert same(rules, again)
    assert any(r.year_spend is not None for r in again.rules)


def test_text_with_problems_names_the_file_and_line() -> None:
    with pytest.raises(PlaybookInvalid) as err:
        parse_offer_rules(
            "format: 1\nbase_currency: USD\nrates: {USD: 1}\nrules: [{id: A}]\n", "t.yaml"
        )
    text = "\n".join(str(p) for p in err.value.problems)
    assert "t.yaml:4:" in text


def test_own_file_overrides_the_bundled_one_and_keeps_backups(tmp_path: Path) -> None:
    store = OfferRulesFile(tmp_path / "offer_rules.yaml", BUNDLED, tmp_path / "backups")
    assert not store.is_own and store.path == BUNDLED
    rules = store.load()
    fewer = replace(rules, rules=rules.rules[:2])
    assert store.save(fewer) is None  # nothing to back up yet
    assert store.is_own and len(store.load().rules) == 2
    backup = store.save(rules)
    assert backup is not None and len(load_offer_rules(backup).rules) == 2
    assert "before-save" in backup.name
    assert same(store.load(), rules)
    kept = store.reset()
    assert kept is not None and "before-reset" in kept.name
    assert not store.is_own and store.path == BUNDLED
    assert not list(tmp_path.glob(".offer_rules.yaml.*"))  # no temporary file left


def test_a_failed_write_leaves_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = OfferRulesFile(tmp_path / "offer_rules.yaml", BUNDLED, tmp_path / "backups")
    rules = store.load()
    store.save(rules)
    before = store.own.read_bytes()

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("chatassist.core.playbook.rules_file.write_atomic", full_disk)
    with pytest.raises(OSError):
        store.save(replace(rules, rules=()))
    assert store.own.read_bytes() == before
