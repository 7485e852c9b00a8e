"""Every bundled reply keeps its language's declared register and name placement."""

from __future__ import annotations

from chatassist.core.languages import CUSTOMER_LANGUAGES
from chatassist.core.phrasebook.house_style import load_house_style, style_problems
from chatassist.core.phrasebook.loader import load_files
from chatassist.paths import bundled_phrasebooks, bundled_resources


def test_every_language_declares_its_register() -> None:
    style = load_house_style(bundled_resources() / "house_style.yaml")
    assert sorted(style.languages) == sorted(CUSTOMER_LANGUAGES)


def test_bundled_replies_keep_the_house_register_and_name_placement() -> None:
    style = load_house_style(bundled_resources() / "house_style.yaml")
    books = [lb.phrasebook for lb in load_files([bundled_phrasebooks()])]
    assert [str(p) for p in style_problems(books, style)] == []
