"""The core/GUI wall and 'nothing at import time', checked in a fresh interpreter."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path


def _modules(package: str) -> list[str]:
    pkg = importlib.import_module(package)
    found = [m.name for m in pkgutil.walk_packages(pkg.__path__, package + ".")]
    return [package, *found]


def test_core_and_storage_never_import_qt(tmp_path: Path) -> None:
    modules = _modules("chatassist.core") + _modules("chatassist.storage") + ["chatassist.cli.main"]
    code = (
        "import sys, importlib\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'chatassist.ui')))\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=tmp_path)


def test_importing_writes_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    code = (
        "import chatassist.cli.main, chatassist.app, chatassist.paths; chatassist.paths.resolve()"
    )
    subprocess.run(
        [sys.executable, "-c", code],
        check=True,
        cwd=tmp_path,
        env={"HOME": str(home), "PATH": "/usr/bin:/bin", "XDG_DATA_HOME": str(home / "data")},
    )
    assert list(home.iterdir()) == []
