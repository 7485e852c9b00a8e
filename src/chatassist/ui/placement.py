"""Where a second window goes so that the always-on-top sidebar never covers it.

The sidebar stays above other windows; an editor opened under it would have its
tree or grid hidden. So a window opened from the sidebar is placed beside it:
on the side with more room on the sidebar's screen, shrunk to fit that room
when it must, and only overlapping the sidebar when the screen has no room at all.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize

#: Below this width an editor is not usable; rather overlap than shrink further.
MIN_WIDTH = 480


def beside(sidebar: QRect, wanted: QSize, screen: QRect, gap: int = 8) -> QRect:
    """The rectangle for a window of ``wanted`` size next to ``sidebar`` on ``screen``."""
    left_room = sidebar.left() - screen.left() - gap
    right_room = screen.right() - sidebar.right() - gap
    height = min(wanted.height(), screen.height())
    top = min(max(sidebar.top(), screen.top()), screen.bottom() - height + 1)
    room, on_left = (left_room, True) if left_room >= right_room else (right_room, False)
    if room < MIN_WIDTH:
        # No side has room: keep it on screen at the wanted size.
        width = min(wanted.width(), screen.width())
        x = screen.left() if on_left else screen.right() - width + 1
        return QRect(x, top, width, height)
    width = min(wanted.width(), room)
    x = sidebar.left() - gap - width if on_left else sidebar.right() + gap + 1
    return QRect(x, top, width, height)
