"""Test data and doubles for the editor tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from chatassist.core.phrasebook.model import Entry, Phrasebook, Variant
from chatassist.core.translation.model import TokenReport, Translation
from chatassist.ui.editor.window import EditorWindow

BOOK = Phrasebook(
    id="demo",
    title={"zh-Hans": "演示", "en": "Demo"},
    do_not_translate=("ShopName",),
    entries=(
        Entry(
            id="order.tracking",
            scenarios=("order_status",),
            gloss={"zh-Hans": "告知物流单号", "en": "Give the tracking number"},
            keywords={"en": ("where is my order",)},
            variants=(
                Variant("en", "direct", "Order {order_id} shipped."),
                Variant("es", "direct", "Pedido {order_id} enviado."),
            ),
        ),
        Entry(
            id="greeting.hello",
            scenarios=("greeting",),
            gloss={"zh-Hans": "问候", "en": "Hello"},
            variants=(Variant("en", "direct", "Hello {customer_name}!"),),
        ),
    ),
)


class EchoTranslator:
    """'[target] text' for any pair; records the glossary it was given."""

    def __init__(self) -> None:
        self.glossaries: list[tuple[str, ...]] = []

    def translate(self, text: str, source: str, target: str, *, glossary: Any = ()) -> Translation:
        self.glossaries.append(tuple(glossary))
        return Translation(
            f"[{target}] {text}", source, target, (source, target), (), TokenReport()
        )


MakeEditor = Callable[..., EditorWindow]
