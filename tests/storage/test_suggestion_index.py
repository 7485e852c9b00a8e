"""The persisted suggestion index: the same answers as a fresh build, never used once
the library changed (also by another process), and only ever a cache."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from chatassist.app import App
from chatassist.core.intents import IntentDetector
from chatassist.core.phrasebook.loader import load_files
from chatassist.core.phrasebook.writer import dump
from chatassist.core.suggestions import CustomerProfile, SuggestionEngine
from chatassist.paths import AppPaths, bundled_phrasebooks, bundled_resources
from chatassist.storage import suggestion_index
from chatassist.storage.suggestion_index import FILE_NAME

MESSAGES = [
    ("¿Dónde está mi pedido 48213?", CustomerProfile("es", "direct", "europe")),
    ("I want a refund, the box arrived broken", CustomerProfile("en", "direct", "north_america")),
    ("荷物まだ？追跡番号を教えてください", CustomerProfile("ja", "detailed", "japan_korea")),
    ("ยังไม่ได้รับของเลยค่ะ", CustomerProfile("th", "warm", "southeast_asia")),
]


CLI = "import sys; from chatassist.cli.main import main; sys.exit(main(sys.argv[1:]))"


@pytest.fixture
def app(tmp_path: Path) -> App:
    made = App(AppPaths(tmp_path / "data"))
    yield made
    made.close()


def ranked(app: App, detector: IntentDetector, engine: SuggestionEngine) -> list[object]:
    out: list[object] = []
    for text, customer in MESSAGES:
        result = detector.detect(text)
        scenarios = [(m.id, m.score) for m in result.scenarios]
        got = engine.suggest(scenarios, customer, limit=5)
        out.append((result, [(s.entry_id, s.text, s.gloss, s.score, s.reasons) for s in got]))
    return out


def from_books(app: App) -> list[object]:
    """The answers of the pipeline built the old way, from every phrasebook in memory."""
    books = app.library.phrasebooks()
    detector = IntentDetector.build(
        app.cue_lexicon, [e for b in books for e in b.entries], app.intent_model
    )
    return ranked(app, detector, SuggestionEngine(books, app.usage.hot_scores()))


def from_index(app: App) -> list[object]:
    assistant = app.build_assistant()
    return ranked(app, assistant.intents, assistant.engine)  # type: ignore[arg-type]


def restarted(app: App) -> App:
    """A new start on the same data folder (no index in memory yet)."""
    app.flush_index()
    return App(app.paths)


def cache_file(app: App) -> Path:
    app.flush_index()  # written on a thread of its own
    return app.paths.cache / FILE_NAME


def persisted_revision(app: App) -> list[object]:
    """The revision the persisted file says it is of (its first line is JSON)."""
    first_line = cache_file(app).read_bytes().split(b"\n", 1)[0]
    return json.loads(first_line)["revision"]  # type: ignore[no-any-return]


def test_the_persisted_index_answers_as_the_library_in_memory(app: App) -> None:
    expected = from_books(app)
    assert from_index(app) == expected  # built, then saved
    assert cache_file(app).exists()
    assert from_index(app) == expected  # loaded from the file


def test_a_loaded_index_is_not_rebuilt(app: App, monkeypatch: pytest.MonkeyPatch) -> None:
    app.build_assistant()

    def refuse(*_: object) -> None:
        raise AssertionError("rebuilt although the persisted index is current")

    monkeypatch.setattr(suggestion_index, "build", refuse)
    app.build_assistant()


def _changed_book(tmp_path: Path) -> tuple[Path, str]:
    """A bundled phrasebook with its first reply reworded in every variant."""
    loaded = load_files([bundled_phrasebooks()])
    lb = next(lb for lb in loaded if any(e.kind == "reply" for e in lb.phrasebook.entries))
    book = lb.phrasebook
    first = next(e for e in book.entries if e.kind == "reply")
    marker = "Changed elsewhere 7731"
    variants = tuple(replace(v, text=f"{marker} {v.text}") for v in first.variants)
    entries = tuple(replace(e, variants=variants) if e is first else e for e in book.entries)
    out = tmp_path / f"{book.id}.yaml"
    out.write_text(dump(replace(book, entries=entries)), encoding="utf-8")
    return out, first.id


def test_a_change_by_another_process_is_never_answered_from_the_stale_index(
    app: App, tmp_path: Path
) -> None:
    app.build_assistant()
    old = persisted_revision(app)
    changed, entry_id = _changed_book(tmp_path)
    # Another process imports while this one keeps its database open.
    data_dir = str(app.paths.data_dir)
    command = [sys.executable, "-c", CLI, "--data-dir", data_dir, "phrasebook", "import"]
    subprocess.run([*command, str(changed)], check=True, capture_output=True)
    assert app.database.revision().number > old[0]
    expected = from_books(app)
    assert from_index(app) == expected
    assert persisted_revision(app) != old
    # The changed reply's texts are the new ones.
    entry = app.build_assistant().engine.entry(entry_id)  # type: ignore[attr-defined]
    assert entry is not None and all(v.text.startswith("Changed elsewhere") for v in entry.variants)


def test_a_stale_file_put_back_is_not_used(app: App, tmp_path: Path) -> None:
    app.build_assistant()
    stale = cache_file(app).read_bytes()
    changed, _ = _changed_book(tmp_path)
    app.library.import_files([changed])
    app.build_assistant()
    cache_file(app).write_bytes(stale)  # e.g. a copy restored from elsewhere
    current = app.database.revision()
    code = suggestion_index.code_key(
        bundled_resources() / "intent_cues.yaml", bundled_resources() / "intent_examples"
    )
    assert suggestion_index.load(app.paths.cache, current, code) is None
    assert from_index(restarted(app)) == from_books(app)


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],  # truncated
        lambda b: b"\x00" * len(b),  # zeroed
        lambda b: b[:-1] + bytes([b[-1] ^ 1]),  # one bit of the payload flipped
        lambda b: b.replace(b'"version":', b'"version": ', 1),  # another header
        lambda b: b"",
    ],
)
def test_a_damaged_or_deleted_file_costs_a_rebuild_never_a_wrong_answer(
    app: App, damage: object
) -> None:
    expected = from_books(app)
    app.build_assistant()
    path = cache_file(app)
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    assert from_index(restarted(app)) == expected
    path.unlink()
    assert from_index(restarted(app)) == expected


class _Touch:
    """Pickles as a call of Path.touch: what a forged file would run if it could."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, ...]:
        return (Path.touch, (self.path,))


