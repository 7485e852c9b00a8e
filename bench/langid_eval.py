"""Accuracy and confidence honesty of the language detector (issue 7).

    .venv/bin/python bench/langid_eval.py [TESTSET] [--fit] [--ablation] [--no-baselines]

Scores like the project dashboard: accuracy per language, macro-averaged over
languages, per length class; zh-Hans / zh-Hant / zh all count as zh; also
with id and ms merged. Rows are split into two halves by a hash of the text:
the "tune" half is where weights and calibration were chosen, the "held-out"
half is reported separately to show they were not over-fitted.

--fit prints a new calibration table (fitted on the tune half) to paste into
src/chatassist/core/detection/calibration.py. --ablation shows what each part
of the combination adds. Baselines: langdetect 1.0.9 (seed 0) on all its
languages, and restricted to the customer languages, on the same run.
"""

from __future__ import annotations

import argparse
import sys
import time
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from chatassist.core.detection import Detection, LanguageDetector, Tuning
from chatassist.core.detection.backends import LangdetectModel
from chatassist.core.detection.calibration import UNCERTAIN_BELOW, fit_isotonic
from langid_chatwords import bundled_lexicon  # the same folder: bench/

DEFAULT_TESTSET = Path("/work/shared/eval/langid/testset.tsv")
CLASSES = ("word", "pair", "chat_1-4w", "chat_5+w", "sentence")
Row = tuple[str, str, str]  # gold language, length class, text


def family(code: str) -> str:
    if code.startswith("zh"):
        return "zh"
    return {"zh-cn": "zh", "zh-tw": "zh"}.get(code, code)


def is_right(pred: str, gold: str, merged: bool = False) -> bool:
    p, g = family(pred), family(gold)
    return p == g or (merged and {p, g} <= {"id", "ms"})


def half_of(text: str) -> str:
    return "tune" if zlib.crc32(text.encode("utf-8")) % 2 == 0 else "held-out"


def load(path: Path) -> list[Row]:
    rows: list[Row] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        gold, cls, text = line.split("\t", 2)
        rows.append((gold, cls, text))
    return rows


