"""The team's own offer rules: a file in the data folder that overrides the bundled one.

The editor's Offer rules tab saves here (``offer_rules.yaml`` in the data
folder). Saving validates first (what is written reads back to the same
rules), keeps the previous file in ``backups/offer_rules/`` and replaces the
file in one step, so a refused or interrupted save never leaves a broken or
half-written file. Without an own file the bundled rules apply.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from chatassist.core.files import write_atomic
from chatassist.core.playbook.offer_rules import (
    OfferRules,
    PlaybookInvalid,
    dump_offer_rules,
    load_offer_rules,
    parse_offer_rules,
)
from chatassist.core.yaml_reader import Problem

FILE_NAME = "offer_rules.yaml"
KEEP_BACKUPS = 10


class OfferRulesFile:
    def __init__(self, own: Path, bundled: Path, backups: Path) -> None:
        self.own = own
        self.bundled = bundled
        self.backups = backups

    @property
    def is_own(self) -> bool:
        """True when the team's own file is used, not the bundled one."""
        return self.own.exists()

    @property
    def path(self) -> Path:
        return self.own if self.is_own else self.bundled

    def load(self) -> OfferRules:
        """The rules in force; raise ``PlaybookInvalid`` (file:line) when they are not valid."""
        return load_offer_rules(self.path)

    def save(self, rules: OfferRules) -> Path | None:
        """Write ``rules`` as the team's own; returns the backup of the file replaced."""
        text = dump_offer_rules(rules)
        again = parse_offer_rules(text, str(self.own))
        if _comparable(again) != _comparable(rules):  # pragma: no cover - a bug in dump
            raise PlaybookInvalid(
                [Problem(str(self.own), 0, 0, "rules do not read back as written")]
            )
        backup = self._backup("before-save")
        self.own.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.own, text)
        return backup

    def reset(self) -> Path | None:
        """Go back to the bundled rules; the team's file is kept as a backup."""
        backup = self._backup("before-reset")
        self.own.unlink(missing_ok=True)
        return backup

    def _backup(self, reason: str) -> Path | None:
        if not self.own.exists():
            return None
        self.backups.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = self.backups / f"offer_rules-{stamp}-{reason}.yaml"
        write_atomic(target, self.own.read_bytes())
        old = sorted(self.backups.glob("offer_rules-*.yaml"))
        for stale in old[:-KEEP_BACKUPS]:
            stale.unlink(missing_ok=True)
        return target


def _comparable(rules: OfferRules) -> tuple[object, ...]:
    """The rules without where they were read from (file and line)."""
    return (rules.rates, tuple(replace(r, line=0) for r in rules.rules))
