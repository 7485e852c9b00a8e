"""The argos pack index (argospm ``index.json``) and downloads from it, with
stdlib urllib: a progress callback, cancellation, size limits and one-line
errors when offline. Only ever called when the user asks for a download."""

from __future__ import annotations

import json
import os
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chatassist.core.translation.codes import argos_pack_name
from chatassist.core.translation.errors import DownloadCancelled, PackDownloadError

DEFAULT_INDEX_URL = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
USER_AGENT = "chatassist"
_CHUNK = 1 << 16

#: ``progress(bytes_done, bytes_total_or_None)``, called after every chunk.
Progress = Callable[[int, int | None], None]
#: Returns True once the user asked to stop.
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class IndexEntry:
    """One pack of the index (argos codes)."""

    from_code: str
    to_code: str
    package_version: str
    argos_version: str
    code: str
    links: tuple[str, ...]

    @property
    def name(self) -> str:
        return argos_pack_name(self.from_code, self.to_code)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "from_code": self.from_code,
            "to_code": self.to_code,
            "version": self.package_version,
            "argos_version": self.argos_version,
            "links": list(self.links),
        }


def parse_index(data: bytes, url: str) -> list[IndexEntry]:
    try:
        items = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise PackDownloadError(f"the pack index at {url} is not valid JSON ({exc})") from exc
    if not isinstance(items, list):
        raise PackDownloadError(f"the pack index at {url} is not a list of packs")
    entries = []
    for item in items:
        if not isinstance(item, dict) or item.get("type", "translate") != "translate":
            continue
        links = item.get("links")
        if not (isinstance(item.get("from_code"), str) and isinstance(item.get("to_code"), str)):
            continue
        entries.append(
            IndexEntry(
                item["from_code"],
                item["to_code"],
                str(item.get("package_version", "")),
                str(item.get("argos_version", "")),
                str(item.get("code", "")),
                tuple(str(link) for link in links) if isinstance(links, list) else (),
            )
        )
    return entries


def fetch(url: str, *, timeout: float, max_bytes: int) -> bytes:
    """GET ``url`` whole (for the index); PackDownloadError when unreachable."""
    with _open(url, timeout, what="the pack index") as response:
        data = response.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise PackDownloadError(f"the pack index at {url} is larger than {max_bytes} bytes")
    return bytes(data)


def download_to(
    links: tuple[str, ...],
    folder: Path,
    *,
    timeout: float,
    max_bytes: int,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Path:
    """Download the first link that works into a hidden temporary file in ``folder``
    and return its path (the caller installs then deletes it)."""
    if not links:
        raise PackDownloadError("the index lists no download link for this pack")
    errors = []
    for link in links:
        try:
            return _download_one(link, folder, timeout, max_bytes, progress, cancelled)
        except PackDownloadError as exc:
            errors.append(str(exc))
    raise PackDownloadError(errors[-1] if len(errors) == 1 else "; ".join(errors))


def _download_one(
    url: str,
    folder: Path,
    timeout: float,
    max_bytes: int,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> Path:
    fd, name = tempfile.mkstemp(prefix=".download-", suffix=".argosmodel", dir=folder)
    part = Path(name)
    try:
        with os.fdopen(fd, "wb") as out, _open(url, timeout, what="the pack") as response:
            length = response.headers.get("Content-Length")
            total = int(length) if length and length.isdigit() else None
            if total is not None and total > max_bytes:
                raise PackDownloadError(f"the pack at {url} is larger than {max_bytes} bytes")
            done = 0
            if progress is not None:
                progress(0, total)
            while True:
                if cancelled is not None and cancelled():
                    raise DownloadCancelled("download cancelled; nothing was installed")
                try:
                    chunk = response.read(_CHUNK)
                except OSError as exc:
                    raise PackDownloadError(f"download of {url} failed: {exc}") from exc
                if not chunk:
                    break
                done += len(chunk)
                if done > max_bytes:
                    raise PackDownloadError(f"the pack at {url} is larger than {max_bytes} bytes")
                out.write(chunk)
                if progress is not None:
                    progress(done, total)
            if total is not None and done != total:
                raise PackDownloadError(f"download of {url} stopped at {done} of {total} bytes")
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return part


def _open(url: str, timeout: float, *, what: str) -> Any:
    scheme = url.split(":", 1)[0].lower()
    if scheme not in ("http", "https", "file"):
        raise PackDownloadError(f"unsupported address for {what}: {url}")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        return urllib.request.urlopen(request, timeout=timeout)
    except urllib.error.HTTPError as exc:
        raise PackDownloadError(f"{what} at {url}: HTTP {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise PackDownloadError(
            f"cannot reach {what} at {url} (offline or wrong address?): {reason}"
        ) from exc
