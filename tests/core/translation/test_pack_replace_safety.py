"""Replacing a pack is crash-safe and load-tested (#20 items 4, 8, 9)."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from chatassist.core.translation import InvalidPackError, PackError, PackManager
from chatassist.core.translation import packs as packs_module
from translation_fixtures import TinyPacks

pytestmark = pytest.mark.slow


def _with_member(archive: Path, out: Path, suffix: str, data: bytes) -> Path:
    """A copy of ``archive`` whose member ending in ``suffix`` holds ``data``."""
    with zipfile.ZipFile(archive) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            body = data if info.filename.endswith(suffix) else zin.read(info)
            zout.writestr(info, body)
    return out


def test_a_pack_with_a_zero_filled_model_never_replaces_a_working_one(
    manager: PackManager, tiny_packs: TinyPacks, tmp_path: Path
) -> None:
    good = manager.install_file(tiny_packs.get("en", "es"))
    size = (
        zipfile.ZipFile(tiny_packs.get("en", "es"))
        .getinfo("translate-en_es-1_0/model/model.bin")
        .file_size
    )
    broken = _with_member(
        tiny_packs.get("en", "es", version="2.0"),
        tmp_path / "zeros.argosmodel",
        "model.bin",
        b"\0" * size,
    )
    with pytest.raises(
        InvalidPackError,
        match=r"^zeros.argosmodel: the pack does not work \(.*nothing was installed",
    ):
        manager.install_file(broken)
    assert manager.installed() == (good,)
    assert [p.name for p in manager.packs_dir.iterdir()] == ["translate-en_es"]
    packs_module.load_test_pack(good)  # the kept pack still translates


def test_a_crash_between_the_two_renames_gives_the_previous_pack_back(
    manager: PackManager, tiny_packs: TinyPacks, monkeypatch: pytest.MonkeyPatch, packs_dir: Path
) -> None:
    """Issue #20 item 4: a kill between the renames left no pack at all."""
    old = manager.install_file(tiny_packs.get("en", "es"))
    real_replace = os.replace

    class Killed(BaseException):
        pass

    def replace(src: object, dst: object) -> None:
        if Path(str(dst)) == old.path:  # the new pack about to be renamed into place
            raise Killed
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(packs_module.os, "replace", replace)
    with pytest.raises(Killed):
        manager.install_file(tiny_packs.get("en", "es", version="2.0"))
    monkeypatch.setattr(packs_module.os, "replace", real_replace)
    assert not old.path.exists()  # the moment of the crash: no pack folder

    after = PackManager(packs_dir)  # the next start
    (pack,) = after.installed()
    assert (pack.path, pack.version) == (old.path, "1.0")
    packs_module.load_test_pack(pack)


def test_a_trash_folder_of_a_finished_replace_restores_nothing(
    manager: PackManager, tiny_packs: TinyPacks, packs_dir: Path
) -> None:
    manager.install_file(tiny_packs.get("en", "es"))
    new = manager.install_file(tiny_packs.get("en", "es", version="2.0"))
    assert PackManager(packs_dir).installed() == (new,)


def test_the_packs_folder_under_a_file_is_one_clear_error(
    tiny_packs: TinyPacks, tmp_path: Path
) -> None:
    (tmp_path / "data").write_text("a file where the data folder should be")
    manager = PackManager(tmp_path / "data" / "packs")
    with pytest.raises(PackError, match=r"the packs folder .*/data/packs cannot be written"):
        manager.install_file(tiny_packs.get("en", "es"))


def test_a_fifo_named_as_a_pack_is_refused_by_name(manager: PackManager, tmp_path: Path) -> None:
    fifo = tmp_path / "pack.argosmodel"
    os.mkfifo(fifo)
    with pytest.raises(InvalidPackError, match=r"pack.argosmodel: is a FIFO \(named pipe\)"):
        manager.install_file(fifo)


def test_deeply_nested_metadata_is_a_broken_folder_not_a_crash(
    manager: PackManager, tiny_packs: TinyPacks, packs_dir: Path, tmp_path: Path
) -> None:
    pack = manager.install_file(tiny_packs.get("en", "es"))
    (pack.path / "metadata.json").write_text("[" * 100_000 + "]" * 100_000)
    fresh = PackManager(packs_dir)
    assert fresh.scan().broken == (pack.path,)
    nested = _with_member(
        tiny_packs.get("en", "fr"), tmp_path / "nested.argosmodel", "metadata.json", b"[" * 100_000
    )
    with pytest.raises(InvalidPackError, match=r"nested too deeply|not valid JSON"):
        manager.install_file(nested)


def test_metadata_that_is_a_fifo_is_not_read(
    manager: PackManager, tiny_packs: TinyPacks, packs_dir: Path
) -> None:
    pack = manager.install_file(tiny_packs.get("en", "es"))
    (pack.path / "metadata.json").unlink()
    os.mkfifo(pack.path / "metadata.json")
    assert PackManager(packs_dir).scan().broken == (pack.path,)


def test_a_model_zeroed_after_install_is_a_one_line_backend_error(
    manager: PackManager, tiny_packs: TinyPacks
) -> None:
    from chatassist.core.translation import CTranslate2Backend
    from chatassist.core.translation.errors import BackendError

    pack = manager.install_file(tiny_packs.get("en", "es"))
    model = pack.path / "model" / "model.bin"
    model.write_bytes(b"\0" * model.stat().st_size)
    with pytest.raises(BackendError, match="cannot load the language pack"):
        CTranslate2Backend().load(manager.installed()[0])
