"""Labelled example messages (resources/intent_examples): read whole or refused with
every problem at its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from chatassist.core.intents.examples import Example, ExamplesInvalid, load_examples
from chatassist.core.languages import CUSTOMER_LANGUAGES
from chatassist.paths import bundled_resources

HEADER = "language\tscenario_ids\ttext\n"


def write(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_bytes(body.encode("utf-8"))
    return path


def test_a_file_is_read_with_primary_first_and_blank_lines_skipped(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "a.tsv",
        "\ufeff" + HEADER + "en\tdamaged_item,refund_request\tbox came crushed, refund pls\n"
        "\n"
        "ja\tnone\tなるほど\r\n",
    )
    assert load_examples([path]) == (
        Example("en", ("damaged_item", "refund_request"), "box came crushed, refund pls", 2),
        Example("ja", ("none",), "なるほど", 4),
    )


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("xx\torder_status\twhere is it", "language: 'xx' is not a customer language code"),
        ("en\torder_stat\twhere is it", "scenario_ids: unknown scenario 'order_stat'"),
        ("en\trefund_request,refund_request\trefund", "scenario_ids: a scenario is listed twice"),
        ("en\tnone,closing\tok bye", "scenario_ids: unknown scenario 'none'"),
        ("en\torder_status", "needs three tab-separated fields"),
        ("en\torder_status\t   ", "text: empty"),
        ("en\torder_status\twhere\x07 is it", "text: holds a control or invisible character"),
    ],
)
def test_a_bad_line_is_named_with_its_file_line_and_field(
    tmp_path: Path, line: str, message: str
) -> None:
    path = write(tmp_path, "a.tsv", HEADER + "en\torder_status\twhere is my order\n" + line + "\n")
    with pytest.raises(ExamplesInvalid) as caught:
        load_examples([path])
    assert str(caught.value).startswith(f"{path}:3: {message}")


def test_every_problem_of_every_file_is_reported_and_nothing_is_read(tmp_path: Path) -> None:
    write(tmp_path, "a.tsv", HEADER + "en\torder_status\twhere is my order\n")
    write(tmp_path, "b.tsv", "lang\tids\ttext\nen\tbogus\tx\nqq\tnone\ty\n")
    (tmp_path / "notes.md").write_text("not an example file")
    with pytest.raises(ExamplesInvalid) as caught:
        load_examples([tmp_path])
    lines = caught.value.report_lines()
    assert len(lines) == 3
    assert all(line.startswith(str(tmp_path / "b.tsv")) for line in lines)
    assert ":1: the first line must be the header" in lines[0]


def test_a_file_not_in_utf8_is_refused_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "a.tsv"
    path.write_bytes(HEADER.encode() + "fr\tnone\tça va\n".encode("latin-1"))
    with pytest.raises(ExamplesInvalid, match=r"a\.tsv:2: not UTF-8"):
        load_examples([path])


def test_the_bundled_examples_load_and_cover_every_language() -> None:
    examples = load_examples([bundled_resources() / "intent_examples"])
    assert len(examples) > 4_000
    assert {e.language for e in examples} == set(CUSTOMER_LANGUAGES)
