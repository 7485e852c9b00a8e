"""``chatassist packs list|install FILE|download FROM TO|remove FROM TO|selftest [PAIR...]``.

Codes are customer codes (zh-Hans, pt) or argos codes (zh, zt, pb). Only
``download`` and ``list --available`` go online. JSON shapes: docs/cli.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from chatassist.app import App
from chatassist.core.translation import selftest
from chatassist.core.translation.codes import PIVOT, to_argos
from chatassist.core.translation.errors import UnsupportedLanguageError
from chatassist.core.translation.model import InstalledPack
from chatassist.core.translation.pack_licence import readme_licence
from chatassist.errors import UsageError


def add_parser(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "packs", help="list, install, download and remove language packs"
    )
    psub = p.add_subparsers(dest="packs_command", metavar="ACTION", required=True)

    ls = psub.add_parser("list", help="installed packs and the language pairs they cover")
    ls.add_argument(
        "--available", action="store_true", help="list the packs of the online index instead"
    )
    ls.add_argument("--json", action="store_true", help="print as JSON")
    ls.set_defaults(handler=run_list)

    ins = psub.add_parser("install", help="install or replace a pack from an .argosmodel file")
    ins.add_argument("file", type=Path, metavar="FILE")
    ins.add_argument("--json", action="store_true", help="print the installed pack as JSON")
    ins.set_defaults(handler=run_install)

    dl = psub.add_parser("download", help="download a pack from the argos index and install it")
    dl.add_argument("source", metavar="FROM")
    dl.add_argument("target", metavar="TO")
    dl.add_argument("--quiet", action="store_true", help="no progress on stderr")
    dl.add_argument("--json", action="store_true", help="print the installed pack as JSON")
    dl.set_defaults(handler=run_download)

    rm = psub.add_parser("remove", help="remove an installed pack")
    rm.add_argument("source", metavar="FROM")
    rm.add_argument("target", metavar="TO")
    rm.add_argument("--json", action="store_true", help="print the removed pack as JSON")
    rm.set_defaults(handler=run_remove)

    st = psub.add_parser(
        "selftest",
        help="run a fixed battery (order numbers, amounts, URLs, emoji...) through installed packs",
        description=(
            "Translate a fixed battery of chat texts with each installed pack (offline) and "
            "report per case whether every protected token was kept, repaired, reported "
            "to the agent, or lost. Exit status 1 when a token was lost."
        ),
    )
    st.add_argument(
        "pairs",
        nargs="*",
        metavar="PAIR",
        help="packs to test, e.g. en-es, zt-en, zh-Hans-en or translate-en_es (default: all)",
    )
    st.add_argument("--json", action="store_true", help="print the results as JSON")
    st.set_defaults(handler=run_selftest)


def run_list(args: argparse.Namespace, app: App) -> int:
    if args.available:
        entries = app.packs.fetch_index()
        if args.json:
            print(json.dumps({"available": [e.to_dict() for e in entries]}, indent=2))
        else:
            for e in entries:
                print(f"{e.name:<20} {e.package_version:<8} {e.from_code}→{e.to_code}")
        return 0
    scan = app.packs.scan()
    pairs = app.translator.available_pairs()
    if args.json:
        out = {
            # The licence as the pack's own README states it (none has a licence field).
            "installed": [{**p.to_dict(), "licence": readme_licence(p.path)} for p in scan.packs],
            "broken": [str(path) for path in scan.broken],
            "pairs": [
                {"source": p.source, "target": p.target, "route": list(p.route)} for p in pairs
            ],
        }
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    for path in scan.broken:
        print(f"chatassist: {path} is not a valid pack (skipped)", file=sys.stderr)
    if not scan.packs:
        print("no language packs installed (chatassist packs install FILE | download FROM TO)")
        return 0
    for pack in scan.packs:
        print(_line(pack))
    pivoted = sum(1 for p in pairs if PIVOT in p.route[1:-1])
    print(f"{len(pairs)} language pairs available ({pivoted} through English)")
    return 0


def run_install(args: argparse.Namespace, app: App) -> int:
    pack = app.packs.install_file(args.file)
    return _done("installed", pack, args.json)


def run_download(args: argparse.Namespace, app: App) -> int:
    progress = None if args.quiet or args.json else _progress_printer()
    pack = app.packs.download(args.source, args.target, progress=progress)
    if progress is not None:
        print(file=sys.stderr)
    return _done("installed", pack, args.json)


def run_remove(args: argparse.Namespace, app: App) -> int:
    pack = app.packs.remove(args.source, args.target)
    return _done("removed", pack, args.json)


def _done(verb: str, pack: InstalledPack, as_json: bool) -> int:
    if as_json:
        print(json.dumps({verb: pack.to_dict()}, indent=2))
    else:
        print(f"{verb} {_line(pack)}")
    return 0


def _line(pack: InstalledPack) -> str:
    stanza = "  (has stanza/, unused)" if pack.has_stanza else ""
    size = pack.size_bytes / 1e6
    sha = f"  sha256 {pack.sha256[:12]}" if pack.sha256 else "  sha256 not recorded"
    licence = readme_licence(pack.path)
    shown = f"  licence: {licence}" if licence else "  licence: no README"
    return (
        f"{pack.name:<20} {pack.version:<8} {pack.from_code}→{pack.to_code}  {size:.1f} MB"
        f"{sha}{shown}{stanza}"
    )


def _progress_printer() -> Any:
    def show(done: int, total: int | None) -> None:
        of = f" / {total / 1e6:.1f}" if total else ""
        print(f"\rdownloading: {done / 1e6:.1f}{of} MB", end="", file=sys.stderr, flush=True)

    return show


def run_selftest(args: argparse.Namespace, app: App) -> int:
    packs = select_packs(app.packs.scan().packs, args.pairs)
    report = selftest.run_packs(app.translator, packs)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return 1 if report.lost else 0
    if not packs:
        print("no language packs installed (chatassist packs install FILE | download FROM TO)")
        return 0
    for result in report.packs:
        counts = ", ".join(f"{result.count(r)} {r}" for r in selftest.RESULTS)
        print(f"{result.pack.name} {result.pack.version}: {counts}")
        for case in result.cases:
            if case.result != selftest.KEPT:
                print(f"  {case.case}: {case.result}: {', '.join(case.detail)}")
    if report.lost:
        print(f"chatassist: {report.lost} case(s) lost a token", file=sys.stderr)
    return 1 if report.lost else 0


def select_packs(installed: Sequence[InstalledPack], pairs: Sequence[str]) -> list[InstalledPack]:
    """The installed packs named by ``pairs`` (all when empty); UsageError for a pair
    that is malformed or not installed."""
    if not pairs:
        return list(installed)
    by_pair = {(p.from_code, p.to_code): p for p in installed}
    chosen = []
    for text in pairs:
        pair = parse_pair(text)
        pack = by_pair.get(pair)
        if pack is None:
            raise UsageError(f"no installed pack for {text} (chatassist packs list)")
        chosen.append(pack)
    return chosen


def parse_pair(text: str) -> tuple[str, str]:
    """'en-es', 'en_es', 'translate-en_es', 'zh-Hans-en' -> argos codes ('en', 'es')."""
    body = text.removeprefix("translate-")
    for separator in ("_", "-"):
        parts = body.split(separator)
        for cut in range(1, len(parts)):
            left, right = separator.join(parts[:cut]), separator.join(parts[cut:])
            try:
                return to_argos(left), to_argos(right)
            except UnsupportedLanguageError:
                continue
    raise UsageError(f"not a language pair: {text!r} (write it like en-es or zh-Hans-en)")
