"""Installing, refusing, replacing and removing language packs."""

from __future__ import annotations

import json
import os
import shutil
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from chatassist.core.translation import (
    InvalidPackError,
    PackLimits,
    PackManager,
    PackNotInstalledError,
)
from translation_fixtures import TinyPacks

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pack_folder(tmp_path_factory: pytest.TempPathFactory, tiny_packs: TinyPacks) -> Path:
    """An unpacked valid pack to assemble bad archives from."""
    folder = tmp_path_factory.mktemp("folder") / "translate-en_es-1_0"
    with zipfile.ZipFile(tiny_packs.get("en", "es")) as archive:
        archive.extractall(folder.parent)
    return folder


def zip_members(path: Path, members: dict[str, bytes | Path]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in members.items():
            data = content.read_bytes() if isinstance(content, Path) else content
            archive.writestr(name, data)
    return path


def folder_members(folder: Path, top: str | None = None) -> dict[str, bytes | Path]:
    top = top or folder.name
    return {
        f"{top}/{p.relative_to(folder).as_posix()}": p
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def assert_nothing_installed(packs_dir: Path) -> None:
    left = sorted(p.name for p in packs_dir.iterdir()) if packs_dir.exists() else []
    assert left == []


def test_install_lists_the_pack(
    manager: PackManager, tiny_packs: TinyPacks, packs_dir: Path
) -> None:
    pack = manager.install_file(tiny_packs.get("en", "es", stanza=True))
    assert (pack.from_code, pack.to_code, pack.version) == ("en", "es", "1.0")
    assert pack.path == packs_dir / "translate-en_es" and pack.has_stanza
    assert manager.installed() == (pack,)
    assert manager.find("en", "es") == pack
    assert [p.name for p in packs_dir.iterdir()] == ["translate-en_es"]  # no staging left


def test_customer_codes_map_to_argos_folders(manager: PackManager, tiny_packs: TinyPacks) -> None:
    pack = manager.install_file(tiny_packs.get("en", "zt"))
    assert pack.path.name == "translate-en_zt"
    assert manager.find("en", "zh-Hant") == pack


Bad = Callable[[Path, Path], Path]


def _not_zip(tmp: Path, folder: Path) -> Path:
    (tmp / "bad.argosmodel").write_text("this is not a zip")
    return tmp / "bad.argosmodel"


def _two_tops(tmp: Path, folder: Path) -> Path:
    members = folder_members(folder) | {"other/readme.txt": b"x"}
    return zip_members(tmp / "bad.argosmodel", members)


def _file_at_top(tmp: Path, folder: Path) -> Path:
    return zip_members(tmp / "bad.argosmodel", folder_members(folder) | {"README": b"x"})


def _no_metadata(tmp: Path, folder: Path) -> Path:
    members = {k: v for k, v in folder_members(folder).items() if not k.endswith("metadata.json")}
    return zip_members(tmp / "bad.argosmodel", members)


def _traversal(tmp: Path, folder: Path) -> Path:
    return zip_members(tmp / "bad.argosmodel", folder_members(folder) | {"../x": b"evil"})


def _inner_traversal(tmp: Path, folder: Path) -> Path:
    members = folder_members(folder) | {f"{folder.name}/../../x": b"evil"}
    return zip_members(tmp / "bad.argosmodel", members)


def _absolute(tmp: Path, folder: Path) -> Path:
    return zip_members(tmp / "bad.argosmodel", folder_members(folder) | {"/tmp/x": b"evil"})


def _symlink(tmp: Path, folder: Path) -> Path:
    path = zip_members(tmp / "bad.argosmodel", folder_members(folder))
    with zipfile.ZipFile(path, "a") as archive:
        info = zipfile.ZipInfo(f"{folder.name}/link")
        info.external_attr = 0o120777 << 16
        archive.writestr(info, "/etc/passwd")
    return path


def _bad_metadata(tmp: Path, folder: Path) -> Path:
    members = folder_members(folder)
    members[f"{folder.name}/metadata.json"] = json.dumps({"from_code": "en"}).encode()
    return zip_members(tmp / "bad.argosmodel", members)


def _foreign_language(tmp: Path, folder: Path) -> Path:
    members = folder_members(folder)
    meta = {"from_code": "en", "to_code": "eo", "package_version": "1.0"}
    members[f"{folder.name}/metadata.json"] = json.dumps(meta).encode()
    return zip_members(tmp / "bad.argosmodel", members)


def _no_model(tmp: Path, folder: Path) -> Path:
    members = {k: v for k, v in folder_members(folder).items() if "/model/" not in k}
    return zip_members(tmp / "bad.argosmodel", members)


BAD_PACKS: dict[str, tuple[Bad, str]] = {
    "not-a-zip": (_not_zip, "not a zip archive"),
    "two-top-folders": (_two_tops, "exactly one top folder, found other, translate-en_es-1_0"),
    "file-at-top": (_file_at_top, "outside the pack's top folder"),
    "missing-metadata": (_no_metadata, "no metadata.json"),
    "path-traversal": (_traversal, "path traversal '../x'"),
    "inner-traversal": (_inner_traversal, "path traversal"),
    "absolute-path": (_absolute, "absolute path '/tmp/x'"),
    "symlink": (_symlink, "symbolic link"),
    "incomplete-metadata": (_bad_metadata, "lacks to_code"),
    "foreign-language": (_foreign_language, "'eo' is not a language chatassist uses"),
    "no-model": (_no_model, "no model/model.bin"),
}


@pytest.mark.parametrize(("make", "message"), BAD_PACKS.values(), ids=BAD_PACKS.keys())
def test_bad_packs_are_refused_and_leave_nothing_behind(
    make: Bad, message: str, manager: PackManager, pack_folder: Path, tmp_path: Path
) -> None:
    archive = make(tmp_path, pack_folder)
    with pytest.raises(InvalidPackError, match=f"^bad.argosmodel: .*{message_pattern(message)}"):
        manager.install_file(archive)
    assert_nothing_installed(manager.packs_dir)
    assert not (tmp_path / "x").exists()


def message_pattern(message: str) -> str:
    import re

    return re.escape(message)


@pytest.mark.parametrize(
    ("limits", "message"),
    [
        (PackLimits(max_unpacked_bytes=50_000), "unpacks to more than 50000 bytes"),
        (PackLimits(max_member_bytes=100_000), "larger than 100000"),
        (PackLimits(max_archive_bytes=1_000), "larger than 1000 bytes"),
        (PackLimits(max_members=3), "more than 3 files"),
    ],
    ids=["unpacked", "member", "archive", "members"],
)
def test_oversize_packs_are_refused(
    limits: PackLimits, message: str, tiny_packs: TinyPacks, packs_dir: Path
) -> None:
    manager = PackManager(packs_dir, limits=limits)
    with pytest.raises(InvalidPackError, match=message):
        manager.install_file(tiny_packs.get("en", "es"))
    assert_nothing_installed(packs_dir)


def test_a_failing_extraction_leaves_the_old_pack_in_place(
    manager: PackManager, tiny_packs: TinyPacks, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = manager.install_file(tiny_packs.get("en", "es"))
    from chatassist.core.translation import packs as packs_module

    def broken(*args: Any) -> None:
        raise InvalidPackError("bad.argosmodel: unpacks to more than it declares")

    monkeypatch.setattr(packs_module, "extract_archive", broken)
    with pytest.raises(InvalidPackError):
        manager.install_file(tiny_packs.get("en", "es", version="2.0"))
    assert manager.installed() == (old,)
    assert [p.name for p in manager.packs_dir.iterdir()] == ["translate-en_es"]


def test_replacing_a_pack_keeps_one_folder_and_notifies(
    manager: PackManager, tiny_packs: TinyPacks
) -> None:
    heard: list[Path] = []
    manager.subscribe(heard.append)
    manager.install_file(tiny_packs.get("en", "es"))
    new = manager.install_file(tiny_packs.get("en", "es", version="1.1", seed=3))
    assert manager.installed() == (new,) and new.version == "1.1"
    assert heard == [new.path, new.path]


def test_an_argos_style_folder_of_the_same_pair_is_replaced(
    manager: PackManager, tiny_packs: TinyPacks, pack_folder: Path, packs_dir: Path
) -> None:
    packs_dir.mkdir()
    shutil.copytree(pack_folder, packs_dir / "translate-en_es-1_0")
    assert [p.path.name for p in manager.installed()] == ["translate-en_es-1_0"]
    manager.install_file(tiny_packs.get("en", "es", version="1.1"))
    assert [p.path.name for p in manager.installed()] == ["translate-en_es"]


def test_broken_folders_and_leftovers_are_skipped(
    manager: PackManager, tiny_packs: TinyPacks, packs_dir: Path
) -> None:
    (packs_dir / "not-a-pack").mkdir(parents=True)
    (packs_dir / ".staging-old").mkdir()
    _age(packs_dir / ".staging-old", hours=2)
    pack = manager.install_file(tiny_packs.get("en", "es"))
    scan = manager.scan()
    assert scan.packs == (pack,) and scan.broken == (packs_dir / "not-a-pack",)
    assert not (packs_dir / ".staging-old").exists()


def _age(path: Path, *, hours: float) -> None:
    """Make ``path`` (and what is in it) look last modified ``hours`` ago."""
    when = time.time() - hours * 3600
    for item in (*path.rglob("*"), path):
        os.utime(item, (when, when), follow_symlinks=False)


def test_old_leftovers_are_removed_recent_ones_are_kept(
    manager: PackManager, tiny_packs: TinyPacks, packs_dir: Path
) -> None:
    packs_dir.mkdir(parents=True)
    old_download = packs_dir / ".download-killed.argosmodel"
    old_download.write_bytes(b"x" * 1000)  # a download killed part-way
    old_staging = packs_dir / ".staging-killed"
    (old_staging / "pack").mkdir(parents=True)
    (old_staging / "pack" / "model.bin").write_bytes(b"x")
    old_trash = packs_dir / ".trash-killed"
    old_trash.mkdir()
    for path in (old_download, old_staging, old_trash):
        _age(path, hours=2)
    # Another process is downloading and installing right now: leave those alone.
    busy_download = packs_dir / ".download-busy.argosmodel"
    busy_download.write_bytes(b"x")
    busy_staging = packs_dir / ".staging-busy"
    busy_staging.mkdir()
    _age(busy_staging, hours=2)
    (busy_staging / "pack").mkdir()  # still being written into
    busy_trash = packs_dir / ".trash-busy"
    busy_trash.mkdir()

    manager.install_file(tiny_packs.get("en", "es"))

    assert not old_download.exists() and not old_staging.exists() and not old_trash.exists()
    assert busy_download.exists() and busy_staging.exists() and busy_trash.exists()


def test_remove(manager: PackManager, tiny_packs: TinyPacks, packs_dir: Path) -> None:
    pack = manager.install_file(tiny_packs.get("en", "es"))
    heard: list[Path] = []
    manager.subscribe(heard.append)
    assert manager.remove("en", "es") == pack
    assert manager.installed() == () and heard == [pack.path]
    assert_nothing_installed(packs_dir)
    with pytest.raises(PackNotInstalledError, match="no pack installed for en→es"):
        manager.remove("en", "es")