def macro(rows: list[Row], preds: list[str], merged: bool) -> dict[str, float]:
    per: dict[str, dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
    for (gold, cls, _), pred in zip(rows, preds, strict=True):
        per[cls][family(gold)].append(is_right(pred, gold, merged))
    return {
        cls: 100 * sum(sum(v) / len(v) for v in langs.values()) / len(langs)
        for cls, langs in per.items()
    }


def table_row(name: str, rows: list[Row], preds: list[str]) -> str:
    a, m = macro(rows, preds, False), macro(rows, preds, True)
    cells = " | ".join(f"{a.get(c, float('nan')):.1f}" for c in CLASSES)
    merged = " | ".join(f"{m.get(c, float('nan')):.1f}" for c in CLASSES)
    return f"| {name} | {cells} | {merged} |"


def print_header() -> None:
    head = " | ".join(CLASSES)
    print(f"| detector | {head} | merged id+ms: {head} |")
    print("|---" * (1 + 2 * len(CLASSES)) + "|")


def honesty(rows: list[Row], dets: list[Detection], cls: str = "chat_1-4w") -> str:
    """Precision of the answers not flagged uncertain, and how many are not flagged."""
    total = kept = right_group = right_strict = strict_kept = 0
    for (gold, c, _), d in zip(rows, dets, strict=True):
        if c != cls:
            continue
        total += 1
        if d.uncertain:
            continue
        kept += 1
        right_group += is_right(d.language, gold) or any(
            is_right(a, gold) for a in d.ambiguous_with
        )
        if not d.ambiguous_with:
            strict_kept += 1
            right_strict += is_right(d.language, gold)
    return (
        f"{cls}: not flagged uncertain {100 * kept / total:.1f} % of {total}; of those right "
        f"{100 * right_group / max(kept, 1):.2f} % (id/ms pair answers count as right when "
        f"the pair is named); not flagged and no pair: {100 * strict_kept / total:.1f} %, "
        f"right {100 * right_strict / max(strict_kept, 1):.2f} %"
    )


def zh_variant(rows: list[Row], dets: list[Detection]) -> str:
    n = ok = 0
    for (gold, _, _), d in zip(rows, dets, strict=True):
        if gold in ("zh-Hans", "zh-Hant") and d.language.startswith("zh"):
            n += 1
            ok += d.language == gold
    return f"zh-Hans/zh-Hant variant right on {ok}/{n} labelled rows detected as Chinese"


def run_detector(det: LanguageDetector, rows: list[Row]) -> tuple[list[Detection], float]:
    det.warm_up()
    start = time.perf_counter()
    dets = [det.detect(text) for _, _, text in rows]
    return dets, time.perf_counter() - start


def run_langdetect(rows: list[Row], restricted: bool) -> list[str]:
    if restricted:
        model = LangdetectModel(seed=0)
        probs: Callable[[str], dict[str, float]] = model.sampled_probabilities
    else:
        from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
        from langdetect.lang_detect_exception import LangDetectException

        factory = DetectorFactory()
        factory.load_profile(PROFILES_DIRECTORY)
        factory.set_seed(0)

        def probs(text: str) -> dict[str, float]:
            d = factory.create()
            d.append(text)
            try:
                return {x.lang: x.prob for x in d.get_probabilities()}
            except LangDetectException:
                return {}

    preds = []
    for _, _, text in rows:
        p = probs(text)
        preds.append(max(p, key=p.__getitem__) if p else "und")
    return preds


def subset(
    rows: list[Row], items: list[Detection], which: str
) -> tuple[list[Row], list[Detection]]:
    pairs = [(r, d) for r, d in zip(rows, items, strict=True) if half_of(r[2]) == which]
    return [r for r, _ in pairs], [d for _, d in pairs]


def fit(rows: list[Row], dets: list[Detection], det: LanguageDetector) -> None:
    pairs: list[tuple[float, bool]] = []
    for (gold, _, text), d in zip(rows, dets, strict=True):
        if (
            half_of(text) != "tune"
            or d.is_unknown
            or d.script in ("Cyrl", "Arab", "Hang", "Kana", "Thai")
        ):
            continue
        scored = det.score(text)
        raw = max(scored.probabilities.values())
        pairs.append((raw, is_right(d.language, gold)))
    print("CALIBRATION =", tuple(fit_isotonic(pairs)))


def ablations(rows: list[Row]) -> Iterable[tuple[str, LanguageDetector]]:
    off = {"cue_weight": 0.0, "letter_weight": 0.0, "malay_weight": 0.0}
    yield (
        "previous release (langdetect 0.05 voter, no lingua)",
        LanguageDetector(
            Tuning(langdetect_weight=0.05, cue_weight=6, letter_weight=5, malay_weight=0),
            use_lingua=False,
            use_word_frequency=False,
        ),
    )
    yield (
        "py3langid + script rules",
        LanguageDetector(Tuning(**off), use_lingua=False, use_word_frequency=False),
    )
    yield "+ lingua low-accuracy voter", LanguageDetector(Tuning(**off), use_word_frequency=False)
    yield (
        "+ alphabets",
        LanguageDetector(Tuning(cue_weight=0.0, malay_weight=0.0), use_word_frequency=False),
    )
    yield "+ cue words", LanguageDetector(Tuning(malay_weight=0.0), use_word_frequency=False)
    yield "+ id/ms re-split", LanguageDetector(use_word_frequency=False)
    lexicon = bundled_lexicon()
    yield (
        "+ chat lexicon and cues",
        LanguageDetector(lexicon=lexicon, use_word_frequency=False),
    )
    yield "+ word frequencies (= shipped)", LanguageDetector(lexicon=lexicon)
    yield "word frequencies without the lexicon", LanguageDetector()
    yield (
        "shipped + langdetect voter 0.05",
        LanguageDetector(Tuning(langdetect_weight=0.05), lexicon=lexicon),
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("testset", nargs="?", type=Path, default=DEFAULT_TESTSET)
    ap.add_argument("--fit", action="store_true", help="print a calibration table")
    ap.add_argument("--ablation", action="store_true", help="score each part of the combination")
    ap.add_argument("--sweep", action="store_true", help="try thresholds for `uncertain`")
    ap.add_argument("--no-baselines", action="store_true", help="skip the langdetect runs")
    args = ap.parse_args(argv)
    rows = load(args.testset)
    print(f"{len(rows)} rows from {args.testset}; uncertain below {UNCERTAIN_BELOW}\n")
    det = LanguageDetector(lexicon=bundled_lexicon())
    dets, seconds = run_detector(det, rows)
    print_header()
    print(table_row("chatassist detector", rows, [d.language for d in dets]))
    for which in ("tune", "held-out"):
        r, d = subset(rows, dets, which)
        print(table_row(f"chatassist detector, {which} half", r, [x.language for x in d]))
    if not args.no_baselines:
        print(table_row("langdetect 1.0.9 seed 0, raw", rows, run_langdetect(rows, False)))
        print(table_row("langdetect restricted, seed 0", rows, run_langdetect(rows, True)))
    if args.ablation:
        for name, variant in ablations(rows):
            v, _ = run_detector(variant, rows)
            print(table_row(name, rows, [x.language for x in v]))
    print()
    print(honesty(rows, dets))
    for which in ("tune", "held-out"):
        r, d = subset(rows, dets, which)
        print(f"  {which} half: " + honesty(r, d))
    print(honesty(rows, dets, "chat_5+w"))
    print(zh_variant(rows, dets))
    unknown = sum(d.is_unknown for d in dets)
    print(f"unknown results: {unknown}; detection time {1000 * seconds / len(rows):.3f} ms/text")
    if args.fit:
        fit(rows, dets, det)
    if args.sweep:
        chat = [r for r in rows if r[1] == "chat_1-4w"]
        for threshold in (0.9, 0.95, 0.97, 0.98, 0.99, 0.995):
            variant = LanguageDetector(uncertain_below=threshold, lexicon=det.lexicon)
            v, _ = run_detector(variant, chat)
            print(f"uncertain below {threshold}: " + honesty(chat, v))
    return 0


if __name__ == "__main__":
    sys.exit(main())
