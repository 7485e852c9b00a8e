"""`phrasebook export --format` and hostile inputs of the phrasebook commands (#20 items 7-9)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

import pytest

from chatassist.cli.main import main
from chatassist.core.phrasebook.loader import load_files
from damage_fixtures import bad_utf8_in

SAMPLE = Path(__file__).parents[1] / "core" / "phrasebook" / "sample.yaml"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("fmt", ["yaml", "csv", "xlsx"])
def test_export_in_each_format_gives_files_that_import_back(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str
) -> None:
    assert run(capsys, "phrasebook", "import", str(SAMPLE))[0] == 0
    before = run(capsys, "phrasebook", "list", "--json")[1]
    out_dir = tmp_path / "out"
    code, out, err = run(capsys, "phrasebook", "export", "--out", str(out_dir), "--format", fmt)
    assert (code, err) == (0, "")
    files = sorted(out_dir.iterdir())
    assert files and all(p.suffix == f".{fmt}" for p in files)
    assert sorted(out.split()) == [str(p) for p in files]
    sample = next(lb for lb in load_files([p for p in files if p.stem == "sample"]))
    assert sample.phrasebook == load_files([SAMPLE])[0].phrasebook
    assert run(capsys, "phrasebook", "import", *map(str, files))[0] == 0
    assert run(capsys, "phrasebook", "list", "--json")[1] == before


def test_export_refuses_an_impossible_file_name_before_writing_anything(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data_dir: Path
) -> None:
    """Issue #20 item 9: a 5,000-character id made export stop after 5 of 6 files."""
    assert run(capsys, "phrasebook", "import", str(SAMPLE))[0] == 0
    conn = sqlite3.connect(data_dir / "chatassist.sqlite3")
    conn.execute(
        "INSERT INTO phrasebook (id, version, title, position) VALUES (?, 1, ?, 99)",
        ["z" * 5000, '{"en": "Long", "zh-Hans": "长"}'],
    )
    conn.commit()
    conn.close()
    out_dir = tmp_path / "out"
    code, _out, err = run(capsys, "phrasebook", "export", "--out", str(out_dir))
    assert code == 1
    assert err.count("\n") == 1 and "cannot be a file name; nothing was written" in err
    assert not out_dir.exists() or list(out_dir.iterdir()) == []


def test_a_5000_character_id_is_refused_by_validate(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace("id: sample", "id: " + "s" * 5000, 1)
    path = tmp_path / "long.yaml"
    path.write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "phrasebook", "validate", str(path))
    assert code == 1
    assert "phrasebook id is 5,000 characters; the limit is 100" in err
    assert "s" * 200 not in err


@pytest.mark.parametrize("suffix", [".yaml", ".csv", ".xlsx"])
def test_validate_refuses_a_fifo_by_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, suffix: str
) -> None:
    import threading

    fifo = tmp_path / f"book{suffix}"
    os.mkfifo(fifo)

    def unblock() -> None:  # if validate blocks on the FIFO (the bug), end it: the test fails
        with contextlib.suppress(OSError):
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))

    timer = threading.Timer(5, unblock)
    timer.start()
    try:
        code, _, err = run(capsys, "phrasebook", "validate", str(fifo))
    finally:
        timer.cancel()
    assert code == 1
    assert f"{fifo}: is a FIFO (named pipe), not a regular file; not read" in err


def test_validate_refuses_dev_zero(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "phrasebook", "validate", "/dev/zero")
    assert code == 1 and "/dev/zero: is a character device" in err


def test_bytes_that_are_not_utf8_do_not_stop_export(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data_dir: Path
) -> None:
    """Issue #20 item 7: 'Could not decode to UTF-8 column text' stopped export and suggest."""
    assert run(capsys, "phrasebook", "import", str(SAMPLE))[0] == 0
    bad_utf8_in(data_dir / "chatassist.sqlite3")
    code, _, err = run(capsys, "phrasebook", "export", "--out", str(tmp_path / "out"))
    assert code == 0
    assert "were not valid UTF-8" in err and "chatassist db check" in err
    texts = [p.read_text(encoding="utf-8") for p in (tmp_path / "out").iterdir()]
    assert sum("caf\ufffd" in t for t in texts) == 1
    code, _, err = run(capsys, "suggest", "where is my order 12345", "--json")
    assert code == 0, err
