"""The trainers' glossary: terms and how each language must say them.

A term is either *kept* (a brand or product name, the same in every language and
never translated: ``keep: ShopPay``) or *translated*: one required form per
language (``de: Rückerstattung``, ``es: reembolso``; a list gives the form to use
first, then other forms recognised in a customer's or agent's text).

Translation applies it (service.py): a term found in the source text is kept out
of the model like an order number and comes out in the target language's form;
afterwards every required form is verified in the output, and a term missing
there is reported to the agent like a changed number (TokenReport.glossary_missing).

The file is ``glossary.yaml`` beside the phrasebooks (docs/packs.md):

```yaml
glossary_version: 1
terms:
  - id: refund
    note: money returned to the customer
    translations:
      en: refund
      de: [Rückerstattung, Erstattung]
      zh-Hans: 退款
  - id: shoppay
    keep: ShopPay
```
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from chatassist.core.languages import CUSTOMER_LANGUAGES
from chatassist.core.yaml_reader import InvalidFiles, NodeReader, compose, read_text_file

FILE_NAME = "glossary.yaml"
FORMAT_VERSION = 1
MAX_BYTES = 4 << 20
_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")


@dataclass(frozen=True)
class GlossaryTerm:
    """One term. ``translations``: language -> forms, the first being the one to use."""

    id: str
    keep: str = ""
    translations: tuple[tuple[str, tuple[str, ...]], ...] = ()
    note: str = ""

    def forms(self, language: str) -> tuple[str, ...]:
        return dict(self.translations).get(language, ())

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id}
        if self.note:
            out["note"] = self.note
        if self.keep:
            out["keep"] = self.keep
        if self.translations:
            out["translations"] = {
                lang: forms[0] if len(forms) == 1 else list(forms)
                for lang, forms in self.translations
            }
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> GlossaryTerm:
        translations = tuple(
            (lang, (value,) if isinstance(value, str) else tuple(value))
            for lang, value in dict(data.get("translations", {})).items()
        )
        return cls(
            str(data["id"]), str(data.get("keep", "")), translations, str(data.get("note", ""))
        )


@dataclass(frozen=True)
class PairTerms:
    """What the glossary asks of one translation ``source -> target``: terms kept as
    they are, and source forms -> the target form that must replace them."""

    keep: tuple[str, ...] = ()
    replace: tuple[tuple[str, str], ...] = ()  # (source form, target form), longest first

    def __bool__(self) -> bool:
        return bool(self.keep or self.replace)

    def key(self) -> list[Any]:
        return [sorted(self.keep), [list(pair) for pair in self.replace]]


@dataclass(frozen=True)
class Glossary:
    terms: tuple[GlossaryTerm, ...] = ()
    _pairs: dict[tuple[str, str], PairTerms] = field(
        default_factory=dict, compare=False, repr=False
    )

    def for_pair(self, source: str, target: str) -> PairTerms:
        cached = self._pairs.get((source, target))
        if cached is not None:
            return cached
        keep = tuple(t.keep for t in self.terms if t.keep)
        replace: list[tuple[str, str]] = []
        if source != target:
            for term in self.terms:
                wanted = term.forms(target)
                if not wanted:
                    continue
                replace.extend((form, wanted[0]) for form in term.forms(source))
        replace.sort(key=lambda pair: len(pair[0]), reverse=True)
        result = PairTerms(keep, tuple(replace))
        self._pairs[(source, target)] = result
        return result

    def fingerprint(self) -> str:
        payload = json.dumps([t.to_dict() for t in self.terms], ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]

    def to_json(self) -> dict[str, Any]:
        return {"glossary_version": FORMAT_VERSION, "terms": [t.to_dict() for t in self.terms]}


def dump(glossary: Glossary) -> str:
    """The YAML text of ``glossary`` (what ``load`` reads back)."""
    header = "# chatassist glossary: see docs/packs.md\n"
    body = yaml.safe_dump(glossary.to_json(), allow_unicode=True, sort_keys=False, width=100)
    return header + body


def load(path: Path) -> Glossary:
    """Read and check a glossary file; InvalidFiles lists every problem as FILE:LINE:COL."""
    text, problems = read_text_file(path, MAX_BYTES)
    if text is None:
        raise InvalidFiles(problems)
    return parse(text, str(path))


def parse(text: str, path: str) -> Glossary:
    root, problems = compose(text, path)
    if root is None:
        raise InvalidFiles(problems)
    reader = NodeReader(path)
    top = reader.mapping(
        root, "glossary", ("glossary_version", "terms"), ("glossary_version", "terms")
    )
    terms: list[GlossaryTerm] = []
    if top is not None:
        if "glossary_version" in top:
            node = top["glossary_version"][1]
            if not (isinstance(node, yaml.ScalarNode) and node.value == str(FORMAT_VERSION)):
                reader.problem(node, f"glossary_version must be {FORMAT_VERSION}")
        if "terms" in top:
            terms = _terms(reader, top["terms"][1])
    if reader.problems:
        raise InvalidFiles(reader.problems)
    return Glossary(tuple(terms))


def _terms(reader: NodeReader, node: yaml.Node) -> list[GlossaryTerm]:
    if not isinstance(node, yaml.SequenceNode):
        reader.problem(node, "terms must be a list")
        return []
    out: list[GlossaryTerm] = []
    seen: dict[str, int] = {}
    for item in node.value:
        fields = reader.mapping(item, "term", ("id",), ("id", "note", "keep", "translations"))
        if fields is None:
            continue
        term_id = reader.text(fields["id"][1], "term id") if "id" in fields else None
        if term_id is None:
            continue
        what = f"term '{term_id}'"
        if not _ID.match(term_id):
            reader.problem(fields["id"][1], f"{what}: id must be lowercase letters, digits, _ . -")
        if term_id in seen:
            reader.problem(fields["id"][1], f"{what}: id already used on line {seen[term_id]}")
        seen[term_id] = fields["id"][1].start_mark.line + 1
        note = (reader.text(fields["note"][1], f"{what} note") or "") if "note" in fields else ""
        keep = (reader.text(fields["keep"][1], f"{what} keep") or "") if "keep" in fields else ""
        translations = (
            _translations(reader, fields["translations"][1], what)
            if "translations" in fields
            else ()
        )
        if keep and translations:
            reader.problem(item, f"{what}: give either keep or translations, not both")
        elif not keep and len(translations) < 2:
            reader.problem(item, f"{what}: needs keep, or translations in two languages or more")
        out.append(GlossaryTerm(term_id, keep, translations, note))
    return out


def _translations(
    reader: NodeReader, node: yaml.Node, what: str
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    fields = reader.mapping(node, f"{what} translations", (), ())
    if fields is None:
        return ()
    out = []
    for language, (key_node, value_node) in fields.items():
        if language not in CUSTOMER_LANGUAGES:
            known = ", ".join(CUSTOMER_LANGUAGES)
            reader.problem(key_node, f"{what}: unknown language '{language}' (known: {known})")
            continue
        if isinstance(value_node, yaml.SequenceNode):
            forms = tuple(v for _, v in reader.text_list(value_node, f"{what} {language}"))
            if not forms:
                reader.problem(value_node, f"{what} {language}: the list is empty")
                continue
        else:
            value = reader.text(value_node, f"{what} {language}")
            if value is None:
                continue
            forms = (value,)
        out.append((language, tuple(f.strip() for f in forms)))
    return tuple(out)