def _forge(app: App, content: object) -> tuple[Path, str]:
    """Write ``content`` pickled as the index of the current revision, under a
    correct header and digest (what only a deliberate forger would do)."""
    import pickle

    app.flush_index()
    code = suggestion_index.code_key(
        bundled_resources() / "intent_cues.yaml", bundled_resources() / "intent_examples"
    )
    current = app.database.revision()
    payload = pickle.dumps(content, protocol=pickle.HIGHEST_PROTOCOL)
    header = suggestion_index._header(code, current, suggestion_index._digest(payload))
    path = app.paths.cache / FILE_NAME
    path.write_bytes(header + payload)
    return path, code


def test_a_forged_file_runs_no_code_and_costs_a_rebuild(app: App, tmp_path: Path) -> None:
    expected = from_books(app)
    app.build_assistant()
    marker = tmp_path / "ran"
    _, code = _forge(app, {"cards": _Touch(marker)})
    assert suggestion_index.load(app.paths.cache, app.database.revision(), code) is None
    assert not marker.exists()
    assert from_index(restarted(app)) == expected


def test_a_well_formed_index_of_the_wrong_shape_is_refused(app: App) -> None:
    app.build_assistant()
    index = app.suggestion_index()
    _, code = _forge(app, replace(index, cards=(1, 2, 3)))
    assert suggestion_index.load(app.paths.cache, app.database.revision(), code) is None
    _, code = _forge(app, replace(index, revision=replace(index.revision, number=-1)))
    assert suggestion_index.load(app.paths.cache, app.database.revision(), code) is None


