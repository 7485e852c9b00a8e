"""Helpers shared by the playbook's resource files (offer rules, likely-next hints)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from pathlib import Path

import yaml

from chatassist.core.yaml_reader import (
    INT_TAG,
    InvalidFiles,
    NodeReader,
    Problem,
    compose,
    read_text_file,
)

AGENT_LANGUAGES = ("zh-Hans", "en")
MAX_BYTES = 1024 * 1024


class PlaybookInvalid(InvalidFiles):
    """An offer rules or likely-next file is invalid; ``problems`` lists every one."""


def read_root(path: Path) -> yaml.Node:
    text, problems = read_text_file(path, MAX_BYTES)
    root = None
    if text is not None:
        root, problems = compose(text, str(path))
    if root is None:
        raise PlaybookInvalid(problems)
    return root


class PlaybookReader(NodeReader):
    def header(
        self, root: yaml.Node, list_field: str, allowed: tuple[str, ...]
    ) -> dict[str, tuple[yaml.Node, yaml.Node]] | None:
        top = self.mapping(root, "file", ("format", list_field), ("format", list_field, *allowed))
        if top is None:
            return None
        if "format" in top:
            node = top["format"][1]
            if not (
                isinstance(node, yaml.ScalarNode) and node.tag == INT_TAG and node.value == "1"
            ):
                self.problem(node, "format must be 1")
        return top

    def ident(self, node: yaml.Node, what: str) -> str | None:
        value = self.text(node, what)
        if value is not None and not _is_id(value):
            self.problem(node, f"{what} '{value}' must be lower-case letters, digits, . _ -")
            return None
        return value

    def agent_texts(self, node: yaml.Node, what: str) -> dict[str, str]:
        fields = self.mapping(node, what, AGENT_LANGUAGES, ())
        out: dict[str, str] = {}
        for lang, (_, value_node) in (fields or {}).items():
            value = self.text(value_node, f"{what} {lang}")
            if value is not None:
                out[lang] = value
        return out

    def integer(self, node: yaml.Node, what: str, minimum: int = 0) -> int | None:
        if isinstance(node, yaml.ScalarNode) and node.tag == INT_TAG:
            value = int(node.value)
            if value >= minimum:
                return value
        self.problem(node, f"{what} must be a whole number of at least {minimum}")
        return None

    def finish(self, path: str) -> None:
        if self.problems:
            raise PlaybookInvalid(self.problems)


def _is_id(value: str) -> bool:
    return (
        bool(value)
        and all(c.islower() or c.isdigit() or c in "._-" for c in value)
        and value.isascii()
    )


def agent_note(note: Mapping[str, str], agent_language: str) -> str:
    """A rule's or hint's note in the agent's language (English when it has none)."""
    return note.get(agent_language) or note["en"]


def missing_replies(
    path: str, what: str, named: Iterable[tuple[str, str, int]], entry_ids: Collection[str]
) -> list[Problem]:
    """``named`` as (id, reply entry id, line): those naming a reply the library does
    not have (such a rule or hint never shows); ``what`` is "rule" or "hint"."""
    return [
        Problem(path, line, 0, f"{what} {ident}: no reply entry '{reply}' in the phrasebooks")
        for ident, reply, line in named
        if reply not in entry_ids
    ]
