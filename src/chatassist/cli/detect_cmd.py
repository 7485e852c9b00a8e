"""``chatassist detect TEXT [--json]`` and ``chatassist detect --batch FILE|-``.

One text: a human line ("Spanish (es) 97 %", alternatives, uncertain marker)
or, with --json, the detection as JSON. Batch: one text per input line, one
JSON object per output line, in input order. JSON shape: docs/cli.md.
Needs no database and never loads Qt.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from typing import IO, Any

from chatassist.app import App
from chatassist.core.detection import Detection
from chatassist.errors import ChatassistError, UsageError


def add_parser(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "detect", help="detect the customer language of a message"
    )
    p.add_argument("text", nargs="?", metavar="TEXT", help="the message ('-' reads stdin)")
    p.add_argument("--json", action="store_true", help="print the detection as JSON")
    p.add_argument(
        "--batch",
        metavar="FILE",
        help="detect every line of FILE ('-' for stdin); writes one JSON object per line",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, app: App) -> int:
    if args.batch is not None and args.text is not None:
        raise UsageError("detect: give either TEXT or --batch FILE, not both")
    if args.batch is None and args.text is None:
        raise UsageError("detect: give a TEXT to detect, or --batch FILE (- for stdin)")
    detector = app.detector
    if args.batch is not None:
        if args.batch == "-":
            _batch(sys.stdin, detector.detect, sys.stdout)
            return 0
        try:
            with open(args.batch, encoding="utf-8") as lines:
                _batch(lines, detector.detect, sys.stdout)
        except OSError as exc:
            raise ChatassistError(f"detect: cannot read {args.batch}: {exc.strerror}") from exc
        except UnicodeDecodeError as exc:
            raise ChatassistError(f"detect: {args.batch} is not UTF-8 text") from exc
        return 0
    text = sys.stdin.read() if args.text == "-" else args.text
    detection = detector.detect(text)
    if args.json:
        print(json.dumps(detection.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(human_line(detection))
    return 0


def _batch(lines: Iterable[str], detect: Any, out: IO[str]) -> None:
    for line in lines:
        detection: Detection = detect(line.rstrip("\r\n"))
        out.write(json.dumps(detection.to_dict(), ensure_ascii=False) + "\n")
    out.flush()


def human_line(detection: Detection) -> str:
    """E.g. "Spanish (es) 97 %; or Portuguese (pt) 2 %" or "... 61 % (uncertain)"."""
    if detection.is_unknown:
        return "unknown: no words to detect (uncertain)"
    line = f"{_label(detection.language)} {_percent(detection.confidence)}"
    if detection.ambiguous_with:
        pair = ", ".join(_label(code) for code in detection.ambiguous_with)
        line += f", cannot tell from {pair}"
    others = [c for c in detection.candidates[1:] if c.confidence >= 0.01]
    if others:
        line += "; or " + ", ".join(
            f"{_label(c.language)} {_percent(c.confidence)}" for c in others[:3]
        )
    if detection.uncertain:
        line += " (uncertain)"
    return line


def _label(code: str) -> str:
    from chatassist.core.languages import language_name

    return f"{language_name(code)} ({code})"


def _percent(value: float) -> str:
    return f"{min(int(value * 100), 99 if value < 1 else 100)} %"
