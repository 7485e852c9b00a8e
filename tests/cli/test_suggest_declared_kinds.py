"""A kind declared in an imported phrasebook reaches `suggest` (through the
library and its persisted suggestion index), over the kind the name implies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chatassist.cli.main import main

BOOK = """\
format: 1
id: lead-times
title: {zh-Hans: 发货时间, en: Lead times}
placeholders:
  eta: duration
entries:
  - id: lead.ships_within
    scenarios: [order_status]
    pinned: true
    gloss: {zh-Hans: 几天内发货, en: Ships within}
    keywords:
      en: [when will my order ship]
    variants:
      en: {direct: "Your order ships within {eta}.", warm: "Your order ships within {eta}!"}
"""


def test_a_declared_kind_reaches_the_suggestions(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "lead-times.yaml"
    path.write_text(BOOK, encoding="utf-8")
    assert main(["phrasebook", "import", str(path)]) == 0
    capsys.readouterr()
    for _ in range(2):  # built, then read back from the persisted index
        assert main(["suggest", "When will my order ship?", "--json"]) == 0
        result = json.loads(capsys.readouterr().out)
        found = [s for s in result["suggestions"] if s["entry_id"] == "lead.ships_within"]
        assert found and found[0]["placeholder_kinds"] == {"eta": "duration"}
