"""Region ids. Their countries, tones and conventions are configured in
``resources/regions.yaml``; these ids are what phrasebook entries may name."""

from __future__ import annotations

REGION_IDS: tuple[str, ...] = (
    "north_america",
    "latin_america",
    "europe",
    "oceania",
    "southeast_asia",
    "japan",
    "korea",
    "greater_china",
    "middle_east",
    "other",
)
