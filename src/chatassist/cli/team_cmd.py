"""``chatassist team init|join|leave|status|sync``: the team library on PostgreSQL.

On a data folder joined as a trainer, ``chatassist phrasebook import`` and the
editor's saves publish to the team library; ``team sync`` pulls it (and
uploads queued usage). See docs/team.md.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from chatassist.app import App
from chatassist.storage.team.errors import TeamNotJoined
from chatassist.storage.team.link import ROLES


def add_parser(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "team", help="share one library with a team through a PostgreSQL server"
    )
    tsub = p.add_subparsers(dest="team_command", metavar="ACTION", required=True)

    i = tsub.add_parser("init", help="create or migrate the team schema on a database")
    i.add_argument("url", metavar="URL", help="postgresql://user@host:port/database")
    i.set_defaults(handler=run_init)

    j = tsub.add_parser("join", help="link this data folder to a team library and pull it")
    j.add_argument("url", metavar="URL", help="postgresql://user@host:port/database")
    j.add_argument("--role", choices=ROLES, default="agent", help="agent (default) or trainer")
    j.add_argument("--json", action="store_true", help="print the first sync as JSON")
    j.set_defaults(handler=run_join)

    lv = tsub.add_parser("leave", help="unlink this data folder; the local library stays")
    lv.set_defaults(handler=run_leave)

    st = tsub.add_parser("status", help="role, server, last sync, revision, pending changes")
    st.add_argument("--json", action="store_true", help="print as JSON")
    st.set_defaults(handler=run_status)

    sy = tsub.add_parser("sync", help="upload queued usage and pull what changed")
    sy.add_argument("--json", action="store_true", help="print as JSON")
    sy.set_defaults(handler=run_sync)


def _print(lines: list[str]) -> None:
    for line in lines:
        print(line)


def run_init(args: argparse.Namespace, app: App) -> int:
    from chatassist.storage.team import connection, schema

    url = connection.check_url(args.url)
    with connection.session(url) as db:
        report = schema.init(db, url)
    _print(report.lines())
    return 0


def run_join(args: argparse.Namespace, app: App) -> int:
    from chatassist.storage.team import membership

    report = membership.join(app.database, app.settings, args.url, args.role)
    if args.json:
        print(json.dumps({"role": args.role, **report.to_json()}, ensure_ascii=False, indent=2))
    else:
        print(f"joined {report.server} as {args.role}")
        _print(report.lines())
    return 0


def run_leave(args: argparse.Namespace, app: App) -> int:
    from chatassist.storage.team import membership

    link = app.team_link
    queued = membership.leave(app.database, app.settings)
    server = link.server if link else ""
    print(f"left {server}; the local library stays as it was")
    if queued:
        print(f"{queued} uses not yet uploaded are kept; they go up if you join again")
    return 0


def run_status(args: argparse.Namespace, app: App) -> int:
    from chatassist.storage.team import membership

    status = membership.status(app.database, app.settings, app.paths.team_drafts)
    if args.json:
        print(json.dumps(status.to_json(), ensure_ascii=False, indent=2))
    else:
        _print(status.lines())
    return 0


def run_sync(args: argparse.Namespace, app: App) -> int:
    from chatassist.storage.team import connection, sync

    link = app.team_link
    if link is None:
        raise TeamNotJoined()
    with connection.session(link.server) as db:
        report = sync.sync(app.database, db, link.server)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        _print(report.lines())
    return 0
