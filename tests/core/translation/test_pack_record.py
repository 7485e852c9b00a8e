"""Installed packs record the size and SHA-256 of the file they came from; any
well-formed argos pack installs, including pairs the argos index lacks."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from chatassist.cli.main import main
from chatassist.core.translation import PackManager, TranslationService
from chatassist.core.translation.pack_record import RECORD_NAME, read_record
from translation_fixtures import TinyPacks

pytestmark = pytest.mark.slow


def test_install_records_size_and_sha256_of_the_archive(
    manager: PackManager, tiny_packs: TinyPacks
) -> None:
    archive = tiny_packs.get("en", "es")
    data = archive.read_bytes()
    pack = manager.install_file(archive)
    assert pack.sha256 == hashlib.sha256(data).hexdigest()
    assert pack.archive_bytes == len(data)
    assert pack.to_dict()["sha256"] == pack.sha256
    # Read back on a fresh scan (another process, a restart).
    again = PackManager(manager.packs_dir).find("en", "es")
    assert again is not None and again.sha256 == pack.sha256


def test_a_pack_without_or_with_a_bad_record_shows_none(
    manager: PackManager, tiny_packs: TinyPacks
) -> None:
    pack = manager.install_file(tiny_packs.get("en", "es"))
    record = pack.path / RECORD_NAME
    record.write_text(json.dumps({"archive": "x", "bytes": 1, "sha256": "not-hex"}))
    assert read_record(pack.path) is None
    record.unlink()
    assert read_record(pack.path) is None
    found = PackManager(manager.packs_dir).find("en", "es")
    assert found is not None and found.sha256 == "" and found.to_dict()["sha256"] is None


def test_a_pair_the_index_lacks_installs_from_a_file_and_translates(
    manager: PackManager, tiny_packs: TinyPacks, real_service: TranslationService
) -> None:
    pack = manager.install_file(tiny_packs.get("en", "vi", version="1.9"))
    assert (pack.name, pack.version) == ("translate-en_vi", "1.9")
    result = real_service.translate("Your order #48213 has shipped.", "en", "vi")
    assert result.route == ("en", "vi") and "#48213" in result.text


def test_packs_list_shows_the_checksum(
    data_dir: Path, tiny_packs: TinyPacks, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tiny_packs.get("en", "es")
    sha = hashlib.sha256(archive.read_bytes()).hexdigest()
    assert main(["packs", "install", str(archive)]) == 0
    assert f"sha256 {sha[:12]}" in capsys.readouterr().out
    assert main(["packs", "list", "--json"]) == 0
    listed: Any = json.loads(capsys.readouterr().out)["installed"][0]
    assert listed["sha256"] == sha and listed["archive_bytes"] == archive.stat().st_size
