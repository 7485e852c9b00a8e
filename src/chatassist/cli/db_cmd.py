"""``chatassist db check|repair``: is the library database whole; mend it without losing anything."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from chatassist.app import App
from chatassist.storage import health


def add_parser(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "db", help="check or repair the library database (full integrity check)"
    )
    dsub = p.add_subparsers(dest="db_command", metavar="ACTION", required=True)

    c = dsub.add_parser(
        "check", help="full integrity check; exit 1 with a one-line summary when damaged"
    )
    c.add_argument("--json", action="store_true", help="print the report as JSON")
    c.set_defaults(handler=run_check)

    r = dsub.add_parser(
        "repair",
        help="rebuild damaged indexes, else salvage every readable entry to YAML and "
        "offer to restore the newest verified backup (the damaged file is kept)",
    )
    r.add_argument(
        "--yes", action="store_true", help="restore the newest verified backup without asking"
    )
    r.set_defaults(handler=run_repair)


def run_check(args: argparse.Namespace, app: App) -> int:
    report = health.check(app.paths.database)
    if not app.paths.database.exists():
        print(f"chatassist: no database at {app.paths.database} yet", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    elif report.ok:
        print(report.summary())
    else:
        print(f"chatassist: {report.summary()}", file=sys.stderr)
    return 0 if report.ok else 1


def run_repair(args: argparse.Namespace, app: App) -> int:
    path = app.paths.database
    if not path.exists():
        print(f"chatassist: no database at {path}; nothing to repair", file=sys.stderr)
        return 1

    def confirm(question: str) -> bool:
        if args.yes:
            return True
        if not sys.stdin.isatty():
            print(f"{question} (not asked: no terminal; use --yes)", file=sys.stderr)
            return False
        return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")

    report = health.repair(path, app.paths.backups, app.paths.data_dir, confirm)
    for line in report.lines():
        print(line)
    final = report.after or report.before
    return 0 if final.ok else 1
