"""Message -> ranked suggestions, and search-as-you-type, on a 10,000-entry library.

The synthetic library repeats the bundled phrasebooks' entries under new ids
(so keywords, variants and languages are realistic) until it has N entries,
imports it into a fresh database, and then times:

- ``Assistant.analyze`` (detection + region + intents + ranking) on the
  customer messages of the intent dev set;
- ``PhrasebookLibrary.search`` on every prefix of a set of queries, as an
  agent types them (Latin, CJK, Thai, Hangul).

Usage: python bench/suggest_bench.py [--entries 10000] [--messages PATH]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from chatassist.app import App
from chatassist.core.phrasebook.loader import LoadedPhrasebook, load_files
from chatassist.core.phrasebook.model import Phrasebook
from chatassist.paths import AppPaths, bundled_phrasebooks

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "intents" / "dev.tsv"
QUERIES = [
    "where is my order",
    "reembolso",
    "追跡番号",
    "退款",
    "ยังไม่ได้รับ",
    "배송",
    "coupon",
    "đơn hàng",
]


def synthetic_library(n: int) -> list[LoadedPhrasebook]:
    base = [lb.phrasebook for lb in load_files([bundled_phrasebooks()])]
    entries = [e for b in base for e in b.entries]
    books: list[LoadedPhrasebook] = []
    made, copy = 0, 0
    while made < n:
        batch = []
        for e in entries:
            if made >= n:
                break
            batch.append(replace(e, id=f"{e.id}.copy{copy}"))
            made += 1
        book = Phrasebook(
            id=f"synthetic-{copy}",
            title={"en": f"Synthetic {copy}", "zh-Hans": "合成"},
            entries=tuple(batch),
        )
        books.append(LoadedPhrasebook(book, f"<synthetic {copy}>", {e.id: 0 for e in batch}))
        copy += 1
    return books


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=100)[94]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--messages", type=Path, default=DEV)
    args = parser.parse_args()
    messages = [
        line.split("\t", 2)[2]
        for line in args.messages.read_text(encoding="utf-8").splitlines()[1:]
    ]

    with tempfile.TemporaryDirectory() as tmp:
        app = App(AppPaths(Path(tmp)))
        app.paths.ensure()
        t = time.perf_counter()
        app.library.import_loaded(synthetic_library(args.entries))
        import_s = time.perf_counter() - t
        entries = sum(s.entries for s in app.library.summaries())
        t = time.perf_counter()
        assistant = app.build_assistant()
        app.detector.warm_up()
        build_s = time.perf_counter() - t
        for m in messages[:20]:
            assistant.analyze(m)  # warm caches
        analyze: list[float] = []
        for _ in range(3):
            for m in messages:
                t = time.perf_counter()
                assistant.analyze(m)
                analyze.append((time.perf_counter() - t) * 1000)
        search: list[float] = []
        for _ in range(3):
            for q in QUERIES:
                for i in range(1, len(q) + 1):
                    t = time.perf_counter()
                    app.library.search(q[:i], limit=20)
                    search.append((time.perf_counter() - t) * 1000)
        app.close()

    print(
        f"library: {entries} entries (import {import_s:.1f} s, pipeline build + detector warm-up {build_s:.1f} s)"
    )
    print(
        f"message -> ranked suggestions: p50 {statistics.median(analyze):.2f} ms, p95 {p95(analyze):.2f} ms ({len(analyze)} calls)"
    )
    print(
        f"search-as-you-type: p50 {statistics.median(search):.2f} ms, p95 {p95(search):.2f} ms ({len(search)} calls)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
