"""``chatassist suggest TEXT`` and ``--batch -``: message -> ranked replies."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from chatassist.app import App
from chatassist.core.assist import Analysis, CustomerContext
from chatassist.core.gc_pause import gc_paused
from chatassist.core.tones import SEGMENTS, TONES
from chatassist.errors import UsageError


def add_parser(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "suggest", help="suggest replies for a customer message (language, region, scenarios)"
    )
    p.add_argument("text", nargs="?", help="the customer's message")
    p.add_argument(
        "--batch",
        metavar="-",
        help="read one message per line from stdin ('-'); one JSON object per line out",
    )
    p.add_argument(
        "--country", metavar="CC", help="customer's country (ISO code, e.g. JP); sets the region"
    )
    p.add_argument("--segment", choices=SEGMENTS, help="customer segment")
    p.add_argument(
        "--order-value",
        metavar="VALUE",
        help='value of the order in question with its currency, e.g. "25 USD" (offer rules use it)',
    )
    p.add_argument(
        "--year-spend",
        metavar="VALUE",
        help='what the customer spent in the last 12 months, e.g. "30000 USD" (offer rules use it)',
    )
    p.add_argument(
        "--order-age",
        type=int,
        metavar="DAYS",
        help="days since the order was placed (likely-next hints use it)",
    )
    p.add_argument(
        "--language", metavar="LANG", help="pin the customer's language instead of detecting it"
    )
    p.add_argument("--tone", choices=TONES, help="override the region's tone")
    p.add_argument(
        "--limit", type=int, default=5, metavar="N", help="number of suggestions (default 5)"
    )
    p.add_argument(
        "--agent-language", default=None, choices=("zh-Hans", "en"), help="language of glosses"
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, app: App) -> int:
    # A short-lived process that builds one long-lived pipeline: the cyclic GC's
    # passes over it would free nothing (gc_paused: reference counting still frees).
    with gc_paused():
        return _run(args, app)


def _run(args: argparse.Namespace, app: App) -> int:
    if (args.text is None) == (args.batch is None):
        raise UsageError("give a message TEXT or --batch - (not both)")
    if args.batch is not None and args.batch != "-":
        raise UsageError("--batch reads standard input: write --batch -")
    if args.limit < 1:
        raise UsageError("--limit must be at least 1")
    from chatassist.core.languages import CUSTOMER_LANGUAGES

    if args.language is not None and args.language not in CUSTOMER_LANGUAGES:
        raise UsageError(
            f"unknown language '{args.language}' (known: {', '.join(CUSTOMER_LANGUAGES)})"
        )
    rules = app.offer_rules
    order_value = rules.parse_value(args.order_value) if args.order_value else None
    year_spend = rules.parse_value(args.year_spend, "year spend") if args.year_spend else None
    customer = CustomerContext(
        country=args.country.upper() if args.country else None,
        segment=args.segment,
        language=args.language,
        tone=args.tone,
        order_value=order_value,
        year_spend=year_spend,
        order_age_days=args.order_age,
    )
    agent_language = args.agent_language or app.settings.get("agent_language")
    assistant = app.assistant
    if args.batch is not None:
        for line in sys.stdin:
            text = line.rstrip("\n")
            analysis = assistant.analyze(
                text, customer, agent_language=agent_language, limit=args.limit
            )
            print(json.dumps(analysis.to_json(), ensure_ascii=False), flush=True)
        return 0
    analysis = assistant.analyze(
        args.text, customer, agent_language=agent_language, limit=args.limit
    )
    if args.json:
        print(json.dumps(analysis.to_json(), ensure_ascii=False, indent=2))
    else:
        print_human(analysis)
    return 0


def print_human(a: Analysis) -> None:
    d = a.detection
    sure = "uncertain" if d.uncertain else "sure"
    print(
        f"language: {a.language} ({a.language_source}; detected {d.language} {d.confidence:.0%}, {sure})"
    )
    guess = " (guess)" if a.region.guessed else ""
    print(f"region:   {a.region.region.id}{guess}, tone {a.tone} ({a.tone_source})")
    if not a.intents.scenarios:
        print("scenarios: none recognised; search the phrasebooks instead")
    for m in a.intents.scenarios:
        mark = " URGENT" if m.urgent else ""
        words = ", ".join(sorted({e.text for e in m.evidence}))
        print(f"scenario: {m.id} {m.score:.2f}{mark}  [{words}]")
    for i, s in enumerate(a.suggestions, 1):
        flags = [s.language + "/" + s.tone]
        if s.needs_translation:
            flags.append("needs translation")
        if not s.vetted:
            flags.append("not vetted")
        if s.hot:
            flags.append("hot")
        if s.pinned:
            flags.append("pinned")
        offer = f"\n   offer (rule {s.offer.rule}): {s.offer.reason}" if s.offer else ""
        print(f"\n{i}. {s.entry_id} ({', '.join(flags)}){offer}\n   {s.text}\n   = {s.gloss}")
    for hint in a.likely_next:
        print(f"\nlikely next: {hint.hint.scenario} ({hint.hint.hint}): {hint.hint.reason}")
        if hint.suggestion is not None:
            print(f"   {hint.suggestion.entry_id}: {hint.suggestion.text}")
    for n in a.notes:
        print(f"\nnote {n.id}: {n.gloss.get(a.agent_language) or n.gloss.get('en', '')}")
