"""Where a second window goes so that the always-on-top sidebar never covers it.

The sidebar stays above other windows; an editor opened under it would have its
tree or grid hidden. So a window opened from the sidebar is placed beside it:
on the side with more room on the sidebar's screen, shrunk to fit that room
when it must, and only overlapping the sidebar when the screen has no room at all.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize

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


def place_text(position: QPoint, size: QSize) -> str:
    """The window's place as settings keep it: "x,y,width,height", the frame's top
    left (what ``move`` takes) and the inside's size (what ``resize`` takes).

    Not ``saveGeometry()``: restored before the window is shown, Qt guesses the
    frame's size, and on X11 the sidebar moved down by a title bar's height at
    every start (offscreen, it jumped to the top of the screen)."""
    return f"{position.x()},{position.y()},{size.width()},{size.height()}"


def placed(text: str, screens: list[QRect], minimum: QSize) -> QRect | None:
    """The place kept by ``place_text`` (top left and size), moved onto the available screen it
    is most on (a monitor was unplugged, the resolution changed); None when the
    text is not a place (an older setting) or there is no screen."""
    try:
        x, y, width, height = (int(part) for part in text.split(","))
    except ValueError:
        return None
    if not screens or width <= 0 or height <= 0:
        return None
    rect = QRect(x, y, max(width, minimum.width()), max(height, minimum.height()))
    screen = max(screens, key=lambda s: _overlap(s, rect))
    width, height = min(rect.width(), screen.width()), min(rect.height(), screen.height())
    left = min(max(rect.left(), screen.left()), screen.right() - width + 1)
    top = min(max(rect.top(), screen.top()), screen.bottom() - height + 1)
    return QRect(left, top, width, height)


def _overlap(a: QRect, b: QRect) -> int:
    both = a.intersected(b)
    return both.width() * both.height() if both.isValid() else 0
