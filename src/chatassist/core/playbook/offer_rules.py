"""Offer rules: which compensation or process reply a customer gets, and why.

Trainers declare the rules in ``resources/offer_rules.yaml``::

    format: 1
    base_currency: USD
    rates: {USD: 1, EUR: 1.08, JPY: 0.0067}   # value of one unit in the base currency
    rules:
      - id: returning_late_parcel
        when:                                  # every condition given must hold
          scenarios: [shipping_delay]          # one of these is among the detected scenarios
          segments: [returning]                # the customer's segment is one of these
          regions: [europe]                    # the customer's region is one of these
          except_regions: [japan]              # ... and not one of these
          order_value: {at_least: 30 USD, below: 200 USD}   # any declared currency
          year_spend: {at_least: 30000 USD}    # what the customer spent in the last 12 months
        offer: offer.priority_reship_coupon    # a reply entry id from the phrasebooks
        note: {zh-Hans: ..., en: ...}          # for the agent only: why this offer

Every rule that holds gives its offer, in file order (an entry once, for the
first rule naming it). A rule with an ``order_value`` (or ``year_spend``)
condition does not hold while the agent has not entered that value.

What held is kept as data (``HeldCondition``) so that each window can say it
in the agent's language; ``FiredOffer.reason`` is the English line of the CLI.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import yaml

from chatassist.core.playbook.money import Money, MoneyInvalid, Rates, parse_money
from chatassist.core.playbook.reading import (
    PlaybookInvalid,
    PlaybookReader,
    agent_note,
    missing_replies,
    read_root,
)
from chatassist.core.playbook.situation import Situation
from chatassist.core.regions import REGION_IDS
from chatassist.core.scenarios import SCENARIO_IDS
from chatassist.core.tones import SEGMENTS
from chatassist.core.yaml_reader import Problem, compose

__all__ = [
    "FiredOffer",
    "HeldCondition",
    "OfferRule",
    "OfferRules",
    "PlaybookInvalid",
    "dump_offer_rules",
    "load_offer_rules",
    "parse_offer_rules",
]

_CONDITIONS = ("scenarios", "segments", "regions", "except_regions", "order_value", "year_spend")
#: the money conditions: the customer's value each one compares
_AMOUNTS = {"order_value": "order", "year_spend": "spent this year"}


@dataclass(frozen=True)
class ValueRange:
    at_least: Money | None = None
    below: Money | None = None


@dataclass(frozen=True)
class OfferRule:
    id: str
    offer: str  # reply entry id
    note: dict[str, str]  # agent language -> why
    scenarios: tuple[str, ...] = ()
    segments: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    except_regions: tuple[str, ...] = ()
    order_value: ValueRange | None = None
    year_spend: ValueRange | None = None
    line: int = 0  # of the ``offer`` field, for reference checks


@dataclass(frozen=True)
class HeldCondition:
    """One condition of a rule that held, as data: ``kind`` is scenario, segment,
    region, order_value or year_spend; ``value`` the customer's (an id or an
    amount such as "25 USD"); ``at_least``/``below`` the rule's bounds."""

    kind: str
    value: str
    at_least: str | None = None
    below: str | None = None

    def describe(self) -> str:
        """In English (the CLI; windows say it in the agent's language)."""
        if self.kind in _AMOUNTS:
            text = f"{_AMOUNTS[self.kind]} {self.value}"
            if self.at_least is not None:
                text += f", at least {self.at_least}"
            if self.below is not None:
                text += f", below {self.below}"
            return text
        if self.kind == "segment":
            return f"{self.value} customer"
        return f"{self.kind} {self.value or 'unknown'}"


def describe_reason(note: str, held: tuple[HeldCondition, ...]) -> str:
    """The note and the conditions that held, in English: "why (scenario x; order 25 USD)"."""
    if not held:
        return note
    return f"{note} ({'; '.join(h.describe() for h in held)})"


@dataclass(frozen=True)
class FiredOffer:
    rule: str
    entry_id: str
    note: str  # in the agent's language
    held: tuple[HeldCondition, ...] = ()

    @property
    def reason(self) -> str:
        """Note and the conditions that held (in English), for the agent only."""
        return describe_reason(self.note, self.held)


