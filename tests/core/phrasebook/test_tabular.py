"""Phrasebooks as CSV and Excel: round trips and problems located at cells."""

from __future__ import annotations

from pathlib import Path

import pytest

from chatassist import paths as paths_mod
from chatassist.core.phrasebook.field_check import check_entry
from chatassist.core.phrasebook.loader import PhrasebookInvalid, load_files
from chatassist.core.phrasebook.model import Entry, Phrasebook, Variant
from chatassist.core.phrasebook.tabular import (
    read_csv,
    read_xlsx,
    to_rows,
    write_csv,
    write_xlsx,
)

BOOK = Phrasebook(
    id="demo",
    title={"zh-Hans": "演示", "en": "Demo"},
    version=2,
    description={"en": "For tests"},
    do_not_translate=("ShopName", "PayLater"),
    entries=(
        Entry(
            id="order.tracking",
            scenarios=("order_status", "shipping_delay"),
            tags=("tracking",),
            segments=("returning",),
            regions=("europe",),
            pinned=True,
            gloss={"zh-Hans": "告知物流单号", "en": "Give the tracking number"},
            keywords={"en": ("where is my order", "wismo"), "es": ("dónde está",)},
            variants=(
                Variant("en", "direct", "Order {order_id} shipped."),
                Variant("en", "warm", "=Good news! Order {order_id}\nis on its way 😊"),
                Variant("ja", "detailed", "ご注文{order_id}は発送済みです。", vetted=False),
            ),
        ),
        Entry(
            id="customs.note",
            kind="note",
            scenarios=("customs_tax",),
            gloss={"zh-Hans": "增值税", "en": "VAT"},
            body={"zh-Hans": "欧盟征收增值税。", "en": "The EU charges VAT."},
        ),
    ),
)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_round_trip_is_identical(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"demo{suffix}"
    (write_csv if suffix == ".csv" else write_xlsx)(BOOK, path)
    loaded, problems = (read_csv if suffix == ".csv" else read_xlsx)(path)
    assert problems == []
    assert loaded is not None
    assert loaded.phrasebook == BOOK


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_bundled_phrasebooks_round_trip(tmp_path: Path, suffix: str) -> None:
    for lb in load_files([paths_mod.bundled_phrasebooks()]):
        path = tmp_path / f"{lb.phrasebook.id}{suffix}"
        (write_csv if suffix == ".csv" else write_xlsx)(lb.phrasebook, path)
        loaded, problems = (read_csv if suffix == ".csv" else read_xlsx)(path)
        assert problems == [], problems[:3]
        assert loaded is not None and loaded.phrasebook == lb.phrasebook


def test_one_row_per_variant_and_one_for_a_note() -> None:
    rows = to_rows(BOOK)
    header = rows[0]
    assert header[:2] == ["phrasebook", "version"]
    assert len(rows) == 1 + 3 + 1
    assert rows[1][header.index("phrasebook")] == "demo"
    assert rows[2][header.index("phrasebook")] == ""
    assert rows[4][header.index("language")] == ""


def test_problems_name_sheet_row_and_column(tmp_path: Path) -> None:
    rows = to_rows(BOOK)
    header = rows[0]
    rows[2][header.index("text")] = "Order shipped, no placeholder"
    rows[3][header.index("tone")] = "chatty"
    path = tmp_path / "bad.xlsx"
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Sheet1"
    for r in rows:
        ws.append(r)
    wb.save(path)
    loaded, problems = read_xlsx(path)
    assert loaded is None
    text = [str(p) for p in problems]
    col_text = header.index("text") + 1
    assert any(
        t.startswith(f"{path}:Sheet1:R3:C{col_text}: ") and "placeholders" in t for t in text
    )
    assert any("unknown tone 'chatty'" in t and ":R4:" in t for t in text)


def test_conflicting_entry_cells_are_reported(tmp_path: Path) -> None:
    rows = to_rows(BOOK)
    header = rows[0]
    rows[2][header.index("scenarios")] = "greeting"
    path = tmp_path / "c.csv"
    import csv

    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    loaded, problems = read_csv(path)
    assert loaded is None
    assert any("scenarios differs from row 2" in str(p) and ":R3:C" in str(p) for p in problems)


def test_import_accepts_spreadsheets(tmp_path: Path) -> None:
    write_xlsx(BOOK, tmp_path / "demo.xlsx")
    loaded = load_files([tmp_path / "demo.xlsx"])
    assert loaded[0].phrasebook == BOOK
    bad = tmp_path / "bad.csv"
    bad.write_text("phrasebook,entry_id,colour\n", encoding="utf-8")
    with pytest.raises(PhrasebookInvalid, match="unknown column 'colour'"):
        load_files([bad])


def test_check_entry_locates_fields() -> None:
    entry = Entry(
        id="x",
        scenarios=("nowhere",),
        gloss={"zh-Hans": "甲", "en": ""},
        variants=(Variant("en", "direct", "Hi {name}"), Variant("es", "warm", "Hola")),
    )
    found = {(p.field, p.message.split(":")[0]) for p in check_entry(entry)}
    fields = {f for f, _ in found}
    assert "scenarios" in fields
    assert "gloss/en" in fields
    assert "variants/es/warm" in fields


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_writing_is_atomic(tmp_path: Path, suffix: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failed export leaves the previous file whole and no temporary file behind."""
    write = write_csv if suffix == ".csv" else write_xlsx
    path = tmp_path / f"demo{suffix}"
    write(BOOK, path)
    before = path.read_bytes()

    def half_written(self: Path, *args: object, **kwargs: object) -> None:
        with open(self, "wb") as fh:
            fh.write(b"cut short")
        raise OSError(28, "No space left on device")

    if suffix == ".csv":
        import os

        real_write = os.write

        def disk_full(fd: int, data: bytes) -> int:
            real_write(fd, b"cut short")
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "write", disk_full)
    else:
        import openpyxl

        monkeypatch.setattr(openpyxl.Workbook, "save", lambda self, name: half_written(Path(name)))
    with pytest.raises(OSError, match="No space left"):
        write(BOOK, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_writing_into_a_missing_folder_is_an_os_error(tmp_path: Path, suffix: str) -> None:
    write = write_csv if suffix == ".csv" else write_xlsx
    with pytest.raises(OSError):
        write(BOOK, tmp_path / "missing" / f"demo{suffix}")
