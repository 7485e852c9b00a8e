"""Filling a reply's placeholders for one customer.

Each value is written by its placeholder's kind (declared in the phrasebook,
else implied by its name: core.phrasebook.placeholders) for the reply's language in the customer's country (core.reply_values); the
customer's name follows the region's address style and honorific; Arabic
counted nouns agree with the number and Thai particles follow the agent's
gender (core.reply_agreement). A reply with any placeholder left unfilled is
never ``ready``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from chatassist.core.phrasebook.placeholders import NUMBER, Token, placeholder_kind, tokenize
from chatassist.core.regions import RegionChoice
from chatassist.core.reply_agreement import arabic_counted, thai_particles
from chatassist.core.reply_values import reply_locale, write_value

__all__ = ["FilledReply", "address_name", "fill_reply", "reply_locale"]

_FAMILY_FIRST_SCRIPTS = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# Languages whose names are written family name first even in Latin letters
# ("Nguyễn Văn An": the given name, which "ơi" and "bạn" go with, is An).
_FAMILY_FIRST_LANGUAGES = ("vi",)
# An address already written after the name, possibly after a space ("{customer_name} 고객님").
_EXISTING_HONORIFICS = ("様", "さま", "さん", "殿", "님", "씨", "고객님", "고객")


@dataclass(frozen=True)
class FilledReply:
    text: str
    missing: tuple[str, ...]
    # (placeholder, why) for values inserted as typed because they are not of
    # their kind ("eta: a date is typed as YYYY-MM-DD"); the agent should look.
    problems: tuple[tuple[str, str], ...] = ()

    @property
    def ready(self) -> bool:
        """True only when every placeholder has a value of its kind (a date the
        customer's locale can write, an amount...): never a raw "July 3" pasted
        into a Korean reply."""
        return not self.missing and not self.problems


def address_name(name: str, style: str, language: str | None = None) -> str:
    parts = name.split()
    if not parts or style == "full_name":
        return name.strip()
    family_first = bool(_FAMILY_FIRST_SCRIPTS.search(name)) or language in _FAMILY_FIRST_LANGUAGES
    if style == "family_name":
        return parts[0] if family_first else parts[-1]
    return parts[-1] if family_first and len(parts) > 1 else parts[0]


def _text_after(tokens: list[Token], i: int) -> str:
    return tokens[i + 1].value if i + 1 < len(tokens) and tokens[i + 1].kind == "text" else ""


def fill_reply(
    text: str,
    language: str,
    values: Mapping[str, str],
    choice: RegionChoice | None = None,
    agent_gender: str = "female",
    kinds: Mapping[str, str] | None = None,
) -> FilledReply:
    """Fill ``text`` (in ``language``) with the agent's values for this customer.

    ``kinds`` are the placeholder kinds the phrasebook declares for this reply
    (``Phrasebook.kinds_of``); other names take the kind their name implies.
    Arabic counted nouns agree only after a value of kind ``number``.

    The region's honorific (Japan 様, Korea 님) is added right after the filled
    ``{customer_name}`` unless the text already addresses the customer there.
    """
    suffix = choice.region.honorific.get(language, "") if choice is not None else ""
    country = choice.country if choice is not None else None
    tokens, _ = tokenize(text)
    out: list[str] = []
    missing: list[str] = []
    problems: list[tuple[str, str]] = []
    skip_text = False
    for i, tok in enumerate(tokens):
        if tok.kind == "text":
            if not skip_text:
                out.append(tok.value)
            skip_text = False
            continue
        raw = values.get(tok.value)
        if raw is None or not raw.strip():
            missing.append(tok.value)
            out.append("{" + tok.value + "}")
            continue
        raw = raw.strip()
        if tok.value == "customer_name":
            out.append(address_name(raw, choice.region.address, language) if choice else raw)
            after = _text_after(tokens, i)
            if suffix and not after.lstrip().startswith(_EXISTING_HONORIFICS):
                out.append(suffix)
            continue
        kind = placeholder_kind(tok.value, kinds)
        written = write_value(kind, raw, language, country)
        if written.problem:
            problems.append((tok.value, written.problem))
        counted = language == "ar" and kind == NUMBER and not written.problem
        agreed = arabic_counted(written.text, _text_after(tokens, i)) if counted else None
        if agreed is not None:
            out.extend(agreed)
            skip_text = True  # the following text was rewritten with the number
        else:
            out.append(written.text)
    filled = "".join(out)
    if language == "th":
        filled = thai_particles(filled, agent_gender)
    return FilledReply(filled, tuple(dict.fromkeys(missing)), tuple(dict.fromkeys(problems)))
