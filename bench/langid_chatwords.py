"""Language detection on chat words: the short messages agents see most (issue 12).

    .venv/bin/python bench/langid_chatwords.py [SET.tsv ...] [--misses]

A set is ``language<TAB>text`` per line (``#`` lines are comments). Scored like
bench/langid_eval.py: accuracy per language, macro-averaged; zh-Hans / zh-Hant
count as zh; also with id and ms merged. "Firm" answers are neither
`uncertain` nor `ambiguous_with` another language: how many there are, and how
many of them are right. An answer that names the right language in
`ambiguous_with` counts as right in the "named" column.

Default sets: bench/data/langid_chatwords_fresh.tsv (written before tuning,
never tuned on), bench/data/langid_chatwords_tune.tsv (tuned on) and
bench/data/langid_support_words_fresh.tsv (support words, never tuned on).
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

from chatassist.core.detection import Detection, LanguageDetector
from chatassist.core.detection.lexicon import ChatLexicon, load_chat_lexicon
from chatassist.core.intents import load_lexicon

DATA = Path(__file__).resolve().parent / "data"
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
DEFAULT_SETS = (
    DATA / "langid_chatwords_fresh.tsv",
    DATA / "langid_chatwords_tune.tsv",
    DATA / "langid_support_words_fresh.tsv",
)


def bundled_lexicon(cues: bool = True) -> ChatLexicon:
    """The chat lexicon as the app builds it (plus the one-language intent cues)."""
    lexicon = load_chat_lexicon(RESOURCES / "chat_lexicon.yaml")
    return lexicon.with_cues(load_lexicon(RESOURCES / "intent_cues.yaml")) if cues else lexicon


def family(code: str) -> str:
    return "zh" if code.startswith("zh") else code


def right(pred: str, gold: str, merged: bool = False) -> bool:
    p, g = family(pred), family(gold)
    return p == g or (merged and {p, g} <= {"id", "ms"})


def load(path: Path) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            gold, text = line.split("\t", 1)
            rows.append((gold, text))
    return rows


def macro(rows: list[tuple[str, str]], dets: list[Detection], merged: bool) -> float:
    per: dict[str, list[bool]] = defaultdict(list)
    for (gold, _), d in zip(rows, dets, strict=True):
        per[gold].append(right(d.language, gold, merged))
    return 100 * sum(sum(v) / len(v) for v in per.values()) / len(per)


def firm(d: Detection) -> bool:
    return not d.uncertain and not d.ambiguous_with


def report(path: Path, det: LanguageDetector, misses: bool) -> None:
    rows = load(path)
    start = time.perf_counter()
    dets = [det.detect(text) for _, text in rows]
    elapsed = time.perf_counter() - start
    n = len(rows)
    firm_d = [(g, d) for (g, _), d in zip(rows, dets, strict=True) if firm(d)]
    named = sum(
        right(d.language, g) or any(right(a, g) for a in d.ambiguous_with)
        for (g, _), d in zip(rows, dets, strict=True)
    )
    print(
        f"{path.name}: {n} items, {len({g for g, _ in rows})} languages | macro "
        f"{macro(rows, dets, False):.1f} % | id+ms merged {macro(rows, dets, True):.1f} % | "
        f"right or named {100 * named / n:.1f} % | firm {100 * len(firm_d) / n:.1f} %, "
        f"right {100 * sum(right(d.language, g) for g, d in firm_d) / max(len(firm_d), 1):.2f} % "
        f"| {1000 * elapsed / n:.2f} ms/call"
    )
    if misses:
        for (gold, text), d in zip(rows, dets, strict=True):
            if not right(d.language, gold):
                mark = "FIRM " if firm(d) else ""
                print(
                    f"  {mark}{gold:7} -> {d.language:7} {d.confidence:.2f} "
                    f"amb={','.join(d.ambiguous_with)} {text!r}"
                )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", type=Path)
    ap.add_argument("--misses", action="store_true", help="list every wrong answer")
    args = ap.parse_args(argv)
    det = LanguageDetector(lexicon=bundled_lexicon())
    det.warm_up()
    for path in args.sets or [p for p in DEFAULT_SETS if p.exists()]:
        report(path, det, args.misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
