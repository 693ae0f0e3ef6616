"""Small wizards the Qt tests drive (pages put together as the real wizard does, the
sample's preview in the window), and what the tests save of them to be looked at."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QStyle, QWidget, QWizard
from pytestqt.qtbot import QtBot

from importer_gui.core import config_xml
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.commit_page import CommitPage
from importer_gui.ui.pages.mapping.columns_view import FIELD, NOTE
from importer_gui.ui.pages.mapping_page import MappingPage
from importer_gui.ui.pages.preview_page import PreviewPage
from importer_gui.ui.revert_dialog import RevertDialog
from importer_gui.ui.state import WizardState
from importer_gui.ui.store_browser import StoreBrowser
from importer_gui.ui.wizard import MAPPING, PREVIEW, connect_pages
from tests.builders import TEACHER_COLUMNS, teachers_import, write_config


def shot(widget: QWidget, folder: Path, name: str) -> None:
    """Save what the widget shows, to be looked at."""
    QApplication.processEvents()
    widget.grab().save(str(folder / f"{name}.png"))


def sample_preview(window: MainWindow, sample: Path, qtbot: QtBot) -> PreviewPage:
    """The sample opened, on the preview of its first file (the teachers), checked."""
    assert window.open_file(sample / "sample-config.xml")
    page = window.wizard.preview_page
    qtbot.waitUntil(lambda: window.wizard.currentId() == PREVIEW and page.shows_plan(),
                    timeout=20_000)
    return page


def file_preview(window: MainWindow, data: Path, qtbot: QtBot) -> PreviewPage:
    """A data file opened, then Next clicked as the user does through its guessed mapping,
    on its preview, checked."""
    assert window.open_file(data)
    wizard = window.wizard
    qtbot.waitUntil(wizard.open_page.isComplete, timeout=10_000)
    for _page in range(4):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton),
                         Qt.MouseButton.LeftButton)
    page = wizard.preview_page
    qtbot.waitUntil(lambda: wizard.currentId() == PREVIEW and page.shows_plan(), timeout=20_000)
    return page


def configured_mapping(window: MainWindow, config: Path, qtbot: QtBot) -> MappingPage:
    """A configuration opened (the wizard goes on to its preview), then back on its mapping."""
    wizard = window.wizard
    assert wizard.open_file(config)
    qtbot.waitUntil(lambda: wizard.currentId() == PREVIEW, timeout=20000)
    while wizard.currentId() != MAPPING:
        wizard.back()
    return wizard.mapping_page


def preview_and_commit(state: WizardState, qtbot: object,
                       ) -> tuple[QWizard, PreviewPage, CommitPage]:
    """The preview and commit pages over ``state``, shown at 1280x800, once checked."""
    wizard = QWizard()
    qtbot.addWidget(wizard)  # type: ignore[attr-defined]
    preview, commit = PreviewPage(state), CommitPage(state)
    connect_pages(preview, commit)
    wizard.addPage(preview)
    wizard.addPage(commit)
    wizard.resize(1280, 800)
    wizard.show()
    qtbot.waitUntil(preview.isComplete, timeout=20_000)  # type: ignore[attr-defined]
    return wizard, preview, commit


Previewed = tuple[WizardState, QWizard, PreviewPage, CommitPage]


def teacher_previewed(tmp_path: Path, qtbot: QtBot) -> Previewed:
    """One teacher's file (tmp_path/teachers.csv) checked in the preview, its store
    tmp_path/store.sqlite3: the state, the wizard, its preview and commit pages."""
    data = tmp_path / "teachers.csv"
    config = config_xml.load(write_config(tmp_path, teachers_import(tmp_path, [])))
    data.write_text(";".join(TEACHER_COLUMNS) + "\nzoe;Zoe;Z;zoe@example.org\n",
                    encoding="utf-8")
    state = WizardState(tmp_path / "store.sqlite3")
    state.session.set_config(config, [data])
    return state, *preview_and_commit(state, qtbot)


def revert_previewed(window: MainWindow, qtbot: QtBot) -> tuple[StoreBrowser, RevertDialog]:
    """The store browser (non-modal, as the commit page opens it) on the window's store,
    with run 1's revert dialog opened (its preview maybe still being planned)."""
    browser = window.wizard.commit_page.open_browser()
    assert browser is not None
    qtbot.waitUntil(lambda: not browser.busy and browser.history_model.rowCount() == 1,
                    timeout=30_000)
    browser.history_view.selectionModel().select(
        browser.history_model.index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    qtbot.mouseClick(browser.revert_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: browser.revert_dialog is not None, timeout=20_000)
    assert browser.revert_dialog is not None
    return browser, browser.revert_dialog


def next_month_mapping(window: MainWindow, qtbot: QtBot, config: Path,
                       data: Path) -> MappingPage:
    """A saved configuration opened (on to its preview), then this month's ``data`` file
    for it, on the mapping page."""
    wizard = window.wizard
    assert window.open_file(config)
    qtbot.waitUntil(lambda: wizard.currentId() == PREVIEW, timeout=20_000)
    assert wizard.open_file(data)
    wizard.next()
    wizard.next()
    assert wizard.currentId() == MAPPING
    return wizard.mapping_page


# May's teachers, in the saved configuration next month's files are checked against.
TEACHERS_BY_HEADER = ('<teacherLogin ia:header="Identifiant"/><teacherName ia:header="Nom"/>'
                      '<teacherEmail ia:header="Courriel"/>')


def teachers_config(columns: str = TEACHERS_BY_HEADER, skip: str = "yes") -> str:
    """A saved teachers' configuration of may.csv (``columns``: its columnsMapping's
    elements; ``skip``: its skipFirstLine)."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<import-config xmlns:ia="urn:import-assistant:extension:1">
  <import><providers><fileSystemSourceProvider>
    <fileName>may.csv</fileName><skipFirstLine>{skip}</skipFirstLine>
    <columnsMapping>
      {columns}
    </columnsMapping>
    <delimiter>semicolon</delimiter>
  </fileSystemSourceProvider></providers>
  <actions><createOrUpdateTeacherAction/></actions>
</import>
</import-config>
"""


def cell(page: MappingPage, place: int, part: int,
         role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> Any:
    """What the mapping page's table shows of the column at ``place`` (``part``: one of
    columns_view's TITLE, SAMPLE, FIELD, GUID, NOTE)."""
    return page.columns_model.index(place, part).data(role)


def in_italics(page: MappingPage, place: int) -> bool:
    """Whether the table shows a column's field in italics (a guess to check)."""
    font = cell(page, place, FIELD, Qt.ItemDataRole.FontRole)
    return font is not None and font.italic()


def note(page: MappingPage, place: int) -> str:
    """The note the table shows next to a column's field."""
    return cell(page, place, NOTE) or ""


def editor(page: MappingPage, place: int, part: int = FIELD) -> QWidget:
    """The editor the table opens on a column's field (or GUID) once the user is on it."""
    view = page.columns_view
    view.setFocus()
    index = page.columns_model.index(place, part)
    view.setCurrentIndex(index)
    opened = view.indexWidget(index)
    assert opened is not None
    return opened


def shown_text(page: MappingPage, place: int, part: int) -> str:
    """A cell's text as the table draws it in its column's width (cut with an ellipsis)."""
    view = page.columns_view
    text = str(cell(page, place, part))
    room = view.columnWidth(part) - 2 * view.style().pixelMetric(
        QStyle.PixelMetric.PM_FocusFrameHMargin) - 2
    return view.fontMetrics().elidedText(text, view.textElideMode(), room)
