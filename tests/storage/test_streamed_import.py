"""An import read and applied in batches (``LibraryImporter.import_files``) is the
import that reads every file first: same library, same search rows, all or nothing."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from chatassist.core.phrasebook.loader import PhrasebookInvalid
from chatassist.storage import library_import, sqlite_adapter
from chatassist.storage.database import Database
from chatassist.storage.library import PhrasebookLibrary

SAMPLE = Path(__file__).parents[1] / "core" / "phrasebook" / "sample.yaml"


def book(book_id: str, entry_ids: list[str], word: str = "parcel") -> str:
    entries = "".join(
        f"  - id: {eid}\n    scenarios: [order_status]\n"
        f"    gloss: {{zh-Hans: 包裹{n}, en: {word.title()} {n}}}\n"
        f"    keywords: {{en: [{word} {eid}, where is it], ja: [荷物{n}]}}\n"
        f"    variants:\n"
        f'      en: {{direct: "Your {word} {eid} is on its way, {{customer_name}}."}}\n'
        f'      ja: {{detailed: "{{customer_name}}様、お荷物{n}は配送中でございます。"}}\n'
        for n, eid in enumerate(entry_ids)
    )
    return f"format: 1\nid: {book_id}\ntitle: {{zh-Hans: 书, en: Book}}\nentries:\n{entries}"


@pytest.fixture
def one_file_per_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(library_import, "BATCH_BYTES", 1)


def _open(folder: Path) -> Database:
    folder.mkdir(parents=True, exist_ok=True)
    return Database.open(folder / "lib.sqlite3", backups_dir=folder / "backups")


@pytest.fixture
def library(tmp_path: Path) -> Iterator[PhrasebookLibrary]:
    db = _open(tmp_path / "streamed")
    yield PhrasebookLibrary(db)
    db.close()


def _files(folder: Path, books: dict[str, str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in books.items():
        path = folder / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _search_rows(library: PhrasebookLibrary) -> Counter[tuple[str, ...]]:
    rows = library.database.db.execute_sql(
        "SELECT entry_id, language, field, text, folded FROM search_text"
    )
    return Counter(tuple(r) for r in rows)


def _state(library: PhrasebookLibrary) -> tuple[object, ...]:
    sqlite_adapter.check_search_index(library.database.db)  # the index holds search_text
    hits = sorted((h.entry_id, h.language, h.text) for h in library.search("parcel", 500))
    return (library.phrasebooks(), library.summaries(), _search_rows(library), hits)


SIX = {f"b{i}": book(f"b{i}", [f"b{i}.e{j}" for j in range(4)]) for i in range(6)}


def _both_ways(tmp_path: Path, name: str, imports: list[list[Path]]) -> list[tuple[object, ...]]:
    """Each import in turn into a new library, by batches or by reading first: the
    reports and the library after each. (One library open at a time: the models are
    bound to the database opened last.)"""
    library = PhrasebookLibrary(_open(tmp_path / name))
    out: list[tuple[object, ...]] = []
    try:
        for files in imports:
            if name == "streamed":
                report = library.import_files(files)
            else:
                report = library.import_files_read_first(files)
            changes = [b.to_json() for b in report.books]
            out.append((changes, report.backup is not None, _state(library)))
    finally:
        library.database.close()
    return out


@pytest.mark.usefixtures("one_file_per_batch")
def test_batches_give_the_library_of_reading_everything_first(tmp_path: Path) -> None:
    # A second import rewords most of the library (the whole index is then built
    # again once, at the end) and drops one entry.
    v2 = {k: v.replace("on its way", "out for delivery") for k, v in SIX.items()}
    v2["b0"] = book("b0", ["b0.e0", "b0.e1", "b0.e2"])
    imports = [[SAMPLE, *_files(tmp_path / "v1", SIX)], _files(tmp_path / "v2", v2)]
    streamed = _both_ways(tmp_path, "streamed", imports)
    assert streamed == _both_ways(tmp_path, "read_first", imports)
    (_, backup1, _), (changes2, backup2, (_, _, rows, _)) = streamed
    assert not backup1 and backup2
    assert changes2[0]["removed"] == ["b0.e3"]
    reworded = [r for r in rows if r[0][:2] in ("b1", "b2", "b3", "b4", "b5") and r[1] == "en"]
    assert reworded and not [r for r in reworded if "on its way" in r[3]]


def test_search_rows_built_from_the_files_equal_the_ones_derived_from_the_tables(
    library: PhrasebookLibrary, tmp_path: Path
) -> None:
    library.import_files([SAMPLE, *_files(tmp_path, SIX)])
    built = _search_rows(library)
    library.database.run(lambda: sqlite_adapter.rebuild_search_index(library.database.db))
    assert _search_rows(library) == built
    assert {field for _, _, field, _, _ in built} == {"variant", "keyword", "gloss", "body"}


@pytest.mark.usefixtures("one_file_per_batch")
def test_a_bad_file_in_a_later_batch_changes_nothing_and_every_problem_is_named(
    library: PhrasebookLibrary, tmp_path: Path
) -> None:
    library.import_files([SAMPLE])
    before = _state(library)
    files = _files(
        tmp_path,
        {
            "a1": SIX["b1"],
            "a2": SIX["b2"],
            "a3": "format: 1\nid: broken\ntitle: {en: X}\nentries: [\n",
            "a4": book("b4", ["b4.e0"]).replace("scenarios: [order_status]", "scenarios: [nope]"),
        },
    )
    with pytest.raises(PhrasebookInvalid) as err:
        library.import_files(files)
    where = {Path(p.path).name for p in err.value.problems}
    assert where == {"a3.yaml", "a4.yaml"}
    assert any(p.line > 0 for p in err.value.problems)
    assert _state(library) == before  # batches a1 and a2 were written, then rolled back


@pytest.mark.usefixtures("one_file_per_batch")
def test_ids_are_unique_across_batches(library: PhrasebookLibrary, tmp_path: Path) -> None:
    files = _files(
        tmp_path, {"a": book("a", ["a.one", "dup.x"]), "b": book("b", ["b.one", "dup.x"])}
    )
    with pytest.raises(PhrasebookInvalid, match=r"duplicate entry id 'dup\.x'"):
        library.import_files(files)
    assert library.is_empty()


@pytest.mark.usefixtures("one_file_per_batch")
def test_an_entry_moves_between_books_whatever_the_batch_order(
    library: PhrasebookLibrary, tmp_path: Path
) -> None:
    library.import_files(
        _files(tmp_path / "v1", {"aa": book("aa", ["aa.one"]), "bb": book("bb", ["bb.one", "x"])})
    )
    # aa (read first) takes x while bb, read in a later batch, still owns it.
    report = library.import_files(
        _files(tmp_path / "v2", {"aa": book("aa", ["aa.one", "x"]), "bb": book("bb", ["bb.one"])})
    )
    assert [(b.id, b.added, b.removed) for b in report.books] == [
        ("aa", ["x"], []),
        ("bb", [], ["x"]),
    ]
    assert [e.id for e in library.phrasebook("aa").entries] == ["aa.one", "x"]
    assert [p.id for p in library.summaries()] == ["aa", "bb"]  # positions kept
    sqlite_adapter.check_search_index(library.database.db)


@pytest.mark.usefixtures("one_file_per_batch")
def test_an_entry_of_a_book_not_imported_is_refused_in_any_batch(
    library: PhrasebookLibrary, tmp_path: Path
) -> None:
    library.import_files(_files(tmp_path / "v1", {"owner": book("owner", ["owned.x"])}))
    before = _state(library)
    files = _files(
        tmp_path / "v2", {"n1": book("n1", ["n1.a"]), "n2": book("n2", ["n2.a", "owned.x"])}
    )
    with pytest.raises(
        PhrasebookInvalid, match=r"'owned\.x' already belongs to phrasebook 'owner'"
    ):
        library.import_files(files)
    assert _state(library) == before


def test_the_backup_is_the_library_before_the_import(
    library: PhrasebookLibrary, tmp_path: Path
) -> None:
    library.import_files(_files(tmp_path / "v1", SIX))
    v2 = {k: v.replace("on its way", "late") for k, v in SIX.items()}
    report = library.import_files(_files(tmp_path / "v2", {"new": book("new", ["n.1"]), **v2}))
    assert report.backup is not None
    backup = sqlite3.connect(report.backup)
    try:
        texts = [r[0] for r in backup.execute("SELECT text FROM variant WHERE language = 'en'")]
        books = {r[0] for r in backup.execute("SELECT id FROM phrasebook")}
    finally:
        backup.close()
    assert texts and all("on its way" in t for t in texts)
    assert "new" not in books


def test_a_large_import_leaves_fts5_merging_as_it_found_it(
    library: PhrasebookLibrary, tmp_path: Path
) -> None:
    """Merging is paused while a large import indexes batch by batch; afterwards the
    index is one merged segment and FTS5 merges again as by default."""
    library.import_files([SAMPLE, *_files(tmp_path, SIX)])
    db = library.database.db
    config = dict(db.execute_sql("SELECT k, v FROM search_index_config").fetchall())
    assert (config.get("automerge"), config.get("crisismerge")) == (4, 16)
    sqlite_adapter.check_search_index(db)
    assert library.search("is on its way")
