"""Evaluate scenario (intent) detection on a labelled TSV and time it.

    .venv/bin/python bench/intents_eval.py [--dev PATH] [--phrasebooks DIR]
        [--lexicon PATH] [--examples DIR] [--leave-out NAME] [--misses] [--no-timing]
        [--synthetic N]

Input: ``language<TAB>scenario_ids<TAB>text`` with a header; the first id is
the primary scenario; ``none`` labels a message with no scenario (right when
nothing is detected; top-1 / top-3 / "no intent" count only labelled messages,
false chips count every message). Reports top-1 / top-3 (primary among the first 1 / 3
detected) overall, per language and per scenario, the rate of "no intent"
answers, the false-chip rate (messages where a detected scenario, all of which the
sidebar shows as chips, is not in the label), misses, and a comparison: cue lexicon only,
phrasebook keywords only, both, and both with the word-part model learnt from the labelled
examples (``resources/intent_examples``; ``--leave-out NAME`` trains without the file of
that stem, to score a file of it as unseen). Timing: p50/p95 per ``detect`` call with the
bundled phrasebooks and with N synthetic entries added.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from chatassist.core.intents import IntentDetector, load_lexicon
from chatassist.core.intents.examples import load_examples
from chatassist.core.intents.learnt import WordPartModel
from chatassist.core.phrasebook.loader import (
    PhrasebookInvalid,
    expand_paths,
    load_files,
    parse_file,
)
from chatassist.core.phrasebook.model import Entry
from chatassist.core.scenarios import SCENARIO_IDS

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DEV = Path("/work/shared/eval/intents/dev.tsv")


@dataclass(frozen=True)
class Example:
    language: str
    scenarios: tuple[str, ...]
    text: str


def read_examples(path: Path) -> list[Example]:
    out = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if i == 0 or not line.strip():
            continue
        lang, ids, text = line.split("\t", 2)
        out.append(Example(lang, tuple(ids.split(",")), text))
    return out


def load_entries(folder: Path) -> tuple[list[Entry], list[str]]:
    """Entries of every valid phrasebook; files being edited (invalid) are skipped."""
    try:
        books = load_files([folder])
        return [e for b in books for e in b.phrasebook.entries], []
    except PhrasebookInvalid:
        entries: list[Entry] = []
        skipped = []
        for path in expand_paths([folder]):
            book, problems = parse_file(path)
            if book is None:
                skipped.append(f"{path.name} ({problems[0] if problems else 'invalid'})")
            else:
                entries.extend(book.phrasebook.entries)
        return entries, skipped


NO_SCENARIO = "none"


@dataclass
class Score:
    n: int = 0  # messages with a scenario
    top1: int = 0
    top3: int = 0
    empty: int = 0
    false_chip: int = 0  # messages (any) showing a scenario the label does not contain
    none_n: int = 0  # messages labelled "none"
    none_shown: int = 0  # ... of which got a chip anyway

    def add(self, rank: int | None, empty: bool, false_chip: bool = False) -> None:
        self.n += 1
        self.top1 += rank == 0
        self.top3 += rank is not None and rank < 3
        self.empty += empty
        self.false_chip += false_chip

    def add_none(self, shown: bool) -> None:
        self.none_n += 1
        self.none_shown += shown
        self.false_chip += shown

    def rates(self) -> dict[str, float]:
        n = max(self.n, 1)
        return {
            "top1": self.top1 / n,
            "top3": self.top3 / n,
            "empty": self.empty / n,
            "false_chip": self.false_chip / max(self.n + self.none_n, 1),
        }

    def fmt(self) -> str:
        if not self.n and not self.none_n:
            return "n=0"
        r = self.rates()
        text = (
            f"top1 {r['top1']:6.1%}  top3 {r['top3']:6.1%}  "
            f"no-intent {r['empty']:5.1%}  false chip {r['false_chip']:5.1%}  "
            f"(n={self.n})"
        )
        if self.none_n:
            text += f"  no-scenario messages given a chip {self.none_shown}/{self.none_n}"
        return text


def evaluate(
    detector: IntentDetector, examples: Sequence[Example], hint: bool
) -> tuple[Score, dict[str, Score], dict[str, Score], list[str]]:
    total = Score()
    by_lang: dict[str, Score] = defaultdict(Score)
    by_scn: dict[str, Score] = defaultdict(Score)
    misses = []
    for ex in examples:
        result = detector.detect(ex.text, ex.language if hint else None)
        ids = result.ids
        if ex.scenarios == (NO_SCENARIO,):
            for s in (total, by_lang[ex.language], by_scn[NO_SCENARIO]):
                s.add_none(bool(ids))
            if ids:
                got = ", ".join(f"{m.id}:{m.raw:.2f}" for m in result.scenarios[:3])
                misses.append(f"[{ex.language}] want (none) got {got} | {ex.text}")
            continue
        rank = ids.index(ex.scenarios[0]) if ex.scenarios[0] in ids else None
        # Every detected scenario is shown as a chip (ui/message_panel.py).
        false_chip = any(sid not in ex.scenarios for sid in ids)
        for s in (total, by_lang[ex.language], by_scn[ex.scenarios[0]]):
            s.add(rank, not ids, false_chip)
        if rank != 0:
            got = ", ".join(f"{m.id}:{m.raw:.2f}" for m in result.scenarios[:3]) or "(none)"
            misses.append(f"[{ex.language}] want {ex.scenarios[0]} got {got} | {ex.text}")
    return total, by_lang, by_scn, misses


def synthetic_entries(n: int, seed: int = 7) -> list[Entry]:
    """Entries with random keywords in every language's script, for timing only."""
    rng = random.Random(seed)
    latin = "abcdefghijklmnopqrstuvwxyz"
    han = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
    langs = ("en", "es", "de", "ru", "ja", "zh-Hans", "th", "ko")
    out = []
    for i in range(n):
        kws: dict[str, tuple[str, ...]] = {}
        for lang in langs:
            words = []
            for _ in range(4):
                if lang in ("ja", "zh-Hans"):
                    words.append("".join(rng.choice(han) for _ in range(rng.randint(2, 4))))
                elif lang == "th":
                    words.append("".join(chr(0x0E01 + rng.randint(0, 40)) for _ in range(4)))
                elif lang == "ko":
                    words.append("".join(chr(0xAC00 + rng.randint(0, 11000)) for _ in range(2)))
                elif lang == "ru":
                    words.append("".join(chr(0x0430 + rng.randint(0, 31)) for _ in range(6)))
                else:
                    words.append(
                        " ".join(
                            "".join(rng.choice(latin) for _ in range(rng.randint(3, 8)))
                            for _ in range(rng.randint(1, 2))
                        )
                    )
            kws[lang] = tuple(words)
        scn = rng.sample(SCENARIO_IDS, 2)
        out.append(
            Entry(
                id=f"synthetic.{i}",
                scenarios=tuple(scn),
                gloss={"en": "x", "zh-Hans": "x"},
                keywords=kws,
            )
        )
    return out


