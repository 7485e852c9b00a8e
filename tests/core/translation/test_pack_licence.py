"""The licence a pack's own README states: what `packs list` shows for each pack."""

from __future__ import annotations

from pathlib import Path

import pytest

from chatassist.core.translation.pack_licence import NOT_STATED, readme_licence


@pytest.mark.parametrize(
    ("readme", "licence"),
    [
        ("# translate-en_fr\n\nLicense: cc-by-4.0\n\nTrained on OPUS data.", "CC BY 4.0"),
        ("Released under Creative Commons Attribution 4.0.", "CC BY 4.0"),
        ("license: CC-BY-SA-4.0", "CC BY-SA 4.0"),  # never read as plain CC BY
        ("License: CC BY-NC 4.0 (non-commercial)", "CC BY-NC 4.0"),
        ("Licensed under the Apache License, Version 2.0", "Apache-2.0"),
        ("MIT License\n\nCopyright (c) 2021", "MIT"),
        ("Dedicated to the public domain (CC0)", "CC0 1.0"),
        ("# translate-en_es\n\nData: OpenSubtitles, ParaCrawl, UNPC; Stanza.", NOT_STATED),
    ],
)
def test_the_readme_names_the_licence(tmp_path: Path, readme: str, licence: str) -> None:
    (tmp_path / "README.md").write_text(readme, encoding="utf-8")
    assert readme_licence(tmp_path) == licence


def test_no_readme_is_not_a_licence(tmp_path: Path) -> None:
    assert readme_licence(tmp_path) is None
    (tmp_path / "README.md").mkdir()  # not a file: not read
    assert readme_licence(tmp_path) is None
