"""``chatassist phrasebook validate|import|export|list|coverage``."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from chatassist.app import App
from chatassist.core.files import FileRefused, read_regular
from chatassist.core.phrasebook.export import FORMATS, export_books
from chatassist.core.phrasebook.house_style import style_warnings
from chatassist.core.phrasebook.loader import MAX_FILE_BYTES, PhrasebookInvalid
from chatassist.core.phrasebook.publication import load_publication


def add_parser(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "phrasebook", help="validate, import, export and list phrasebooks"
    )
    psub = p.add_subparsers(dest="phrasebook_command", metavar="ACTION", required=True)

    v = psub.add_parser("validate", help="check phrasebook files without touching the database")
    v.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files or folders")
    v.set_defaults(handler=run_validate)

    i = psub.add_parser("import", help="import phrasebook files (all or nothing)")
    i.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files or folders")
    i.add_argument("--json", action="store_true", help="print the report as JSON")
    i.set_defaults(handler=run_import)

    e = psub.add_parser("export", help="write one file per phrasebook (YAML, CSV or Excel)")
    e.add_argument("--out", required=True, type=Path, metavar="DIR", help="output folder")
    e.add_argument(
        "--format",
        choices=FORMATS,
        default="yaml",
        help="yaml (default), csv or xlsx: the editor's spreadsheet layout",
    )
    e.add_argument("--json", action="store_true", help="print the written files as JSON")
    e.set_defaults(handler=run_export)

    c = psub.add_parser(
        "coverage", help="scenario x language x tone matrix of vetted variants, with gaps"
    )
    c.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="check these files instead of the library in the database",
    )
    c.add_argument("--json", action="store_true", help="print as JSON")
    c.set_defaults(handler=run_coverage)

    ls = psub.add_parser("list", help="list the phrasebooks in the database")
    ls.add_argument("--json", action="store_true", help="print as JSON")
    ls.set_defaults(handler=run_list)


def _report(exc: PhrasebookInvalid) -> int:
    for line in exc.report_lines():
        print(line, file=sys.stderr)
    n = len(exc.problems)
    print(
        f"chatassist: {n} problem{'s' if n != 1 else ''} found; nothing was changed",
        file=sys.stderr,
    )
    return 1


def run_validate(args: argparse.Namespace, app: App) -> int:
    try:
        publication = load_publication(args.paths)  # the glossary beside them, too
    except PhrasebookInvalid as exc:
        return _report(exc)
    loaded = publication.books
    # The house register (resources/house_style.yaml): warnings, not errors; the files
    # are valid, and a trainer may ship a reply the rules flag on purpose.
    warnings = style_warnings(loaded, app.house_style, _yaml_text)
    per_file: dict[str, int] = {}
    for w in warnings:
        per_file[w.path] = per_file.get(w.path, 0) + 1
        print(str(replace(w, message=f"warning: {w.message}")), file=sys.stderr)
    for lb in loaded:
        book = lb.phrasebook
        n = per_file.get(lb.path, 0)
        note = f", {n} house-style warning{'s' if n != 1 else ''}" if n else ""
        print(f"{lb.path}: ok ({book.id}, {len(book.entries)} entries{note})")
    if publication.glossary is not None:
        g = publication.glossary
        print(f"{g.path}: ok (glossary, {len(g.glossary.terms)} terms)")
    return 0


def _yaml_text(path: str) -> str | None:
    """A YAML file's text again, to place each warning at its variant's line (None for
    a spreadsheet, whose warnings name the entry's row)."""
    if not path.lower().endswith((".yaml", ".yml")):
        return None
    try:
        return read_regular(Path(path), MAX_FILE_BYTES).decode("utf-8")
    except (FileRefused, OSError, UnicodeDecodeError):
        return None


def run_import(args: argparse.Namespace, app: App) -> int:
    try:
        report = app.library.import_files(args.paths)
    except PhrasebookInvalid as exc:
        return _report(exc)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        for line in report.lines():
            print(line)
    return 0


def run_export(args: argparse.Namespace, app: App) -> int:
    books = app.library.phrasebooks()
    # The glossary is published with the phrasebooks (glossary.yaml beside them).
    written = export_books(books, args.out, args.format, app.glossary.current())
    damaged = sum(v.text.count("\ufffd") for b in books for e in b.entries for v in e.variants)
    if damaged:
        print(
            f"chatassist: warning: {damaged} character(s) of the library were not valid UTF-8 "
            "(a damaged database?) and were written as U+FFFD; run: chatassist db check",
            file=sys.stderr,
        )
    if args.json:
        print(json.dumps({"files": [str(p) for p in written]}, ensure_ascii=False, indent=2))
    else:
        for path in written:
            print(path)
    return 0


def run_list(args: argparse.Namespace, app: App) -> int:
    summaries = app.library.summaries()
    if args.json:
        print(json.dumps([s.to_json() for s in summaries], ensure_ascii=False, indent=2))
        return 0
    if not summaries:
        print("no phrasebooks")
    for s in summaries:
        print(f"{s.id}\tv{s.version}\t{s.entries} entries\t{s.title.get('en', '')}")
    return 0


def run_coverage(args: argparse.Namespace, app: App) -> int:
    from chatassist.core.languages import CUSTOMER_LANGUAGES
    from chatassist.core.phrasebook.coverage import coverage

    if args.paths:
        try:
            books = [lb.phrasebook for lb in load_publication(args.paths).books]
        except PhrasebookInvalid as exc:
            return _report(exc)
    else:
        books = app.library.phrasebooks()
    default_tone = {lang: app.regions.choose(lang).tone for lang in CUSTOMER_LANGUAGES}
    result = coverage(books, default_tone)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return 0 if result.complete else 1
    header = "scenario".ljust(22) + " ".join(f"{lang:>7}" for lang in CUSTOMER_LANGUAGES)
    print(header)
    for scenario, by_lang in result.matrix.items():
        cells = []
        for lang in CUSTOMER_LANGUAGES:
            tones = result.required[lang]
            cells.append(f"{min(by_lang[lang][t] for t in tones):>7}")
        print(scenario.ljust(22) + " ".join(cells))
    print(
        "(vetted variants in the required tone per scenario; English: fewest over its three tones)"
    )
    for scenario in result.scenarios_without_replies:
        print(f"gap: scenario {scenario} has no reply")
    for gap in result.gaps:
        print(f"gap: {gap.entry_id} [{gap.scenario}] {gap.language}/{gap.tone}: {gap.reason}")
    if result.complete:
        print("coverage complete: no gaps in the required cells")
    else:
        print(f"{len(result.gaps) + len(result.scenarios_without_replies)} gaps", file=sys.stderr)
    return 0 if result.complete else 1
