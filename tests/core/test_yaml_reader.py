"""Phrasebook YAML: anchors and aliases refused at their place; long reports are capped."""

from __future__ import annotations

from pathlib import Path

from chatassist.core.phrasebook.loader import parse_text
from chatassist.core.yaml_reader import InvalidFiles, Problem, compose

SAMPLE = Path(__file__).parent / "phrasebook" / "sample.yaml"


def test_an_alias_amplifying_a_text_is_refused_at_its_line() -> None:
    big = "x" * 10_000
    text = (
        "format: 1\nid: a\nnote: &big "
        + big
        + "\nentries:\n"
        + "".join("  - *big\n" for _ in range(50))
    )
    loaded, problems = parse_text(text, "bomb.yaml")
    assert loaded is None
    assert problems[0] == Problem(
        "bomb.yaml",
        3,
        7,
        "anchor '&big': anchors and aliases are not allowed; write the text out in full",
    )
    assert [p.line for p in problems[1:4]] == [5, 6, 7]
    assert problems[1].message.startswith("alias '*big'")


def test_stars_and_ampersands_in_replies_are_just_text() -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "Good news", "Tom & Jerry say *good* news &amp; more"
    )
    assert "*good*" in text
    loaded, problems = parse_text(text, "sample.yaml")
    assert problems == [] and loaded is not None


def test_other_resources_may_still_use_anchors() -> None:
    root, problems = compose("a: &x [1, 2]\nb: *x\n", "rules.yaml")
    assert problems == [] and root is not None


def test_report_lines_show_the_first_100_then_how_many_more() -> None:
    exc = InvalidFiles([Problem("f.yaml", n, 1, "bad") for n in range(1, 251)])
    lines = exc.report_lines()
    assert len(lines) == 101
    assert lines[0] == "f.yaml:1:1: bad" and lines[99] == "f.yaml:100:1: bad"
    assert lines[100] == "and 150 more problems"
    assert InvalidFiles([Problem("f.yaml", 1, 1, "bad")]).report_lines() == ["f.yaml:1:1: bad"]


BUNDLED_YAML = sorted(
    [
        *(Path(__file__).parents[2] / "resources").glob("*.yaml"),
        *(Path(__file__).parents[2] / "phrasebooks").glob("*.yaml"),
    ]
)


def _tree(node: object) -> object:
    import yaml

    if isinstance(node, yaml.ScalarNode):
        return (node.tag, node.value)
    if isinstance(node, yaml.SequenceNode):
        return [_tree(n) for n in node.value]
    assert isinstance(node, yaml.MappingNode)
    return [(_tree(k), _tree(v)) for k, v in node.value]


def test_bundled_yaml_reads_the_same_without_libyaml() -> None:
    # The reader uses libyaml when PyYAML was built with it, else PyYAML's own parser;
    # a user's machine may have either, and they disagree on edge cases ("covered?"
    # unquoted in a flow mapping is fine for libyaml, an error for the other).
    import yaml

    assert len(BUNDLED_YAML) >= 10
    for path in BUNDLED_YAML:
        text = path.read_text(encoding="utf-8")
        pure = yaml.compose(text, Loader=yaml.SafeLoader)
        fast = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        assert _tree(pure) == _tree(fast), path.name
