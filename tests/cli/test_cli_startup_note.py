"""After an unclean shutdown the full check's verdict is told once, on one line (#20)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chatassist.cli.main import main
from damage_fixtures import leave_unclean_marker

SAMPLE = Path(__file__).parents[1] / "core" / "phrasebook" / "sample.yaml"


def test_the_first_command_after_a_crash_says_the_library_was_checked(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    assert main(["phrasebook", "import", str(SAMPLE)]) == 0
    capsys.readouterr()
    leave_unclean_marker(data_dir / "chatassist.sqlite3")
    assert main(["phrasebook", "list"]) == 0
    out, err = capsys.readouterr()
    assert err.count("\n") == 1 and "a full check found it whole" in err
    assert "did not close" not in out
    assert main(["phrasebook", "list"]) == 0
    assert capsys.readouterr().err == ""
