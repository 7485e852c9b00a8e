"""Build the interface translations: ``python -m chatassist.ui.i18n_build``.

Compiles ``translations/*.ts`` to ``.qm`` files next to them with
``pyside6-lrelease`` (compiled files are not committed). ``--update`` first
refreshes the ``.ts`` files from the sources with ``pyside6-lupdate``, keeping
the existing translations; without source locations, so that two branches adding
strings do not conflict on every line number. Without the Qt tools the interface stays English
and one line says so.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from chatassist.ui.i18n import TRANSLATIONS_DIR

UI_DIR = Path(__file__).resolve().parent


def find_tool(name: str) -> str | None:
    """The Qt tool next to this Python (a venv's bin folder), else on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    return shutil.which(name)


def sources() -> list[Path]:
    return sorted(p for p in UI_DIR.rglob("*.py") if p.name != "i18n_build.py")


def update(ts_files: list[Path]) -> int:
    lupdate = find_tool("pyside6-lupdate")
    if lupdate is None:
        print("chatassist: pyside6-lupdate not found; translation sources not updated")
        return 1
    cmd = [
        lupdate,
        "-no-obsolete",
        "-locations",
        "none",
        *map(str, sources()),
        "-ts",
        *map(str, ts_files),
    ]
    return subprocess.run(cmd, check=False, capture_output=True).returncode


def build(ts_files: list[Path]) -> int:
    lrelease = find_tool("pyside6-lrelease")
    if lrelease is None:
        print("chatassist: pyside6-lrelease not found; the interface will be in English only")
        return 0
    for ts in ts_files:
        qm = ts.with_suffix(".qm")
        done = subprocess.run(
            [lrelease, "-silent", str(ts), "-qm", str(qm)], check=False, capture_output=True
        )
        if done.returncode != 0:
            err = done.stderr.decode(errors="replace").strip().splitlines()
            print(f"chatassist: could not compile {ts.name}: {err[-1] if err else done.returncode}")
            return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m chatassist.ui.i18n_build")
    parser.add_argument("--update", action="store_true", help="refresh the .ts files first")
    args = parser.parse_args(argv)
    ts_files = sorted(TRANSLATIONS_DIR.glob("*.ts"))
    if args.update and update(ts_files) != 0:
        return 1
    return build(ts_files)


if __name__ == "__main__":
    sys.exit(main())
