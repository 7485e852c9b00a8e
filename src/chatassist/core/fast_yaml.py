"""A first, fast reading of a YAML file, trusted only where it cannot differ.

Composing PyYAML's node tree (with a position on every node) is most of the
time of a large import: 20 of 64 s for 10,000 entries. yaml-rs (a Rust YAML
1.2 parser) reads the same files about 20 times faster into plain objects.
This module turns those into node-shaped objects the validators already walk,
so there is one set of checks; a file is then read again, slowly and with
positions, whenever the fast reading could differ from PyYAML's or found any
problem at all (``Unsure``). The fast reading only ever says "this file is
valid and means exactly this"; every problem is still reported, located, by
the slow path.

Where YAML 1.2 (yaml-rs) and 1.1 (PyYAML) differ, the fast reading steps
aside:

* a scalar yaml-rs turned into a number, boolean or null cannot give back its
  text ("0123" is 123 there, "0123" as written in PyYAML's node): such a node is
  *lossy*, and a validator that wants text from it makes the reading unsure;
  whole numbers are taken only as top-level fields written plainly
  (``version: 3``), numbers anywhere else make it unsure;
* strings are the same text in both when yaml-rs resolved them as strings
  ("yes" is a string in 1.2 and a boolean in 1.1: a validator that wants a
  boolean there is unsure and the slow path decides);
* tags (``!x``), directives, several documents, NEL / LINE SEPARATOR
  characters (line breaks in 1.1 only), and anything yaml-rs refuses (tabs
  PyYAML allows, duplicate keys, which PyYAML keeps for the validator to
  report) go to the slow path. Anchors and aliases are refused before either
  reading (``yaml_reader.anchor_problems``).
"""

from __future__ import annotations

import re
from typing import Any

import yaml
import yaml_rs

STR_TAG = "tag:yaml.org,2002:str"
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"
INT_TAG = "tag:yaml.org,2002:int"
BOOL_TAG = "tag:yaml.org,2002:bool"
NULL_TAG = "tag:yaml.org,2002:null"

#: Every fast node's position: unknown (line 0). Nothing reports it: a problem
#: makes the reading unsure, and the slow path reports it at its place.
NO_MARK = yaml.Mark("", 0, -1, -1, "", 0)

# A "!" after a blank, an indicator or a line break: where a tag may start.
_BANG = re.compile(r"!(?<=[:?\-\[{,\n \t]!)")
_DOCUMENT_LINE = re.compile(r"^(?:---|\.\.\.)(?=[ \t\r\n]|$)|^%", re.M)
_LINE_BREAKS_1_1 = re.compile("[\x85\u2028\u2029]")


class Unsure(Exception):
    """The fast reading could differ from PyYAML's here, or found a problem."""


class StrSequence(yaml.SequenceNode):
    """A list of strings kept as the strings (most of a phrasebook's scalars are
    keywords): ``value`` is a list of ``str``, not of nodes. Only the fast
    validator reads it (``text_list``); anything else finds no nodes in it and
    reports a problem, which makes the reading unsure."""


class LossyScalar(yaml.ScalarNode):
    """A scalar yaml-rs resolved to a number, boolean or null: its text as
    written is not known."""


def compose(text: str) -> yaml.Node:
    """The node tree of ``text`` read by yaml-rs; ``Unsure`` when it may differ
    from PyYAML's."""
    if _may_have_tag(text) or _LINE_BREAKS_1_1.search(text):
        raise Unsure
    markers = [m.start() for m in _DOCUMENT_LINE.finditer(text)]
    if markers and (len(markers) > 1 or text[: markers[0]].strip() or text[0] == "%"):
        raise Unsure  # a directive or a second document (or a leading '---' after text)
    try:
        data = yaml_rs.loads(text)
    except Exception as exc:  # yaml-rs raises its own error types; all mean "ask PyYAML"
        raise Unsure from exc
    if not isinstance(data, dict):
        raise Unsure
    pairs: list[tuple[yaml.Node, yaml.Node]] = []
    for key, value in data.items():
        if type(value) is int and type(key) is str:
            # A whole number is only ever a top-level field (format, version), and
            # taken only when written plainly on its line.
            plain = rf"^{re.escape(key)}:[ \t]+{value}[ \t]*(?:#.*)?$"
            if re.search(plain, text, re.M) is None:
                raise Unsure  # "0123", "0x1F", "1_000": YAML 1.1 reads another number
            pairs.append((_node(key), LossyScalar(INT_TAG, str(value), NO_MARK, NO_MARK)))
        else:
            pairs.append((_node(key), _node(value)))
    return yaml.MappingNode(MAP_TAG, pairs, NO_MARK, NO_MARK)


def _may_have_tag(text: str) -> bool:
    """A ``!`` where a node may start: at the start of a line or after ``:``,
    ``?``, ``-``, ``[``, ``{`` or ``,`` and blanks (also some plain text, "a - !b":
    slow then, not wrong). "Merci !" is not one."""
    if text.lstrip(" \t").startswith("!"):
        return True
    for m in _BANG.finditer(text):
        at = m.start() - 1
        while at >= 0 and text[at] in " \t":
            at -= 1
        if at < 0 or text[at] in ":?-[{,\n":
            return True
    return False


def _node(value: Any) -> yaml.Node:
    kind = type(value)
    if kind is str:
        return yaml.ScalarNode(STR_TAG, value, NO_MARK, NO_MARK)
    if kind is dict:
        return yaml.MappingNode(
            MAP_TAG, [(_node(k), _node(v)) for k, v in value.items()], NO_MARK, NO_MARK
        )
    if kind is list:
        try:
            "".join(value)  # a TypeError unless every item is a str (and fast)
        except TypeError:
            return yaml.SequenceNode(SEQ_TAG, [_node(v) for v in value], NO_MARK, NO_MARK)
        return StrSequence(SEQ_TAG, value, NO_MARK, NO_MARK)
    if kind is bool:
        return LossyScalar(BOOL_TAG, "true" if value else "false", NO_MARK, NO_MARK)
    if value is None:
        return LossyScalar(NULL_TAG, "", NO_MARK, NO_MARK)
    raise Unsure  # numbers below the top level, floats, dates: not a phrasebook's shape
