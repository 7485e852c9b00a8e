"""What an installed pack was installed from: the archive's size and SHA-256.

Written into the unpacked pack before it is swapped into place (so it moves with
the pack, atomically), read back when the packs are scanned, and shown in
``packs list`` and the Language packs dialog, so an agent or an administrator can
compare a pack with the checksum its publisher gives. Packs installed before
chatassist recorded this have no record (empty SHA-256).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from chatassist.core.files import write_atomic

RECORD_NAME = ".chatassist-install.json"
_CHUNK = 1 << 20
_MAX_RECORD_BYTES = 4096


@dataclass(frozen=True)
class InstallRecord:
    archive_name: str
    archive_bytes: int
    sha256: str


def archive_digest(archive: Path) -> tuple[int, str]:
    """``(size in bytes, hex SHA-256)`` of a file, read in chunks."""
    digest = hashlib.sha256()
    size = 0
    with archive.open("rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def write_record(pack_dir: Path, archive: Path) -> InstallRecord:
    """Record ``archive``'s size and SHA-256 in ``pack_dir`` (OSError if unwritable)."""
    size, sha = archive_digest(archive)
    record = InstallRecord(archive.name, size, sha)
    payload = {"archive": record.archive_name, "bytes": size, "sha256": sha}
    write_atomic(pack_dir / RECORD_NAME, json.dumps(payload, indent=2) + "\n")
    return record


def read_record(pack_dir: Path) -> InstallRecord | None:
    """The record of an installed pack, or None (none written, or unreadable)."""
    path = pack_dir / RECORD_NAME
    try:
        if path.is_symlink() or path.stat().st_size > _MAX_RECORD_BYTES:
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        record = InstallRecord(str(data["archive"]), int(data["bytes"]), str(data["sha256"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    ok = len(record.sha256) == 64 and all(c in "0123456789abcdef" for c in record.sha256)
    return record if ok else None
