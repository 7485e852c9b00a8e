"""Cost of the language detector: initialisation time, memory added, per-call latency.

    .venv/bin/python bench/langid_cost.py [TESTSET]

Runs in this fresh process so that the resident-memory figure is what
detection adds to a process that has already imported chatassist.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

DEFAULT_TESTSET = Path("/work/shared/eval/langid/testset.tsv")


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT_TESTSET
    rows = [line.split("\t", 2) for line in path.read_text(encoding="utf-8").splitlines()]
    before = rss_mb()
    start = time.perf_counter()
    from chatassist.core.detection import LanguageDetector
    from chatassist.core.detection.lexicon import load_chat_lexicon
    from chatassist.core.intents import load_lexicon

    resources = Path(__file__).resolve().parent.parent / "resources"

    def lexicon():  # as the app builds it: loaded in warm_up
        chat = load_chat_lexicon(resources / "chat_lexicon.yaml")
        return chat.with_cues(load_lexicon(resources / "intent_cues.yaml"))

    detector = LanguageDetector(lexicon=lexicon)
    built = time.perf_counter() - start
    detector.warm_up()
    init = time.perf_counter() - start
    print(f"construction {1000 * built:.1f} ms; import + warm-up {init:.2f} s")
    chat_words = [
        line.split("\t", 1)[1]
        for name in ("langid_chatwords_fresh.tsv", "langid_chatwords_tune.tsv")
        for line in (Path(__file__).resolve().parent / "data" / name)
        .read_text("utf-8")
        .splitlines()
        if line and not line.startswith("#")
    ]
    for cls in ("chat words", "chat_1-4w", "all"):
        texts = chat_words if cls == "chat words" else [t for _, c, t in rows if cls in ("all", c)]
        times = []
        for text in texts:
            t0 = time.perf_counter()
            detector.detect(text)
            times.append(time.perf_counter() - t0)
        times.sort()
        p95 = times[int(0.95 * (len(times) - 1))]
        p50 = statistics.median(times)
        print(
            f"{cls}: {len(texts)} texts, p50 {1000 * p50:.3f} ms, p95 {1000 * p95:.3f} ms, "
            f"max {1000 * times[-1]:.2f} ms"
        )
    print(f"resident memory added by detection: {rss_mb() - before:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
