"""Run every benchmark script in turn (``make bench``); figures go to stdout
and are copied into docs/benchmarks.md by hand with the date and machine."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = [
    "setup_bench.py",
    "langid_eval.py",
    "intents_eval.py",
    "suggest_bench.py",
    "translate_bench.py",
    "editor_bench.py",
]


def main() -> int:
    failed = 0
    for name in SCRIPTS:
        if not (HERE / name).exists():
            continue
        print(f"\n=== {name} ===", flush=True)
        failed |= subprocess.run([sys.executable, str(HERE / name)]).returncode != 0
    return int(failed)


if __name__ == "__main__":
    sys.exit(main())
