"""Run an operation in a child process and kill -9 it at a random moment.

The child prints ``ready`` once set up, then repeats the operation until it is
killed, printing ``cycle <seconds>`` after its first round; the parent kills
it after a random delay within one cycle (see :class:`Killer`).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

KILLS = 20


def child(code: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


class Killer:
    """Kills children at random moments of their operation's cycle, which it
    learns from the first child (later children are killed without waiting
    for a whole cycle first, which keeps the suite fast)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.cycle: float | None = None

    def kill_during(self, code: str, *args: str) -> float:
        """Start the child, kill it at a random moment of its operation; the delay
        (seconds after it was ready, or after its first cycle for the first child)."""
        proc = child(code, *args)
        assert proc.stdout is not None
        try:
            wanted = "cycle " if self.cycle is None else "ready"
            line = proc.stdout.readline()
            while line.startswith("ready") and wanted == "cycle ":
                line = proc.stdout.readline()
            if not line.startswith(wanted):
                proc.kill()
                _, err = proc.communicate(timeout=30)
                raise AssertionError(f"child failed before {wanted!r}: {line!r} {err[-2000:]}")
            if self.cycle is None:
                self.cycle = float(line.split()[1])
            delay = self.rng.uniform(0, self.cycle * 1.2)
            time.sleep(delay)
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
            if proc.returncode != -signal.SIGKILL:
                err = proc.stderr.read() if proc.stderr else ""
                raise AssertionError(f"child ended by itself ({proc.returncode}): {err[-2000:]}")
            return delay
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            for stream in (proc.stdout, proc.stderr):
                if stream is not None:
                    stream.close()


def seed() -> int:
    """The random seed of this run: $CHATASSIST_FAULT_SEED, else a new one (printed on failure)."""
    return int(os.environ.get("CHATASSIST_FAULT_SEED") or random.SystemRandom().randrange(1 << 30))
