"""Placeholder kinds declared in the phrasebook: read, validated, written back, used."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from chatassist.core.phrasebook.loader import parse_text
from chatassist.core.phrasebook.model import Entry, Phrasebook, Variant
from chatassist.core.phrasebook.placeholders import DATE, DURATION, NUMBER, TEXT, placeholder_kind
from chatassist.core.phrasebook.tabular import (
    read_csv,
    read_xlsx,
    to_rows,
    write_csv,
    write_xlsx,
)
from chatassist.core.phrasebook.writer import dump
from chatassist.core.replies import fill_reply
from chatassist.core.suggestions import CustomerProfile, SuggestionEngine

DECLARED = """\
format: 1
id: book
title: {zh-Hans: 书, en: Book}
placeholders:
  eta: duration
  pickup: date
entries:
  - id: a.ships
    scenarios: [order_status]
    gloss: {zh-Hans: 甲, en: A}
    variants:
      en:
        direct: "Your order {order_id} ships within {eta}."
  - id: b.arrives
    scenarios: [order_status]
    gloss: {zh-Hans: 乙, en: B}
    variants:
      en:
        direct: "Your order arrives by {eta}, pick it up after {pickup}, {wait} days."
    placeholders:
      eta: date
      wait: number
"""


def load(text: str) -> Phrasebook:
    loaded, problems = parse_text(text, "f.yaml")
    assert problems == []
    assert loaded is not None
    return loaded.phrasebook


def problems(text: str) -> list[str]:
    loaded, found = parse_text(text, "f.yaml")
    assert (loaded is None) == bool(found)
    return [str(p) for p in found]


def test_the_entry_declaration_overrides_the_phrasebook_one() -> None:
    book = load(DECLARED)
    ships, arrives = book.entries
    assert book.placeholder_kinds == {"eta": DURATION, "pickup": DATE}
    assert book.kinds_of(ships) == {"eta": DURATION, "pickup": DATE}
    assert book.kinds_of(arrives) == {"eta": DATE, "pickup": DATE, "wait": NUMBER}
    # Undeclared names keep the kind their name implies.
    assert placeholder_kind("order_id", book.kinds_of(ships)) == TEXT
    assert placeholder_kind("eta") == DATE


def test_an_unknown_kind_is_reported_at_its_line() -> None:
    found = problems(DECLARED.replace("  pickup: date", "  pickup: weekday"))
    assert len(found) == 1
    assert found[0].startswith("f.yaml:6:")
    assert "unknown kind 'weekday' for {pickup}" in found[0]
    assert "date, duration, money, number, text" in found[0]
    found = problems(DECLARED.replace("      wait: number", "      wait: amount"))
    assert len(found) == 1 and found[0].startswith("f.yaml:22:"), found


def test_bad_declarations_are_problems() -> None:
    # a name no variant of the entry uses (a misspelling) ...
    found = problems(DECLARED.replace("      wait: number", "      wiat: number"))
    assert len(found) == 1 and "no variant uses {wiat}" in found[0] and ":22:" in found[0]
    # ... a name that is not a placeholder name, the customer's name as a date, not a map
    found = problems(DECLARED.replace("  pickup: date", "  Pick-Up: date"))
    assert len(found) == 1 and "'Pick-Up' is not a placeholder name" in found[0]
    found = problems(DECLARED.replace("  pickup: date", "  customer_name: date"))
    assert len(found) == 1 and "always of kind text" in found[0]
    found = problems(DECLARED.replace("  eta: duration\n  pickup: date", "  - eta"))
    assert len(found) == 1 and "phrasebook placeholders must be a mapping" in found[0]


def test_the_canonical_form_keeps_the_declarations() -> None:
    book = load(DECLARED)
    text = dump(book)
    assert load(text) == book
    assert dump(load(text)) == text
    assert "placeholders:\n  eta: duration\n  pickup: date\nentries:" in text


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_spreadsheets_carry_the_declarations_exactly(tmp_path: Path, suffix: str) -> None:
    book = load(DECLARED)
    path = tmp_path / f"book{suffix}"
    (write_csv if suffix == ".csv" else write_xlsx)(book, path)
    loaded, found = (read_csv if suffix == ".csv" else read_xlsx)(path)
    assert found == []
    assert loaded is not None and loaded.phrasebook == book
    header = to_rows(book)[0]
    assert "book_placeholders" in header and "placeholders" in header
    # Without any declaration the columns are not written at all.
    plain = replace(book, placeholder_kinds={}, entries=(book.entries[0],))
    assert "placeholders" not in to_rows(plain)[0]
    assert "book_placeholders" not in to_rows(plain)[0]


def test_a_bad_kind_in_a_spreadsheet_names_its_cell(tmp_path: Path) -> None:
    rows = to_rows(load(DECLARED))
    header = rows[0]
    column = header.index("placeholders")
    rows[2][column] = "eta: date; wait: weekday"
    rows[1][header.index("book_placeholders")] = "eta duration"
    path = tmp_path / "bad.csv"
    path.write_text("\n".join(",".join(f'"{c}"' for c in r) for r in rows), encoding="utf-8")
    loaded, found = read_csv(path)
    assert loaded is None
    text = [str(p) for p in found]
    assert any(
        t.startswith(f"{path}:R3:C{column + 1}: ") and "unknown kind 'weekday'" in t for t in text
    ), text
    assert any("'eta duration' in book_placeholders: write name: kind" in t for t in text), text


def test_filling_follows_the_declared_kind() -> None:
    book = load(DECLARED)
    ships = book.entries[0]
    text = ships.variants[0].text
    as_declared = fill_reply(
        text, "en", {"order_id": "7", "eta": "3-5 days"}, None, kinds=book.kinds_of(ships)
    )
    assert as_declared.problems == ()
    assert as_declared.text == "Your order 7 ships within 3–5 days."
    # Without the declaration {eta} is a date, and "3-5 days" is not one.
    by_name = fill_reply(text, "en", {"order_id": "7", "eta": "3-5 days"}, None)
    assert by_name.problems and by_name.problems[0][0] == "eta"


def test_arabic_agreement_follows_only_a_number() -> None:
    text = "رقم الطلب {ref} أيام، خلال {wait} أيام"
    values = {"ref": "14", "wait": "14"}
    filled = fill_reply(text, "ar", values, None, kinds={"wait": NUMBER})
    # {ref} is text (an order reference): the words after it are left as written.
    assert filled.text == "رقم الطلب 14 أيام، خلال 14 يومًا"


def test_suggestions_carry_the_declared_kinds() -> None:
    ships = Phrasebook(
        id="x",
        title={"zh-Hans": "书", "en": "Book"},
        placeholder_kinds={"eta": DURATION},
        entries=(
            Entry(
                id="s",
                scenarios=("order_status",),
                gloss={"zh-Hans": "丙", "en": "C"},
                variants=(Variant("en", "direct", "Ships within {eta}."),),
            ),
        ),
    )
    customer = CustomerProfile(language="en", tone="direct")
    found = SuggestionEngine([ships]).suggest([("order_status", 1.0)], customer)
    assert found and found[0].placeholder_kinds == (("eta", DURATION),)
    assert found[0].to_json()["placeholder_kinds"] == {"eta": DURATION}
