"""A window's first size, no larger than the screen it opens on."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# The window manager's title bar and borders, unknown until the window is shown.
FRAME_ALLOWANCE = 40


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize ``widget`` to width x height, or to the screen's free area where that is smaller
    (a 1366x768 laptop at 125 %, a 1280x720 projector), so its buttons stay on the screen."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        free = screen.availableGeometry()
        width = min(width, free.width())
        height = min(height, free.height() - FRAME_ALLOWANCE)
    widget.resize(width, height)
