"""The licence an installed pack's own README states.

Neither the argos index nor a pack's ``metadata.json`` has a licence field; the
only statement a pack carries is in its ``README.md`` (kept in the pack's
folder), written by whoever trained it. ``readme_licence`` reads it, bounded,
and names the first licence it recognises, so ``packs list`` tells the agent
what the pack on this machine says rather than what a list elsewhere claims.
"""

from __future__ import annotations

import re
from pathlib import Path

from chatassist.core.files import FileRefused, read_regular

NOT_STATED = "not stated in its README"
_MAX_README_BYTES = 256 * 1024
# Most specific first: "CC BY-SA 4.0" must not read as "CC BY 4.0".
_LICENCES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("CC BY-NC-SA 4.0", r"\bcc[-_ ]?by[-_ ]?nc[-_ ]?sa[-_ ]?4\.0"),
        ("CC BY-NC 4.0", r"\bcc[-_ ]?by[-_ ]?nc[-_ ]?4\.0"),
        ("CC BY-SA 4.0", r"\bcc[-_ ]?by[-_ ]?sa[-_ ]?4\.0"),
        ("CC BY 4.0", r"\bcc[-_ ]?by[-_ ]?4\.0|creative commons attribution 4\.0"),
        ("CC0 1.0", r"\bcc0\b"),
        ("Apache-2.0", r"\bapache[-_ ](?:license[, ]*(?:version )?)?2\.0\b"),
        ("MIT", r"\bMIT licen[cs]e\b|\blicen[cs]e:\s*MIT\b"),
    )
)


def readme_licence(pack_dir: Path) -> str | None:
    """The licence the pack's README names, ``NOT_STATED`` when it names none, or
    None when the pack has no readable README."""
    readme = next((p for p in (pack_dir / "README.md", pack_dir / "README") if p.is_file()), None)
    if readme is None:
        return None
    try:
        text = read_regular(readme, _MAX_README_BYTES).decode("utf-8", "replace")
    except (FileRefused, OSError):
        return None
    for name, pattern in _LICENCES:
        if pattern.search(text):
            return name
    return NOT_STATED
