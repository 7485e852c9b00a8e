"""Installed language packs: list, install from a file, download, remove.

Each pack lives in ``<packs>/translate-<from>_<to>/`` (argos codes). An archive
is checked first (pack_archive), unpacked into a hidden staging folder inside
the packs folder, load-tested (its model is loaded and translates one word)
and only then swapped in, so a bad or interrupted install leaves nothing
behind and a broken pack never replaces a working one. The swap is two
renames; a ``.trash-*`` folder records which pack it is replacing before the
first, so when a crash falls between the two, the next scan puts the
previous pack back (:meth:`PackManager.recover`). Swaps hold a lock on the
packs folder (POSIX ``flock``) so that two processes never interleave them. Listeners (the translation service) hear about every folder that
changed, so a replaced pack is used without restarting the app.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from chatassist.core.files import FileRefused, read_regular, write_atomic
from chatassist.core.translation import pack_index, pack_record
from chatassist.core.translation.codes import (
    argos_pack_name,
    customer_code,
    not_in_index_note,
    to_argos,
)
from chatassist.core.translation.errors import (
    InvalidPackError,
    PackDownloadError,
    PackError,
    PackNotInstalledError,
)
from chatassist.core.translation.model import InstalledPack
from chatassist.core.translation.pack_archive import (
    PackLimits,
    check_metadata,
    extract_archive,
    inspect_archive,
)
from chatassist.core.translation.pack_index import DEFAULT_INDEX_URL, IndexEntry
from chatassist.errors import ChatassistError

_HIDDEN = "."  # staging, trash and download files; never listed as packs
#: seconds after which a staging, trash or partial download file is a leftover
LEFTOVER_AGE = 60 * 60
_INDEX_CACHE = ".index.json"
_REPLACING = "replacing"  # in a .trash-* folder: the name of the pack folder being replaced
_MAX_INDEX_BYTES = 16 << 20


@dataclass(frozen=True)
class PackScan:
    """The packs found in the packs folder, and folders that are not valid packs
    (skipped, so one broken folder never breaks translation)."""

    packs: tuple[InstalledPack, ...] = ()
    broken: tuple[Path, ...] = ()


@dataclass
class _Snapshot:
    mtime_ns: int = -1
    scan: PackScan = field(default_factory=PackScan)


class PackManager:
    """Implements ``PackSource`` for the translation service."""

    def __init__(
        self,
        packs_dir: Path,
        *,
        index_url: str = DEFAULT_INDEX_URL,
        limits: PackLimits | None = None,
        timeout: float = 30.0,
        load_test: Callable[[InstalledPack], None] | None = None,
    ) -> None:
        self.packs_dir = packs_dir
        self.load_test = load_test or load_test_pack
        self.index_url = index_url
        self.limits = limits or PackLimits()
        self.timeout = timeout
        self._listeners: list[Callable[[Path], None]] = []
        self._lock = threading.RLock()
        self._snapshot = _Snapshot()
        self._folder_locks = 0  # how deep this manager holds the packs folder's flock

    # -- listing -------------------------------------------------------------------

    def installed(self) -> tuple[InstalledPack, ...]:
        return self.scan().packs

    def scan(self) -> PackScan:
        """Rescans only when the packs folder changed (one stat per call otherwise)."""
        try:
            mtime = self.packs_dir.stat().st_mtime_ns
        except FileNotFoundError:
            return PackScan()
        with self._lock:
            if mtime != self._snapshot.mtime_ns:
                if self.recover():
                    mtime = self.packs_dir.stat().st_mtime_ns
                self._snapshot = _Snapshot(mtime, _scan(self.packs_dir))
            return self._snapshot.scan

    def recover(self) -> list[Path]:
        """Put back every pack whose replacement was interrupted between its two
        renames (the pack folder is missing, its previous version is in a
        ``.trash-*`` folder). Returns the folders restored."""
        restored: list[Path] = []
        try:
            trashes = sorted(self.packs_dir.glob(".trash-*"))
        except OSError:
            return restored
        if not any((t / _REPLACING).is_file() for t in trashes):
            return restored
        with self._lock, self._folder_lock():
            for trash in trashes:
                try:
                    name = (trash / _REPLACING).read_text(encoding="utf-8").strip()
                    previous = trash / "previous"
                    target = self.packs_dir / name
                    if (
                        name
                        and "/" not in name
                        and not name.startswith(_HIDDEN)
                        and previous.is_dir()
                        and not target.exists()
                    ):
                        os.replace(previous, target)
                        restored.append(target)
                    (trash / _REPLACING).unlink()
                except OSError:
                    continue  # housekeeping; try again next scan
        if restored:
            self._changed()
        return restored

    def find(self, from_code: str, to_code: str) -> InstalledPack | None:
        """The installed pack for a pair (customer or argos codes), if any."""
        pair = (to_argos(from_code), to_argos(to_code))
        found = [p for p in self.installed() if (p.from_code, p.to_code) == pair]
        return found[-1] if found else None

    def subscribe(self, callback: Callable[[Path], None]) -> None:
        self._listeners.append(callback)

    # -- install / remove ----------------------------------------------------------

    def install_file(self, archive: Path) -> InstalledPack:
        """Install (or replace) a pack from an ``.argosmodel`` file.

        Raises InvalidPackError, leaving the packs folder as it was, when the file is
        not a valid pack."""
        manifest = inspect_archive(archive, self.limits)
        try:
            self.packs_dir.mkdir(parents=True, exist_ok=True)
            self.recover()
            self._clean_leftovers()
            staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=self.packs_dir))
        except OSError as exc:
            raise PackError(
                f"cannot install {archive.name}: the packs folder {self.packs_dir} "
                f"cannot be written ({exc.strerror or exc})"
            ) from exc
        try:
            unpacked = staging / "pack"
            extract_archive(archive, manifest, unpacked, self.limits)
            self._load_test(archive, unpacked)
            pack_record.write_record(unpacked, archive)
            return self._move_into_place(unpacked, manifest.from_code, manifest.to_code)
        except OSError as exc:
            raise PackError(f"cannot install {archive.name} into {self.packs_dir}: {exc}") from exc
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def _load_test(self, archive: Path, unpacked: Path) -> None:
        pack = _read_pack(unpacked)
        if pack is None:
            raise InvalidPackError(f"{archive.name}: the unpacked pack cannot be read")
        try:
            self.load_test(pack)
        except ChatassistError as exc:
            raise InvalidPackError(
                f"{archive.name}: the pack does not work ({exc}); nothing was installed"
            ) from exc

    def remove(self, from_code: str, to_code: str) -> InstalledPack:
        """Remove the pack for a pair; PackNotInstalledError if there is none."""
        pack = self.find(from_code, to_code)
        if pack is None:
            raise PackNotInstalledError(
                f"no pack installed for {from_code}→{to_code} (see: chatassist packs list)"
            )
        with self._lock, self._folder_lock():
            trash = Path(tempfile.mkdtemp(prefix=".trash-", dir=self.packs_dir))
            os.replace(pack.path, trash / "pack")
            self._changed()
        shutil.rmtree(trash, ignore_errors=True)
        self._notify(pack.path)
        return pack

    def _move_into_place(self, unpacked: Path, from_code: str, to_code: str) -> InstalledPack:
        final = self.packs_dir / argos_pack_name(from_code, to_code)
        with self._lock, self._folder_lock():
            # Older folders of the same pair (e.g. argos-style translate-en_es-1_0) go too.
            replaced = [
                p.path
                for p in self.installed()
                if (p.from_code, p.to_code) == (from_code, to_code) and p.path != final
            ]
            if final.exists():
                replaced.insert(0, final)
            trash = Path(tempfile.mkdtemp(prefix=".trash-", dir=self.packs_dir))
            if final.exists():
                # Say what is being replaced before the first rename (see recover()).
                write_atomic(trash / _REPLACING, final.name)
                os.replace(final, trash / "previous")
            os.replace(unpacked, final)
            for i, old in enumerate(p for p in replaced if p != final):
                os.replace(old, trash / f"other-{i}")
            self._changed()
        shutil.rmtree(trash, ignore_errors=True)
        for path in dict.fromkeys([final, *replaced]):
            self._notify(path)
        pack = _read_pack(final)
        if pack is None:  # pragma: no cover - the archive was checked before
            raise InvalidPackError(f"{final}: installed pack cannot be read")
        return pack

    @contextlib.contextmanager
    def _folder_lock(self) -> Iterator[None]:
        """An exclusive lock between processes on the packs folder (flock on the
        folder itself: no lock file left behind), re-entrant within this manager
        (taken under ``self._lock``); a no-op where flock does not exist."""
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows
            yield
            return
        with self._lock:
            if self._folder_locks:
                self._folder_locks += 1
                try:
                    yield
                finally:
                    self._folder_locks -= 1
                return
            fd = os.open(self.packs_dir, os.O_RDONLY)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
                self._folder_locks = 1
                try:
                    yield
                finally:
                    self._folder_locks = 0
            finally:
                os.close(fd)  # closing releases the lock

    def _changed(self) -> None:
        self._snapshot = _Snapshot()

    def _notify(self, path: Path) -> None:
        for callback in list(self._listeners):
            callback(path)

    def _clean_leftovers(self) -> None:
        """Remove staging/trash/download leftovers of an interrupted install or download.

        Only those untouched for :data:`LEFTOVER_AGE` seconds: a younger one may
        belong to an install or download running in another process right now."""
        cutoff = time.time() - LEFTOVER_AGE
        for pattern in (".staging-*", ".trash-*", ".download-*"):
            for entry in self.packs_dir.glob(pattern):
                try:
                    if _newest_mtime(entry) > cutoff:
                        continue
                    if entry.is_dir() and not entry.is_symlink():
                        shutil.rmtree(entry, ignore_errors=True)
                    else:
                        entry.unlink(missing_ok=True)
                except OSError:
                    pass  # housekeeping only; try again next time

    # -- the index and downloads (network, only when the user asks) -----------------

    def fetch_index(self) -> list[IndexEntry]:
        """Download the argos index (and keep a copy for ``cached_index``)."""
        data = pack_index.fetch(self.index_url, timeout=self.timeout, max_bytes=_MAX_INDEX_BYTES)
        entries = pack_index.parse_index(data, self.index_url)
        try:
            self.packs_dir.mkdir(parents=True, exist_ok=True)
            (self.packs_dir / _INDEX_CACHE).write_bytes(data)
        except OSError:
            pass  # the copy is a convenience
        return entries

    def cached_index(self) -> list[IndexEntry] | None:
        """The index as last downloaded, or None (never goes online)."""
        path = self.packs_dir / _INDEX_CACHE
        try:
            return pack_index.parse_index(path.read_bytes(), str(path))
        except (OSError, PackDownloadError):
            return None

    def download(
        self,
        from_code: str,
        to_code: str,
        *,
        progress: pack_index.Progress | None = None,
        cancelled: pack_index.Cancelled | None = None,
    ) -> InstalledPack:
        """Download the pack for a pair from the index and install it.

        Raises PackDownloadError (offline, no such pack), DownloadCancelled or
        InvalidPackError; in every case nothing is left behind."""
        entry = self.index_entry(from_code, to_code, self.fetch_index())
        self.packs_dir.mkdir(parents=True, exist_ok=True)
        path = pack_index.download_to(
            entry.links,
            self.packs_dir,
            timeout=self.timeout,
            max_bytes=self.limits.max_archive_bytes,
            progress=progress,
            cancelled=cancelled,
        )
        try:
            return self.install_file(path)
        finally:
            path.unlink(missing_ok=True)

    @staticmethod
    def index_entry(from_code: str, to_code: str, entries: list[IndexEntry]) -> IndexEntry:
        pair = (to_argos(from_code), to_argos(to_code))
        matches = [e for e in entries if (e.from_code, e.to_code) == pair]
        if not matches:
            codes = tuple(customer_code(code) or code for code in pair)
            raise PackDownloadError(
                f"the argos index has no pack for {from_code}→{to_code}"
                f"{not_in_index_note(codes)} (its packs translate to and from English)"
            )
        return matches[-1]


def _scan(packs_dir: Path) -> PackScan:
    packs: list[InstalledPack] = []
    broken: list[Path] = []
    for entry in sorted(packs_dir.iterdir()):
        if entry.name.startswith(_HIDDEN) or not entry.is_dir():
            continue
        pack = _read_pack(entry)
        if pack is None:
            broken.append(entry)
        else:
            packs.append(pack)
    return PackScan(tuple(packs), tuple(broken))


def _read_pack(folder: Path) -> InstalledPack | None:
    try:
        raw = read_regular(folder / "metadata.json", PackLimits().max_metadata_bytes)
        metadata = check_metadata(folder.name, json.loads(raw.decode("utf-8")))
        model = (folder / "model" / "model.bin").stat()
    except (OSError, ValueError, RecursionError, FileRefused, InvalidPackError):
        return None
    version = metadata["package_version"]
    size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
    record = pack_record.read_record(folder)
    return InstalledPack(
        from_code=metadata["from_code"],
        to_code=metadata["to_code"],
        version=version,
        path=folder,
        has_stanza=(folder / "stanza").is_dir(),
        fingerprint=f"{version}:{model.st_size}:{model.st_mtime_ns}",
        size_bytes=size,
        sha256=record.sha256 if record is not None else "",
        archive_bytes=record.archive_bytes if record is not None else 0,
    )


def _newest_mtime(path: Path) -> float:
    """The latest modification time of ``path`` and, for a folder, of anything in it."""
    newest = path.lstat().st_mtime
    if path.is_dir() and not path.is_symlink():
        for root, dirs, files in os.walk(path):
            for name in (*dirs, *files):
                try:
                    newest = max(newest, os.lstat(os.path.join(root, name)).st_mtime)
                except OSError:
                    continue
    return newest


def load_test_pack(pack: InstalledPack) -> None:
    """Load the pack's model and tokenizer and translate one word; PackError
    (BackendError) when it cannot: a zero-filled or garbage ``model.bin``
    passes every check of the archive but this one."""
    from chatassist.core.translation.ct2_backend import CTranslate2Backend, DecodingOptions

    backend = CTranslate2Backend(DecodingOptions(beam_size=1, max_decoding_length=4))
    backend.translate_sentences(pack, ["Hello"])
