"""``entry_changes``: what the import preview shows inside an entry."""

from __future__ import annotations

from chatassist.core.phrasebook.diff import TextChange, entry_changes
from chatassist.core.phrasebook.model import Entry, Variant

BEFORE = Entry(
    id="order.tracking",
    scenarios=("order_status",),
    gloss={"en": "Give the tracking number"},
    variants=(Variant("en", "direct", "Order shipped."), Variant("es", "direct", "Enviado.")),
)


def test_only_the_fields_that_differ_in_form_order() -> None:
    after = Entry(
        id="order.tracking",
        scenarios=("order_status", "shipping_delay"),
        gloss={"en": "Give the tracking number"},
        variants=(
            Variant("en", "direct", "Order on its way."),
            Variant("es", "direct", "Enviado."),
            Variant("ja", "detailed", "発送しました。", vetted=False),
        ),
    )
    assert entry_changes(BEFORE, after) == [
        TextChange("scenarios", "order_status", "order_status, shipping_delay"),
        TextChange("en/direct", "Order shipped.", "Order on its way."),
        TextChange("ja/detailed", "", "発送しました。 (unvetted)"),
    ]


def test_added_and_removed_entries_show_every_text() -> None:
    added = entry_changes(None, BEFORE)
    assert TextChange("en/direct", "", "Order shipped.") in added
    assert all(c.before == "" for c in added)
    removed = entry_changes(BEFORE, None)
    assert TextChange("gloss/en", "Give the tracking number", "") in removed
    assert entry_changes(BEFORE, BEFORE) == []
