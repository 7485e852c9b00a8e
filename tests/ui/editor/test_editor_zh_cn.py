"""The phrasebook editor in the Simplified Chinese interface: every tab, the entry
and phrasebook forms and the tree show nothing in English (entry and phrasebook
ids, language codes and the texts of English variants are data, not interface)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QTabWidget
from visible_text import english_in
from zh_cn import ENDONYM_WORDS, chinese_interface

from chatassist.core.playbook.rules_file import OfferRulesFile
from chatassist.paths import bundled_resources

#: The test library's own data shown in the tree and title: its id and entry ids
#: are dropped as ids; the English variant texts sit in the grid (not checked).
DATA_WORDS = frozenset({"demo"}) | ENDONYM_WORDS


def test_every_tab_of_the_editor_shows_no_english(
    qtbot: Any, make_editor: Any, tmp_path: Path
) -> None:
    rules = OfferRulesFile(
        tmp_path / "own.yaml", bundled_resources() / "offer_rules.yaml", tmp_path / "backups"
    )
    with chinese_interface():
        window = make_editor(offer_rules=rules)
        found: set[str] = set()
        for tabs in window.findChildren(QTabWidget):
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                qtbot.wait(20)  # a tab reads its data in the worker
                found.update(english_in(window, DATA_WORDS))
        assert sorted(found) == [], "\n".join(sorted(found))
