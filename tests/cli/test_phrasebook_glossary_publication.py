"""The glossary travels with the phrasebooks: export writes it beside them, import
reads it with them, all or nothing, problems at FILE:LINE."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from chatassist.app import App
from chatassist.cli.main import main
from chatassist.core.phrasebook.export import ExportError, export_books
from chatassist.core.phrasebook.model import Phrasebook
from chatassist.core.translation.glossary import Glossary, GlossaryTerm

SAMPLE = Path(__file__).parents[1] / "core" / "phrasebook" / "sample.yaml"
GLOSSARY = """\
# the trainers' terms
glossary_version: 1
terms:
  - id: refund
    note: money returned to the customer
    translations:
      en: refund
      de: [Rückerstattung, Erstattung]
  - id: shoppay
    keep: ShopPay
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def published(folder: Path, glossary: str = GLOSSARY) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(SAMPLE, folder / "sample.yaml")
    (folder / "glossary.yaml").write_text(glossary, encoding="utf-8")
    return folder


def library_state(data: Path) -> tuple[list[str], list[str]]:
    app = App.from_args(str(data))
    try:
        return [b.id for b in app.library.phrasebooks()], [t.id for t in app.glossary.load().terms]
    finally:
        app.close()


def test_export_import_export_carries_the_glossary_byte_identical(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    src = published(tmp_path / "src")
    code, out, err = run(capsys, "--data-dir", str(one), "phrasebook", "import", str(src))
    assert (code, err) == (0, "")
    assert f"glossary: added (2 terms) from {src / 'glossary.yaml'}" in out
    assert library_state(one)[1] == ["refund", "shoppay"]
    code, out, _ = run(
        capsys, "--data-dir", str(one), "phrasebook", "export", "--out", str(tmp_path / "out1")
    )
    assert code == 0 and str(tmp_path / "out1" / "glossary.yaml") in out
    code, _, err = run(
        capsys, "--data-dir", str(two), "phrasebook", "import", str(tmp_path / "out1")
    )
    assert (code, err) == (0, "")
    run(capsys, "--data-dir", str(two), "phrasebook", "export", "--out", str(tmp_path / "out2"))
    first = sorted(p.name for p in (tmp_path / "out1").iterdir())
    assert "glossary.yaml" in first and "sample.yaml" in first
    for name in first:
        assert (tmp_path / "out1" / name).read_bytes() == (tmp_path / "out2" / name).read_bytes()
    # Validation reads the glossary too, and says so.
    code, out, _ = run(capsys, "phrasebook", "validate", str(tmp_path / "out1"))
    assert code == 0 and "glossary.yaml: ok (glossary, 2 terms)" in out


def test_a_bad_glossary_refuses_the_whole_import_at_its_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = tmp_path / "d"
    src = published(tmp_path / "src", GLOSSARY.replace("      de: [", "      xx: ["))
    code, _, err = run(capsys, "--data-dir", str(data), "phrasebook", "import", str(src))
    assert code == 1
    assert f"{src / 'glossary.yaml'}:8:" in err and "nothing was changed" in err
    books, terms = library_state(data)
    assert "sample" not in books and terms == []


def test_a_bad_phrasebook_leaves_the_glossary_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = tmp_path / "d"
    assert (
        run(
            capsys, "--data-dir", str(data), "phrasebook", "import", str(published(tmp_path / "a"))
        )[0]
        == 0
    )
    src = published(tmp_path / "b", GLOSSARY.split("  - id: shoppay")[0])
    (src / "sample.yaml").write_text(
        SAMPLE.read_text(encoding="utf-8").replace("format: 1", "format: 9"), encoding="utf-8"
    )
    code, _, err = run(capsys, "--data-dir", str(data), "phrasebook", "import", str(src))
    assert code == 1 and "sample.yaml:" in err
    assert library_state(data)[1] == ["refund", "shoppay"]


def test_a_replaced_glossary_is_backed_up_and_the_same_one_is_unchanged(
    tmp_path: Path,
) -> None:
    app = App.from_args(str(tmp_path / "d"))
    try:
        first = app.library.import_files([published(tmp_path / "a")])
        assert first.glossary is not None and first.glossary.status == "added"
        again = app.library.import_files([published(tmp_path / "a")])
        assert again.glossary is not None and again.glossary.status == "unchanged"
        assert again.backup is None
        smaller = GLOSSARY.split("  - id: shoppay")[0]
        report = app.library.import_files([published(tmp_path / "b", smaller)])
        assert report.glossary is not None and report.glossary.status == "replaced"
        assert report.backup is not None and report.backup.exists()
        # This process translates with the new glossary at once.
        assert [t.id for t in app.glossary.current().terms] == ["refund"]
        assert report.to_json()["glossary"]["terms"] == 1
    finally:
        app.close()


def test_two_glossaries_in_one_publication_are_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    src = published(tmp_path / "src")
    (src / "terms.yaml").write_text(GLOSSARY, encoding="utf-8")
    code, _, err = run(capsys, "phrasebook", "validate", str(src))
    assert code == 1 and "a second glossary file" in err


def test_a_phrasebook_named_glossary_cannot_overwrite_the_glossary(tmp_path: Path) -> None:
    book = Phrasebook(id="glossary", title={"zh-Hans": "词", "en": "Terms"})
    terms = Glossary((GlossaryTerm("shoppay", keep="ShopPay"),))
    with pytest.raises(ExportError, match="the glossary and a phrasebook"):
        export_books([book], tmp_path / "out", "yaml", terms)
    assert not (tmp_path / "out").exists()
    # Without a glossary to publish (or as CSV) it is an ordinary name.
    assert export_books([book], tmp_path / "csv", "csv", terms)[0].name == "glossary.csv"
    assert [p.name for p in export_books([book], tmp_path / "none", "yaml", Glossary())] == [
        "glossary.yaml"
    ]


def test_a_team_trainer_import_with_a_glossary_is_refused_untouched(tmp_path: Path) -> None:
    from chatassist.core.phrasebook.publication import load_publication
    from chatassist.storage.database import Database
    from chatassist.storage.team.errors import TeamError
    from chatassist.storage.team.trainer_library import TeamTrainerLibrary

    db = Database.open(tmp_path / "lib.sqlite3", backups_dir=tmp_path / "b")
    try:
        # No server is ever asked: the refusal comes first.
        library = TeamTrainerLibrary(db, "postgresql://nowhere.invalid/x", tmp_path / "drafts")
        publication = load_publication([published(tmp_path / "src")])
        with pytest.raises(TeamError, match="does not carry the glossary"):
            library.import_loaded(publication.books, glossary=publication.glossary)
        assert library.phrasebooks() == []
    finally:
        db.close()
