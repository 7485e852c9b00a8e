"""The customer languages, agent languages and their scripts.

Codes are those of ../shared/spec/scenarios.md; every other module uses these
constants rather than spelling codes itself.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str
    english_name: str
    native_name: str
    script: str  # dominant script: Latn, Cyrl, Arab, Jpan, Kore, Hans, Hant, Thai
    rtl: bool = False


_LANGUAGES: tuple[Language, ...] = (
    Language("en", "English", "English", "Latn"),
    Language("es", "Spanish", "Español", "Latn"),
    Language("pt", "Portuguese", "Português", "Latn"),
    Language("de", "German", "Deutsch", "Latn"),
    Language("fr", "French", "Français", "Latn"),
    Language("it", "Italian", "Italiano", "Latn"),
    Language("nl", "Dutch", "Nederlands", "Latn"),
    Language("pl", "Polish", "Polski", "Latn"),
    Language("tr", "Turkish", "Türkçe", "Latn"),
    Language("ru", "Russian", "Русский", "Cyrl"),
    Language("ar", "Arabic", "العربية", "Arab", rtl=True),
    Language("ja", "Japanese", "日本語", "Jpan"),
    Language("ko", "Korean", "한국어", "Kore"),
    Language("zh-Hans", "Chinese (Simplified)", "简体中文", "Hans"),
    Language("zh-Hant", "Chinese (Traditional)", "繁體中文", "Hant"),
    Language("th", "Thai", "ไทย", "Thai"),
    Language("vi", "Vietnamese", "Tiếng Việt", "Latn"),
    Language("id", "Indonesian", "Bahasa Indonesia", "Latn"),
    Language("ms", "Malay", "Bahasa Melayu", "Latn"),
    Language("tl", "Filipino", "Filipino", "Latn"),
)

LANGUAGES: dict[str, Language] = {lang.code: lang for lang in _LANGUAGES}

#: The 20 customer languages, in the canonical order used for files and tables.
CUSTOMER_LANGUAGES: tuple[str, ...] = tuple(lang.code for lang in _LANGUAGES)

#: Languages the agents read: glosses and phrasebook titles are required in these.
AGENT_LANGUAGES: tuple[str, ...] = ("zh-Hans", "en")


def is_customer_language(code: str) -> bool:
    return code in LANGUAGES


def language_name(code: str) -> str:
    lang = LANGUAGES.get(code)
    return lang.english_name if lang else code


def sort_key(code: str) -> int:
    """Canonical position of a language code (unknown codes sort last)."""
    try:
        return CUSTOMER_LANGUAGES.index(code)
    except ValueError:
        return len(CUSTOMER_LANGUAGES)
