"""Weekly trends for trainers: scenarios by region, replies used, first-response share.

Pure functions over what storage counted (``usage.UsageCount``,
``responses.WeeklyResponses``), giving :class:`WeeklySeries`: one value per
week and series, ready to draw or to export as CSV.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from chatassist.core.spreadsheet_cells import neutralise_cell
from chatassist.core.statistics.responses import WeeklyResponses
from chatassist.core.statistics.usage import UsageCount

#: the series name of uses whose region (or entry's scenario) is not known
UNKNOWN = "unknown"


@dataclass(frozen=True)
class WeeklySeries:
    title: str
    unit: str  # "uses" or "%"
    weeks: tuple[date, ...]
    #: series name -> one value per week (same order as ``weeks``)
    values: Mapping[str, tuple[float, ...]]

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["week", "series", self.unit])
        for name, values in self.values.items():
            for week, value in zip(self.weeks, values, strict=True):
                writer.writerow([week.isoformat(), neutralise_cell(name), f"{value:g}"])
        return out.getvalue()


def _series(
    title: str, unit: str, cells: Mapping[tuple[date, str], float], limit: int | None = None
) -> WeeklySeries:
    weeks = tuple(sorted({w for w, _ in cells}))
    totals: dict[str, float] = defaultdict(float)
    for (_, name), value in cells.items():
        totals[name] += value
    names = sorted(totals, key=lambda n: (-totals[n], n))[:limit]
    values = {n: tuple(float(cells.get((w, n), 0.0)) for w in weeks) for n in names}
    return WeeklySeries(title, unit, weeks, values)


def scenarios_by_region(
    counts: Iterable[UsageCount], scenario_of: Mapping[str, str], region: str | None = None
) -> WeeklySeries:
    """Uses per week of each primary scenario (top 6), in one region or all."""
    cells: dict[tuple[date, str], float] = defaultdict(float)
    for c in counts:
        if region is not None and c.region != region:
            continue
        cells[(c.week, scenario_of.get(c.entry_id, UNKNOWN))] += c.uses
    where = region or "all regions"
    return _series(f"Scenarios by week ({where})", "uses", cells, limit=6)


def replies_used(counts: Iterable[UsageCount]) -> WeeklySeries:
    """Replies copied per week, by region."""
    cells: dict[tuple[date, str], float] = defaultdict(float)
    for c in counts:
        cells[(c.week, c.region or UNKNOWN)] += c.uses
    return _series("Replies used per week", "uses", cells, limit=6)


def first_response_share(weekly: Iterable[WeeklyResponses]) -> WeeklySeries:
    """Share of first responses within 30 s per week, by region (in %)."""
    cells: dict[tuple[date, str], float] = {}
    for w in weekly:
        if w.figures.share_within_target is not None:
            cells[(w.week, w.region or UNKNOWN)] = round(100 * w.figures.share_within_target, 1)
    return _series("First responses within 30 s", "%", cells, limit=6)
