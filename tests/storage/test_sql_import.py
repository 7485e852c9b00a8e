"""peewee is imported without psycopg when no team is configured, and peewee still
maps psycopg's errors to its own, whether the team code imports the driver later
in the same process or a team was configured from the start."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

CHECK = """
import sys
from pathlib import Path
from chatassist.app import App
from chatassist.paths import AppPaths

app = App(AppPaths(Path(sys.argv[1])))
app.library_revision()
app.database
print("psycopg loaded:", "psycopg" in sys.modules)

import peewee as pw
from chatassist.storage.team import connection  # what `team join` imports
import psycopg

for error, mapped in (
    (psycopg.errors.UniqueViolation, pw.IntegrityError),
    (psycopg.errors.UndefinedTable, pw.ProgrammingError),
    (psycopg.OperationalError, pw.OperationalError),
):
    try:
        with pw.ExceptionWrapper(pw.EXCEPTIONS):
            raise error("from the server")
    except mapped as exc:
        print("mapped:", type(exc).__name__)
app.close()
"""


def _run(data: Path) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", CHECK, str(data)],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.splitlines()


MAPPED = ["mapped: IntegrityError", "mapped: ProgrammingError", "mapped: OperationalError"]


def test_no_team_no_psycopg_and_its_errors_still_mapped_later(tmp_path: Path) -> None:
    assert _run(tmp_path / "data") == ["psycopg loaded: False", *MAPPED]


def test_a_team_configured_imports_the_driver_with_peewee(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    # An unreachable server: nothing here connects, only the setting counts.
    settings = {"team_server": "postgresql://agent@127.0.0.1:9/none", "team_role": "agent"}
    (data / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    assert _run(data) == ["psycopg loaded: True", *MAPPED]
