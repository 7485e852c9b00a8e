"""Placeholder tokenizing on hostile and ordinary text (issue #20 item 5, issue #17).

A run of ``{a`` (an opening brace never closed) used to rescan the rest of the
text at every brace: 71 s for 4 MB. The tokenizer is one regular-expression
scan now; this times it on growing sizes so the growth is visibly linear, and
on the bundled replies as a baseline.

Usage: python bench/placeholders_bench.py [--max-mb 4]
"""

from __future__ import annotations

import argparse
import time

from chatassist.core.phrasebook.loader import load_files
from chatassist.core.phrasebook.placeholders import tokenize
from chatassist.paths import bundled_phrasebooks


def timed(text: str) -> tuple[float, int]:
    start = time.perf_counter()
    _, problems = tokenize(text)
    return time.perf_counter() - start, len(problems)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-mb", type=float, default=4.0)
    args = parser.parse_args()
    print("| input | size | time | problems |")
    print("|---|---|---|---|")
    size = 0.5
    while size <= args.max_mb:
        text = "{a" * int(size * 1024 * 1024 / 2)
        seconds, problems = timed(text)
        print(f"| '{{a' repeated | {size:g} MB | {seconds:.2f} s | {problems:,} |")
        size *= 2
    texts = [
        v.text
        for lb in load_files([bundled_phrasebooks()])
        for e in lb.phrasebook.entries
        for v in e.variants
    ]
    start = time.perf_counter()
    for t in texts:
        tokenize(t)
    per = (time.perf_counter() - start) / len(texts) * 1e6
    print(f"| bundled replies | {len(texts)} texts | {per:.1f} µs each | 0 |")


if __name__ == "__main__":
    main()
