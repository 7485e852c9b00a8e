"""One sidebar per data folder, decided by a lock: launches at the same moment,
spellings of one folder, and a lock left by a killed process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from chatassist.ui import single_instance

PROBE = Path(__file__).resolve().parents[1] / "support" / "instance_probe.py"


def _probe(data_dir: Path, seconds: float) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, str(PROBE), str(data_dir), str(seconds)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_launches_at_the_same_moment_give_one_sidebar(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    # Four spellings of one folder, started together.
    spellings = [data, tmp_path / "data" / ".", tmp_path / "x" / ".." / "data", data]
    (tmp_path / "x").mkdir()
    probes = [_probe(s, 6.0) for s in spellings]
    outputs = [p.communicate(timeout=60)[0].split() for p in probes]
    firsts = [o for o in outputs if o and o[0] == "first"]
    assert len(firsts) == 1, outputs
    assert sum(o == ["forwarded"] for o in outputs) == 3, outputs
    # Each later launch asked the first one to come forward.
    assert firsts[0][-1] == "3", outputs


def test_a_lock_left_by_a_killed_process_does_not_block_the_next_start(tmp_path: Path) -> None:
    first = _probe(tmp_path, 60.0)
    assert first.stdout is not None and first.stdout.readline().strip() == "first"
    assert single_instance.lock_path(tmp_path).exists()
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    assert single_instance.lock_path(tmp_path).exists()  # left behind, and a socket too
    start = time.monotonic()
    second = _probe(tmp_path, 0.5)
    out = second.communicate(timeout=60)[0].split()
    assert out[:1] == ["first"], out
    assert time.monotonic() - start < single_instance.WAIT_FOR_FIRST_S


def test_the_key_folds_case_where_the_file_system_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    upper, lower = tmp_path / "Data", tmp_path / "data"
    monkeypatch.setattr(sys, "platform", "linux")
    assert single_instance.instance_key(upper) != single_instance.instance_key(lower)
    for platform in ("win32", "darwin"):
        monkeypatch.setattr(sys, "platform", platform)
        assert single_instance.instance_key(upper) == single_instance.instance_key(lower)
