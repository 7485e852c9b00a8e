"""The bundled phrasebooks and resources are found from a checkout and from a wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from chatassist import paths

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_ships_the_bundled_folders(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(ROOT),
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("chatassist-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("phrasebooks", "resources"):
        for file in (ROOT / folder).iterdir():
            if file.is_file():
                assert f"chatassist/bundled/{folder}/{file.name}" in names


def test_installed_layout_is_preferred(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "site-packages" / "chatassist"
    (package / "bundled" / "phrasebooks").mkdir(parents=True)
    monkeypatch.setattr(paths, "_PACKAGE_DIR", package)
    assert paths.bundled_phrasebooks() == package / "bundled" / "phrasebooks"


def test_checkout_layout() -> None:
    assert paths.bundled_phrasebooks() == ROOT / "phrasebooks"
    assert (paths.bundled_resources() / "regions.yaml").is_file()
