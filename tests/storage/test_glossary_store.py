"""The glossary table (migration 5): replaced whole, read back, backed up first."""

from __future__ import annotations

from pathlib import Path

from chatassist.core.translation import glossary
from chatassist.storage import migrations
from chatassist.storage.database import Database
from chatassist.storage.glossary import GlossaryStore

TERMS = """\
glossary_version: 1
terms:
  - id: refund
    translations: {en: refund, de: Rückerstattung}
  - id: shoppay
    keep: ShopPay
"""


def test_a_version_3_database_gains_the_glossary_table(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "old.sqlite3", backups_dir=tmp_path / "b", target_version=3)
    assert db.schema_version == 3
    db.close()
    db = Database.open(tmp_path / "old.sqlite3", backups_dir=tmp_path / "b")
    assert db.schema_version == migrations.LATEST_VERSION >= 5
    assert GlossaryStore(db).load().terms == ()
    db.close()


def test_replace_and_load_round_trip_with_a_backup_of_the_previous(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "lib.sqlite3", backups_dir=tmp_path / "backups")
    store = GlossaryStore(db)
    parsed = glossary.parse(TERMS, "g.yaml")
    assert store.replace(parsed) is None  # nothing to back up yet
    assert GlossaryStore(db).load().terms == parsed.terms
    smaller = glossary.parse(TERMS.split("  - id: shoppay")[0], "g2.yaml")
    backup = store.replace(smaller)
    assert backup is not None and backup.exists()
    assert [t.id for t in store.current().terms] == ["refund"]
    assert [t.id for t in GlossaryStore(db).load().terms] == ["refund"]
    db.close()
