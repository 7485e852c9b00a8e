"""``chatassist glossary list|check FILE|import FILE|export FILE``: the trainers'
glossary (term -> translation per language; format in docs/packs.md).

``import`` replaces the whole glossary or nothing (the file is checked first and
every problem is reported as FILE:LINE:COLUMN; a backup of the library is made
before an existing glossary is replaced). ``phrasebook export`` also writes it
beside the phrasebooks (``DIR/glossary.yaml``) and ``phrasebook import`` reads
it with them, all or nothing (``core.phrasebook.publication``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from chatassist.app import App
from chatassist.core.files import write_atomic
from chatassist.core.translation import glossary as glossary_format
from chatassist.core.yaml_reader import InvalidFiles


def add_parser(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "glossary", help="the trainers' glossary: terms and their translation per language"
    )
    gsub = p.add_subparsers(dest="glossary_command", metavar="ACTION", required=True)
    ls = gsub.add_parser("list", help="the glossary in the library")
    ls.add_argument("--json", action="store_true", help="print as JSON")
    ls.set_defaults(handler=run_list)
    ck = gsub.add_parser("check", help="check a glossary file without importing it")
    ck.add_argument("file", type=Path, metavar="FILE")
    ck.set_defaults(handler=run_check)
    im = gsub.add_parser(
        "import", help="replace the library's glossary with a file (all or nothing)"
    )
    im.add_argument("file", type=Path, metavar="FILE")
    im.add_argument("--json", action="store_true", help="print the result as JSON")
    im.set_defaults(handler=run_import)
    ex = gsub.add_parser("export", help="write the library's glossary to a file")
    ex.add_argument("file", type=Path, metavar="FILE")
    ex.set_defaults(handler=run_export)


def run_list(args: argparse.Namespace, app: App) -> int:
    glossary = app.glossary.current()
    if args.json:
        print(json.dumps(glossary.to_json(), ensure_ascii=False, indent=2))
        return 0
    if not glossary.terms:
        print("the glossary is empty (chatassist glossary import FILE)")
    for term in glossary.terms:
        if term.keep:
            print(f"{term.id}: keep {term.keep}")
        else:
            forms = ", ".join(f"{lang} {' / '.join(f)}" for lang, f in term.translations)
            print(f"{term.id}: {forms}")
    return 0


def _load(path: Path) -> glossary_format.Glossary | None:
    """The file's glossary, or None after printing every problem (FILE:LINE:COL)."""
    try:
        return glossary_format.load(path)
    except InvalidFiles as exc:
        for problem in exc.problems:
            print(f"chatassist: {problem}", file=sys.stderr)
        return None


def run_check(args: argparse.Namespace, app: App) -> int:
    glossary = _load(args.file)
    if glossary is None:
        return 1
    print(f"{args.file}: {len(glossary.terms)} terms, no problems")
    return 0


def run_import(args: argparse.Namespace, app: App) -> int:
    glossary = _load(args.file)
    if glossary is None:
        return 1  # nothing changed
    backup = app.glossary.replace(glossary)
    if args.json:
        out = {"terms": len(glossary.terms), "backup": str(backup) if backup else None}
        print(json.dumps(out, indent=2))
        return 0
    print(f"imported {len(glossary.terms)} glossary terms from {args.file}")
    if backup is not None:
        print(f"backup of the previous library: {backup}")
    return 0


def run_export(args: argparse.Namespace, app: App) -> int:
    glossary = app.glossary.current()
    write_atomic(args.file, glossary_format.dump(glossary))
    print(f"wrote {len(glossary.terms)} glossary terms to {args.file}")
    return 0
