"""Validation reports every problem with its line, for each bad case of the format."""

from __future__ import annotations

from pathlib import Path

import pytest

from chatassist.core.phrasebook.loader import PhrasebookInvalid, load_files, parse_file, parse_text

SAMPLE = Path(__file__).with_name("sample.yaml")

GOOD = """\
format: 1
id: book
title: {zh-Hans: 书, en: Book}
entries:
  - id: a.one
    scenarios: [order_status]
    gloss: {zh-Hans: 甲, en: A}
    variants:
      en:
        direct: "Order {order_id} shipped."
        warm: "Yay, {order_id} shipped!"
      ja:
        detailed: "ご注文{order_id}を発送いたしました。"
"""


def problems(text: str) -> list[str]:
    book, found = parse_text(text, "f.yaml")
    assert (book is None) == bool(found)
    return [str(p) for p in found]


def test_sample_and_good_files_load() -> None:
    book, found = parse_file(SAMPLE)
    assert found == []
    assert book is not None
    assert book.phrasebook.id == "sample"
    entry = book.phrasebook.entries[0]
    assert entry.placeholders == {"order_id", "tracking_number"}
    ja = entry.variant("ja", "detailed")
    assert ja is not None and ja.vetted is False
    assert problems(GOOD) == []


def test_invalid_yaml_reports_its_line() -> None:
    found = problems(
        GOOD.replace("    gloss: {zh-Hans: 甲, en: A}", "    gloss: {zh-Hans: 甲, en: A")
    )
    assert len(found) == 1
    assert found[0].startswith("f.yaml:8:") and "invalid YAML" in found[0]


def test_wrong_encoding(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(GOOD.replace("Book", "Bücher").encode("latin-1", errors="replace"))
    path.write_bytes(GOOD.encode("utf-8").replace(b"Book", "B\xfccher".encode("latin-1")))
    _, found = parse_file(path)
    assert len(found) == 1
    assert f"{path}:3:" in str(found[0]) and "not UTF-8" in str(found[0])


def test_duplicate_entry_ids_within_a_file() -> None:
    text = GOOD + GOOD.split("entries:\n")[1]
    found = problems(text)
    assert any("duplicate entry id 'a.one'" in p and p.startswith("f.yaml:14:") for p in found)


def test_duplicate_entry_ids_across_files(tmp_path: Path) -> None:
    (tmp_path / "one.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "two.yaml").write_text(GOOD.replace("id: book", "id: other"), encoding="utf-8")
    with pytest.raises(PhrasebookInvalid) as err:
        load_files([tmp_path / "one.yaml", tmp_path / "two.yaml"])
    messages = [str(p) for p in err.value.problems]
    assert any(
        "two.yaml:5" in m and "duplicate entry id 'a.one'" in m and "one.yaml:5" in m
        for m in messages
    )


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("[order_status]", "[order_statuss]", "f.yaml:6:17: unknown scenario 'order_statuss'"),
        (
            "      ja:\n",
            "      jp:\n",
            "f.yaml:12:7: entry 'a.one' variants: unknown language code 'jp'",
        ),
        ("        detailed:", "        polite:", "f.yaml:13:9: unknown tone 'polite'"),
        (
            'direct: "Order {order_id} shipped."',
            'direct: ""',
            "entry 'a.one' variant en/direct is empty",
        ),
        (
            "Yay, {order_id} shipped!",
            "Yay, shipped!",
            "placeholders (none) differ from en/direct {order_id}",
        ),
        ("Yay, {order_id} shipped!", "Yay, {order_id shipped!", "unbalanced '{'"),
        ("Yay, {order_id} shipped!", "Yay, {order_id} shipped!}", "unbalanced '}'"),
        ("Yay, {order_id} shipped!", "Yay, {order_id} {Bad Name}!", "bad placeholder {Bad Name}"),
        (
            "    gloss: {zh-Hans: 甲, en: A}\n",
            "",
            "f.yaml:5:5: entry: missing required field 'gloss'",
        ),
        (
            "    gloss: {zh-Hans: 甲, en: A}\n",
            "    gloss: {en: A}\n",
            "missing required field 'zh-Hans'",
        ),
        ("id: book", "id: Book Title", "phrasebook id 'Book Title' must be lower-case"),
        ("format: 1", "format: 2", "format 2 is not supported"),
        ("format: 1", "format: one", "format must be a whole number"),
        (
            "    scenarios: [order_status]",
            "    scenarios: order_status",
            "scenarios must be a list",
        ),
        (
            "    scenarios: [order_status]",
            "    scenarios: [order_status]\n    pinned: maybe",
            "pinned must be true or false",
        ),
        (
            "    scenarios: [order_status]",
            "    scenarios: [order_status]\n    colour: red",
            "unknown field 'colour'",
        ),
        (
            "    scenarios: [order_status]",
            "    scenarios: [order_status]\n    segments: [vip]",
            "unknown segment 'vip'",
        ),
        (
            "    scenarios: [order_status]",
            "    scenarios: [order_status]\n    kind: memo",
            "unknown kind 'memo'",
        ),
        (
            "Order {order_id} shipped.",
            "Order {order_id}\x07 shipped.",
            "stray control character U+0007",
        ),
        ("    gloss:", "    id: again\n    gloss:", "duplicate key 'id'"),
    ],
)
def test_each_bad_case_is_reported_where_it_is(old: str, new: str, expected: str) -> None:
    assert old in GOOD
    found = problems(GOOD.replace(old, new, 1))
    assert any(expected in p for p in found), found


def test_every_problem_is_reported_not_just_the_first() -> None:
    text = GOOD.replace("[order_status]", "[nope]").replace("      ja:\n", "      xx:\n")
    found = problems(text)
    assert len(found) >= 2


def test_note_needs_body_and_has_no_variants() -> None:
    note = GOOD.replace(
        "    scenarios: [order_status]", "    kind: note\n    scenarios: [order_status]"
    )
    found = problems(note)
    assert any("a note needs a 'body'" in p for p in found)
    assert any("has no variants" in p for p in found)


def test_empty_file() -> None:
    assert problems("") == ["f.yaml:1: the file is empty"]


def test_folder_expands_to_yaml_files(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
    assert [lb.phrasebook.id for lb in load_files([tmp_path])] == ["book"]


def test_missing_file() -> None:
    with pytest.raises(PhrasebookInvalid, match="cannot read"):
        load_files([Path("/nonexistent/x.yaml")])


def test_readers_are_chosen_by_suffix_and_the_spreadsheet_reader_needs_no_loader() -> None:
    """No import circle: tabular validates through ``validation``, not the loader."""
    import ast

    from chatassist.core.phrasebook import loader, tabular

    tree = ast.parse(Path(tabular.__file__).read_text(encoding="utf-8"))
    imported = {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    }
    assert "chatassist.core.phrasebook.loader" not in imported
    assert loader.reader_for(Path("a.XLSX")) is loader.reader_for(Path("b.csv"))
    assert loader.reader_for(Path("a.yml")) is loader.parse_file
