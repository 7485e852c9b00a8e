"""The checks a phrasebook must pass, on its YAML node tree.

Validation walks the node tree (not the constructed Python objects) so that
each problem carries the line and column where it is, and collects every
problem instead of stopping at the first. Phrasebook YAML files and
spreadsheets (``tabular`` validates its canonical YAML) share these checks;
nothing here reads files (see ``loader``) or touches the database.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import yaml

from chatassist.core import fast_yaml
from chatassist.core.languages import AGENT_LANGUAGES, CUSTOMER_LANGUAGES
from chatassist.core.phrasebook.model import FORMAT_VERSION, KINDS, Entry, Phrasebook, Variant
from chatassist.core.phrasebook.placeholders import (
    PLACEHOLDER_KINDS,
    TEXT,
    is_placeholder_name,
    required_placeholders,
    scan_placeholders,
)
from chatassist.core.regions import REGION_IDS
from chatassist.core.scenarios import SCENARIO_IDS
from chatassist.core.tones import SEGMENTS, TONES
from chatassist.core.yaml_reader import (
    CONTROL_CHARACTER,
    INT_TAG,
    InvalidFiles,
    NodeReader,
    Problem,
    anchor_problems,
    compose,
)

# Problem is part of this module's interface (callers report phrasebook problems).
__all__ = [
    "LoadedPhrasebook",
    "PhrasebookInvalid",
    "Problem",
    "fast_parse",
    "parse_text",
    "slow_parse",
]

_ID = re.compile(r"[a-z0-9][a-z0-9_.\-]*")
_TAG = re.compile(r"[a-z0-9][a-z0-9_\-]*")
MAX_ID_CHARS = 100


class PhrasebookInvalid(InvalidFiles):
    """One or more phrasebook files are invalid; ``problems`` lists every one."""


@dataclass(frozen=True)
class LoadedPhrasebook:
    phrasebook: Phrasebook
    path: str
    entry_lines: dict[str, int]  # entry id -> line, for cross-file duplicate reports


def _whole_number(node: yaml.Node) -> int | None:
    """A plain decimal number (YAML 1.1 also reads "0x1F" and "12:30" as numbers:
    refused, as is anything that is not a number)."""
    if (
        isinstance(node, yaml.ScalarNode)
        and node.tag == INT_TAG
        and node.value.isascii()
        and node.value.isdigit()
    ):
        return int(node.value)
    return None


class _Reader(NodeReader):
    """Reads one phrasebook file."""

    def agent_texts(self, node: yaml.Node, what: str, *, required: bool) -> dict[str, str]:
        fields = self.mapping(node, what, AGENT_LANGUAGES if required else (), ())
        out: dict[str, str] = {}
        for lang, (key_node, value_node) in (fields or {}).items():
            if lang not in AGENT_LANGUAGES and lang not in CUSTOMER_LANGUAGES:
                self.problem(key_node, f"{what}: unknown language code '{lang}'")
                continue
            value = self.text(value_node, f"{what} [{lang}]")
            if value is not None:
                out[lang] = value
        return out

    # --- document -----------------------------------------------------
    def phrasebook(self, root: yaml.Node, known_regions: Sequence[str]) -> LoadedPhrasebook | None:
        fields = self.mapping(
            root,
            "phrasebook",
            ("format", "id", "title", "entries"),
            (
                "format",
                "id",
                "version",
                "title",
                "description",
                "do_not_translate",
                "placeholders",
                "entries",
            ),
        )
        if fields is None:
            return None
        if "format" in fields:
            node = fields["format"][1]
            number = _whole_number(node)
            if number is None:
                self.problem(node, "format must be a whole number")
            elif number != FORMAT_VERSION:
                self.problem(
                    node,
                    f"format {node.value} is not supported (this chatassist reads {FORMAT_VERSION})",
                )
        book_id = self.ident(fields["id"][1], "phrasebook id") if "id" in fields else None
        version = 1
        if "version" in fields:
            node = fields["version"][1]
            number = _whole_number(node)
            if number is not None and number >= 1:
                version = number
            else:
                self.problem(node, "version must be a whole number >= 1")
        title = (
            self.agent_texts(fields["title"][1], "title", required=True)
            if "title" in fields
            else {}
        )
        description = (
            self.agent_texts(fields["description"][1], "description", required=False)
            if "description" in fields
            else {}
        )
        dnt: tuple[str, ...] = ()
        if "do_not_translate" in fields:
            dnt = tuple(
                v for _, v in self.text_list(fields["do_not_translate"][1], "do_not_translate")
            )
        kinds = (
            self.placeholder_kinds(fields["placeholders"][1], "phrasebook placeholders")
            if "placeholders" in fields
            else {}
        )
        entries: list[Entry] = []
        lines: dict[str, int] = {}
        if "entries" in fields:
            node = fields["entries"][1]
            if not isinstance(node, yaml.SequenceNode):
                self.problem(node, "entries must be a list")
            else:
                for item in node.value:
                    entry = self.entry(item, known_regions)
                    if entry is None:
                        continue
                    if entry.id in lines:
                        self.problem(
                            item,
                            f"duplicate entry id '{entry.id}' (first at line {lines[entry.id]})",
                        )
                        continue
                    lines[entry.id] = item.start_mark.line + 1
                    entries.append(entry)
        if book_id is None or not title:
            return None
        book = Phrasebook(
            id=book_id,
            title=title,
            entries=tuple(entries),
            version=version,
            description=description,
            do_not_translate=dnt,
            placeholder_kinds=kinds,
        )
        return LoadedPhrasebook(book, self.path, lines)

    def placeholder_kinds(
        self, node: yaml.Node, what: str, used: frozenset[str] | None = None
    ) -> dict[str, str]:
        """A ``placeholders:`` map, name -> kind; ``used`` (an entry's placeholders)
        makes a declaration no variant uses a problem (a misspelt name)."""
        fields = self.mapping(node, what, (), ())
        out: dict[str, str] = {}
        for name, (key_node, value_node) in (fields or {}).items():
            if not is_placeholder_name(name):
                self.problem(key_node, f"{what}: '{name}' is not a placeholder name (snake_case)")
                continue
            kind = self.text(value_node, f"{what} [{name}]")
            if kind is None:
                continue
            if kind not in PLACEHOLDER_KINDS:
                self.problem(
                    value_node,
                    f"{what}: unknown kind '{kind}' for {{{name}}} "
                    f"(known: {', '.join(PLACEHOLDER_KINDS)})",
                )
                continue
            if name == "customer_name" and kind != TEXT:
                self.problem(
                    value_node,
                    f"{what}: {{customer_name}} is the customer's name, always of kind text",
                )
                continue
            if used is not None and name not in used:
                self.problem(key_node, f"{what}: no variant uses {{{name}}}")
                continue
            out[name] = kind
        return out

    def ident(self, node: yaml.Node, what: str) -> str | None:
        value = self.text(node, what)
        if value is not None and len(value) > MAX_ID_CHARS:  # ids name files on export
            self.problem(node, f"{what} is {len(value):,} characters; the limit is {MAX_ID_CHARS}")
            return None
        if value is not None and not _ID.fullmatch(value):
            self.problem(
                node, f"{what} '{value}' must be lower-case letters, digits, '.', '_' or '-'"
            )
            return None
        return value

    def entry(self, node: yaml.Node, known_regions: Sequence[str]) -> Entry | None:
        fields = self.mapping(
            node,
            "entry",
            ("id", "scenarios", "gloss"),
            (
                "id",
                "scenarios",
                "kind",
                "gloss",
                "body",
                "tags",
                "segments",
                "regions",
                "pinned",
                "keywords",
                "variants",
                "placeholders",
            ),
        )
        if fields is None:
            return None
        entry_id = self.ident(fields["id"][1], "entry id") if "id" in fields else None
        what = f"entry '{entry_id}'" if entry_id else "entry"
        kind = "reply"
        if "kind" in fields:
            k = self.text(fields["kind"][1], f"{what} kind")
            if k is not None and k not in KINDS:
                self.problem(fields["kind"][1], f"unknown kind '{k}' (known: {', '.join(KINDS)})")
            elif k is not None:
                kind = k
        scenarios: tuple[str, ...] = ()
        if "scenarios" in fields:
            scenarios = self.codes(
                fields["scenarios"][1], f"{what} scenarios", SCENARIO_IDS, "scenario"
            )
            node_s = fields["scenarios"][1]
            if isinstance(node_s, yaml.SequenceNode) and not node_s.value:
                self.problem(node_s, f"{what} needs at least one scenario")
        gloss = (
            self.agent_texts(fields["gloss"][1], f"{what} gloss", required=True)
            if "gloss" in fields
            else {}
        )
        body: dict[str, str] = {}
        if "body" in fields:
            body = self.agent_texts(fields["body"][1], f"{what} body", required=True)
        elif kind == "note":
            self.problem(node, f"{what}: a note needs a 'body' (the guidance, in zh-Hans and en)")
        tags = (
            tuple(v for _, v in self.text_list(fields["tags"][1], f"{what} tags"))
            if "tags" in fields
            else ()
        )
        for tag in tags:
            if not _TAG.fullmatch(tag):
                self.problem(
                    fields["tags"][1],
                    f"{what}: tag '{tag}' must be lower-case letters, digits, '_' or '-'",
                )
        segments = (
            self.codes(fields["segments"][1], f"{what} segments", SEGMENTS, "segment")
            if "segments" in fields
            else ()
        )
        regions = (
            self.codes(fields["regions"][1], f"{what} regions", known_regions, "region")
            if "regions" in fields
            else ()
        )
        pinned = (
            self.boolean(fields["pinned"][1], f"{what} pinned") if "pinned" in fields else False
        )
        keywords = self.keywords(fields["keywords"][1], what) if "keywords" in fields else {}
        variants: tuple[Variant, ...] = ()
        if "variants" in fields:
            variants = self.variants(fields["variants"][1], what)
        elif kind == "reply":
            self.problem(node, f"{what}: a reply needs 'variants'")
        if kind == "note" and variants:
            self.problem(
                fields["variants"][0], f"{what}: a note is for agents only and has no variants"
            )
        kinds: dict[str, str] = {}
        if "placeholders" in fields:
            used = frozenset(name for v in variants for name in v.placeholders)
            kinds = self.placeholder_kinds(fields["placeholders"][1], f"{what} placeholders", used)
        if entry_id is None or not scenarios or not gloss:
            return None
        return Entry(
            id=entry_id,
            scenarios=scenarios,
            kind=kind,
            gloss=gloss,
            body=body,
            tags=tags,
            segments=segments,
            regions=regions,
            pinned=pinned,
            keywords=keywords,
            variants=variants,
            placeholder_kinds=kinds,
        )

    def keywords(self, node: yaml.Node, what: str) -> dict[str, tuple[str, ...]]:
        fields = self.mapping(node, f"{what} keywords", (), ())
        out: dict[str, tuple[str, ...]] = {}
        for lang, (key_node, value_node) in (fields or {}).items():
            if lang not in CUSTOMER_LANGUAGES:
                self.problem(key_node, f"{what} keywords: unknown language code '{lang}'")
                continue
            words = tuple(v for _, v in self.text_list(value_node, f"{what} keywords [{lang}]"))
            if words:
                out[lang] = words
        return out

    def variants(self, node: yaml.Node, what: str) -> tuple[Variant, ...]:
        fields = self.mapping(node, f"{what} variants", (), ())
        out: list[Variant] = []
        reference: tuple[frozenset[str], str, yaml.Node] | None = None
        for lang, (key_node, tones_node) in (fields or {}).items():
            if lang not in CUSTOMER_LANGUAGES:
                self.problem(key_node, f"{what} variants: unknown language code '{lang}'")
                continue
            tones = self.mapping(tones_node, f"{what} variants [{lang}]", (), ())
            for tone, (tone_key, value_node) in (tones or {}).items():
                if tone not in TONES:
                    self.problem(tone_key, f"unknown tone '{tone}' (known: {', '.join(TONES)})")
                    continue
                label = f"{what} variant {lang}/{tone}"
                vetted = True
                text_node = value_node
                if isinstance(value_node, yaml.MappingNode):
                    vf = self.mapping(value_node, label, ("text",), ("text", "vetted"))
                    if vf is None or "text" not in vf:
                        continue
                    text_node = vf["text"][1]
                    if "vetted" in vf:
                        vetted = self.boolean(vf["vetted"][1], f"{label} vetted")
                text = self.text(text_node, label)
                if text is None:
                    continue
                names, brace_problems = scan_placeholders(text)
                for bp in brace_problems:
                    self.problem(text_node, f"{label}: {bp.message} at character {bp.offset + 1}")
                if reference is None:
                    reference = (names, f"{lang}/{tone}", text_node)
                elif required_placeholders(names) != required_placeholders(reference[0]):
                    self.problem(
                        text_node,
                        f"{label}: placeholders {_fmt(names)} differ from "
                        f"{reference[1]} {_fmt(reference[0])}",
                    )
                out.append(Variant(lang, tone, text, vetted))
        if fields is not None and not out and not self.problems:
            self.problem(node, f"{what} has no variants")
        return tuple(out)


class _FastReader(_Reader):
    """Validates yaml-rs's reading (``fast_yaml``): the first problem, or a
    lossy scalar where text is wanted, hands the file to the slow path. Its
    ``text`` and ``text_list`` return what the base class returns for valid
    text, and raise where the base class would report a problem."""

    def __init__(self, path: str, text: str) -> None:
        super().__init__(path)
        # No control character in the file and no escape that could make one:
        # no value has one either (one scan instead of one per value).
        self.clean = "\\" not in text and CONTROL_CHARACTER.search(text) is None

    def problem(self, node: yaml.Node | None, message: str) -> None:
        raise fast_yaml.Unsure(message)

    def text(self, node: yaml.Node, what: str, *, allow_empty: bool = False) -> str | None:
        if type(node) is not yaml.ScalarNode:  # a list, a mapping, or lossy (a number...)
            raise fast_yaml.Unsure(what)
        value: str = node.value
        if (not allow_empty and not value.strip()) or (
            not self.clean and CONTROL_CHARACTER.search(value)
        ):
            raise fast_yaml.Unsure(what)
        return value

    def text_list(self, node: yaml.Node, what: str) -> list[tuple[yaml.Node, str]]:
        if type(node) is not fast_yaml.StrSequence:
            return super().text_list(node, what)
        values: list[str] = node.value
        if "" in map(str.strip, values) or (
            not self.clean and any(CONTROL_CHARACTER.search(v) for v in values)
        ):
            raise fast_yaml.Unsure(what)
        return [(node, v) for v in values]


# An entry that starts with its id, as the writer and trainers write them.
_ENTRY_START = re.compile(
    r"^[ \t]*-[ \t]+id:[ \t]*(?:'([^'\n]*)'|\"([^\"\\\n]*)\"|([^\s#'\"][^\n#]*?))[ \t]*(?:#.*)?$",
    re.M,
)


def _entry_lines(text: str, entries: Sequence[Entry]) -> dict[str, int] | None:
    """Each entry's line, found by scanning for ``- id: ...`` lines; None unless
    they are exactly the entries, in order (then the slow path finds the lines)."""
    lines: dict[str, int] = {}
    found = _ENTRY_START.finditer(text)
    line, at = 1, 0
    for entry in entries:
        m = next(found, None)
        if m is None or entry.id not in (m.group(1), m.group(2), m.group(3)):
            return None
        line += text.count("\n", at, m.start())
        at = m.start()
        lines[entry.id] = line
    if next(found, None) is not None:
        return None
    return lines


def fast_parse(text: str, path: str, known_regions: Sequence[str]) -> LoadedPhrasebook | None:
    """The file read by yaml-rs, when that reading is valid and certain (else None)."""
    try:
        root = fast_yaml.compose(text)
        loaded = _FastReader(path, text).phrasebook(root, known_regions)
    except fast_yaml.Unsure:
        return None
    if loaded is None:
        return None
    lines = _entry_lines(text, loaded.phrasebook.entries)
    if lines is None:
        return None
    return LoadedPhrasebook(loaded.phrasebook, path, lines)


def _fmt(names: frozenset[str]) -> str:
    return "{" + ", ".join(sorted(names)) + "}" if names else "(none)"


def parse_text(
    text: str, path: str, known_regions: Sequence[str] = REGION_IDS
) -> tuple[LoadedPhrasebook | None, list[Problem]]:
    anchors = anchor_problems(text, path)
    if anchors:
        return None, anchors
    fast = fast_parse(text, path, known_regions)
    if fast is not None:
        return fast, []
    return slow_parse(text, path, known_regions)


def slow_parse(
    text: str, path: str, known_regions: Sequence[str] = REGION_IDS
) -> tuple[LoadedPhrasebook | None, list[Problem]]:
    """PyYAML's reading, every node with its place: the reference the fast
    reading must agree with (after ``anchor_problems``)."""
    root, problems = compose(text, path)
    if root is None:
        return None, problems
    reader = _Reader(path)
    loaded = reader.phrasebook(root, known_regions)
    return (loaded if not reader.problems else None), reader.problems
