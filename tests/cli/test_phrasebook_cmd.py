"""The phrasebook commands: exit codes 0 / 1 / 2, messages, no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chatassist.cli.main import main

SAMPLE = Path(__file__).parents[1] / "core" / "phrasebook" / "sample.yaml"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    for command in ("gui", "phrasebook", "--data-dir"):
        assert command in out


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["phrasebook", "frobnicate"])
    assert exit_.value.code == 2


def test_validate_ok_and_touches_no_database(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    code, out, err = run(capsys, "phrasebook", "validate", str(SAMPLE))
    assert (code, err) == (0, "")
    assert "ok (sample, 2 entries)" in out
    assert not data_dir.exists()


def test_validate_reports_every_problem_as_path_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    text = (
        SAMPLE.read_text(encoding="utf-8")
        .replace("[order_status]", "[nope]")
        .replace("      es:\n", "      sp:\n")
    )
    bad.write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "phrasebook", "validate", str(bad), str(SAMPLE))
    assert code == 1
    lines = err.splitlines()
    assert lines[0].startswith(f"{bad}:11:") and "unknown scenario 'nope'" in lines[0]
    assert lines[1].startswith(f"{bad}:23:") and "unknown language code 'sp'" in lines[1]
    assert "Traceback" not in err


def test_import_list_export(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data_dir: Path
) -> None:
    code, out, _ = run(capsys, "phrasebook", "import", str(SAMPLE), "--json")
    assert code == 0
    report = json.loads(out)
    assert report["phrasebooks"][0]["id"] == "sample"
    code, out, _ = run(capsys, "phrasebook", "list", "--json")
    listed = {b["id"]: b for b in json.loads(out)}
    assert listed["sample"]["entries"] == 2 and listed["sample"]["notes"] == 1
    code, out, _ = run(capsys, "phrasebook", "export", "--out", str(tmp_path / "out"))
    assert code == 0
    assert (tmp_path / "out" / "sample.yaml").exists()
    assert (data_dir / "chatassist.sqlite3").exists()


def test_first_use_imports_the_bundled_phrasebooks(capsys: pytest.CaptureFixture[str]) -> None:
    from chatassist.paths import bundled_phrasebooks

    bundled = sorted(p.stem for p in bundled_phrasebooks().glob("*.yaml"))
    code, out, _ = run(capsys, "phrasebook", "list", "--json")
    assert code == 0
    assert bundled, "the repository ships phrasebooks"
    assert set(bundled) <= {b["id"] for b in json.loads(out)}


def test_invalid_import_exits_1_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run(capsys, "phrasebook", "import", str(SAMPLE))
    _, before, _ = run(capsys, "phrasebook", "list", "--json")
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: bad\ntitle: [oops\n", encoding="utf-8")
    code, _, err = run(capsys, "phrasebook", "import", str(bad))
    assert code == 1
    assert f"{bad}:" in err and "nothing was changed" in err
    _, after, _ = run(capsys, "phrasebook", "list", "--json")
    assert after == before


def test_corrupt_database_is_one_line_exit_1(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "chatassist.sqlite3").write_bytes(b"garbage" * 1000)
    code, _, err = run(capsys, "phrasebook", "list")
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and "not a usable chatassist database" in err


def test_data_dir_option_beats_environment(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data_dir: Path
) -> None:
    chosen = tmp_path / "chosen"
    code, _, _ = run(capsys, "--data-dir", str(chosen), "phrasebook", "import", str(SAMPLE))
    assert code == 0
    assert (chosen / "chatassist.sqlite3").exists()
    assert not data_dir.exists()


def test_export_to_unwritable_place_is_a_clean_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = run(capsys, "phrasebook", "export", "--out", str(blocker / "sub"))
    assert code == 1 and "cannot create" in err and "Traceback" not in err


def test_data_dir_that_is_a_file_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    code, _, err = run(capsys, "--data-dir", str(blocker), "phrasebook", "list")
    assert code == 1
    assert "cannot use" in err and "data folder" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_validate_prints_the_first_100_problems_then_how_many_more(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    entries = "".join(
        f"  - id: e{n}\n    scenarios: [nope]\n    gloss: {{zh-Hans: 问, en: q}}\n"
        f"    variants: {{en: {{direct: hi}}}}\n"
        for n in range(150)
    )
    bad = tmp_path / "many.yaml"
    bad.write_text(
        f"format: 1\nid: many\ntitle: {{zh-Hans: 多, en: Many}}\nentries:\n{entries}",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "phrasebook", "validate", str(bad))
    lines = err.splitlines()
    assert code == 1
    assert len(lines) == 102
    assert lines[0].startswith(f"{bad}:6:17: unknown scenario 'nope'")
    assert lines[100] == "and 50 more problems"
    assert lines[101] == "chatassist: 150 problems found; nothing was changed"
