"""The user's mouse on a table's header: a drag or a double-click on a column's right edge."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot


def edge(view: QTableView, section: int) -> QPoint:
    """The point on the header's right edge of a section, where the user drags or
    double-clicks."""
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(section) + header.sectionSize(section) - 1
    return QPoint(x, header.height() // 2)


def drag_edge(qtbot: QtBot, view: QTableView, section: int, by: int) -> None:
    """The user drags a section's right edge ``by`` pixels."""
    viewport, start = view.horizontalHeader().viewport(), edge(view, section)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, start + QPoint(by, 0))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + QPoint(by, 0))


def double_click_edge(qtbot: QtBot, view: QTableView, section: int) -> None:
    """The user double-clicks a section's right edge: Qt fits the column to its texts."""
    qtbot.mouseDClick(view.horizontalHeader().viewport(), Qt.MouseButton.LeftButton,
                      pos=edge(view, section))


def click_title(qtbot: QtBot, view: QTableView, section: int) -> None:
    """The user clicks a section's title (away from its edges): the table sorts by it."""
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))
