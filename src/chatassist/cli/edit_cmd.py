"""``chatassist edit``: the trainers' phrasebook editor."""

from __future__ import annotations

import argparse
from typing import Any

from chatassist.app import App


def add_parser(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "edit", help="open the phrasebook editor (trainers)"
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, app: App) -> int:
    # Imported here so that every other command works without loading Qt.
    from chatassist.ui.editor.launch import open_editor

    return int(open_editor(app))
