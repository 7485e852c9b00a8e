"""A window opened from the always-on-top sidebar goes beside it, never under it."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize

from chatassist.ui.placement import MIN_WIDTH, beside

SCREEN = QRect(0, 0, 1920, 1040)
EDITOR = QSize(1100, 760)


def test_goes_on_the_side_with_more_room_without_overlapping() -> None:
    sidebar_right = QRect(1500, 40, 420, 900)  # the usual place: at the right edge
    placed = beside(sidebar_right, EDITOR, SCREEN)
    assert not placed.intersects(sidebar_right) and SCREEN.contains(placed)
    assert placed.right() < sidebar_right.left() and placed.size() == EDITOR
    sidebar_left = QRect(0, 40, 420, 900)
    placed = beside(sidebar_left, EDITOR, SCREEN)
    assert placed.left() > sidebar_left.right() and SCREEN.contains(placed)


def test_shrinks_to_the_room_beside_the_sidebar() -> None:
    sidebar = QRect(700, 0, 420, 900)  # in the middle: 692 px on the left
    placed = beside(sidebar, EDITOR, SCREEN)
    assert not placed.intersects(sidebar) and SCREEN.contains(placed)
    assert MIN_WIDTH <= placed.width() < EDITOR.width()


def test_a_small_screen_keeps_the_window_on_screen() -> None:
    small = QRect(0, 0, 1024, 700)
    placed = beside(QRect(600, 0, 420, 700), EDITOR, small)
    assert small.contains(placed) and placed.height() <= small.height()
