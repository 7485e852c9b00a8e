"""The editor's Offer rules tab (#18: trainers declare offer rules in the editor)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from editor_helpers import FakePrompts
from PySide6.QtCore import Qt

from chatassist.core.phrasebook.loader import load_files
from chatassist.core.phrasebook.model import Phrasebook
from chatassist.core.playbook import load_offer_rules
from chatassist.core.playbook.rules_file import OfferRulesFile
from chatassist.paths import bundled_phrasebooks, bundled_resources
from chatassist.ui.editor.offer_rules_view import OfferRulesView
from chatassist.ui.worker import InlineThreadPool, Worker

BOOKS: list[Phrasebook] = [lb.phrasebook for lb in load_files([bundled_phrasebooks()])]


@pytest.fixture
def view(qtbot: Any, tmp_path: Path) -> OfferRulesView:
    store = OfferRulesFile(
        tmp_path / "offer_rules.yaml", bundled_resources() / "offer_rules.yaml", tmp_path / "bk"
    )
    v = OfferRulesView(store, Worker(InlineThreadPool()), FakePrompts(), lambda: BOOKS)
    qtbot.addWidget(v)
    v.show()
    v.refresh()
    qtbot.waitUntil(lambda: v.list.count() > 0)
    return v


def test_shows_the_bundled_rules_in_order(view: OfferRulesView) -> None:
    bundled = load_offer_rules(bundled_resources() / "offer_rules.yaml")
    assert view.list.count() == len(bundled.rules)
    assert view.list.item(0).text().startswith(bundled.rules[0].id)
    assert view.rule_id.text() == bundled.rules[0].id
    assert "bundled" in view.source.text() and not view.reset_button.isEnabled()
    scenarios = view.checks["scenarios"]
    checked = [
        scenarios.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(scenarios.count())
        if scenarios.item(i).checkState() == Qt.CheckState.Checked
    ]
    assert tuple(checked) == tuple(
        s for s in scenarios_in_order() if s in bundled.rules[0].scenarios
    )


def scenarios_in_order() -> tuple[str, ...]:
    from chatassist.core.scenarios import SCENARIO_IDS

    return tuple(SCENARIO_IDS)


def test_an_edited_rule_is_saved_as_the_team_s_own(qtbot: Any, view: OfferRulesView) -> None:
    saved: list[bool] = []
    view.saved.connect(lambda: saved.append(True))
    assert not view.save_button.isEnabled()
    qtbot.keyClicks(view.bounds[("year_spend", "at_least")], "50000 USD")
    assert view.dirty and view.save_button.isEnabled()
    with qtbot.waitSignals([view.saved, view.refreshed]):
        view.save()
    assert saved == [True] and view.store.is_own and not view.dirty
    first = view.store.load().rules[0]
    assert first.year_spend is not None and str(first.year_spend.at_least) == "50000 USD"
    assert "This team's rules" in view.source.text() and view.reset_button.isEnabled()
    with qtbot.waitSignals([view.saved, view.refreshed]):
        view.reset()
    assert not view.store.is_own and view.store.load().rules[0].year_spend is None


def test_a_refused_save_lists_every_problem_and_keeps_the_edits(
    qtbot: Any, view: OfferRulesView
) -> None:
    prompts = view.prompts
    assert isinstance(prompts, FakePrompts)
    count = view.list.count()
    view.add_rule()
    assert view.list.count() == count + 1 and view.rule_id.text() == "new_rule_1"
    view.offer.setCurrentText("offer.no_such_reply")
    qtbot.keyClicks(view.bounds[("order_value", "below")], "30 XYZ")
    view.save()
    (_, summary, problems) = prompts.problems[-1]
    text = "\n".join(problems)
    assert "not saved" in summary
    assert "unknown currency 'XYZ'" in text and "note" in text
    assert not view.store.is_own  # nothing written
    assert view.dirty and view.list.count() == count + 1  # the edits are kept
    view.bounds[("order_value", "below")].clear()
    qtbot.keyClicks(view.bounds[("order_value", "below")], "30 USD")
    view.note_zh.setText("说明")  # QTest types Latin keys only
    view.note_zh.textEdited.emit("说明")
    qtbot.keyClicks(view.note_en, "why")
    view.save()
    assert "no reply entry 'offer.no_such_reply'" in "\n".join(prompts.problems[-1][2])
    view.offer.setCurrentText("offer.care_follow_up")
    with qtbot.waitSignal(view.saved):
        view.save()
    assert view.store.is_own
    assert [r.id for r in view.store.load().rules][-1] == "new_rule_1"


def test_rules_can_be_reordered_and_removed(qtbot: Any, view: OfferRulesView) -> None:
    first, second = view.rules[0]["id"], view.rules[1]["id"]
    view.list.setCurrentRow(0)
    view.move_rule(1)
    assert [r["id"] for r in view.rules[:2]] == [second, first] and view.list.currentRow() == 1
    view.remove_rule()
    assert first not in [r["id"] for r in view.rules]
    with qtbot.waitSignal(view.saved):
        view.save()
    assert first not in [r.id for r in view.store.load().rules]


def test_the_editor_has_the_tab_and_a_save_tells_the_sidebar(
    qtbot: Any, make_editor: Any, tmp_path: Path
) -> None:
    store = OfferRulesFile(
        tmp_path / "own.yaml", bundled_resources() / "offer_rules.yaml", tmp_path / "bk"
    )
    assert make_editor().offer_rules is None  # no rules service: no tab
    window = make_editor(offer_rules=store)
    tab = window.offer_rules
    assert tab is not None and window.tabs.indexOf(tab) >= 0
    with qtbot.waitSignal(tab.refreshed):
        window.tabs.setCurrentWidget(tab)
    tab.books = lambda: BOOKS  # the test library has no offer replies
    qtbot.keyClicks(tab.bounds[("order_value", "below")], "999 USD")
    with qtbot.waitSignal(window.saved):
        tab.save()
    assert store.is_own and "Offer rules saved." in window.statusBar().currentMessage()
