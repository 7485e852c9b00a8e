"""``phrasebook validate`` checks the house register: warnings at FILE:LINE, exit 0."""

from __future__ import annotations

from pathlib import Path

import pytest

from chatassist.cli.main import main
from chatassist.core.phrasebook.loader import load_files
from chatassist.core.phrasebook.tabular import write_csv

BOOK = """\
format: 1
id: dutch
title: {zh-Hans: 荷兰语, en: Dutch}
entries:
  - id: nl.ask_order
    scenarios: [order_status]
    gloss: {zh-Hans: 询问订单号, en: Ask for the order number}
    keywords:
      nl: [kun je mijn pakket vinden]
    variants:
      en:
        direct: "Could you send your order number, {customer_name}?"
      nl:
        direct: "Hallo {customer_name}, kun je je bestelnummer sturen?"
      pl: {direct: "Dzień dobry, {customer_name}! Proszę o numer zamówienia."}
  - id: nl.thanks
    scenarios: [closing]
    gloss: {zh-Hans: 感谢, en: Thanks}
    variants:
      nl:
        direct: "Bedankt voor uw geduld."
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_house_style_problems_are_warnings_at_the_variant_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data_dir: Path
) -> None:
    path = tmp_path / "dutch.yaml"
    path.write_text(BOOK, encoding="utf-8")
    code, out, err = run(capsys, "phrasebook", "validate", str(path))
    assert code == 0  # a valid file: the register is a house rule, reported, not refused
    assert out == f"{path}: ok (dutch, 2 entries, 2 house-style warnings)\n"
    assert err.splitlines() == [
        f"{path}:14: warning: house style: nl.ask_order nl/direct: 'kun je': "
        "informal je/jij; replies use the formal u",
        f"{path}:15: warning: house style: nl.ask_order pl/direct: uses {{customer_name}}; "
        "pl replies address the customer without it (Państwo, no first name; "
        "'Dzień dobry' followed by punctuation)",
    ]
    assert not data_dir.exists()  # validate still touches no database


def test_a_spreadsheet_warning_names_the_entry_row(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "dutch.yaml"
    source.write_text(BOOK, encoding="utf-8")
    (loaded,) = load_files([source])
    path = tmp_path / "dutch.csv"
    write_csv(loaded.phrasebook, path)
    code, _out, err = run(capsys, "phrasebook", "validate", str(path))
    assert code == 0
    assert err.splitlines()[0].startswith(f"{path}:R2: warning: house style: nl.ask_order nl/")


def test_bundled_phrasebooks_validate_without_warnings(
    capsys: pytest.CaptureFixture[str],
) -> None:
    bundled = Path(__file__).parents[2] / "phrasebooks"
    code, out, err = run(capsys, "phrasebook", "validate", str(bundled))
    assert (code, err) == (0, "")
    assert "warning" not in out
