"""Phrasebooks as spreadsheets (CSV and Excel .xlsx) for trainers who work in them.

Layout (one sheet, or one CSV file, per phrasebook; see docs/editor.md):

- one row per variant (entry, language, tone); an entry without variants (a
  note) has one row with ``language``, ``tone`` and ``text`` empty;
- the entry columns (``entry_id``, ``kind``, ``scenarios``, ``gloss.<lang>``...)
  are written on every row of the entry; when reading, a blank entry cell means
  "same as the entry's first row", a different value is a problem;
- the phrasebook columns (``phrasebook``, ``version``, ``title.<lang>``,
  ``description.<lang>``, ``do_not_translate``) are filled on the first row only;
- lists are separated by ``,`` (codes) or ``;`` (keywords, do-not-translate
  terms); ``pinned`` and ``vetted`` are ``yes`` / ``no``;
- declared placeholder kinds are ``name: kind`` pairs separated by ``;``: the
  entry's in ``placeholders``, the phrasebook's in ``book_placeholders`` (first
  row only); each column is written only when something declares a kind.

Reading builds the phrasebook, then validates it with the YAML loader's own
rules (the canonical YAML is parsed again), and reports every problem at its
sheet, row and column: ``book.xlsx:Sheet1:R12:C4: message``.

Hostile files are bounded (see docs/phrasebook-format.md, "Limits"): only
regular files are read, of at most :data:`MAX_FILE_BYTES`; a workbook may
unpack to at most :data:`MAX_UNPACKED_BYTES`; a sheet's declared size is
ignored (a stale one used to cut rows off, a huge one to use gigabytes) and
values beyond :data:`MAX_ROWS` rows, :data:`MAX_COLUMNS` columns or
:data:`MAX_CELL_CHARS` characters in a cell make the file refused, never
silently cut short.

CSV export neutralises formula injection (OWASP): a cell starting with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'``, so
a spreadsheet shows it as text instead of running it; a cell that already
starts with ``'`` gets one more. Reading a CSV removes exactly that quote, so
our own export round-trips exactly.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from chatassist.core.files import FileRefused, read_regular, write_atomic
from chatassist.core.languages import AGENT_LANGUAGES, CUSTOMER_LANGUAGES, sort_key
from chatassist.core.phrasebook.field_check import FieldProblem, check_phrasebook
from chatassist.core.phrasebook.model import Entry, Phrasebook, Variant
from chatassist.core.phrasebook.validation import LoadedPhrasebook
from chatassist.core.spreadsheet_cells import neutralise_cell, restore_cell
from chatassist.core.tones import TONES
from chatassist.core.yaml_reader import Problem

TABULAR_SUFFIXES = (".csv", ".xlsx")
BOOK_COLUMNS = ("phrasebook", "version", "do_not_translate", "book_placeholders")
ENTRY_COLUMNS = (
    "entry_id",
    "kind",
    "scenarios",
    "tags",
    "segments",
    "regions",
    "pinned",
    "placeholders",
)
VARIANT_COLUMNS = ("language", "tone", "text", "vetted")
_LANG_GROUPS = ("title", "description", "gloss", "body", "keywords")
_YES = ("yes", "true", "1", "y")
#: a CSV or XLSX file on disk
MAX_FILE_BYTES = 32 << 20
#: everything inside an .xlsx (a zip): the sheet XML, shared strings, styles
MAX_UNPACKED_BYTES = 256 << 20
MAX_ZIP_MEMBERS = 1000
MAX_ROWS = 100_000
MAX_COLUMNS = 256
MAX_CELL_CHARS = 131_072
_NO = ("no", "false", "0", "n", "")


# --- writing ------------------------------------------------------------------------


def _langs(maps: Sequence[Any]) -> list[str]:
    found = {lang for m in maps for lang in m}
    agent = [lang for lang in AGENT_LANGUAGES if lang in found]
    return agent + sorted((lang for lang in found if lang not in AGENT_LANGUAGES), key=sort_key)


def _header(book: Phrasebook) -> list[str]:
    groups = {
        "title": _langs([book.title]),
        "description": _langs([book.description]),
        "gloss": _langs([e.gloss for e in book.entries] + [dict.fromkeys(AGENT_LANGUAGES, "")]),
        "body": _langs([e.body for e in book.entries]),
        "keywords": _langs([e.keywords for e in book.entries]),
    }
    cols = list(BOOK_COLUMNS[:2])
    cols += [f"title.{lang}" for lang in groups["title"]]
    cols += [f"description.{lang}" for lang in groups["description"]]
    cols.append(BOOK_COLUMNS[2])
    if book.placeholder_kinds:
        cols.append(BOOK_COLUMNS[3])
    declares = any(e.placeholder_kinds for e in book.entries)
    cols += [c for c in ENTRY_COLUMNS if c != "placeholders" or declares]
    for group in ("gloss", "body", "keywords"):
        cols += [f"{group}.{lang}" for lang in groups[group]]
    return cols + list(VARIANT_COLUMNS)


def to_rows(book: Phrasebook) -> list[list[str]]:
    """The header row and one row per variant (notes: one row), all text."""
    header = _header(book)
    rows: list[list[str]] = [header]
    for entry in book.entries:
        base: dict[str, str] = {
            "entry_id": entry.id,
            "kind": entry.kind,
            "scenarios": ", ".join(entry.scenarios),
            "tags": ", ".join(entry.tags),
            "segments": ", ".join(entry.segments),
            "regions": ", ".join(entry.regions),
            "pinned": "yes" if entry.pinned else "",
            "placeholders": _kinds_cell(entry.placeholder_kinds),
        }
        base.update({f"gloss.{k}": v for k, v in entry.gloss.items()})
        base.update({f"body.{k}": v for k, v in entry.body.items()})
        base.update({f"keywords.{k}": "; ".join(v) for k, v in entry.keywords.items()})
        # Variants in the entry's own order, so that a round trip gives an equal phrasebook.
        for v in entry.variants or (None,):
            cells = dict(base)
            if v is not None:
                cells.update(
                    language=v.language,
                    tone=v.tone,
                    text=v.text,
                    vetted="yes" if v.vetted else "no",
                )
            rows.append([cells.get(col, "") for col in header])
    first = rows[1] if len(rows) > 1 else [""] * len(header)
    if len(rows) == 1:
        rows.append(first)
    book_cells: dict[str, str] = {
        "phrasebook": book.id,
        "version": str(book.version),
        "do_not_translate": "; ".join(book.do_not_translate),
        "book_placeholders": _kinds_cell(book.placeholder_kinds),
    }
    book_cells.update({f"title.{k}": v for k, v in book.title.items()})
    book_cells.update({f"description.{k}": v for k, v in book.description.items()})
    for i, col in enumerate(header):
        if col in book_cells:
            first[i] = book_cells[col]
    return rows


def _kinds_cell(kinds: Mapping[str, str]) -> str:
    return "; ".join(f"{name}: {kinds[name]}" for name in sorted(kinds))


def _kinds(sheet: _Sheet, n: int, row: list[str], column: str) -> dict[str, str]:
    """A ``name: kind; ...`` cell (the kinds themselves are checked by validation)."""
    out: dict[str, str] = {}
    for part in _split(sheet.get(row, column), ";"):
        name, colon, kind = part.partition(":")
        if not colon or not name.strip() or not kind.strip():
            sheet.problem(n, column, f"'{part}' in {column}: write name: kind (eta: date)")
            continue
        if name.strip() in out:
            sheet.problem(n, column, f"{column}: {{{name.strip()}}} is declared twice")
            continue
        out[name.strip()] = kind.strip()
    return out


def to_csv(book: Phrasebook) -> str:
    buf = io.StringIO()
    rows = [[neutralise_cell(c) for c in row] for row in to_rows(book)]
    # CRLF (RFC 4180): csv quotes a cell holding any character of the line
    # terminator, so a text with a lone "\r" is quoted and reads back whole.
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    return buf.getvalue()


def write_csv(book: Phrasebook, path: Path) -> None:
    """Write ``book`` to ``path`` atomically (OSError when it cannot be written)."""
    text = to_csv(book)

    write_atomic(path, text, encoding="utf-8-sig")


def write_xlsx(book: Phrasebook, path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = book.id[:31]
    for row in to_rows(book):
        ws.append(row)
        for cell in ws[ws.max_row]:
            if cell.data_type == "f":  # a text starting with "=" stays text, not a formula
                cell.data_type = "s"
    ws.freeze_panes = "A2"
    write_atomic(path, lambda tmp: wb.save(tmp))


# --- reading ------------------------------------------------------------------------


class _Sheet:
    def __init__(self, where: str, rows: list[list[str]]) -> None:
        self.where = where
        self.header = [h.strip() for h in rows[0]] if rows else []
        self.rows = rows[1:]
        self.problems: list[Problem] = []
        self.col = {name: i for i, name in enumerate(self.header) if name}

    def problem(self, row: int, column: str | int | None, message: str) -> None:
        c = self.col.get(column, -1) if isinstance(column, str) else (column or -1)
        cell = f":R{row + 2}" + (f":C{c + 1}" if c >= 0 else "")
        self.problems.append(Problem(self.where + cell, 0, 0, message))

    def get(self, row: list[str], name: str) -> str:
        i = self.col.get(name)
        return row[i].strip() if i is not None and i < len(row) else ""


def _split(value: str, sep: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in value.split(sep) if p.strip())


def _lang_group(sheet: _Sheet, row: list[str], group: str) -> dict[str, str]:
    out = {}
    for name in sheet.header:
        if name.startswith(group + "."):
            value = _raw(sheet, row, name)
            if value.strip():
                out[name.split(".", 1)[1]] = value
    return out


def _flag(sheet: _Sheet, n: int, row: list[str], name: str, default: bool) -> bool:
    value = sheet.get(row, name).lower()
    if not value:
        return default
    if value in _YES:
        return True
    if value in _NO:
        return False
    sheet.problem(n, name, f"{name} must be yes or no, not '{value}'")
    return default


def from_rows(rows: list[list[str]], where: str) -> tuple[LoadedPhrasebook | None, list[Problem]]:
    """Build and validate a phrasebook from a header row and data rows."""
    sheet = _Sheet(where, rows)
    known = set(BOOK_COLUMNS + ENTRY_COLUMNS + VARIANT_COLUMNS)
    for i, name in enumerate(sheet.header):
        group, _, lang = name.partition(".")
        ok = name in known or (
            group in _LANG_GROUPS and (lang in CUSTOMER_LANGUAGES or lang in AGENT_LANGUAGES)
        )
        if name and not ok:
            sheet.problems.append(Problem(f"{where}:R1:C{i + 1}", 0, 0, f"unknown column '{name}'"))
    for name in ("phrasebook", "entry_id"):
        if name not in sheet.col:
            sheet.problems.append(Problem(f"{where}:R1", 0, 0, f"missing column '{name}'"))
    if sheet.problems or not sheet.rows:
        if not sheet.rows and not sheet.problems:
            sheet.problems.append(Problem(where, 0, 0, "no rows"))
        return None, sheet.problems
    first = sheet.rows[0]
    book_id = sheet.get(first, "phrasebook")
    version_text = sheet.get(first, "version") or "1"
    version = int(version_text) if version_text.isdigit() else 0
    if version < 1:
        sheet.problem(0, "version", f"version must be a whole number >= 1, not '{version_text}'")
    entries: list[Entry] = []
    entry_rows: dict[str, int] = {}
    order: list[str] = []
    fields: dict[str, dict[str, Any]] = {}
    variants: dict[str, list[tuple[int, Variant]]] = {}
    entry_cols = [
        c for c in sheet.header if c in ENTRY_COLUMNS or c.partition(".")[0] in _LANG_GROUPS[2:]
    ]
    for n, row in enumerate(sheet.rows):
        if not any(c.strip() for c in row):
            continue
        entry_id = sheet.get(row, "entry_id")
        if not entry_id:
            sheet.problem(n, "entry_id", "entry_id is empty")
            continue
        if entry_id not in fields:
            entry_rows[entry_id] = n
            order.append(entry_id)
            fields[entry_id] = {c: sheet.get(row, c) for c in entry_cols}
            fields[entry_id]["pinned"] = _flag(sheet, n, row, "pinned", False)
            variants[entry_id] = []
        else:
            for c in entry_cols:
                value = sheet.get(row, c)
                if c != "pinned" and value and value != fields[entry_id][c]:
                    sheet.problem(
                        n,
                        c,
                        f"{c} differs from row {entry_rows[entry_id] + 2} of entry '{entry_id}'",
                    )
        lang, tone, text = (sheet.get(row, c) for c in ("language", "tone", "text"))
        if lang or tone or text:
            vetted = _flag(sheet, n, row, "vetted", True)
            if tone not in TONES:  # the writer orders tones; it cannot place an unknown one
                sheet.problem(n, "tone", f"unknown tone '{tone}' (known: {', '.join(TONES)})")
                continue
            if any((v.language, v.tone) == (lang, tone) for _, v in variants[entry_id]):
                sheet.problem(n, "language", f"a second {lang}/{tone} variant of '{entry_id}'")
                continue
            variants[entry_id].append((n, Variant(lang, tone, _raw(sheet, row, "text"), vetted)))
    for entry_id in order:
        f = fields[entry_id]
        raw = {c: f.get(c, "") for c in ENTRY_COLUMNS}
        row0 = sheet.rows[entry_rows[entry_id]]
        entries.append(
            Entry(
                id=entry_id,
                scenarios=_split(raw["scenarios"], ","),
                kind=raw["kind"] or "reply",
                gloss=_lang_group(sheet, row0, "gloss"),
                body=_lang_group(sheet, row0, "body"),
                tags=_split(raw["tags"], ","),
                segments=_split(raw["segments"], ","),
                regions=_split(raw["regions"], ","),
                pinned=bool(f["pinned"]),
                keywords={
                    k: _split(v, ";") for k, v in _lang_group(sheet, row0, "keywords").items()
                },
                variants=tuple(v for _, v in variants[entry_id]),
                placeholder_kinds=_kinds(sheet, entry_rows[entry_id], row0, "placeholders"),
            )
        )
    book = Phrasebook(
        id=book_id,
        title=_lang_group(sheet, first, "title"),
        entries=tuple(entries),
        version=max(version, 1),
        description=_lang_group(sheet, first, "description"),
        do_not_translate=_split(sheet.get(first, "do_not_translate"), ";"),
        placeholder_kinds=_kinds(sheet, 0, first, "book_placeholders"),
    )
    for fp in check_phrasebook(book, where):
        n, col = _locate(fp, sheet, entry_rows, order, variants)
        sheet.problem(n, col, fp.message)
    if sheet.problems:
        return None, sheet.problems
    return LoadedPhrasebook(book, where, {e: r + 2 for e, r in entry_rows.items()}), []


def _raw(sheet: _Sheet, row: list[str], name: str) -> str:
    i = sheet.col.get(name)
    return row[i] if i is not None and i < len(row) else ""


def _locate(
    fp: FieldProblem,
    sheet: _Sheet,
    entry_rows: dict[str, int],
    order: list[str],
    variants: dict[str, list[tuple[int, Variant]]],
) -> tuple[int, str | None]:
    parts = fp.field.split("/")
    if fp.entry is None or fp.entry >= len(order):
        if parts[0] == "placeholders":
            return 0, "book_placeholders"
        column = parts[0] if parts[0] in sheet.col else ".".join(parts[:2])
        return 0, column if column in sheet.col else ("phrasebook" if parts[0] == "id" else None)
    entry_id = order[fp.entry]
    if parts[0] == "variants" and len(parts) == 3:
        for n, v in variants[entry_id]:
            if (v.language, v.tone) == (parts[1], parts[2]):
                return n, "text"
        return entry_rows[entry_id], "language"
    if parts[0] == "variants":
        return entry_rows[entry_id], "language"
    column = {"id": "entry_id"}.get(parts[0], parts[0])
    if len(parts) > 1 and f"{parts[0]}.{parts[1]}" in sheet.col:
        column = f"{parts[0]}.{parts[1]}"
    return entry_rows[entry_id], column if column in sheet.col else None


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_file(path: Path) -> tuple[bytes | None, list[Problem]]:
    try:
        return read_regular(path, MAX_FILE_BYTES), []
    except FileRefused as exc:
        return None, [Problem(str(path), 0, 0, exc.reason)]
    except OSError as exc:
        return None, [Problem(str(path), 0, 0, f"cannot read: {exc.strerror or exc}")]


def read_csv(path: Path) -> tuple[LoadedPhrasebook | None, list[Problem]]:
    data, problems = _read_file(path)
    if data is None:
        return None, problems
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [Problem(str(path), line, 0, f"not UTF-8 (byte {exc.start})")]
    rows: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        # csv's own cell limit is MAX_CELL_CHARS (131,072, its default); the
        # module-wide setting is left alone.
        for row in reader:
            if len(rows) >= MAX_ROWS + 1:
                return None, [
                    Problem(
                        str(path), reader.line_num, 0, f"more than {MAX_ROWS:,} rows (the limit)"
                    )
                ]
            if len(row) > MAX_COLUMNS:
                return None, [
                    Problem(
                        str(path),
                        reader.line_num,
                        0,
                        f"{len(row)} columns; the limit is {MAX_COLUMNS}",
                    )
                ]
            rows.append([restore_cell(c) for c in row])
    except csv.Error as exc:
        reason = str(exc)
        if "field larger than field limit" in reason:
            reason = f"a cell is over {csv.field_size_limit():,} characters (the limit)"
        return None, [Problem(str(path), reader.line_num, 0, f"not a readable CSV file: {reason}")]
    return from_rows(rows, str(path))


def _unpacked_size_problem(path: Path) -> str | None:
    """Why the workbook (a zip) is refused before parsing it, or None."""
    try:
        with zipfile.ZipFile(path) as zf:
            members = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return f"not a readable .xlsx workbook: {exc}"
    if len(members) > MAX_ZIP_MEMBERS:
        return f"holds {len(members):,} files; the limit is {MAX_ZIP_MEMBERS:,}"
    total = sum(m.file_size for m in members)
    if total > MAX_UNPACKED_BYTES:
        return f"unpacks to {total:,} bytes; the limit is {MAX_UNPACKED_BYTES:,}"
    return None


def read_xlsx(path: Path) -> tuple[LoadedPhrasebook | None, list[Problem]]:
    """The first sheet of the workbook is the phrasebook."""
    data, problems = _read_file(path)
    if data is None:
        return None, problems
    refused = _unpacked_size_problem(path)
    if refused:
        return None, [Problem(str(path), 0, 0, refused)]
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        return None, [Problem(str(path), 0, 0, f"not a readable .xlsx workbook: {_why(exc)}")]
    try:
        ws = wb.worksheets[0]
        where = f"{path}:{ws.title}"
        try:
            rows, beyond = _sheet_rows(ws)
        except Exception as exc:  # the sheet XML is parsed lazily, here
            return None, [Problem(where, 0, 0, f"not a readable .xlsx workbook: {_why(exc)}")]
        if beyond:
            return None, [Problem(where + beyond[0], 0, 0, beyond[1])]
        return from_rows(rows, where)
    finally:
        wb.close()


def _why(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return f"{text} ({type(exc).__name__})" if type(exc).__name__ not in text else text


def _present_rows(ws: Any) -> Iterator[tuple[int, list[tuple[int, Any]]]]:
    """(row number, [(column, value)...]) for each row of the sheet XML holding a
    value, in file order; blank cells and rows are skipped, nothing is filled in.

    openpyxl's own row iterator fills every missing row and cell up to the last
    one (a value at row 999,999,999 would take forever), so this reads its sheet
    parser directly, as its read-only worksheet does."""
    from openpyxl.worksheet._reader import WorkSheetParser

    wb = ws.parent
    with ws._get_source() as src:
        parser = WorkSheetParser(
            src,
            ws._shared_strings,
            data_only=True,
            epoch=wb.epoch,
            date_formats=wb._date_formats,
            timedelta_formats=wb._timedelta_formats,
        )
        for n, cells in parser.parse():
            values = [(c["column"], c["value"]) for c in cells if c["value"] not in (None, "")]
            if values:
                yield n, values


def _sheet_rows(ws: Any) -> tuple[list[list[str]], tuple[str, str] | None]:
    """The sheet's cells as text, bounded; (":R..:C..", why) for a value beyond a limit.

    The declared size (``<dimension>``) is ignored: openpyxl would otherwise stop
    at a stale one (dropping rows) or fill a huge one with empty cells."""
    ws.reset_dimensions()
    rows: list[list[str]] = []
    for n, cells in _present_rows(ws):
        if n > MAX_ROWS:
            return rows, (f":R{n}", f"a value beyond row {MAX_ROWS:,} (the limit); not read")
        width = max(col for col, _ in cells)
        if width > MAX_COLUMNS:
            return rows, (
                f":R{n}:C{width}",
                f"a value beyond column {MAX_COLUMNS} (the limit); not read",
            )
        row = [""] * width
        for col, value in cells:
            text = _cell_text(value)
            if len(text) > MAX_CELL_CHARS:
                return rows, (
                    f":R{n}:C{col}",
                    f"a cell of {len(text):,} characters; the limit is {MAX_CELL_CHARS:,}",
                )
            row[col - 1] = text
        rows.extend([] for _ in range(n - 1 - len(rows)))
        rows.append(row)
    while rows and not rows[-1]:
        rows.pop()
    return rows, None


def parse_tabular_file(path: Path) -> tuple[LoadedPhrasebook | None, list[Problem]]:
    """Read a .csv or .xlsx phrasebook (the loader's hook for spreadsheets)."""
    if path.suffix.lower() == ".xlsx":
        return read_xlsx(path)
    return read_csv(path)
