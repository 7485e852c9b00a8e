"""The statistics' CSV exports neutralise formulas as the phrasebook CSV does (OWASP)."""

from __future__ import annotations

import csv
import io
from datetime import date

from chatassist.core.statistics.trends import replies_used
from chatassist.core.statistics.usage import UsageCount, counts_csv

WEEK = date(2026, 11, 30)


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_usage_csv_quotes_cells_a_spreadsheet_would_run() -> None:
    counts = [
        UsageCount(WEEK, '=HYPERLINK("http://x")', "es", "+europe", 2),
        UsageCount(WEEK, "order.tracking", "@ja", "\tjapan", 1),
        UsageCount(WEEK, "greeting.hello", "en", "north_america", 3),
    ]
    rows = _rows(counts_csv(counts, never=["-1+1", "'quoted"]))
    assert rows[1] == ["2026-11-30", '\'=HYPERLINK("http://x")', "es", "'+europe", "2"]
    assert rows[2] == ["2026-11-30", "order.tracking", "'@ja", "'\tjapan", "1"]
    assert rows[3] == ["2026-11-30", "greeting.hello", "en", "north_america", "3"]  # as it was
    assert rows[4] == ["", "'-1+1", "", "", "0"]
    assert rows[5] == ["", "''quoted", "", "", "0"]  # one more quote: reading removes one


def test_chart_csv_quotes_series_names() -> None:
    series = replies_used([UsageCount(WEEK, "a", "es", "=cmd|' /C calc'!A0", 4)])
    rows = _rows(series.to_csv())
    assert rows[1] == ["2026-11-30", "'=cmd|' /C calc'!A0", "4"]
