"""Scroll areas that bring the control the keyboard reaches into sight, however it got there."""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

_FOLLOWS = "importerFollowsFocus"  # the property marking an area that follows the focus


def keep_focus_in_sight(area: QScrollArea) -> None:
    """``area`` scrolls to the control inside it that takes the keyboard. Qt scrolls only
    for a Tab from a control already inside the area: Tab from the wizard's Next button
    round to a page's first field, Shift+Tab from Back to its last, or an Alt+letter, left
    the field focused below the area's edge, out of sight."""
    _follower()
    area.setProperty(_FOLLOWS, True)


class _FocusFollower(QObject):
    """The application's one listener to focus changes, for every area that follows."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        app.focusChanged.connect(self._focus_changed)

    @Slot(QWidget, QWidget)
    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Each following area around ``new`` shows it, the innermost first (an outer one
        then scrolls to where the inner one put it); not under a click, which would move
        what is under the mouse."""
        if new is None or QApplication.mouseButtons():
            return
        parent = new.parentWidget()
        while parent is not None:
            if isinstance(parent, QScrollArea) and parent.property(_FOLLOWS):
                parent.ensureWidgetVisible(new)
            parent = parent.parentWidget()


_followers: list[_FocusFollower] = []  # the application's one, made on first need


def _follower() -> _FocusFollower:
    """The application's focus follower."""
    if not _followers:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        _followers.append(_FocusFollower(app))
    return _followers[0]
