"""Opening a saved configuration runs through the action, mapping and configuration pages to
the preview: those pages are built only once the user comes Back to them, not on the way,
where the window would wait for rows, XML and highlighting no one sees."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from pytestqt.qtbot import QtBot

from importer_gui.core import config_xml
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.mapping_page import MappingPage
from importer_gui.ui.wizard import ACTION, CONFIG, MAPPING, OPEN, PREVIEW
from tests.ui.wizards import sample_preview

TEACHER_FIELDS = ["teacherLogin", "teacherName", "teacherFirstname", "teacherEmail"]


class LayoutEvents(QObject):
    """The layout requests and resizes the widgets it watches are sent."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[str, QEvent.Type]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Note the event, then let it through."""
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize):
            self.seen.append((type(watched).__name__, event.type()))
        return False


def mapped_fields(page: MappingPage) -> list[str]:
    """The field each column row shows."""
    return page.column_fields()


def test_the_pages_passed_are_built_when_the_user_comes_back(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    wizard = window.wizard
    sample_preview(window, sample, qtbot)
    assert wizard.visitedIds() == [OPEN, ACTION, MAPPING, CONFIG, PREVIEW]
    assert wizard.mapping_page.rows == []
    assert wizard.config_page.editor.toPlainText() == ""
    wizard.go_back()
    assert wizard.currentId() == CONFIG
    config = window.state.session.choices.config
    assert wizard.config_page.editor.toPlainText() == config_xml.dumps(config)
    assert wizard.config_page.status_label.text() == "The configuration is valid."
    assert wizard.mapping_page.rows == []  # not yet: the user is not there
    wizard.go_back()
    assert wizard.currentId() == MAPPING
    assert mapped_fields(wizard.mapping_page) == TEACHER_FIELDS
    assert wizard.mapping_page.isComplete()
    wizard.go_back()
    assert wizard.currentId() == ACTION
    assert wizard.action_page.selected() == "createOrUpdateTeacherAction"
    for _ in range(3):
        wizard.next()
    assert wizard.currentId() == PREVIEW
    qtbot.waitUntil(wizard.preview_page.shows_plan, timeout=20_000)


def test_opening_again_rebuilds_no_mapping_row(
        window: MainWindow, sample: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    wizard = window.wizard
    sample_preview(window, sample, qtbot)
    while wizard.currentId() != MAPPING:
        wizard.go_back()
    assert mapped_fields(wizard.mapping_page) == TEACHER_FIELDS
    made: list[int] = []
    add_column = MappingPage._add_column
    monkeypatch.setattr(MappingPage, "_add_column",
                        lambda page, index, *rest: made.append(index)
                        or add_column(page, index, *rest))
    sample_preview(window, sample, qtbot)
    assert made == []
    wizard.go_back()
    wizard.go_back()
    assert made == [0, 1, 2, 3]
    assert mapped_fields(wizard.mapping_page) == TEACHER_FIELDS


def test_the_action_list_is_laid_out_once_the_user_comes_back_not_on_the_way(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    wizard = window.wizard
    page = wizard.action_page
    events = LayoutEvents()
    for widget in (page.list_area, page.list_area.viewport(), page.list_area.widget()):
        widget.installEventFilter(events)
    sample_preview(window, sample, qtbot)
    assert events.seen == []  # no summary's rich text laid out for a page no one saw
    while wizard.currentId() != ACTION:
        wizard.go_back()
    assert page.list_area.isVisible()
    assert page.buttons["createOrUpdateTeacherAction"].isChecked()
    assert page.teacher_note.isVisible()
    assert events.seen != []
