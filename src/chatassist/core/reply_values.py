"""Writing one filled-in value for the customer, by its placeholder kind and locale.

Dates, durations and money are written for the reply's language in the
customer's country (CLDR data through Babel), with the local conventions CLDR
does not give: Thai dates in the Buddhist era, NT$ for Taiwan dollars, and the
Arabic counted noun that agrees with the number before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_currency, get_currency_symbol, get_territory_currencies
from babel.units import format_unit

from chatassist.core.phrasebook.placeholders import DATE, DURATION, MONEY, NUMBER
from chatassist.core.playbook.money import MoneyInvalid, parse_money

_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_BABEL_LANG = {"zh-Hans": "zh_Hans", "zh-Hant": "zh_Hant", "tl": "fil"}
# Languages whose units follow the number without a space ("5日以内", "5天内").
_NO_SPACE_UNITS = ("ja", "zh-Hans", "zh-Hant")
# A currency whose CLDR symbol in its own country is ambiguous ("$" for TWD).
_LOCAL_SYMBOLS = {"TWD": "NT$"}
_DURATION = re.compile(
    r"\s*(\d+)(?:\s*[-–~]\s*(\d+))?\s*"
    r"(minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mo"
    r"|分钟|分鐘|小时|小時|天|日|周|週|星期|个月|個月|月)\s*",
    re.IGNORECASE,
)
_UNIT_KEYS = {
    "m": "duration-minute",
    "min": "duration-minute",
    "h": "duration-hour",
    "hr": "duration-hour",
    "d": "duration-day",
    "w": "duration-week",
    "wk": "duration-week",
    "mo": "duration-month",
    "分钟": "duration-minute",
    "分鐘": "duration-minute",
    "小时": "duration-hour",
    "小時": "duration-hour",
    "天": "duration-day",
    "日": "duration-day",
    "周": "duration-week",
    "週": "duration-week",
    "星期": "duration-week",
    "个月": "duration-month",
    "個月": "duration-month",
    "月": "duration-month",
}


@dataclass(frozen=True)
class WrittenValue:
    text: str
    problem: str = ""  # why the value was inserted as typed (not of its kind)


@lru_cache(maxsize=256)
def reply_locale(language: str, country: str | None) -> Locale:
    base = _BABEL_LANG.get(language, language)
    for candidate in ([f"{base}_{country}"] if country else []) + [base, "en"]:
        try:
            return Locale.parse(candidate)
        except (UnknownLocaleError, ValueError):
            continue
    return Locale.parse("en")


def currency_of(country: str | None, locale: Locale) -> str:
    territory = country or locale.territory
    if territory:
        found = get_territory_currencies(territory)
        if found:
            return str(found[0])
    return "USD"


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_YMD = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号號]?")
_MD_CJK = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]")
_MONTH_DAY = re.compile(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?")
_DAY_MONTH = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?(?:,?\s+(\d{4}))?")
_DATE_HINT = "a date is typed as 2026-11-28, 11月28日 or Nov 28"


def parse_typed_date(value: str, today: date | None = None) -> date | str:
    """The date an agent typed, or why it is not one.

    Accepted: ``2026-11-28``, ``2026/11/28``, ``2026年11月28日``, ``11月28日``,
    ``Nov 28``, ``28 November 2026``. Without a year, the such day nearest to
    ``today`` (an arrival next month, an order placed last month). ``7/3`` is
    refused: July 3 or 7 March depends on who typed it.
    """
    text = value.strip().lower()
    today = today or date.today()
    year: int | None
    found = _YMD.fullmatch(text)
    if found:
        year, month, day = (int(g) for g in found.groups())
    elif found := _MD_CJK.fullmatch(text):
        year, month, day = None, int(found.group(1)), int(found.group(2))
    elif (found := _MONTH_DAY.fullmatch(text)) and found.group(1) in _MONTHS:
        month, day = _MONTHS[found.group(1)], int(found.group(2))
        year = int(found.group(3)) if found.group(3) else None
    elif (found := _DAY_MONTH.fullmatch(text)) and found.group(2) in _MONTHS:
        month, day = _MONTHS[found.group(2)], int(found.group(1))
        year = int(found.group(3)) if found.group(3) else None
    else:
        return _DATE_HINT
    if year is not None:
        try:
            return date(year, month, day)
        except ValueError:
            return f"{value.strip()} is not a calendar date"
    candidates = []
    for y in range(today.year - 4, today.year + 5):
        try:
            candidates.append(date(y, month, day))
        except ValueError:  # 29 February, or no such day at all
            continue
    if not candidates:
        return f"{value.strip()} is not a calendar date"
    return min(candidates, key=lambda d: (abs((d - today).days), d < today))


def write_date(
    value: str, language: str, locale: Locale, today: date | None = None
) -> WrittenValue:
    day = parse_typed_date(value, today)
    if isinstance(day, str):
        return WrittenValue(value, day)
    if language == "th":  # Thailand writes the Buddhist era (2026 -> 2569), no era label
        return WrittenValue(f"{format_date(day, 'd MMMM', locale=locale)} {day.year + 543}")
    return WrittenValue(str(format_date(day, format="long", locale=locale)))


_MONEY_HINT = (
    "an amount is typed as a number, with its currency if not the customer's (19.90 or 19.90 EUR)"
)


def write_money(value: str, country: str | None, locale: Locale) -> WrittenValue:
    """A plain number is in the customer's currency; "19.90 EUR" or "EUR 19.90" in that one."""
    currency = currency_of(country, locale)
    if not _NUMBER.fullmatch(value):
        try:
            money = parse_money(value, what="amount")
        except MoneyInvalid:
            return WrittenValue(value, _MONEY_HINT)
        value, currency = str(money.amount), money.currency
    try:
        amount = Decimal(value.replace(",", "."))
    except InvalidOperation:
        return WrittenValue(value, _MONEY_HINT)
    text = str(format_currency(amount, currency, locale=locale))
    local = _LOCAL_SYMBOLS.get(currency)
    if local:
        symbol = str(get_currency_symbol(currency, locale=locale))
        if symbol != local and symbol in text:
            text = text.replace(symbol, local, 1)
    return WrittenValue(text)


