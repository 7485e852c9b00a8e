"""Check an ``.argosmodel`` file before anything of it touches the packs folder,
and unpack it safely.

An argos pack is a zip archive of exactly one top folder holding
``metadata.json`` (``from_code``, ``to_code``, ``package_version``; optional
``type`` which must be ``translate``, ``target_prefix``), ``model/model.bin``
(a CTranslate2 model) and ``sentencepiece.model`` or ``bpe.model``; real packs
also carry ``stanza/`` (ignored here) and ``README.md``.
"""

from __future__ import annotations

import json
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from chatassist.core.files import FileRefused, check_regular
from chatassist.core.translation.codes import customer_code
from chatassist.core.translation.errors import InvalidPackError

_CODE = re.compile(r"^[a-z]{2,3}$")
_CHUNK = 1 << 16


@dataclass(frozen=True)
class PackLimits:
    """Refuse archives beyond these sizes (real argos packs are 50-300 MB)."""

    max_archive_bytes: int = 1 << 30
    max_unpacked_bytes: int = 2 << 30
    max_member_bytes: int = 3 << 29
    max_members: int = 5_000
    max_metadata_bytes: int = 1 << 20


@dataclass(frozen=True)
class PackManifest:
    """What a checked archive holds."""

    top: str
    from_code: str
    to_code: str
    version: str
    metadata: dict[str, Any]
    unpacked_bytes: int


def inspect_archive(path: Path, limits: PackLimits) -> PackManifest:
    """Check ``path`` without unpacking it; raise InvalidPackError saying what is wrong."""
    where = path.name
    try:
        check_regular(path)  # a FIFO or a device would hang the zip reader
    except FileRefused as exc:
        raise InvalidPackError(str(exc)) from exc
    except OSError:
        raise InvalidPackError(f"{path}: no such file") from None
    if path.stat().st_size > limits.max_archive_bytes:
        raise InvalidPackError(f"{where}: larger than {limits.max_archive_bytes} bytes")
    if not zipfile.is_zipfile(path):
        raise InvalidPackError(f"{where}: not a language pack (not a zip archive)")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            top, total = _check_members(where, infos, limits)
            metadata = _read_metadata(where, archive, top, limits)
            names = {info.filename.rstrip("/") for info in infos}
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise InvalidPackError(f"{where}: damaged zip archive ({exc})") from exc
    if f"{top}/model/model.bin" not in names:
        raise InvalidPackError(f"{where}: not a translation pack (no model/model.bin)")
    if not {f"{top}/sentencepiece.model", f"{top}/bpe.model"} & names:
        raise InvalidPackError(f"{where}: no sentencepiece.model or bpe.model")
    return PackManifest(
        top,
        metadata["from_code"],
        metadata["to_code"],
        metadata["package_version"],
        metadata,
        total,
    )


def _check_members(where: str, infos: list[zipfile.ZipInfo], limits: PackLimits) -> tuple[str, int]:
    if not infos:
        raise InvalidPackError(f"{where}: empty archive")
    if len(infos) > limits.max_members:
        raise InvalidPackError(f"{where}: more than {limits.max_members} files")
    tops: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        parts = _member_parts(where, name)
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise InvalidPackError(f"{where}: refuses symbolic link {name!r}")
        kind = stat.S_IFMT(mode)  # 0 when the archiver stored no Unix file type
        if kind and kind not in (stat.S_IFREG, stat.S_IFDIR):
            raise InvalidPackError(f"{where}: refuses special file {name!r}")
        if info.flag_bits & 0x1:
            raise InvalidPackError(f"{where}: encrypted member {name!r}")
        if len(parts) == 1 and not info.is_dir():
            raise InvalidPackError(f"{where}: file {name!r} outside the pack's top folder")
        tops.add(parts[0])
        if info.file_size > limits.max_member_bytes:
            raise InvalidPackError(f"{where}: {name!r} is larger than {limits.max_member_bytes}")
        total += info.file_size
        if total > limits.max_unpacked_bytes:
            raise InvalidPackError(
                f"{where}: unpacks to more than {limits.max_unpacked_bytes} bytes"
            )
    if len(tops) != 1:
        listed = ", ".join(sorted(tops))
        raise InvalidPackError(f"{where}: must hold exactly one top folder, found {listed}")
    return tops.pop(), total


