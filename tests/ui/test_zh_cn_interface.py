"""In the Simplified Chinese interface nothing visible is left in English: the
sidebar with a customer's message analysed, the settings dialog and the language
packs dialog (the editor: tests/ui/editor/test_editor_zh_cn.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from sidebar_helpers import paste
from visible_text import english_in, visible_strings
from zh_cn import ENDONYM_WORDS, chinese_interface

from chatassist.core.translation import PackManager
from chatassist.ui.backend import Backend
from chatassist.ui.packs_dialog import PacksDialog
from chatassist.ui.worker import InlineThreadPool, Worker


def test_the_sidebar_with_a_message_and_its_dialogs_show_no_english(
    qtbot: Any, make_sidebar: Any, backend: Backend
) -> None:
    with chinese_interface():
        sidebar = make_sidebar(backend, ui_language="zh-Hans")
        # A Japanese message: the replies are Japanese and the glosses Chinese, so any
        # Latin word left on screen is the interface's own.
        paste(qtbot, sidebar, "荷物まだ？注文番号は123456です")
        assert sidebar.replies.items
        assert english_in(sidebar, ENDONYM_WORDS) == []
        sidebar.open_settings()
        dialog = sidebar.settings_dialog
        assert english_in(dialog, ENDONYM_WORDS) == []
        buttons = dialog.findChild(QDialogButtonBox)
        assert {b.text() for b in buttons.buttons()} == {"保存(&S)", "取消"} or all(
            not b.text().isascii() for b in buttons.buttons()
        )  # Qt's own buttons come from qtbase_zh_CN
        dialog.reject()


@pytest.mark.slow
def test_the_language_packs_dialog_shows_no_english(qtbot: Any, tmp_path: Path) -> None:
    with chinese_interface():
        dialog = PacksDialog(PackManager(tmp_path / "packs"), Worker(InlineThreadPool()))
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.listed, timeout=5000):
            dialog.show()
        assert english_in(dialog, ENDONYM_WORDS) == []
        assert any(text for _where, text in visible_strings(dialog))