def test_an_index_of_other_code_is_not_used(app: App) -> None:
    app.build_assistant()
    current = app.database.revision()
    assert suggestion_index.load(app.paths.cache, current, "another code") is None


# --- updating after a small change --------------------------------------------------


def _same(a: suggestion_index.SuggestionIndex, b: suggestion_index.SuggestionIndex) -> None:
    assert a.revision == b.revision
    assert a.cards == b.cards
    assert a.changes == b.changes
    assert a.keyword_sums == b.keyword_sums
    assert a.intents.to_state() == b.intents.to_state()


def _edit(app: App, tmp_path: Path, change: object) -> None:
    """Import the first bundled phrasebook changed by ``change(book) -> book``."""
    lb = load_files([bundled_phrasebooks()])[0]
    out = tmp_path / "edit" / f"{lb.phrasebook.id}.yaml"
    out.parent.mkdir(exist_ok=True)
    out.write_text(dump(change(lb.phrasebook)), encoding="utf-8")  # type: ignore[operator]
    app.library.import_files([out])


def _first_reply(book: object) -> int:
    return next(i for i, e in enumerate(book.entries) if e.kind == "reply")  # type: ignore[attr-defined]


def _reworded(book: object) -> object:
    i = _first_reply(book)
    e = book.entries[i]  # type: ignore[attr-defined]
    e = replace(
        e, variants=tuple(replace(v, text=v.text + " (edited)", vetted=False) for v in e.variants)
    )
    return replace(book, entries=(*book.entries[:i], e, *book.entries[i + 1 :]))  # type: ignore[attr-defined, type-var]


def _new_keyword(book: object) -> object:
    i = _first_reply(book)
    e = book.entries[i]  # type: ignore[attr-defined]
    e = replace(e, keywords={**e.keywords, "en": (*e.keywords.get("en", ()), "parcel gremlin")})
    return replace(book, entries=(*book.entries[:i], e, *book.entries[i + 1 :]))  # type: ignore[attr-defined, type-var]


def _one_removed_one_added(book: object) -> object:
    i = _first_reply(book)
    e = book.entries[i]  # type: ignore[attr-defined]
    rest = tuple(x for j, x in enumerate(book.entries) if j != i)  # type: ignore[attr-defined]
    return replace(book, entries=(*rest, replace(e, id=e.id + ".moved")))  # type: ignore[type-var]


@pytest.mark.parametrize("change", [_reworded, _new_keyword, _one_removed_one_added])
def test_an_update_gives_the_index_a_whole_build_gives(
    app: App, tmp_path: Path, change: object
) -> None:
    before = suggestion_index.build(app.database, app.cue_lexicon, app.intent_model)
    _edit(app, tmp_path, change)
    updated = suggestion_index.update(app.database, before, app.cue_lexicon)
    _same(updated, suggestion_index.build(app.database, app.cue_lexicon, app.intent_model))
    if change is _reworded:  # no keyword moved: the intent detector is kept as it was
        assert updated.intents is before.intents


def test_the_app_updates_its_last_index_and_persists_it(app: App, tmp_path: Path) -> None:
    first = app.suggestion_index()
    _edit(app, tmp_path, _reworded)
    second = app.suggestion_index()
    assert second.revision != first.revision and second.intents is first.intents
    code = suggestion_index.code_key(
        bundled_resources() / "intent_cues.yaml", bundled_resources() / "intent_examples"
    )
    app.flush_index()
    kept = suggestion_index.load(app.paths.cache, second.revision, code)
    assert kept is not None
    _same(kept, second)


def test_a_loaded_index_is_not_written_again(app: App, monkeypatch: pytest.MonkeyPatch) -> None:
    app.build_assistant()
    fresh = restarted(app)  # another process starting on the same folder
    written: list[object] = []
    monkeypatch.setattr(suggestion_index, "save", lambda *a: written.append(a))
    fresh.build_assistant()
    fresh.close()  # waits for any writing
    assert written == []
