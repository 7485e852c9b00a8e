"""Regions: which countries, which reply tone, how replies address the customer.

Configured in ``resources/regions.yaml`` (trainers may edit it; it is
validated with file:line errors). The region of a customer comes from the
country the agent set, else from the language's default country, in which
case the choice is flagged as a guess for ambiguous languages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from chatassist.core.languages import AGENT_LANGUAGES, CUSTOMER_LANGUAGES
from chatassist.core.tones import TONES
from chatassist.core.yaml_reader import (
    INT_TAG,
    InvalidFiles,
    NodeReader,
    Problem,
    compose,
    read_text_file,
)

#: Region ids phrasebook entries may name (``regions: [...]``).
REGION_IDS: tuple[str, ...] = (
    "north_america",
    "latin_america",
    "europe",
    "oceania",
    "southeast_asia",
    "japan",
    "korea",
    "greater_china",
    "middle_east",
    "other",
)
ADDRESS_STYLES: tuple[str, ...] = ("given_name", "family_name", "full_name")


class RegionsInvalid(InvalidFiles):
    """The regions file is invalid; ``problems`` lists every problem."""


@dataclass(frozen=True)
class Region:
    id: str
    name: Mapping[str, str]
    tone: str
    address: str
    countries: tuple[str, ...]
    honorific: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RegionChoice:
    """The region chosen for a customer, and why."""

    region: Region
    country: str | None
    guessed: bool
    reason: str
    #: the country was set by the agent (else it is the language's default, or none)
    by_agent: bool = False

    @property
    def tone(self) -> str:
        return self.region.tone


@dataclass(frozen=True)
class RegionConfig:
    regions: tuple[Region, ...]
    default_region: str
    language_country: Mapping[str, str]
    language_guess: frozenset[str]

    def region(self, region_id: str) -> Region:
        for r in self.regions:
            if r.id == region_id:
                return r
        return self.region(self.default_region)

    def region_of_country(self, country: str) -> Region:
        code = country.upper()
        for r in self.regions:
            if code in r.countries:
                return r
        return self.region(self.default_region)

    def choose(self, language: str | None, country: str | None = None) -> RegionChoice:
        """The agent's country wins; else the language's default country (maybe a guess)."""
        if country:
            code = country.upper()
            region = self.region_of_country(code)
            return RegionChoice(region, code, False, f"country {code} set by the agent", True)
        if language and language in self.language_country:
            code = self.language_country[language]
            guessed = language in self.language_guess
            why = f"default country {code} for language {language}"
            if guessed:
                why += " (a guess: the language is spoken in several regions)"
            return RegionChoice(self.region_of_country(code), code, guessed, why)
        return RegionChoice(
            self.region(self.default_region), None, True, "no language or country known"
        )


class _RegionsReader(NodeReader):
    def config(self, root: yaml.Node) -> RegionConfig | None:
        fields = self.mapping(
            root,
            "regions file",
            ("format", "regions", "languages"),
            ("format", "default_region", "regions", "languages"),
        )
        if fields is None:
            return None
        if "format" in fields:
            node = fields["format"][1]
            if not (
                isinstance(node, yaml.ScalarNode) and node.tag == INT_TAG and node.value == "1"
            ):
                self.problem(node, "format must be 1")
        regions: list[Region] = []
        if "regions" in fields:
            node = fields["regions"][1]
            if isinstance(node, yaml.SequenceNode):
                regions = [r for item in node.value if (r := self.region(item)) is not None]
            else:
                self.problem(node, "regions must be a list")
        ids = [r.id for r in regions]
        for r in regions:
            if ids.count(r.id) > 1:
                self.problem(fields["regions"][1], f"region '{r.id}' is defined twice")
        seen: dict[str, str] = {}
        for r in regions:
            for c in r.countries:
                if c in seen and seen[c] != r.id:
                    self.problem(
                        fields["regions"][1], f"country {c} is in both '{seen[c]}' and '{r.id}'"
                    )
                seen[c] = r.id
        default = "other"
        if "default_region" in fields:
            value = self.text(fields["default_region"][1], "default_region")
            if value is not None and value not in ids:
                self.problem(
                    fields["default_region"][1], f"default_region '{value}' is not a defined region"
                )
            default = value or default
        elif default not in ids:
            self.problem(root, "default_region is missing and there is no region 'other'")
        lang_country: dict[str, str] = {}
        guesses: set[str] = set()
        if "languages" in fields:
            lang_fields = self.mapping(fields["languages"][1], "languages", (), ())
            for lang, (key, lang_node) in (lang_fields or {}).items():
                if lang not in CUSTOMER_LANGUAGES:
                    self.problem(key, f"unknown language code '{lang}'")
                    continue
                lf = self.mapping(
                    lang_node, f"languages [{lang}]", ("country",), ("country", "guess")
                )
                if not lf or "country" not in lf:
                    continue
                code = self.text(lf["country"][1], f"languages [{lang}] country")
                if code is not None and code not in seen:
                    self.problem(
                        lf["country"][1], f"country {code} of language {lang} is in no region"
                    )
                if code is not None:
                    lang_country[lang] = code
                if "guess" in lf and self.boolean(lf["guess"][1], f"languages [{lang}] guess"):
                    guesses.add(lang)
        if self.problems:
            return None
        return RegionConfig(tuple(regions), default, lang_country, frozenset(guesses))

    def region(self, node: yaml.Node) -> Region | None:
        fields = self.mapping(
            node,
            "region",
            ("id", "name", "tone", "address", "countries"),
            ("id", "name", "tone", "address", "honorific", "countries"),
        )
        if not fields or any(
            k not in fields for k in ("id", "name", "tone", "address", "countries")
        ):
            return None
        rid = self.text(fields["id"][1], "region id")
        what = f"region '{rid}'"
        name_fields = self.mapping(fields["name"][1], f"{what} name", AGENT_LANGUAGES, ())
        name = {
            k: v
            for k, (_, n) in (name_fields or {}).items()
            if (v := self.text(n, f"{what} name")) is not None
        }
        tone = self.text(fields["tone"][1], f"{what} tone")
        if tone is not None and tone not in TONES:
            self.problem(fields["tone"][1], f"unknown tone '{tone}' (known: {', '.join(TONES)})")
        address = self.text(fields["address"][1], f"{what} address")
        if address is not None and address not in ADDRESS_STYLES:
            self.problem(
                fields["address"][1],
                f"unknown address style '{address}' (known: {', '.join(ADDRESS_STYLES)})",
            )
        countries: list[str] = []
        cnode = fields["countries"][1]
        if isinstance(cnode, yaml.SequenceNode):
            for item in cnode.value:
                code = self.text(item, f"{what} country")
                if code is None:
                    continue
                if len(code) != 2 or not code.isalpha() or not code.isupper():
                    self.problem(
                        item, f"{what}: country '{code}' must be a two-letter ISO code like JP"
                    )
                else:
                    countries.append(code)
        else:
            self.problem(cnode, f"{what} countries must be a list")
        honorific: dict[str, str] = {}
        if "honorific" in fields:
            hf = self.mapping(fields["honorific"][1], f"{what} honorific", (), ())
            for lang, (key, value) in (hf or {}).items():
                if lang not in CUSTOMER_LANGUAGES:
                    self.problem(key, f"unknown language code '{lang}'")
                elif (text := self.text(value, f"{what} honorific [{lang}]")) is not None:
                    honorific[lang] = text
        if rid is None or tone is None or address is None:
            return None
        return Region(rid, name, tone, address, tuple(countries), honorific)


def load_regions(path: Path) -> RegionConfig:
    text, problems = read_text_file(path, 1024 * 1024)
    root = None
    if text is not None:
        root, problems = compose(text, str(path))
    if root is None:
        raise RegionsInvalid(problems)
    reader = _RegionsReader(str(path))
    config = reader.config(root)
    if config is None:
        raise RegionsInvalid(reader.problems or [Problem(str(path), 0, 0, "invalid regions file")])
    return config
