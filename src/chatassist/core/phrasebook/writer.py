"""Write a phrasebook in its canonical YAML form.

The output depends only on the phrasebook's content (entries in their order,
languages and tones in canonical order), so import -> export -> import ->
export gives byte-identical files.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import yaml

from chatassist.core.languages import AGENT_LANGUAGES, sort_key
from chatassist.core.phrasebook.model import FORMAT_VERSION, Entry, Phrasebook
from chatassist.core.tones import TONES


class _Flow(list[str]):
    """A short list written on one line: ``[a, b]``."""


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # Indent list items under their key, as trainers write them by hand.
        super().increase_indent(flow, False)


def _str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


def _flow(dumper: yaml.SafeDumper, data: _Flow) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(_Flow, _flow)


def _lang_map(texts: Mapping[str, str]) -> dict[str, str]:
    def key(code: str) -> tuple[int, int]:
        return (0, AGENT_LANGUAGES.index(code)) if code in AGENT_LANGUAGES else (1, sort_key(code))

    return {code: texts[code] for code in sorted(texts, key=key)}


def entry_to_data(entry: Entry) -> dict[str, Any]:
    data: dict[str, Any] = {"id": entry.id, "kind": entry.kind, "scenarios": _Flow(entry.scenarios)}
    if entry.tags:
        data["tags"] = _Flow(entry.tags)
    if entry.segments:
        data["segments"] = _Flow(entry.segments)
    if entry.regions:
        data["regions"] = _Flow(entry.regions)
    if entry.pinned:
        data["pinned"] = True
    data["gloss"] = _lang_map(entry.gloss)
    if entry.body:
        data["body"] = _lang_map(entry.body)
    if entry.keywords:
        data["keywords"] = {
            lang: _Flow(entry.keywords[lang]) for lang in sorted(entry.keywords, key=sort_key)
        }
    if entry.variants:
        variants: dict[str, dict[str, Any]] = {}
        ordered = sorted(entry.variants, key=lambda v: (sort_key(v.language), TONES.index(v.tone)))
        for v in ordered:
            value: Any = v.text if v.vetted else {"text": v.text, "vetted": False}
            variants.setdefault(v.language, {})[v.tone] = value
        data["variants"] = variants
    if entry.placeholder_kinds:
        data["placeholders"] = _kinds(entry.placeholder_kinds)
    return data


def _kinds(kinds: Mapping[str, str]) -> dict[str, str]:
    return {name: kinds[name] for name in sorted(kinds)}


def phrasebook_to_data(book: Phrasebook) -> dict[str, Any]:
    data: dict[str, Any] = {"format": FORMAT_VERSION, "id": book.id, "version": book.version}
    data["title"] = _lang_map(book.title)
    if book.description:
        data["description"] = _lang_map(book.description)
    if book.do_not_translate:
        data["do_not_translate"] = _Flow(book.do_not_translate)
    if book.placeholder_kinds:
        data["placeholders"] = _kinds(book.placeholder_kinds)
    data["entries"] = [entry_to_data(e) for e in book.entries]
    return data


def dump(book: Phrasebook) -> str:
    text = yaml.dump(
        phrasebook_to_data(book),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=100_000,
        default_flow_style=False,
    )
    return "# chatassist phrasebook (format 1): see docs/phrasebook-format.md\n" + text
