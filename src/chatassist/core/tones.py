"""Reply tones (from the team's service playbook) and customer segments."""

from __future__ import annotations

#: direct: North America, Europe, Oceania; warm: Southeast Asia; detailed: Japan, Korea.
TONES: tuple[str, ...] = ("direct", "warm", "detailed")

#: Customer segments a phrasebook entry may be limited to.
SEGMENTS: tuple[str, ...] = ("new", "returning", "high_value")
