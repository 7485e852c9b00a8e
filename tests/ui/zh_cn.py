"""The Simplified Chinese interface installed for one test (ours and Qt's own)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QApplication

from chatassist.core.languages import LANGUAGES
from chatassist.ui.i18n import install_translators

#: Language endonyms shown beside the Chinese name ('西班牙语 · Español') are meant.
ENDONYM_WORDS = frozenset(
    word.lower() for lang in LANGUAGES.values() for word in lang.native_name.split()
) | {"english"}


@contextmanager
def chinese_interface() -> Iterator[None]:
    app = QApplication.instance()
    assert app is not None
    language, translators = install_translators(app, "zh-Hans")
    assert language == "zh-Hans", "compile the translations first: make translations"
    assert len(translators) == 2, "Qt's own qtbase_zh_CN translation was not found"
    try:
        yield
    finally:
        for translator in translators:
            app.removeTranslator(translator)
