from __future__ import annotations

from pathlib import Path

import pytest

from chatassist.core.phrasebook.house_style import (
    HouseStyleInvalid,
    load_house_style,
    style_problems,
)
from chatassist.core.phrasebook.model import Entry, Phrasebook, Variant

STYLE = """\
format: 1
languages:
  nl:
    register: u
    avoid:
      - pattern: '\\b(?:je|jouw)\\b'
        why: "informal je; replies use u"
  pl:
    register: Państwo
    name: omit
  zh-Hans:
    register: 您
    avoid:
      - pattern: '\\{customer_name\\}亲'
        why: "write 亲爱的{customer_name}"
"""


def book(*variants: Variant) -> Phrasebook:
    entry = Entry(id="e.one", scenarios=("greeting",), gloss={"en": "x"}, variants=variants)
    return Phrasebook(id="b", title={"en": "b"}, entries=(entry,))


def test_register_name_and_placement_problems_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "style.yaml"
    path.write_text(STYLE, encoding="utf-8")
    style = load_house_style(path)
    problems = style_problems(
        [
            book(
                Variant("nl", "direct", "Kun je je bestelnummer sturen?"),
                Variant("pl", "direct", "Dzień dobry, {customer_name}!"),
                Variant("zh-Hans", "warm", "{customer_name}亲，您好"),
                Variant("en", "direct", "Can you send your order number?"),
            )
        ],
        style,
    )
    assert [str(p) for p in problems] == [
        "e.one nl/direct: 'je': informal je; replies use u",
        "e.one pl/direct: uses {customer_name}; pl replies address the customer without it "
        "(Państwo)",
        "e.one zh-Hans/warm: '{customer_name}亲': write 亲爱的{customer_name}",
    ]
    fine = book(Variant("nl", "direct", "Kunt u uw bestelnummer sturen?"))
    assert style_problems([fine], style) == []


def test_bad_style_files_say_where(tmp_path: Path) -> None:
    path = tmp_path / "style.yaml"
    path.write_text(
        STYLE.replace("name: omit", "name: never").replace("(?:je|jouw)", "(?:je|jouw"),
        encoding="utf-8",
    )
    with pytest.raises(HouseStyleInvalid) as err:
        load_house_style(path)
    messages = [str(p) for p in err.value.problems]
    assert any(m.startswith(f"{path}:6:") and "not a valid expression" in m for m in messages)
    assert any(f"{path}:10:" in m and "name must be one of any, omit" in m for m in messages)


def test_warnings_point_at_the_variant_line_of_the_right_language(tmp_path: Path) -> None:
    from chatassist.core.phrasebook.house_style import style_warnings
    from chatassist.core.phrasebook.loader import parse_text

    path = tmp_path / "style.yaml"
    path.write_text(STYLE, encoding="utf-8")
    style = load_house_style(path)
    text = """\
format: 1
id: b
title: {zh-Hans: 书, en: Book}
entries:
  - id: e.one
    scenarios: [greeting]
    gloss: {zh-Hans: 甲, en: A}
    keywords: {nl: [kun je helpen]}
    variants:
      en: {direct: "Can je help?"}
      nl: {direct: "Hallo, kunt u helpen?", warm: "Hoi, kun je helpen?"}
      zh-Hans:
        warm: "{customer_name}亲，您好"
"""
    loaded, problems = parse_text(text, "b.yaml")
    assert problems == [] and loaded is not None
    found = style_warnings([loaded], style, lambda p: text)
    assert [(p.line, p.message.split(":")[1].strip()) for p in found] == [
        (11, "e.one nl/warm"),
        (13, "e.one zh-Hans/warm"),
    ]
    # Without the text, each warning names the entry's first line.
    assert {p.line for p in style_warnings([loaded], style)} == {5}
