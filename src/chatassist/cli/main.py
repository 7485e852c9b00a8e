"""Entry point of the ``chatassist`` command.

Exit codes: 0 ok; 1 invalid input or a failed operation (one-line reason on
stderr, no traceback); 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from chatassist import __version__
from chatassist.app import App
from chatassist.cli import commands
from chatassist.errors import ChatassistError, UsageError

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chatassist",
        description="Offline multilingual chat assistant for customer-service agents.",
    )
    parser.add_argument("--version", action="version", version=f"chatassist {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="folder for the database, settings and language packs "
        "(default: $CHATASSIST_DATA_DIR or the per-user data folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in commands.COMMANDS:
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args.command = "gui"
        args.handler = commands.default_handler()
    app = App.from_args(args.data_dir)
    try:
        return int(args.handler(args, app))
    except UsageError as exc:
        print(f"chatassist: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ChatassistError as exc:
        print(f"chatassist: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("chatassist: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    finally:
        note = app.startup_note()
        if note is not None:
            print(f"chatassist: {note}", file=sys.stderr)
        app.close()
