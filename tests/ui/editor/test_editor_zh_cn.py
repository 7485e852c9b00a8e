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


def test_the_import_preview_and_problems_dialogs_show_no_english(qtbot: Any, tmp_path: Any) -> None:
    from editor_helpers import BOOK

    from chatassist.core.phrasebook.diff import BookChange, TextChange
    from chatassist.ui.editor.import_plan import ImportPlan
    from chatassist.ui.editor.import_preview import ImportPreview, preview_text
    from chatassist.ui.editor.problems_dialog import ProblemsDialog

    change = BookChange("demo", "demo.yaml", "updated", changed=["order.tracking"])
    plan = ImportPlan(
        tmp_path / "demo.yaml",
        [],
        [change],
        {"order.tracking": [TextChange("en/direct", "Order shipped.", "Order sent.")]},
    )
    with chinese_interface():
        text = preview_text(plan)
        preview = ImportPreview(plan)
        qtbot.addWidget(preview)
        problems = ProblemsDialog("未导入", "文件有 1 个问题", ["demo.yaml:3:5: …"])
        qtbot.addWidget(problems)
        found = [*english_in(preview, DATA_WORDS), *english_in(problems, DATA_WORDS)]
    assert sorted(found) == [], "\n".join(sorted(found))
    # The labels are Chinese; entry ids, fields and texts are the file's own data.
    for word in ("updated", "changed", "added", "removed"):
        assert word not in text
    assert "Order shipped." in text and BOOK.id in text
