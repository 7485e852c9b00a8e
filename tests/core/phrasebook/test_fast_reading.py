"""The fast reading (yaml-rs) agrees with PyYAML's, or steps aside.

``parse_text`` first reads a file with yaml-rs (core.fast_yaml) and keeps that
reading only when it is valid and cannot differ from PyYAML's; everything else
is read again by the slow path, which locates problems. These tests hold the
two readings side by side: wherever the fast one answers, it answers exactly
what the slow one does, entry lines included.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chatassist.core import fast_yaml
from chatassist.core.phrasebook.validation import fast_parse, parse_text, slow_parse
from chatassist.core.regions import REGION_IDS

ROOT = Path(__file__).resolve().parents[3]
BUNDLED = sorted((ROOT / "phrasebooks").glob("*.yaml"))

TEMPLATE = """\
format: 1
id: book
version: {version}
title: {{zh-Hans: 书, en: Book}}
entries:
  - id: a.one
    scenarios: [order_status]
    pinned: {pinned}
    gloss: {{zh-Hans: 甲, en: A}}
    keywords:
      en: [{keyword}, where is my order]
    variants:
      en:
        direct: {text}
        warm: "Yay, shipped!"
  - id: a.two
    scenarios: [refund_request]
    gloss:
      zh-Hans: 乙
      en: {gloss}
    variants:
      es:
        direct:
          text: Hola, {{customer_name}}
          vetted: {vetted}
