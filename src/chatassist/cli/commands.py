"""The list of CLI command modules. Each module has ``add_parser(subparsers)``,
which registers its sub-command and sets ``handler(args, app) -> exit code``."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

from chatassist.cli import (
    db_cmd,
    detect_cmd,
    edit_cmd,
    glossary_cmd,
    gui_cmd,
    packs_cmd,
    phrasebook_cmd,
    suggest_cmd,
    team_cmd,
    translate_cmd,
)

COMMANDS: tuple[ModuleType, ...] = (
    gui_cmd,
    edit_cmd,
    phrasebook_cmd,
    suggest_cmd,
    detect_cmd,
    translate_cmd,
    packs_cmd,
    glossary_cmd,
    team_cmd,
    db_cmd,
)


def default_handler() -> Callable[[Any, Any], int]:
    return gui_cmd.run
