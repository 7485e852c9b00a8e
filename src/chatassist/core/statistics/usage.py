"""Usage statistics for trainers: which entries agents use, per week, language and region.

Pure functions over ``storage.stats.weekly_counts`` (the one query), so they
are easy to test and to export as CSV. Weeks start on Monday (UTC dates, as
uses are recorded).
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from chatassist.core.spreadsheet_cells import neutralise_cell


@dataclass(frozen=True, order=True)
class UsageCount:
    """Uses of one entry in one week, language and region."""

    week: date  # the Monday the week starts on
    entry_id: str
    language: str
    region: str
    uses: int


@dataclass(frozen=True)
class Ranked:
    entry_id: str
    uses: int


def week_of(when: datetime | date) -> date:
    day = when.date() if isinstance(when, datetime) else when
    return day - timedelta(days=day.weekday())


def _select(
    counts: Iterable[UsageCount],
    week: date | None = None,
    language: str | None = None,
    region: str | None = None,
) -> Counter[str]:
    out: Counter[str] = Counter()
    for c in counts:
        if week is not None and c.week != week:
            continue
        if language and c.language != language:
            continue
        if region and c.region != region:
            continue
        out[c.entry_id] += c.uses
    return out


def most_used(
    counts: Iterable[UsageCount],
    *,
    week: date | None = None,
    language: str | None = None,
    region: str | None = None,
    limit: int = 10,
) -> list[Ranked]:
    """The most used entries (all weeks when ``week`` is None), most first, ties by id."""
    totals = _select(counts, week, language, region)
    ranked = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))
    return [Ranked(e, n) for e, n in ranked[:limit]]


def least_used(
    counts: Iterable[UsageCount],
    entry_ids: Sequence[str],
    *,
    week: date | None = None,
    language: str | None = None,
    region: str | None = None,
    limit: int = 10,
) -> list[Ranked]:
    """The least used of ``entry_ids``, fewest first, ties by id. An entry unused in
    ``week`` counts 0 there; entries never used at all (in ``language`` / ``region``)
    are left out: :func:`never_used` lists them, and the two lists must not repeat."""
    totals = _select(counts, week, language, region)
    never = set(never_used(counts, entry_ids, language=language, region=region))
    ranked = sorted(
        ((e, totals.get(e, 0)) for e in entry_ids if e not in never),
        key=lambda kv: (kv[1], kv[0]),
    )
    return [Ranked(e, n) for e, n in ranked[:limit]]


def never_used(
    counts: Iterable[UsageCount],
    entry_ids: Sequence[str],
    *,
    language: str | None = None,
    region: str | None = None,
) -> list[str]:
    """The entries of ``entry_ids`` with no use at all (in ``language`` / ``region``)."""
    used = _select(counts, None, language, region)
    return [e for e in entry_ids if e not in used]


def weeks(counts: Iterable[UsageCount]) -> list[date]:
    return sorted({c.week for c in counts}, reverse=True)


CSV_HEADER = ("week", "entry_id", "language", "region", "uses")


def counts_csv(counts: Iterable[UsageCount], never: Sequence[str] = ()) -> str:
    """CSV of the counts; entries in ``never`` are added with week empty and 0 uses.

    Text cells are neutralised as the phrasebook CSV export does (OWASP: a cell
    starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
    leading ``'``): the usage log holds what the sidebars (and a team's agents)
    recorded, and a spreadsheet must show it, never run it."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for c in counts:
        cells = (c.entry_id, c.language, c.region)
        writer.writerow((c.week.isoformat(), *map(neutralise_cell, cells), c.uses))
    for entry_id in never:
        writer.writerow(("", neutralise_cell(entry_id), "", "", 0))
    return buf.getvalue()
