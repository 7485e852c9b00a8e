"""The bundled phrasebooks and resources are found from a checkout and from a wheel."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from chatassist import paths

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_ships_the_bundled_folders(tmp_path: Path) -> None:
    # Build from a copy so the checkout gets no build/ or egg-info folders.
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, source / name)
    for folder in ("src", "phrasebooks", "resources"):
        shutil.copytree(
            ROOT / folder,
            source / folder,
            ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"),
        )
    out = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(source),
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = out.glob("chatassist-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("phrasebooks", "resources"):
        for file in (ROOT / folder).iterdir():
            if file.is_file():
                assert f"chatassist/bundled/{folder}/{file.name}" in names
    assert "chatassist/ui/translations/chatassist_zh_CN.ts" in names


def test_installed_layout_is_preferred(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "site-packages" / "chatassist"
    (package / "bundled" / "phrasebooks").mkdir(parents=True)
    monkeypatch.setattr(paths, "_PACKAGE_DIR", package)
    assert paths.bundled_phrasebooks() == package / "bundled" / "phrasebooks"


def test_checkout_layout() -> None:
    assert paths.bundled_phrasebooks() == ROOT / "phrasebooks"
    assert (paths.bundled_resources() / "regions.yaml").is_file()


def test_no_ml_stack_is_installed_and_the_bpe_tokenizer_imports() -> None:
    # argostranslate is installed with --no-deps (requirements/argostranslate.txt):
    # its declared stanza/torch/spaCy dependencies are ~1 GiB the code never runs.
    from importlib import metadata

    for name in ("torch", "stanza", "spacy"):
        with pytest.raises(metadata.PackageNotFoundError):
            metadata.distribution(name)
    from argostranslate.tokenizer import BPETokenizer

    assert BPETokenizer.__name__ == "BPETokenizer"


def test_argostranslate_pin_stays_below_the_agpl_release() -> None:
    lines = (ROOT / "requirements" / "argostranslate.txt").read_text(encoding="utf-8").splitlines()
    pins = [line for line in lines if line and not line.startswith("#")]
    assert pins == ["argostranslate>=1.10,<1.11"]


def test_the_global_hotkey_library_is_a_declared_dependency() -> None:
    # ui/global_hotkey.py imports pynput only when the hotkey is on; without a
    # declared dependency the hotkey would silently never work in a fresh install.
    from importlib import metadata

    requires = metadata.requires("chatassist") or []
    assert any(r.lower().startswith("pynput") for r in requires)
    assert metadata.distribution("pynput")