def _member_parts(where: str, name: str) -> list[str]:
    if "\\" in name or "\x00" in name:
        raise InvalidPackError(f"{where}: refuses member name {name!r}")
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        raise InvalidPackError(f"{where}: refuses absolute path {name!r}")
    parts = [p for p in PurePosixPath(name).parts if p not in ("", ".")]
    if ".." in parts:
        raise InvalidPackError(f"{where}: refuses path traversal {name!r}")
    if not parts:
        raise InvalidPackError(f"{where}: refuses member name {name!r}")
    return parts


def _read_metadata(
    where: str, archive: zipfile.ZipFile, top: str, limits: PackLimits
) -> dict[str, Any]:
    try:
        info = archive.getinfo(f"{top}/metadata.json")
    except KeyError:
        raise InvalidPackError(f"{where}: no metadata.json in {top}/") from None
    if info.file_size > limits.max_metadata_bytes:
        raise InvalidPackError(f"{where}: metadata.json is too large")
    try:
        metadata = json.loads(archive.read(info).decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise InvalidPackError(f"{where}: metadata.json is not valid JSON ({exc})") from exc
    except RecursionError as exc:  # json has no depth limit of its own
        raise InvalidPackError(f"{where}: metadata.json is nested too deeply") from exc
    return check_metadata(where, metadata)


def check_metadata(where: str, metadata: object) -> dict[str, Any]:
    """Return ``metadata`` if it describes a translation pack between our languages."""
    if not isinstance(metadata, dict):
        raise InvalidPackError(f"{where}: metadata.json must hold an object")
    for key in ("from_code", "to_code", "package_version"):
        value = metadata.get(key)
        if not isinstance(value, str) or not value.strip():
            raise InvalidPackError(f"{where}: metadata.json lacks {key}")
    if metadata.get("type", "translate") != "translate":
        raise InvalidPackError(f"{where}: not a translation pack (type {metadata['type']!r})")
    for key in ("from_code", "to_code"):
        code = metadata[key]
        if not _CODE.match(code) or customer_code(code) is None:
            raise InvalidPackError(f"{where}: {key} {code!r} is not a language chatassist uses")
    if metadata["from_code"] == metadata["to_code"]:
        raise InvalidPackError(f"{where}: from_code and to_code are the same")
    return metadata


def extract_archive(path: Path, manifest: PackManifest, dest: Path, limits: PackLimits) -> None:
    """Unpack the top folder of a checked archive into ``dest`` (created, must not exist).

    Members are written one by one under ``dest`` (no ``extractall``), and the bytes
    actually written are counted, so a lying size header cannot fill the disk."""
    dest.mkdir(parents=True)
    try:
        _extract(path, manifest, dest.resolve(), limits)
    except (zipfile.BadZipFile, EOFError) as exc:
        raise InvalidPackError(f"{path.name}: damaged zip archive ({exc})") from exc


def _extract(path: Path, manifest: PackManifest, root: Path, limits: PackLimits) -> None:
    written = 0
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            parts = _member_parts(path.name, info.filename)[1:]
            if not parts:
                continue
            target = root.joinpath(*parts)
            if root not in target.resolve().parents:
                raise InvalidPackError(f"{path.name}: refuses path {info.filename!r}")
            if info.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(info) as src, open(target, "xb") as out:
                while chunk := src.read(_CHUNK):
                    written += len(chunk)
                    if written > manifest.unpacked_bytes or written > limits.max_unpacked_bytes:
                        raise InvalidPackError(f"{path.name}: unpacks to more than it declares")
                    out.write(chunk)
