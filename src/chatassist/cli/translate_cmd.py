"""``chatassist translate TEXT --to LANG [--from LANG] [--country CC] [--back] [--keep TERM]
[--json]``.

Offline: uses the installed language packs only (see ``chatassist packs``).
The translation goes to stdout; notes (pivot route, detected language, protected
tokens the model lost) go to stderr. JSON shape: docs/cli.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from chatassist.app import App
from chatassist.core.translation.errors import TranslationError
from chatassist.core.translation.model import Translation
from chatassist.errors import UsageError


def add_parser(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "translate", help="translate a text offline with the installed language packs"
    )
    p.add_argument("text", metavar="TEXT", help="the text to translate ('-' reads stdin)")
    p.add_argument("--to", required=True, metavar="LANG", help="target language, e.g. ja")
    p.add_argument(
        "--from",
        dest="source",
        metavar="LANG",
        help="source language, e.g. zh-Hans (default: detected from the text)",
    )
    p.add_argument(
        "--back", action="store_true", help="also translate the result back into the source"
    )
    p.add_argument(
        "--keep",
        action="append",
        default=[],
        metavar="TERM",
        help="a term never to translate (repeatable), like a phrasebook's glossary",
    )
    p.add_argument(
        "--country",
        metavar="CC",
        help="the customer's country (TW, HK...): picks Taiwan's or Hong Kong's "
        "Traditional Chinese (default: the traditional_chinese setting)",
    )
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, app: App) -> int:
    text = sys.stdin.read() if args.text == "-" else args.text
    source, detected = _source_language(args.source, text, app)
    translator = app.translator
    if args.back:
        both = translator.translate_with_back(
            text, source, args.to, glossary=args.keep, country=args.country
        )
        forward, back = both.forward, both.back
    else:
        forward = translator.translate(
            text, source, args.to, glossary=args.keep, country=args.country
        )
        back = None
    if args.json:
        out: dict[str, Any] = forward.to_dict()
        out["detected"] = detected
        out["back"] = back.to_dict() if back is not None else None
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    if detected is not None:
        note = " (uncertain)" if detected.get("uncertain") else ""
        print(f"chatassist: detected language {source}{note}", file=sys.stderr)
    _notes(forward)
    print(forward.text)
    if back is not None:
        print(f"[back into {back.target}] {back.text}")
    return 0


def _source_language(given: str | None, text: str, app: App) -> tuple[str, dict[str, Any] | None]:
    if given:
        return given, None
    detector = getattr(app, "detector", None)
    if detector is None:
        raise UsageError("--from LANG is required (language detection is not available)")
    detection = detector.detect(text)
    language = getattr(detection, "language", detection)
    if not isinstance(language, str) or getattr(detection, "is_unknown", False):
        raise TranslationError("cannot tell the language of the text; pass --from LANG")
    to_dict = getattr(detection, "to_dict", None)
    info = to_dict() if callable(to_dict) else {"language": language}
    return language, info


def _notes(translation: Translation) -> None:
    if translation.pivoted:
        route = " → ".join(translation.route)
        print(f"chatassist: no direct pack, translated through {route}", file=sys.stderr)
    report = translation.protected
    if report.appended:
        lost = ", ".join(report.appended)
        print(
            f"chatassist: the model lost {len(report.appended)} protected token(s), "
            f"appended at the end: {lost}",
            file=sys.stderr,
        )
    if report.segmented:
        print(
            "chatassist: the model mangled protected tokens; translated around them in "
            f"pieces (check the word order): {', '.join(report.segmented)}",
            file=sys.stderr,
        )
    if report.repaired:
        print(
            f"chatassist: repaired protected token(s): {', '.join(report.repaired)}",
            file=sys.stderr,
        )
