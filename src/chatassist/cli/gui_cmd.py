"""``chatassist gui``: the sidebar (also what plain ``chatassist`` starts)."""

from __future__ import annotations

import argparse
from typing import Any

from chatassist.app import App


def add_parser(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser("gui", help="open the sidebar (default)")
    p.add_argument(
        "--check",
        metavar="MESSAGE",
        help="check an installation: open the sidebar, analyse MESSAGE once the library "
        "has loaded, print the language and the number of replies, and exit "
        "(1 when no reply was suggested)",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, app: App) -> int:
    # Imported here so that every other command works without loading Qt.
    from chatassist.ui.launch import launch

    return int(launch(app, check_message=getattr(args, "check", None)))
