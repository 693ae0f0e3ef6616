"""The keyboard alone on a small screen, where a page scrolls: the field Tab or Shift+Tab
reaches from the wizard's buttons is brought into sight, as one reached from the field
before it is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget, QWizard
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.wizard import MAPPING
from tests.ui.fit import describe
from tests.ui.wizards import sample_preview, shot

SMALL = (640, 270)  # a page's fields taller than the room it has


def hidden_by(widget: QWidget) -> list[str]:
    """The scroll areas around ``widget`` that keep it (or part of it) out of sight."""
    hiding = []
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            viewport = parent.viewport()
            if not viewport.rect().contains(QRect(widget.mapTo(viewport, QPoint(0, 0)),
                                                  widget.size())):
                hiding.append(parent.objectName() or describe(parent))
        parent = parent.parentWidget()
    return hiding


def small_window(tmp_path: Path, qtbot: QtBot, sample: Path) -> MainWindow:
    """The main window at a small size, active, on the sample's preview."""
    window = MainWindow(tmp_path / "store.sqlite3")
    qtbot.addWidget(window)
    window.resize(*SMALL)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    sample_preview(window, sample, qtbot)
    settled(window.wizard.currentPage().findChild(QScrollArea, "pageScroll"), qtbot)
    return window


def settled(area: QScrollArea, qtbot: QtBot) -> None:
    """Once the page's layout is done growing (it may, just after the check is shown):
    a field brought into sight before would be pushed out of it again."""
    before = None
    for _ in range(40):
        now = area.verticalScrollBar().maximum()
        if now == before:
            return
        before = now
        qtbot.wait(50)


def from_button(window: MainWindow, which: QWizard.WizardButton, key: Qt.Key,
                qtbot: QtBot) -> QWidget:
    """The control ``key`` reaches from the wizard's ``which`` button."""
    button = window.wizard.button(which)
    button.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClick(button, key)
    QApplication.processEvents()
    reached = QApplication.focusWidget()
    assert reached is not None and window.wizard.currentPage().isAncestorOf(reached)
    return reached


def test_shift_tab_from_back_scrolls_the_preview_to_its_last_button(
        tmp_path: Path, qtbot: QtBot, sample: Path, screenshots: Path) -> None:
    window = small_window(tmp_path, qtbot, sample)
    area = window.wizard.currentPage().findChild(QScrollArea, "pageScroll")
    area.verticalScrollBar().setValue(0)
    assert area.verticalScrollBar().maximum() > 0  # the page scrolls at this size

    reached = from_button(window, QWizard.WizardButton.BackButton, Qt.Key.Key_Backtab, qtbot)

    shot(window, screenshots, "small-preview-shift-tab-from-back")
    assert hidden_by(reached) == []


def test_tab_from_next_scrolls_the_mapping_back_to_its_first_field(
        tmp_path: Path, qtbot: QtBot, sample: Path, screenshots: Path) -> None:
    window = small_window(tmp_path, qtbot, sample)
    while window.wizard.currentId() != MAPPING:
        window.wizard.back()
    for area in window.wizard.currentPage().findChildren(QScrollArea):
        area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())

    reached = from_button(window, QWizard.WizardButton.NextButton, Qt.Key.Key_Tab, qtbot)

    shot(window, screenshots, "small-mapping-tab-from-next")
    assert reached.objectName() == "field_0"
    assert hidden_by(reached) == []