@dataclass(frozen=True)
class OfferRules:
    path: str
    rates: Rates
    rules: tuple[OfferRule, ...]

    def parse_value(self, text: str, what: str = "order value") -> Money:
        """An order value (or year spend) as the agent typed it, in a declared currency."""
        return self.rates.parse(text, what)

    def fire(self, situation: Situation, agent_language: str = "zh-Hans") -> list[FiredOffer]:
        out: list[FiredOffer] = []
        seen: set[str] = set()
        for rule in self.rules:
            held = self._holds(rule, situation)
            if held is None or rule.offer in seen:
                continue
            seen.add(rule.offer)
            note = agent_note(rule.note, agent_language)
            out.append(FiredOffer(rule.id, rule.offer, note, tuple(held)))
        return out

    def check_references(self, entry_ids: Collection[str]) -> list[Problem]:
        """Rules naming a reply the library does not have (such a rule never shows)."""
        return missing_replies(
            self.path, "rule", ((r.id, r.offer, r.line) for r in self.rules), entry_ids
        )

    def _holds(self, rule: OfferRule, s: Situation) -> list[HeldCondition] | None:
        """The conditions that held; None when one does not."""
        held: list[HeldCondition] = []
        if rule.scenarios:
            hit = [sid for sid in s.strong_scenarios() if sid in rule.scenarios]
            if not hit:
                return None
            held.append(HeldCondition("scenario", hit[0]))
        if rule.segments:
            if s.segment not in rule.segments:
                return None
            held.append(HeldCondition("segment", s.segment or ""))
        if rule.regions:
            if s.region not in rule.regions:
                return None
            held.append(HeldCondition("region", s.region))
        if rule.except_regions and s.region in rule.except_regions:
            return None
        if rule.except_regions and not rule.regions:
            held.append(HeldCondition("region", s.region))
        for kind, bounds, value in (
            ("order_value", rule.order_value, s.order_value),
            ("year_spend", rule.year_spend, s.year_spend),
        ):
            if bounds is None:
                continue
            if value is None or not self._within(value, bounds):
                return None
            held.append(
                HeldCondition(
                    kind,
                    str(value),
                    None if bounds.at_least is None else str(bounds.at_least),
                    None if bounds.below is None else str(bounds.below),
                )
            )
        return held

    def _within(self, value: Money, bounds: ValueRange) -> bool:
        try:
            base = self.rates.in_base(value)
        except MoneyInvalid:
            return False
        if bounds.at_least is not None and base < self.rates.in_base(bounds.at_least):
            return False
        return bounds.below is None or base < self.rates.in_base(bounds.below)


def load_offer_rules(path: Path) -> OfferRules:
    """Read and validate the offer rules; raise ``PlaybookInvalid`` listing every problem."""
    return _read(read_root(path), str(path))


def parse_offer_rules(text: str, name: str) -> OfferRules:
    """Validate rules given as text (the editor's, before it saves); ``name`` is the
    file the problems name."""
    root, problems = compose(text, name)
    if root is None:
        raise PlaybookInvalid(problems)
    return _read(root, name)


def _read(root: yaml.Node, name: str) -> OfferRules:
    reader = _RulesReader(name)
    rules = reader.read(root)
    reader.finish(name)
    assert rules is not None  # no problems means a complete file
    return rules


HEADER = """\
# Offer rules: which compensation or process reply a customer gets, and why.
# Written by the phrasebook editor (Offer rules tab); the format is described in
# src/chatassist/core/playbook/offer_rules.py of chatassist.
"""


def dump_offer_rules(rules: OfferRules) -> str:
    """The rules as a file ``load_offer_rules`` reads back to the same rules."""
    return dump_rule_data(rules.rates, [rule_data(r) for r in rules.rules])


def dump_rule_data(rates: Rates, rules: list[dict[str, object]]) -> str:
    """A rules file from ``rates`` and rules as plain data (``rule_data``'s shape,
    e.g. as edited in a form; validate it with ``parse_offer_rules``)."""
    data: dict[str, object] = {
        "format": 1,
        "base_currency": rates.base,
        "rates": {code: _number(rate) for code, rate in rates.per_unit.items()},
        "rules": rules,
    }
    return HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def rule_data(rule: OfferRule) -> dict[str, object]:
    """A rule as plain data, as the file writes it: id, when, offer, note."""
    when: dict[str, object] = {}
    for name in ("scenarios", "segments", "regions", "except_regions"):
        if getattr(rule, name):
            when[name] = list(getattr(rule, name))
    for name in ("order_value", "year_spend"):
        bounds: ValueRange | None = getattr(rule, name)
        if bounds is not None:
            when[name] = {
                k: str(v)
                for k, v in (("at_least", bounds.at_least), ("below", bounds.below))
                if v is not None
            }
    return {"id": rule.id, "when": when, "offer": rule.offer, "note": dict(rule.note)}


def _number(rate: Decimal) -> int | float | str:
    """A rate as YAML writes it back exactly (a plain number where that is exact)."""
    if rate == rate.to_integral_value():
        return int(rate)
    as_float = float(rate)
    return as_float if Decimal(repr(as_float)) == rate else str(rate)


