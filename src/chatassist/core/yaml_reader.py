"""Reading trainer-edited YAML with every problem reported at its line.

Validation walks PyYAML's node tree (not constructed Python objects) so that
each problem carries the line and column where it is, and collects problems
instead of stopping at the first. Used by phrasebooks, regions and the intent
cue lexicon.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from chatassist.core.files import FileRefused, read_regular
from chatassist.errors import ChatassistError

#: characters refused in any text a trainer wrote
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff\ufffd]")
INT_TAG = "tag:yaml.org,2002:int"
BOOL_TAG = "tag:yaml.org,2002:bool"
NULL_TAG = "tag:yaml.org,2002:null"
# libyaml is about 10x faster and reports the same marks (line, column).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: problems printed for one command; the rest are counted ("and N more")
MAX_REPORTED = 100


@dataclass(frozen=True, order=True)
class Problem:
    """One validation problem, formatted as ``PATH:LINE:COL: message``."""

    path: str
    line: int  # 1-based; 0 when the file could not be read at all
    column: int  # 1-based; 0 when unknown
    message: str

    def __str__(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class InvalidFiles(ChatassistError):
    """One or more files are invalid; ``problems`` lists every one, sorted by place."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(sorted(problems))
        n = len(self.problems)
        first = str(self.problems[0]) if self.problems else "invalid file"
        more = f" (and {n - 1} more problem{'s' if n > 2 else ''})" if n > 1 else ""
        super().__init__(first + more)

    def report_lines(self, limit: int = MAX_REPORTED) -> list[str]:
        """The first ``limit`` problems, one per line, then "and N more" if some were left
        out (a hostile file can have millions)."""
        lines = [str(p) for p in self.problems[:limit]]
        left = len(self.problems) - limit
        if left > 0:
            lines.append(f"and {left} more problem{'s' if left != 1 else ''}")
        return lines


class NodeReader:
    """Walks one file's node tree, collecting problems instead of stopping."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, node: yaml.Node | None, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else 0
        col = node.start_mark.column + 1 if node is not None else 0
        self.problems.append(Problem(self.path, line, col, message))

    # --- node helpers -------------------------------------------------
    def mapping(
        self, node: yaml.Node, what: str, required: Iterable[str], allowed: Iterable[str]
    ) -> dict[str, tuple[yaml.Node, yaml.Node]] | None:
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, f"{what} must be a mapping")
            return None
        out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        allowed_set = set(allowed)
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is None:
                self.problem(key_node, f"{what}: keys must be plain names")
                continue
            if key in out:
                self.problem(key_node, f"{what}: duplicate key '{key}'")
                continue
            if allowed_set and key not in allowed_set:
                self.problem(key_node, f"{what}: unknown field '{key}'")
                continue
            out[key] = (key_node, value_node)
        for name in required:
            if name not in out:
                self.problem(node, f"{what}: missing required field '{name}'")
        return out

    def text(self, node: yaml.Node, what: str, *, allow_empty: bool = False) -> str | None:
        if not isinstance(node, yaml.ScalarNode) or (
            node.tag == NULL_TAG and node.value in ("", "~")
        ):
            if isinstance(node, yaml.ScalarNode):
                self.problem(node, f"{what} is empty")
            else:
                self.problem(node, f"{what} must be text")
            return None
        value = str(node.value)
        if not allow_empty and not value.strip():
            self.problem(node, f"{what} is empty")
            return None
        bad = CONTROL_CHARACTER.search(value)
        if bad:
            self.problem(
                node, f"{what} contains a stray control character U+{ord(bad.group()):04X}"
            )
        return value

    def text_list(self, node: yaml.Node, what: str) -> list[tuple[yaml.Node, str]]:
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, f"{what} must be a list")
            return []
        out = []
        for item in node.value:
            value = self.text(item, f"{what} item")
            if value is not None:
                out.append((item, value))
        return out

    def codes(
        self, node: yaml.Node, what: str, known: Sequence[str], label: str
    ) -> tuple[str, ...]:
        result: list[str] = []
        for item, value in self.text_list(node, what):
            if value not in known:
                self.problem(item, f"unknown {label} '{value}' (known: {', '.join(known)})")
            elif value in result:
                self.problem(item, f"{what}: '{value}' listed twice")
            else:
                result.append(value)
        return tuple(result)

    def boolean(self, node: yaml.Node, what: str) -> bool:
        if isinstance(node, yaml.ScalarNode) and node.tag == BOOL_TAG:
            return node.value.lower() in ("true", "yes", "on")
        self.problem(node, f"{what} must be true or false")
        return False


def decode(path: str, data: bytes) -> tuple[str | None, list[Problem]]:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            Problem(
                path,
                line,
                col,
                f"not UTF-8: byte 0x{data[exc.start]:02x} cannot be decoded (save the file as UTF-8)",
            )
        ]


# An anchor or alias indicator where a node can start; also matches some plain
# text ("a *bold* word"), which the event scan below then clears.
# (Written from the indicator back: a search that starts on a rare character is
# five times faster than one that starts on a blank.)
_MAYBE_ANCHOR = re.compile(r"[&*](?<=[\s\[{,][&*])[^\s\[\]{},]")
_ANCHOR_FIRST = re.compile(r"[&*][^\s\[\]{},]")
MAX_ANCHOR_PROBLEMS = 100


def anchor_problems(text: str, path: str) -> list[Problem]:
    """Anchors (``&name``) and aliases (``*name``), each at its place.

    Phrasebooks refuse them (trainers' files, imported from anywhere): an
    alias repeats a node without its text being repeated, so a small file
    could stand for gigabytes of replies. Texts without a candidate indicator skip the (slower) event scan.
    """
    if not _ANCHOR_FIRST.match(text) and not _MAYBE_ANCHOR.search(text):
        return []
    problems: list[Problem] = []
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            if isinstance(event, yaml.AliasEvent):
                what = f"alias '*{event.anchor}'"
            elif isinstance(event, yaml.NodeEvent) and event.anchor is not None:
                what = f"anchor '&{event.anchor}'"
            else:
                continue
            mark = event.start_mark
            problems.append(
                Problem(
                    path,
                    mark.line + 1 if mark else 0,
                    mark.column + 1 if mark else 0,
                    f"{what}: anchors and aliases are not allowed; write the text out in full",
                )
            )
            if len(problems) >= MAX_ANCHOR_PROBLEMS:
                break
    except yaml.YAMLError:
        pass  # not valid YAML: compose reports where
    return problems


def compose(text: str, path: str) -> tuple[yaml.Node | None, list[Problem]]:
    """Parse YAML into a node tree, or report why it is not valid YAML."""
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        char = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
        return None, [Problem(path, line, col, f"stray control character U+{ord(char[0]):04X}")]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = exc.problem or exc.context or "invalid YAML"
        return None, [Problem(path, line, col, f"invalid YAML: {problem}")]
    except yaml.YAMLError as exc:
        return None, [Problem(path, 0, 0, f"invalid YAML: {exc}")]
    if root is None:
        return None, [Problem(path, 1, 0, "the file is empty")]
    return root, []


def read_text_file(path: Path, max_bytes: int) -> tuple[str | None, list[Problem]]:
    """Read a UTF-8 file (a BOM is allowed), reporting unreadable or oversized files."""
    name = str(path)
    try:
        data = read_regular(path, max_bytes)  # FIFOs and devices refused by name
    except FileRefused as exc:
        return None, [Problem(name, 0, 0, exc.reason)]
    except OSError as exc:
        return None, [Problem(name, 0, 0, f"cannot read: {exc.strerror or exc}")]
    return decode(name, data)
