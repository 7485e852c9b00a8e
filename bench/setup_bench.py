"""Set-up figures: venv size and cold-start times of the chatassist command.

Usage: python bench/setup_bench.py   (run from the repository, after `make test` or `make run`)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv"
CLI = VENV / "bin" / "chatassist"


def du(path: Path) -> int:
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for name in files:
            p = Path(dirpath) / name
            if not p.is_symlink():
                total += p.stat().st_size
    return total


def timed(args: list[str], env: dict[str, str], runs: int = 5) -> float:
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True, env=env)
        samples.append(time.perf_counter() - t)
    return statistics.median(samples)


def main() -> int:
    print(f"venv: {du(VENV) / 2**30:.2f} GiB ({VENV})")
    site = next((VENV / "lib").glob("python3*/site-packages"))
    sizes = sorted(((du(p), p.name) for p in site.iterdir() if p.is_dir()), reverse=True)[:6]
    print(
        "largest packages: " + ", ".join(f"{name} {size / 2**20:.0f} MiB" for size, name in sizes)
    )
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "CHATASSIST_DATA_DIR": tmp, "QT_QPA_PLATFORM": "offscreen"}
        print(f"`chatassist --help`: {timed([str(CLI), '--help'], env):.2f} s (median of 5)")
        t = time.perf_counter()
        subprocess.run([str(CLI), "phrasebook", "list"], check=True, capture_output=True, env=env)
        print(
            f"first use (empty data folder, imports the bundled phrasebooks): {time.perf_counter() - t:.2f} s"
        )
        print(
            f"`chatassist phrasebook list` after that: {timed([str(CLI), 'phrasebook', 'list'], env):.2f} s"
        )
        print(
            f"`chatassist suggest` (cold process, detector + intents load): {timed([str(CLI), 'suggest', 'where is my order'], env, 3):.2f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