class _RulesReader(PlaybookReader):
    def read(self, root: yaml.Node) -> OfferRules | None:
        top = self.header(root, "rules", ("base_currency", "rates"))
        if top is None:
            return None
        rates = self._rates(root, top)
        rules: list[OfferRule] = []
        seen: dict[str, int] = {}
        rules_node = top["rules"][1] if "rules" in top else None
        if rules_node is not None and not isinstance(rules_node, yaml.SequenceNode):
            self.problem(rules_node, "rules must be a list")
        elif rules_node is not None:
            for node in rules_node.value:
                rule = self._rule(node, rates)
                if rule is None:
                    continue
                if rule.id in seen:
                    self.problem(
                        node, f"rule id '{rule.id}' is used twice (first at line {seen[rule.id]})"
                    )
                    continue
                seen[rule.id] = node.start_mark.line + 1
                rules.append(rule)
        if rates is None:
            return None
        return OfferRules(self.path, rates, tuple(rules))

    def _rates(self, root: yaml.Node, top: dict[str, tuple[yaml.Node, yaml.Node]]) -> Rates | None:
        if "rates" not in top or "base_currency" not in top:
            self.problem(root, "file: base_currency and rates are required")
            return None
        base = self.text(top["base_currency"][1], "base_currency")
        fields = self.mapping(top["rates"][1], "rates", (), ())
        per_unit: dict[str, Decimal] = {}
        for code, (key_node, value_node) in (fields or {}).items():
            if not (len(code) == 3 and code.isalpha() and code.isupper() and code.isascii()):
                self.problem(
                    key_node, f"rates: '{code}' is not a currency code (three capitals, e.g. EUR)"
                )
                continue
            text = self.text(value_node, f"rate of {code}")
            try:
                rate = Decimal(text or "")
            except ArithmeticError:
                rate = Decimal(0)
            if not rate.is_finite() or rate <= 0:
                self.problem(value_node, f"rate of {code} must be a positive number")
                continue
            per_unit[code] = rate
        if base is not None and base not in per_unit:
            self.problem(top["base_currency"][1], f"base_currency '{base}' has no rate in rates")
            return None
        return Rates(base, per_unit) if base else None

    def _rule(self, node: yaml.Node, rates: Rates | None) -> OfferRule | None:
        fields = self.mapping(
            node, "rule", ("id", "when", "offer", "note"), ("id", "when", "offer", "note")
        )
        if fields is None:
            return None
        rule_id = self.ident(fields["id"][1], "rule id") if "id" in fields else None
        what = f"rule {rule_id}" if rule_id else "rule"
        offer = self.ident(fields["offer"][1], f"{what}: offer") if "offer" in fields else None
        note = self.agent_texts(fields["note"][1], f"{what}: note") if "note" in fields else {}
        conditions: dict[str, object] = {}
        if "when" in fields:
            when_node = fields["when"][1]
            when = self.mapping(when_node, f"{what}: when", (), _CONDITIONS)
            if when is not None and not when:
                self.problem(when_node, f"{what}: when needs at least one condition")
            for name, (_, value_node) in (when or {}).items():
                if name == "scenarios":
                    conditions[name] = self.codes(value_node, name, SCENARIO_IDS, "scenario")
                elif name == "segments":
                    conditions[name] = self.codes(value_node, name, SEGMENTS, "segment")
                elif name in ("regions", "except_regions"):
                    conditions[name] = self.codes(value_node, name, REGION_IDS, "region")
                else:
                    conditions[name] = self._range(value_node, what, name, rates)
        if rule_id is None or offer is None or len(note) < 2 or "when" not in fields:
            return None
        return OfferRule(
            id=rule_id,
            offer=offer,
            note=note,
            line=fields["offer"][1].start_mark.line + 1,
            **conditions,  # type: ignore[arg-type]
        )

    def _range(
        self, node: yaml.Node, rule: str, name: str, rates: Rates | None
    ) -> ValueRange | None:
        """The bounds of the money condition ``name`` of ``rule`` ("rule x")."""
        what = f"{rule}: {name}"
        fields = self.mapping(node, what, (), ("at_least", "below"))
        if fields is None:
            return None
        if not fields:
            self.problem(node, f"{what} needs at_least or below")
            return None
        bounds: dict[str, Money] = {}
        for bound, (_, value_node) in fields.items():
            text = self.text(value_node, f"{what} {bound}")
            if text is None:
                continue
            try:
                bounds[bound] = parse_money(
                    text, rates.per_unit if rates else None, name.replace("_", " ")
                )
            except MoneyInvalid as exc:
                self.problem(value_node, f"{rule}: {exc}")
        low, high = bounds.get("at_least"), bounds.get("below")
        if rates and low and high and rates.in_base(low) >= rates.in_base(high):
            self.problem(node, f"{what} at_least {low} is not below {high}")
        return ValueRange(low, high)
