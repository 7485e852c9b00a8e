"""The editor's left-hand tree: phrasebooks -> scenarios -> entries.

Each node stores ``(book id, entry index)``; a phrasebook node has the index
:data:`BOOK_NODE`, a scenario node :data:`SCENARIO_NODE`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from chatassist.core.phrasebook.model import Phrasebook
from chatassist.ui import names

ROLE = Qt.ItemDataRole.UserRole
#: the entry index stored on a phrasebook node and on a scenario node of the tree
BOOK_NODE, SCENARIO_NODE = -1, -2


def fill_tree(
    tree: QTreeWidget, books: list[Phrasebook], editing: str | None, entry_index: int
) -> None:
    """Show ``books``; the phrasebook ``editing`` is expanded, its entry selected."""
    tree.blockSignals(True)
    tree.clear()
    selected: QTreeWidgetItem | None = None
    for book in books:
        top = QTreeWidgetItem([f"{names.phrasebook_title(book.title, book.id)}  ({book.id})"])
        top.setData(0, ROLE, (book.id, BOOK_NODE))
        tree.addTopLevelItem(top)
        scenarios: dict[str, QTreeWidgetItem] = {}
        for i, entry in enumerate(book.entries):
            scenario = entry.scenarios[0] if entry.scenarios else "?"
            if scenario not in scenarios:
                label = names.scenario_name(scenario) if scenario != "?" else scenario
                scenarios[scenario] = QTreeWidgetItem(top, [label])
                scenarios[scenario].setData(0, ROLE, (book.id, SCENARIO_NODE))
            item = QTreeWidgetItem(scenarios[scenario], [entry.id])
            item.setData(0, ROLE, (book.id, i))
            if book.id == editing and i == entry_index:
                selected = item
        top.setExpanded(book.id == editing)
    if selected is not None:
        tree.setCurrentItem(selected)
    tree.blockSignals(False)


def filter_tree(tree: QTreeWidget, books: list[Phrasebook], text: str) -> None:
    """Hide the entries whose id, glosses and variants do not contain ``text``."""
    needle = text.strip().casefold()
    by_id = {b.id: b for b in books}
    for top in children(tree.invisibleRootItem()):
        any_top = False
        for scen in children(top):
            any_scen = False
            for item in children(scen):
                book_id, index = item.data(0, ROLE)
                entry = by_id[book_id].entries[index]
                hay = " ".join([entry.id, *entry.gloss.values(), *(v.text for v in entry.variants)])
                visible = not needle or needle in hay.casefold()
                item.setHidden(not visible)
                any_scen |= visible
            scen.setHidden(not any_scen)
            if needle and any_scen:
                top.setExpanded(True)
                scen.setExpanded(True)
            any_top |= any_scen
        top.setHidden(not any_top and bool(needle))


def entry_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    root = tree.invisibleRootItem()
    return [item for top in children(root) for scen in children(top) for item in children(scen)]


def children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [c for c in (item.child(i) for i in range(item.childCount())) if c is not None]
