"""What a person sees in a window: every visible string of its widgets, for the
tests that check a translated interface leaves nothing in English."""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeWidget,
    QWidget,
)

_TAG = re.compile(r"<[^>]+>")
_ENTITY = re.compile(r"&[a-z]+;")


def _plain(text: str) -> str:
    return _ENTITY.sub(" ", _TAG.sub(" ", text)).replace("&", "")


def visible_strings(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for each string shown by ``root`` and its visible children."""
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if w is not root and not w.isVisibleTo(root) and not isinstance(w, QMenu):
            continue
        where = f"{type(w).__name__}#{w.objectName() or '?'}"
        if w.isWindow() and w.windowTitle():
            yield where + ".windowTitle", w.windowTitle()
        if w.toolTip():
            yield where + ".toolTip", _plain(w.toolTip())
        if isinstance(w, QLabel | QAbstractButton):
            yield where, _plain(w.text())
        elif isinstance(w, QGroupBox):
            yield where, _plain(w.title())
        elif isinstance(w, QLineEdit | QTextEdit | QPlainTextEdit):
            yield where + ".placeholder", w.placeholderText()
        if isinstance(w, QComboBox):
            for i in range(w.count()):
                yield f"{where}[{i}]", w.itemText(i)
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield f"{where}.tab[{i}]", _plain(w.tabText(i))
        if isinstance(w, QMenu):
            yield where + ".title", _plain(w.title())
        for action in w.actions():
            if action.text():
                yield f"{where}.action", _plain(action.text())
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model keeps columnCount private
                columns = 1
            for c in range(columns):
                header = model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
                if isinstance(header, str):
                    yield f"{where}.header[{c}]", header
            if isinstance(w, QTableView) and w.verticalHeader().isVisible():
                for r in range(model.rowCount(QModelIndex())):
                    header = model.headerData(
                        r, Qt.Orientation.Vertical, Qt.ItemDataRole.DisplayRole
                    )
                    if isinstance(header, str):  # the editor's language rows ("es  Spanish")
                        yield f"{where}.row[{r}]", header
        if isinstance(w, QTreeWidget):
            stack = [w.topLevelItem(i) for i in range(w.topLevelItemCount())]
            while stack:
                item = stack.pop()
                for c in range(w.columnCount()):
                    yield f"{where}.item", item.text(c)
                stack.extend(item.child(i) for i in range(item.childCount()))


_WORD = re.compile(r"[^\W\d_]+")
#: Not words of a sentence: {placeholders}, ids and file or pack names (order.tracking,
#: translate-ja_en, CHATASSIST_DATA_DIR, settings.json), commands to type
#: ("chatassist packs download ja en"), command-line flags, key names.
_NOT_PROSE = re.compile(
    r"\{[^{}]*\}|\b[a-z]{2}-[A-Z][a-z]{3}\b|chatassist(?: [a-z][\w-]*)+|\S*[._/]\S*|--[\w-]+|\b(?:Ctrl|Alt|Shift|Meta|Esc|Enter|Tab)\b(?:\+\S+)?"
)
#: Names that stay as they are in any interface language.
PROPER_NAMES = frozenset(
    [
        "chatassist",
        "macos",
        "linux",
        "windows",
        "wayland",
        "postgresql",
        "argos",
        "argostranslate",
        "opencc",
        "excel",
        "gcash",
        "dana",
        "paypal",
        "shopee",
        "lazada",
        "qt",
    ]
)


def english_words(text: str, allowed: frozenset[str] = frozenset()) -> list[str]:
    """Latin-letter words of ``text`` a reader of a Chinese interface would see as
    English: not codes in capitals (JP, CSV, ID), ids, names, placeholders or keys."""
    text = _NOT_PROSE.sub(" ", text)
    words = []
    for word in _WORD.findall(text):
        if not any("a" <= c.lower() <= "z" for c in word) or any(ord(c) > 0x24F for c in word):
            continue  # not Latin script (Chinese, Japanese, Thai...)
        lowered = word.lower()
        if word.isupper() or lowered in PROPER_NAMES or lowered in allowed:
            continue
        if len(word) == 2 and word.islower():  # a language code (en, ja)
            continue
        words.append(word)
    return words


def english_in(root: QWidget, allowed: frozenset[str] = frozenset()) -> list[str]:
    """Each visible string of ``root`` with English words in it, as 'where: text'."""
    return [
        f"{where}: {text!r}"
        for where, text in visible_strings(root)
        if english_words(text, allowed)
    ]