"""


def book(**fields: str) -> str:
    values = {
        "version": "2",
        "pinned": "true",
        "keyword": "tracking",
        "text": "Order shipped.",
        "gloss": "B",
        "vetted": "false",
    }
    values.update(fields)
    return TEMPLATE.format(**values)


def agree(text: str) -> bool:
    """Both readings of ``text`` agree; True when the fast one answered."""
    fast = fast_parse(text, "f.yaml", REGION_IDS)
    slow, problems = slow_parse(text, "f.yaml", REGION_IDS)
    if fast is None:
        return False
    assert not problems, f"fast reading accepted what PyYAML refuses: {problems}"
    assert slow is not None
    assert fast.phrasebook == slow.phrasebook
    assert fast.entry_lines == slow.entry_lines
    return True


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_bundled_phrasebooks_are_read_fast_and_the_same(path: Path) -> None:
    assert agree(path.read_text(encoding="utf-8")), f"{path.name} fell back to the slow path"


def test_an_ordinary_file_is_read_fast() -> None:
    assert agree(book())


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        # YAML 1.1 booleans are strings in 1.2: PyYAML's reading decides.
        ({"pinned": "yes"}, ("pinned", True)),
        ({"vetted": "off"}, ("vetted", False)),
        # Numbers that are text: "0123" stays "0123" (yaml-rs would read 123).
        ({"keyword": "0123"}, ("keyword", "0123")),
        ({"keyword": "1e3"}, ("keyword", "1e3")),
        ({"keyword": "12:30"}, ("keyword", "12:30")),
        ({"keyword": "true"}, ("keyword", "true")),
        ({"text": "2026-12-03"}, ("text", "2026-12-03")),
        ({"gloss": "1_000"}, ("gloss", "1_000")),
        ({"keyword": "!!str 123"}, ("keyword", "123")),
        ({"text": "'Tab\tinside'"}, ("text", "Tab\tinside")),
        ({"text": '"Line\\u2028separator"'}, ("text", "Line\u2028separator")),
        ({"text": "Merci ! Le colis arrive."}, ("text", "Merci ! Le colis arrive.")),
    ],
)
def test_where_the_readings_could_differ_the_slow_one_decides(
    fields: dict[str, str], expected: tuple[str, object]
) -> None:
    text = book(**fields)
    loaded, problems = parse_text(text, "f.yaml")
    assert not problems
    assert loaded is not None
    slow, _ = slow_parse(text, "f.yaml")
    assert slow is not None and loaded.phrasebook == slow.phrasebook
    one, two = loaded.phrasebook.entries
    what, value = expected
    got = {
        "pinned": one.pinned,
        "vetted": two.variants[0].vetted,
        "keyword": one.keywords["en"][0],
        "text": one.variants[0].text,
        "gloss": two.gloss["en"],
    }[what]
    assert got == value


@pytest.mark.parametrize(
    "fields",
    [{"version": "0x2"}, {"version": "12:30"}, {"version": "+2"}, {"version": "0"}],
)
def test_a_version_that_is_not_a_plain_number_is_a_located_problem(
    fields: dict[str, str],
) -> None:
    loaded, problems = parse_text(book(**fields), "f.yaml")
    assert loaded is None
    assert [str(p) for p in problems] == ["f.yaml:3:10: version must be a whole number >= 1"]


def test_a_version_written_with_a_leading_zero_means_what_it_meant_before() -> None:
    loaded, _ = parse_text(book(version="03"), "f.yaml")
    assert loaded is not None and loaded.phrasebook.version == 3
    assert fast_parse(book(version="03"), "f.yaml", REGION_IDS) is None


def test_problems_found_fast_are_reported_at_their_place_by_the_slow_path() -> None:
    text = book().replace("    pinned: true\n", "    pinned: true\n    pinned: false\n")
    loaded, problems = parse_text(text, "f.yaml")
    assert loaded is None
    assert [str(p) for p in problems] == ["f.yaml:9:5: entry: duplicate key 'pinned'"]
    text = book(keyword="'bad\x01'")
    loaded, problems = parse_text(text, "f.yaml")
    assert loaded is None
    assert "stray control character" in str(problems[0])


def test_entry_lines_come_from_the_slow_path_when_an_entry_does_not_start_with_its_id() -> None:
    text = book().replace(
        "  - id: a.two\n    scenarios: [refund_request]\n",
        "  - scenarios: [refund_request]\n    id: a.two\n",
    )
    assert fast_parse(text, "f.yaml", REGION_IDS) is None
    loaded, _ = parse_text(text, "f.yaml")
    assert loaded is not None and loaded.entry_lines == {"a.one": 6, "a.two": 16}


def test_directives_and_second_documents_are_never_read_fast() -> None:
    for text in ("%YAML 1.1\n---\n" + book(), book() + "---\nformat: 1\n"):
        with pytest.raises(fast_yaml.Unsure):
            fast_yaml.compose(text)


def test_anchors_are_refused_before_either_reading() -> None:
    # yaml-rs would quietly read "&k tracking" as "tracking"
    loaded, problems = parse_text(book(keyword="&k tracking"), "f.yaml")
    assert loaded is None
    assert "anchors and aliases are not allowed" in str(problems[0])


TRICKY = [
    "yes", "No", "on", "OFF", "y", "~", "null", "Null", "NULL", "true", "False",
    "0", "0123", "-7", "+1", "0x1F", "0o17", "1_000", "1e3", "1.5", ".inf", ".NaN",
    "12:30", "2026-12-03", "2026-12-03 10:00:00", "'quoted'", '"dq \\t tab"',
    '"\\u00e9t\\u00e9"', "x # comment", "a: b", "- dash", "{order_id}", "{{x}}",
    "[list]", "{map: 1}", "'it''s'", "plain text", "Merci !", "!!str 5", "!tag x",
    "!!bool yes", "!!int 3", "!!null", "@at", "`tick", "%pct", "?q", "|", ">", "ok\ttab", "'a\tb'", "訂單", "สวัสดี",
    "안녕하세요", "مرحبا", "'  spaced  '", '""', "''",
]  # fmt: skip


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    version=st.sampled_from(
        ["1", "2", "10", "02", "0x2", "yes", "'3'", "2.0", "~", "!!int 3", "!!str 3"]
    ),
    pinned=st.sampled_from(TRICKY),
    keyword=st.sampled_from(TRICKY),
    text=st.sampled_from(TRICKY),
    gloss=st.sampled_from(TRICKY),
    vetted=st.sampled_from(TRICKY),
)
def test_the_fast_reading_never_answers_differently(
    version: str, pinned: str, keyword: str, text: str, gloss: str, vetted: str
) -> None:
    # Whatever the scalars, the fast reading either agrees exactly or steps aside.
    agree(
        book(version=version, pinned=pinned, keyword=keyword, text=text, gloss=gloss, vetted=vetted)
    )