def write_duration(value: str, language: str, locale: Locale) -> WrittenValue:
    found = _DURATION.fullmatch(value)
    if not found:
        return WrittenValue(value, "a duration is typed with its unit (3 days, 3-5 days, 48 hours)")
    low, high, unit = found.group(1), found.group(2), found.group(3).lower()
    key = _UNIT_KEYS.get(unit) or _UNIT_KEYS.get(unit.rstrip("s")) or f"duration-{unit.rstrip('s')}"
    count = int(high or low)
    text = str(format_unit(count, key, locale=locale))
    if high:
        digits = str(count)
        if digits in text:
            text = text.replace(digits, f"{low}–{high}", 1)
        else:  # CLDR spells some counts out ("أسبوعان"): write the range with the few-form
            text = str(format_unit(10, key, locale=locale)).replace("10", f"{low}–{high}", 1)
    if language in _NO_SPACE_UNITS:
        text = re.sub(r"(?<=\d) (?=\D)", "", text)
    return WrittenValue(text)


def write_number(value: str) -> WrittenValue:
    if not _NUMBER.fullmatch(value) and not re.fullmatch(r"\d+\s*[-–]\s*\d+", value):
        return WrittenValue(value, "a number is typed in digits (14, or a range 5-7)")
    return WrittenValue(re.sub(r"\s*[-–]\s*", "–", value))


def write_value(kind: str, value: str, language: str, country: str | None) -> WrittenValue:
    """``value`` as the customer should read it; inserted as typed when not of ``kind``."""
    locale = reply_locale(language, country)
    if kind == DATE:
        return write_date(value, language, locale)
    if kind == MONEY:
        return write_money(value, country, locale)
    if kind == DURATION:
        return write_duration(value, language, locale)
    if kind == NUMBER:
        return write_number(value)
    return WrittenValue(value)
