"""Filling a reply's placeholders with per-region formatting.

Dates typed as YYYY-MM-DD and plain amounts are formatted for the reply's
language in the customer's country (CLDR data through Babel); the customer's
name follows the region's address style and honorific. A reply with any
placeholder left unfilled is never ``ready``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_currency, get_territory_currencies

from chatassist.core.phrasebook.placeholders import tokenize
from chatassist.core.regions import RegionChoice

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_BABEL_LANG = {"zh-Hans": "zh_Hans", "zh-Hant": "zh_Hant", "tl": "fil"}
_FAMILY_FIRST_SCRIPTS = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# An address already written after the name, possibly after a space ("{customer_name} 고객님").
_EXISTING_HONORIFICS = ("様", "さま", "さん", "殿", "님", "씨", "고객님", "고객")


@dataclass(frozen=True)
class FilledReply:
    text: str
    missing: tuple[str, ...]

    @property
    def ready(self) -> bool:
        """True only when every placeholder has a value."""
        return not self.missing


@lru_cache(maxsize=256)
def reply_locale(language: str, country: str | None) -> Locale:
    base = _BABEL_LANG.get(language, language)
    for candidate in ([f"{base}_{country}"] if country else []) + [base, "en"]:
        try:
            return Locale.parse(candidate)
        except (UnknownLocaleError, ValueError):
            continue
    return Locale.parse("en")


def _currency(country: str | None, locale: Locale) -> str:
    territory = country or locale.territory
    if territory:
        found = get_territory_currencies(territory)
        if found:
            return str(found[0])
    return "USD"


def address_name(name: str, style: str) -> str:
    parts = name.split()
    if not parts or style == "full_name":
        return name.strip()
    family_first = bool(_FAMILY_FIRST_SCRIPTS.search(name))
    if style == "family_name":
        return parts[0] if family_first else parts[-1]
    return parts[-1] if family_first and len(parts) > 1 else parts[0]


def format_value(name: str, value: str, language: str, choice: RegionChoice | None) -> str:
    value = value.strip()
    country = choice.country if choice else None
    locale = reply_locale(language, country)
    if (name == "date" or name.endswith("_date") or name == "eta") and _ISO_DATE.fullmatch(value):
        try:
            return str(format_date(date.fromisoformat(value), format="long", locale=locale))
        except ValueError:
            return value
    if (name == "amount" or name.endswith("_amount")) and _NUMBER.fullmatch(value):
        try:
            amount = Decimal(value.replace(",", "."))
        except InvalidOperation:
            return value
        return str(format_currency(amount, _currency(country, locale), locale=locale))
    if name == "customer_name" and choice is not None:
        return address_name(value, choice.region.address)
    return value


def fill_reply(
    text: str, language: str, values: Mapping[str, str], choice: RegionChoice | None = None
) -> FilledReply:
    """Fill ``text`` (in ``language``) with the agent's values for this customer.

    The region's honorific (Japan 様, Korea 님) is added right after the filled
    ``{customer_name}`` unless the text already addresses the customer there.
    """
    suffix = choice.region.honorific.get(language, "") if choice is not None else ""
    tokens, _ = tokenize(text)
    out: list[str] = []
    missing: list[str] = []
    for i, tok in enumerate(tokens):
        if tok.kind == "text":
            out.append(tok.value)
            continue
        raw = values.get(tok.value)
        if raw is None or not raw.strip():
            missing.append(tok.value)
            out.append("{" + tok.value + "}")
            continue
        out.append(format_value(tok.value, raw, language, choice))
        if tok.value == "customer_name" and suffix:
            after = (
                tokens[i + 1].value if i + 1 < len(tokens) and tokens[i + 1].kind == "text" else ""
            )
            if not after.lstrip().startswith(_EXISTING_HONORIFICS):
                out.append(suffix)
    return FilledReply("".join(out), tuple(dict.fromkeys(missing)))
