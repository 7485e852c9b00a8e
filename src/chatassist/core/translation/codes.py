"""Customer language codes (core.languages) versus argos pack codes.

Argos packs name Traditional Chinese ``zt`` and Brazilian Portuguese ``pb``;
everything else is the ISO 639-1 code we use, except ``zh-Hans`` which is ``zh``.
"""

from __future__ import annotations

from chatassist.core.languages import LANGUAGES, language_name
from chatassist.core.translation.errors import UnsupportedLanguageError

PIVOT = "en"

# Argos codes that serve a customer language, best first (a ``pt`` pack is
# preferred; a ``pb`` one is used when it is the only one installed).
_ARGOS_CODES: dict[str, tuple[str, ...]] = {
    "zh-Hans": ("zh",),
    "zh-Hant": ("zt",),
    "pt": ("pt", "pb"),
}
_CUSTOMER_OF_ARGOS: dict[str, str] = {
    argos: customer for customer, codes in _ARGOS_CODES.items() for argos in codes
}

#: Customer languages for which the argos index (argospm index.json) has en<->x
#: packs. Vietnamese has none: a pack for it can only be installed from a file.
ARGOS_INDEX_LANGUAGES: frozenset[str] = frozenset(LANGUAGES) - {"vi"}


def check_language(code: str) -> str:
    """Return ``code`` if it is a customer language, else raise UnsupportedLanguageError."""
    if code not in LANGUAGES:
        known = ", ".join(LANGUAGES)
        raise UnsupportedLanguageError(f"unknown language code {code!r} (known: {known})")
    return code


def argos_codes(customer_code: str) -> tuple[str, ...]:
    """Argos codes that can stand for ``customer_code``, best first."""
    return _ARGOS_CODES.get(customer_code, (customer_code,))


def customer_code(argos_code: str) -> str | None:
    """The customer language an argos code serves, or None for a language we do not use."""
    if argos_code in _CUSTOMER_OF_ARGOS:
        return _CUSTOMER_OF_ARGOS[argos_code]
    return argos_code if argos_code in LANGUAGES else None


def to_argos(code: str) -> str:
    """Accept a customer code (``zh-Hans``) or an argos code (``zh``); return the argos code."""
    if code in LANGUAGES:
        return argos_codes(code)[0]
    if customer_code(code) is not None:
        return code
    raise UnsupportedLanguageError(f"unknown language code {code!r}")


def argos_pack_name(from_code: str, to_code: str) -> str:
    """The argospm name of the pack for a pair of argos codes, e.g. ``translate-en_zt``."""
    return f"translate-{from_code}_{to_code}"


def pack_name(source: str, target: str) -> str:
    """The argospm name of the pack for a pair of customer codes, e.g. ``translate-en_vi``."""
    return argos_pack_name(argos_codes(source)[0], argos_codes(target)[0])


def not_in_index_note(languages: tuple[str, ...]) -> str:
    """``(argos has no Vietnamese pack)`` for languages the argos index lacks, else ''."""
    lacking = [language_name(code) for code in languages if code not in ARGOS_INDEX_LANGUAGES]
    if not lacking:
        return ""
    return f" (argos has no {' or '.join(dict.fromkeys(lacking))} pack)"
