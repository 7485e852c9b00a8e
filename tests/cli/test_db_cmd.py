"""`chatassist db check` and `db repair`: one line, exit 1 when damaged, nothing lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from chatassist.cli.main import main
from damage_fixtures import bad_utf8_in, damage_an_index

SAMPLE = Path(__file__).parents[1] / "core" / "phrasebook" / "sample.yaml"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_says_ok_or_one_line_and_exit_1(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    assert run(capsys, "phrasebook", "import", str(SAMPLE))[0] == 0
    code, out, err = run(capsys, "db", "check")
    assert (code, err) == (0, "") and out.strip().endswith("ok (full integrity check)")
    damage_an_index(data_dir / "chatassist.sqlite3")
    code, out, err = run(capsys, "db", "check")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "index damage" in err and "chatassist db repair" in err


def test_repair_reindexes_then_check_is_ok(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    assert run(capsys, "phrasebook", "import", str(SAMPLE))[0] == 0
    before = run(capsys, "phrasebook", "list", "--json")[1]
    damage_an_index(data_dir / "chatassist.sqlite3")
    code, out, _ = run(capsys, "db", "repair")
    assert code == 0 and "indexes rebuilt (REINDEX)" in out
    assert run(capsys, "db", "check")[0] == 0
    assert run(capsys, "phrasebook", "list", "--json")[1] == before


def test_repair_without_a_terminal_does_not_restore_unless_told(
    capsys: pytest.CaptureFixture[str], data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(capsys, "phrasebook", "import", str(SAMPLE))[0] == 0
    other = SAMPLE.read_text(encoding="utf-8").replace("has shipped.", "is on its way.", 1)
    changed = data_dir / "sample.yaml"
    changed.write_text(other, encoding="utf-8")
    assert run(capsys, "phrasebook", "import", str(changed))[0] == 0  # makes a backup
    bad_utf8_in(data_dir / "chatassist.sqlite3")
    code, out, err = run(capsys, "db", "repair")
    assert code == 1 and "salvaged" in out and "use --yes" in err
    assert "no backup was restored" in out
    code, out, _ = run(capsys, "db", "repair", "--yes")
    assert code == 0 and "restored the backup" in out and "was kept as" in out
    assert run(capsys, "db", "check")[0] == 0
    assert list(data_dir.glob("chatassist.sqlite3.damaged-*"))
    assert list(data_dir.glob("salvage-*/sample.yaml"))
