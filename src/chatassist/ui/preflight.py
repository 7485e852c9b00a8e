"""Check that a window can be shown before Qt is started.

Without a display Qt aborts with a long plugin dump; ``make run`` calls
``python -m chatassist.ui.preflight`` first and ``launch()`` repeats the check,
so the agent reads one line that says what to do instead.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

#: Platforms that need no display server.
HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "vkkhrdisplay", "eglfs", "linuxfb")


def display_problem(
    environ: Mapping[str, str] | None = None, platform: str = sys.platform
) -> str | None:
    """One line saying why no window can be shown, or None when one can."""
    env = os.environ if environ is None else environ
    qpa = env.get("QT_QPA_PLATFORM", "").split(":", 1)[0].strip().lower()
    if qpa in HEADLESS_PLATFORMS:
        return None
    if not platform.startswith("linux") and "bsd" not in platform:
        return None  # Windows and macOS always have a display for a desktop user
    if qpa.startswith("wayland"):
        if env.get("WAYLAND_DISPLAY"):
            return None
        reason = "WAYLAND_DISPLAY is not set"
    elif qpa == "xcb":
        if env.get("DISPLAY"):
            return None
        reason = "DISPLAY is not set"
    else:
        if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
            return None
        reason = "DISPLAY is not set"
    return (
        f"chatassist: no display found ({reason}); run it from a desktop session, "
        "or set QT_QPA_PLATFORM=offscreen to try it headless"
    )


def main() -> int:
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
