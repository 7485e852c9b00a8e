"""Grammar a filled value changes around it: Arabic counted nouns, Thai particles.

Arabic: the noun after a number takes the form its number calls for (CLDR
plural categories): 3-10 plural ("3 أيام"), 11-99 singular accusative
("14 يومًا"), 100 and more singular ("100 يوم"), 1 and 2 without the digit
("يوم واحد", "يومين"). A reply writes ``{refund_days} أيام`` in any form; filling
writes the right one.

Thai: the polite particle is the speaker's, so it follows the agent's gender.
Replies are written with the female ค่ะ/คะ; a male agent's copy gets ครับ.
"""

from __future__ import annotations

import re

from babel import Locale

AGENT_GENDERS: tuple[str, ...] = ("female", "male")

# noun id -> {category: form}; "N" stands for the number.
_ARABIC_FORMS: dict[str, dict[str, str]] = {
    "day": {
        "one": "يوم واحد",
        "two": "يومين",
        "few": "N أيام",
        "many": "N يومًا",
        "other": "N يوم",
    },
    "workday": {
        "one": "يوم عمل واحد",
        "two": "يومي عمل",
        "few": "N أيام عمل",
        "many": "N يوم عمل",
        "other": "N يوم عمل",
    },
    "hour": {
        "one": "ساعة واحدة",
        "two": "ساعتين",
        "few": "N ساعات",
        "many": "N ساعة",
        "other": "N ساعة",
    },
    "week": {
        "one": "أسبوع واحد",
        "two": "أسبوعين",
        "few": "N أسابيع",
        "many": "N أسبوعًا",
        "other": "N أسبوع",
    },
    "month": {
        "one": "شهر واحد",
        "two": "شهرين",
        "few": "N أشهر",
        "many": "N شهرًا",
        "other": "N شهر",
    },
    "minute": {
        "one": "دقيقة واحدة",
        "two": "دقيقتين",
        "few": "N دقائق",
        "many": "N دقيقة",
        "other": "N دقيقة",
    },
}
# Any written form of a counted noun, right after the number.
_ARABIC_NOUN = re.compile(
    r"\s(?:(?P<workday>(?:أيام|يومًا|يوما|يوم|يومين|يومي) عمل)"
    r"|(?P<day>أيام|يومًا|يوما|يومين|يومان|يوم)"
    r"|(?P<hour>ساعات|ساعتين|ساعتان|ساعة)"
    r"|(?P<week>أسابيع|أسبوعًا|أسبوعا|أسبوعين|أسبوعان|أسبوع)"
    r"|(?P<month>أشهر|شهور|شهرًا|شهرا|شهرين|شهران|شهر)"
    r"|(?P<minute>دقائق|دقيقتين|دقيقتان|دقيقة))(?![\u0621-\u065f\u066e-\u06d3])"
)
_ARABIC = Locale.parse("ar")
_RANGE = re.compile(r"(\d+)\s*[-–]\s*(\d+)")

# ค่ะ is only ever the particle; คะ also begins คะแนน (points) and คะเน (estimate).
_THAI_FEMALE = re.compile(r"ค่ะ|คะ(?!แนน|เน)")


def arabic_counted(number: str, following: str) -> tuple[str, str] | None:
    """The number and the text after it, agreeing; None when no counted noun follows."""
    found = _ARABIC_NOUN.match(following)
    if found is None or found.lastgroup is None:
        return None
    forms = _ARABIC_FORMS[found.lastgroup]
    rest = following[found.end() :]
    span = _RANGE.fullmatch(number)
    if span:  # a range reads with its upper bound's form, always with its digits
        category = _ARABIC.plural_form(int(span.group(2)))
        form = forms["few" if category in ("one", "two") else category]
        return form.split("N", 1)[0] + number, form.split("N", 1)[1] + rest
    if not number.isdigit():
        return None
    form = forms[_ARABIC.plural_form(int(number))]
    if "N" not in form:
        return "", form + rest
    head, tail = form.split("N", 1)
    return head + number, tail + rest


def thai_particles(text: str, agent_gender: str) -> str:
    """``text`` with the polite particles of an agent of ``agent_gender``."""
    if agent_gender != "male":
        return text
    return _THAI_FEMALE.sub("ครับ", text)
