"""Cost of the language detector: initialisation time, memory added, per-call latency.

    .venv/bin/python bench/langid_cost.py [TESTSET]

Runs in this fresh process so that the resident-memory figure is what
detection adds to a process that has already imported chatassist.

Latency is per `detect` call on a warm process: every text is detected once
untimed first (models loaded, caches filled, as in an agent's session), then
timed. Two clocks: wall time (what the agent waits, inflated when other
processes take the cores) and this thread's CPU time (the work itself, less
sensitive to a loaded machine); then the best of `REPEAT` wall-time runs per
text. The load average is printed with them.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

DEFAULT_TESTSET = Path("/work/shared/eval/langid/testset.tsv")
#: Each text is timed this often more; the fastest run estimates the cost on a quiet
#: machine (other processes only ever add time), as timeit's minimum does.
REPEAT = 5


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def summary(nanoseconds: list[int]) -> str:
    ordered = sorted(nanoseconds)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    return (
        f"p50 {statistics.median(ordered) / 1e6:.3f} ms, p95 {p95 / 1e6:.3f} ms, "
        f"max {ordered[-1] / 1e6:.2f} ms"
    )


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
    for text in chat_words + [t for _, _, t in rows]:
        detector.detect(text)  # the warm pass
    print("load average before timing: {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))
    classes = ("word", "pair", "chat_1-4w", "chat_5+w", "sentence")
    for cls in ("chat words", *classes, "all"):
        texts = chat_words if cls == "chat words" else [t for _, c, t in rows if cls in ("all", c)]
        wall, cpu, best = [], [], []
        for text in texts:
            t0, c0 = time.perf_counter_ns(), time.thread_time_ns()
            detector.detect(text)
            cpu.append(time.thread_time_ns() - c0)
            wall.append(time.perf_counter_ns() - t0)
            runs = [wall[-1]]
            for _ in range(REPEAT - 1):
                t0 = time.perf_counter_ns()
                detector.detect(text)
                runs.append(time.perf_counter_ns() - t0)
            best.append(min(runs))
        print(
            f"{cls}: {len(texts)} texts, wall {summary(wall)}; CPU {summary(cpu)}; "
            f"best of {REPEAT} wall {summary(best)}"
        )
    print("load average after timing: {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))
    print(f"resident memory added by detection: {rss_mb() - before:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
