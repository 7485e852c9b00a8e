"""Translation benchmark (issue 8): import cost, backend load, warm-call overhead of
the service over calling CTranslate2 directly, and cached repeats.

Runs offline on random packs built by tests/support/make_tiny_pack.py (their output
is nonsense; what is measured is the pipeline around the model):

    .venv/bin/python bench/translate_bench.py [--rounds 5]

Targets: warm overhead <= 10 %, cached repeat < 1 ms, importing
chatassist.core.translation loads no engine (argostranslate/ctranslate2/torch).
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SENTENCES = [
    "Thank you for your patience while we check your order.",
    "The parcel left our warehouse yesterday and should arrive soon.",
    "Could you send me a photo of the damaged item please?",
    "We have refunded the shipping fee to your original payment method.",
    "Is there anything else I can help you with today?",
    "Your replacement will be shipped within two business days.",
    "Please allow three to five days for the refund to appear.",
    "I am sorry for the inconvenience this has caused you.",
]


def _builder() -> Any:
    spec = importlib.util.spec_from_file_location(
        "make_tiny_pack", ROOT / "tests" / "support" / "make_tiny_pack.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def import_cost(rounds: int) -> tuple[float, list[str]]:
    code = (
        "import sys, time\n"
        "t = time.perf_counter()\n"
        "import chatassist.core.translation, chatassist.app\n"
        "dt = time.perf_counter() - t\n"
        "heavy = [m for m in ('argostranslate', 'ctranslate2', 'torch', 'stanza', 'spacy')"
        " if m in sys.modules]\n"
        "print(dt, ','.join(heavy))\n"
    )
    results = []
    heavy: list[str] = []
    for _ in range(rounds):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.split()
        results.append(float(out[0]) * 1000)
        heavy = out[1].split(",") if len(out) > 1 else []
    return statistics.median(results), heavy


def engine_import_cost(rounds: int) -> float:
    """What ``warm_up`` pays once per process before loading a model."""
    code = (
        "import time\n"
        "from chatassist.core.translation import CTranslate2Backend\n"
        "t = time.perf_counter()\n"
        "CTranslate2Backend().prepare()\n"
        "print(time.perf_counter() - t)\n"
    )
    runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        * 1000
        for _ in range(rounds)
    ]
    return statistics.median(runs)


def overhead(pack_file: Path, rounds: int, max_len: int) -> dict[str, float]:
    from chatassist.core.translation import (
        CTranslate2Backend,
        DecodingOptions,
        PackManager,
        TranslationService,
    )
    from chatassist.storage.translation_cache import SqliteTranslationCache

    tmp = Path(tempfile.mkdtemp(prefix="translate-bench-"))
    manager = PackManager(tmp / "packs")
    pack = manager.install_file(pack_file)
    options = DecodingOptions(max_decoding_length=max_len)

    start = time.perf_counter()
    backend = CTranslate2Backend(options)
    service = TranslationService(backend, manager, None, memory_entries=0)
    service.warm_up([("en", "es")])
    load_ms = (time.perf_counter() - start) * 1000
    import ctranslate2
    import sentencepiece

    # Direct: what argostranslate does per sentence, with the same options.
    translator = ctranslate2.Translator(
        str(pack.path / "model"),
        device=options.device,
        compute_type=options.compute_type,
        inter_threads=options.inter_threads,
        intra_threads=options.intra_threads,
    )
    sp = sentencepiece.SentencePieceProcessor(model_file=str(pack.path / "sentencepiece.model"))

    def direct(text: str) -> str:
        tokens = sp.encode([text], out_type=str)
        result = translator.translate_batch(
            tokens,
            replace_unknowns=True,
            max_batch_size=options.max_batch_size,
            batch_type="tokens",
            beam_size=options.beam_size,
            num_hypotheses=1,
            length_penalty=options.length_penalty,
            max_decoding_length=options.max_decoding_length,
        )
        return str(sp.decode_pieces(result[0].hypotheses[0]))

    cache = SqliteTranslationCache(tmp / "cache.sqlite3")
    cached_service = TranslationService(backend, manager, cache)
    direct_runs, service_runs, miss_runs = [], [], []
    for _ in range(rounds):
        for text in SENTENCES:  # interleaved, so drift hits all three alike
            direct_runs.append(_median_ms(lambda t=text: direct(t), 1))
            service_runs.append(_median_ms(lambda t=text: service.translate(t, "en", "es"), 1))
            # A miss of the persistent cache every time (lookup + store included).
            cached_service._memory.clear()
            cache.clear()
            miss_runs.append(_median_ms(lambda t=text: cached_service.translate(t, "en", "es"), 1))
    hit_memory = _median_ms(lambda: cached_service.translate(SENTENCES[0], "en", "es"), 2000)
    cold = TranslationService(backend, manager, SqliteTranslationCache(tmp / "cache.sqlite3"))

    def sqlite_hit() -> None:
        cold._memory.clear()
        cold.translate(SENTENCES[0], "en", "es")

    hit_sqlite = _median_ms(sqlite_hit, 2000)
    protected = (
        "Hi {name}, order SF1234567890 of $12.50 ships today, see "
        "https://track.example.com/SF1234567890 or write to help@shop.example.com."
    )
    from chatassist.core.translation import protect

    def mask_unmask() -> None:
        masked = protect.mask(protected, ["Prime"])
        protect.unmask(masked.text, masked)

    mask_ms = _median_ms(mask_unmask, 2000)
    d, s, m = (statistics.median(x) for x in (direct_runs, service_runs, miss_runs))
    # Paired per call (same text, same round): robust to load changes on the machine.
    extra = statistics.median(b - a for a, b in zip(direct_runs, service_runs, strict=True))
    extra_miss = statistics.median(b - a for a, b in zip(direct_runs, miss_runs, strict=True))
    return {
        "load_ms": load_ms,
        "direct_ms": d,
        "service_ms": s,
        "service_miss_ms": m,
        "overhead_pct": extra / d * 100,
        "overhead_miss_pct": extra_miss / d * 100,
        "overhead_ms": extra,
        "overhead_miss_ms": extra_miss,
        "hit_memory_ms": hit_memory,
        "hit_sqlite_ms": hit_sqlite,
        "mask_unmask_ms": mask_ms,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    builder = _builder()
    out = Path(tempfile.mkdtemp(prefix="translate-bench-packs-"))
    import_ms, heavy = import_cost(args.rounds)
    print(f"import chatassist.core.translation + app: {import_ms:.1f} ms; engine modules: {heavy}")
    print(
        f"engine import in warm_up (ctranslate2 + sentencepiece): {engine_import_cost(args.rounds):.0f} ms"
    )
    models = {
        "tiny (d=32, 1 layer)": dict(d_model=32, layers=1),
        "base-like (d=512, 6 layers)": dict(d_model=512, layers=6),
    }
    for label, shape in models.items():
        pack = builder.build_tiny_pack(out, "en", "es", **shape)
        r = overhead(pack, args.rounds, max_len=48)
        print(
            f"{label}: model load {r['load_ms']:.0f} ms | direct {r['direct_ms']:.2f} ms"
            f" | service {r['service_ms']:.2f} ms (paired {r['overhead_ms']:+.2f} ms,"
            f" {r['overhead_pct']:+.1f} %)"
            f" | service+sqlite miss {r['service_miss_ms']:.2f} ms"
            f" (paired {r['overhead_miss_ms']:+.2f} ms, {r['overhead_miss_pct']:+.1f} %)"
            f" | cached repeat {r['hit_memory_ms'] * 1000:.0f} µs (memory),"
            f" {r['hit_sqlite_ms'] * 1000:.0f} µs (sqlite)"
            f" | mask+unmask {r['mask_unmask_ms'] * 1000:.0f} µs"
        )


if __name__ == "__main__":
    main()
