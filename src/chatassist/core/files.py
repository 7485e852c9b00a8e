"""Reading and writing the user's files safely: the one place that does it.

- :func:`write_atomic` writes a temporary file next to the target, flushes it
  to disk and renames it into place: an existing file is either left as it
  was or fully replaced, never cut short (a crash, a full disk, kill -9).
- :func:`read_regular` reads only regular files, up to a size limit: a FIFO
  or a device (``/dev/zero``) named by mistake or malice is refused by name
  instead of hanging or filling memory.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from chatassist.errors import ChatassistError


class FileRefused(ChatassistError):
    """A file we were asked to read is not a regular file, or is too large."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words ("a FIFO (named pipe)")."""
    for test, name in _KINDS:
        if test(mode):
            return name
    return "not a regular file"


def check_regular(path: Path) -> int:
    """The size of ``path`` if it is a regular file (symlinks followed).

    FileRefused otherwise; OSError (e.g. FileNotFoundError) when it cannot be
    looked at. Never opens the file, so a FIFO cannot block."""
    mode = path.stat()
    if not stat.S_ISREG(mode.st_mode):
        raise FileRefused(path, f"is {kind_of(mode.st_mode)}, not a regular file; not read")
    return mode.st_size


def read_regular(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``.

    Opened without blocking (a FIFO swapped in after the check cannot hang
    us) and checked again on the open descriptor; reads at most
    ``max_bytes + 1`` bytes, so a file that grows is still refused.
    Raises FileRefused or OSError."""
    size = check_regular(path)
    if size > max_bytes:
        raise FileRefused(path, f"is {size:,} bytes; the limit is {max_bytes:,}")
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as fh:
        mode = os.fstat(fh.fileno()).st_mode
        if not stat.S_ISREG(mode):
            raise FileRefused(path, f"is {kind_of(mode)}, not a regular file; not read")
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise FileRefused(path, f"is over {max_bytes:,} bytes, the limit")
    return data


def write_atomic(
    path: Path,
    content: str | bytes | Callable[[Path], None],
    *,
    encoding: str = "utf-8",
    mode: int | None = None,
) -> None:
    """Put ``content`` at ``path`` in one step.

    ``content`` is text (written with ``encoding`` and ``\\n`` line ends as
    given), bytes, or a function that writes the temporary file it is given
    (e.g. a workbook's ``save``). The new file keeps the permissions of the
    file it replaces (``mode`` or 0o644 for a new one). Raises OSError, after
    removing the temporary file, when the folder or the file cannot be
    written; the previous file is then untouched."""
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(name)
    try:
        try:  # mkstemp makes it private; keep the mode of the file it replaces
            keep = path.stat().st_mode & 0o777
        except FileNotFoundError:
            keep = 0o644 if mode is None else mode
        if callable(content):
            os.close(fd)
            fd = -1
            content(tmp)
            fd = os.open(tmp, os.O_RDWR)
        else:
            data = content.encode(encoding) if isinstance(content, str) else content
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
        os.fsync(fd)
        os.close(fd)
        fd = -1
        os.chmod(tmp, keep)
        os.replace(tmp, path)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
