"""Schema 9: an entry's keywords are one row per language (a JSON array, in order)."""

from __future__ import annotations

import json
from pathlib import Path

from chatassist.storage import migrations, sqlite_adapter
from chatassist.storage.database import Database
from chatassist.storage.library import PhrasebookLibrary

OLD_KEYWORDS = [  # (language, position, text) as schema 8 kept them, out of order on purpose
    ("es", 1, "donde esta mi pedido"),
    ("en", 0, "where is my parcel"),
    ("es", 0, "dónde está mi pedido"),
    ("ja", 0, "荷物まだ"),
    ("en", 1, 'tracking "number"'),
]


def _version_before_grouping() -> int:
    return next(
        n - 1
        for n, m in enumerate(migrations.MIGRATIONS, start=1)
        if "keywords_grouped" in m.__name__
    )


def test_a_library_from_before_keeps_every_keyword_in_order(tmp_path: Path) -> None:
    path, backups = tmp_path / "lib.sqlite3", tmp_path / "b"
    db = Database.open(path, backups_dir=backups, target_version=_version_before_grouping())
    for sql, params in (
        ("INSERT INTO phrasebook (id, title) VALUES ('s', '{\"en\": \"S\"}')", []),
        (
            "INSERT INTO entry (id, phrasebook_id, position, scenarios, gloss, body) "
            "VALUES ('order.where', 's', 0, '[\"order_status\"]', '{\"en\": \"Where\"}', '{}')",
            [],
        ),
        *(
            (
                "INSERT INTO keyword (entry_id, language, position, text) "
                "VALUES ('order.where', ?, ?, ?)",
                list(row),
            )
            for row in OLD_KEYWORDS
        ),
    ):
        db.db.execute_sql(sql, params)
    db.close()
    # The search rows as schema 8 derived them: the keywords of a language joined in order.
    expected = [
        ("en", "gloss", "Where"),
        ("en", "keyword", 'where is my parcel · tracking "number"'),
        ("es", "keyword", "dónde está mi pedido · donde esta mi pedido"),
        ("ja", "keyword", "荷物まだ"),
    ]

    db = Database.open(path, backups_dir=backups)
    try:
        assert db.schema_version == migrations.LATEST_VERSION
        rows = db.db.execute_sql("SELECT language, words FROM keyword ORDER BY language").fetchall()
        assert [(lang, json.loads(words)) for lang, words in rows] == [
            ("en", ["where is my parcel", 'tracking "number"']),
            ("es", ["dónde está mi pedido", "donde esta mi pedido"]),
            ("ja", ["荷物まだ"]),
        ]
        entry = PhrasebookLibrary(db).entry("order.where")
        assert entry is not None and entry.keywords["es"][0] == "dónde está mi pedido"
        # The grouped table derives the same search rows.
        db.run(lambda: sqlite_adapter.rebuild_search_index(db.db))
        rows = db.db.execute_sql("SELECT language, field, text FROM search_text").fetchall()
        assert sorted(tuple(r) for r in rows) == expected
        sqlite_adapter.check_search_index(db.db)
        # A keyword changed alone still moves the revision (the trigger came along).
        revision = db.revision()
        db.run(
            lambda: db.db.execute_sql(
                "UPDATE keyword SET words = '[\"where is it\"]' WHERE language = 'en'"
            )
        )
        assert db.revision() != revision
        assert ("entry", "order.where") in set(db.changes())
    finally:
        db.close()
