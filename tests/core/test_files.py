"""The one reader and the one atomic writer of the user's files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from chatassist.core.files import FileRefused, read_regular, write_atomic


def test_a_fifo_is_refused_by_name_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "settings.json"
    os.mkfifo(fifo)
    with pytest.raises(FileRefused, match=r"settings.json: is a FIFO \(named pipe\)"):
        read_regular(fifo, 1000)


def test_a_device_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileRefused, match="/dev/zero: is a character device"):
        read_regular(Path("/dev/zero"), 1000)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileRefused, match="is a folder"):
        read_regular(tmp_path, 1000)


def test_a_file_over_the_limit_is_refused_and_a_file_at_it_read(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_bytes(b"x" * 1001)
    with pytest.raises(FileRefused, match="1,001 bytes; the limit is 1,000"):
        read_regular(path, 1000)
    path.write_bytes(b"x" * 1000)
    assert read_regular(path, 1000) == b"x" * 1000


def test_a_symlink_to_a_regular_file_is_read(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_bytes(b"ok")
    (tmp_path / "link.txt").symlink_to(tmp_path / "real.txt")
    assert read_regular(tmp_path / "link.txt", 10) == b"ok"


def test_write_atomic_replaces_whole_and_keeps_the_mode(tmp_path: Path) -> None:
    path = tmp_path / "book.yaml"
    path.write_text("old")
    path.chmod(0o600)
    write_atomic(path, "new ✓")
    assert path.read_text(encoding="utf-8") == "new ✓"
    assert path.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["book.yaml"]


def test_write_atomic_leaves_the_old_file_when_the_writer_fails(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    path.write_bytes(b"old")

    def half_write(tmp: Path) -> None:
        tmp.write_bytes(b"ne")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        write_atomic(path, half_write)
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["book.xlsx"]


def test_write_atomic_in_a_missing_folder_is_an_oserror(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_atomic(tmp_path / "missing" / "x.csv", b"data")
