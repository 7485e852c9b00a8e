"""``chatassist glossary``: check, import (all or nothing), list, export; applied by translate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chatassist.cli.main import main
from translation_fixtures import TinyPacks, tiny_packs_fixture  # noqa: F401

GOOD = """\
glossary_version: 1
terms:
  - id: refund
    translations: {en: refund, de: Rückerstattung}
  - id: shoppay
    keep: ShopPay
"""


def test_a_bad_file_is_reported_at_its_lines_and_changes_nothing(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "glossary.yaml"
    good.write_text(GOOD, encoding="utf-8")
    assert main(["glossary", "import", str(good)]) == 0
    capsys.readouterr()
    bad = tmp_path / "bad.yaml"
    bad.write_text("glossary_version: 1\nterms:\n  - id: Bad Id\n    keep: x\n", encoding="utf-8")
    assert main(["glossary", "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"chatassist: {bad}:3:9: term 'Bad Id': id must be" in err
    assert main(["glossary", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [t["id"] for t in listed["terms"]] == ["refund", "shoppay"]


def test_export_writes_what_import_reads(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.yaml"
    source.write_text(GOOD, encoding="utf-8")
    assert main(["glossary", "import", str(source)]) == 0
    out = tmp_path / "out" / "glossary.yaml"
    out.parent.mkdir()
    assert main(["glossary", "export", str(out)]) == 0
    assert main(["glossary", "check", str(out)]) == 0
    assert "2 terms, no problems" in capsys.readouterr().out


@pytest.mark.slow
def test_translate_applies_the_glossary(
    data_dir: Path, tmp_path: Path, tiny_packs: TinyPacks, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "glossary.yaml"
    source.write_text(GOOD, encoding="utf-8")
    assert main(["glossary", "import", str(source)]) == 0
    assert main(["packs", "install", str(tiny_packs.get("en", "de"))]) == 0
    capsys.readouterr()
    assert main(["translate", "Where is my refund?", "--from", "en", "--to", "de", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert "Rückerstattung" in out["text"] and "refund" not in out["text"]
    assert {"kind": "term", "text": "refund", "replacement": "Rückerstattung"} in out["protected"][
        "tokens"
    ]
