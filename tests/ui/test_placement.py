"""A window opened from the always-on-top sidebar goes beside it, never under it;
the sidebar comes back where it was left."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QRect, QSize

from chatassist.ui.placement import MIN_WIDTH, beside, place_text, placed

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


def test_the_sidebar_comes_back_where_it_was_left(
    qtbot: Any, make_sidebar: Any, backend: Any
) -> None:
    """#15 item 6: the window moved at every start (restoreGeometry before show)."""
    first = make_sidebar(backend)
    screen = first.screen().availableGeometry()
    low = first.minimumSizeHint()
    first.resize(low.width() + 20, low.height() + 20)
    first.move(screen.left() + 30, screen.top() + 40)
    qtbot.wait(10)
    where = (first.pos(), first.size())
    first.save_state()
    for _ in range(3):
        again = make_sidebar(backend)
        qtbot.wait(10)
        assert (again.pos(), again.size()) == where
        again.save_state()


def test_a_place_off_every_screen_comes_back_onto_one() -> None:
    screens = [QRect(0, 0, 1920, 1080)]
    minimum = QSize(300, 400)
    assert placed("2500,300,380,700", screens, minimum) == QRect(1540, 300, 380, 700)
    assert placed("100,-50,380,2000", screens, minimum) == QRect(100, 0, 380, 1080)
    assert placed("10,10,100,100", screens, minimum) == QRect(10, 10, 300, 400)
    assert placed("AdnQywADAAAAAA==", screens, minimum) is None  # an older setting
    assert placed(place_text(QPoint(5, 6), QSize(380, 700)), screens, minimum) == QRect(
        5, 6, 380, 700
    )