def timing(
    detector: IntentDetector, examples: Sequence[Example], rounds: int = 5
) -> tuple[float, float]:
    samples = []
    for _ in range(rounds):
        for ex in examples:
            t0 = time.perf_counter()
            detector.detect(ex.text, ex.language)
            samples.append(time.perf_counter() - t0)
    samples.sort()
    return statistics.median(samples) * 1000, samples[int(len(samples) * 0.95)] * 1000


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    parser.add_argument("--phrasebooks", type=Path, default=ROOT / "phrasebooks")
    parser.add_argument("--lexicon", type=Path, default=ROOT / "resources" / "intent_cues.yaml")
    parser.add_argument("--examples", type=Path, default=ROOT / "resources" / "intent_examples")
    parser.add_argument("--leave-out", default="", help="train without examples file NAME.tsv")
    parser.add_argument("--misses", action="store_true", help="list every top-1 miss")
    parser.add_argument("--no-timing", action="store_true")
    parser.add_argument("--synthetic", type=int, default=10_000)
    args = parser.parse_args(argv)

    examples = read_examples(args.dev)
    lexicon = load_lexicon(args.lexicon)
    entries, skipped = load_entries(args.phrasebooks)
    print(f"{len(examples)} examples from {args.dev}")
    print(
        f"lexicon: {lexicon.cue_count()} cues; phrasebooks: {len(entries)} entries"
        + (f" (skipped invalid: {'; '.join(skipped)})" if skipped else "")
    )

    files = [p for p in sorted(args.examples.glob("*.tsv")) if p.stem != args.leave_out]
    labelled = load_examples(files)
    t0 = time.perf_counter()
    model = WordPartModel.from_lexicon(lexicon, [(e.scenarios, e.text) for e in labelled])
    train = time.perf_counter() - t0
    print(
        f"word-part model: {model.part_count} parts from {len(labelled)} examples in "
        f"{len(files)} files{f' (without {args.leave_out})' if args.leave_out else ''}"
        f" + the cues, trained in {train:.2f} s"
    )
    variants = {
        "cues only": IntentDetector.build(lexicon, ()),
        "keywords only": IntentDetector.build(None, entries),
        "cues + keywords": IntentDetector.build(lexicon, entries),
        "all + model": IntentDetector.build(lexicon, entries, model),
    }
    print("\n== Overall (primary scenario) ==")
    for name, det in variants.items():
        for hint in (False, True):
            total, *_ = evaluate(det, examples, hint)
            print(f"{name:16} {'lang hint' if hint else 'no hint  '}  {total.fmt()}")

    full = variants["all + model"]
    total, by_lang, by_scn, misses = evaluate(full, examples, hint=False)
    print("\n== cues + keywords + model, no hint: per language ==")
    for lang, s in sorted(by_lang.items()):
        print(f"  {lang:8} {s.fmt()}")
    print("\n== per scenario ==")
    for sid in (*SCENARIO_IDS, NO_SCENARIO):
        if sid in by_scn:
            print(f"  {sid:21} {by_scn[sid].fmt()}")
    print(f"\n{len(misses)} top-1 misses" + (":" if args.misses else " (--misses lists them)"))
    if args.misses:
        for m in misses:
            print("  " + m)

    nonsense = ["ok", "123456", "asdf", "???", "lol", "👍", "hmm", "qwerty uiop", "order #A1029384"]
    empty = sum(not full.detect(t).scenarios for t in nonsense)
    print(f"\nno-intent probes answered empty: {empty}/{len(nonsense)}")

    if not args.no_timing:
        t0 = time.perf_counter()
        IntentDetector.build(load_lexicon(args.lexicon), entries, model)
        build = time.perf_counter() - t0
        p50, p95 = timing(full, examples)
        print(
            f"\ntiming, {full.pattern_count} patterns (load + build {build:.2f} s): "
            f"p50 {p50:.3f} ms, p95 {p95:.3f} ms per call"
        )
        if args.synthetic:
            synthetic = synthetic_entries(args.synthetic)
            t0 = time.perf_counter()
            big = IntentDetector.build(lexicon, [*entries, *synthetic], model)
            build = time.perf_counter() - t0
            p50, p95 = timing(big, examples)
            print(
                f"timing, +{args.synthetic} synthetic entries, 32 unique random keywords each "
                f"({big.pattern_count} patterns, build {build:.1f} s): "
                f"p50 {p50:.3f} ms, p95 {p95:.3f} ms per call"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
