"""The whole wizard as a training administrator uses it, from a workbook to the store."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QWizard
from pytestqt.qtbot import QtBot

from importer_gui.core import config_xml, pipeline
from importer_gui.core.records import Table
from importer_gui.core.store import Store
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.settings import Settings
from importer_gui.ui.styles import Fill, fill_brush
from importer_gui.ui.wizard import COMMIT, CONFIG, MAPPING, OPEN, PREVIEW
from tests.builders import teachers_import, trainings_import, write_config, write_xlsx
from tests.ui.wizards import note

HEADERS = ["Action", "Code formation", "Titre de la session", "Date de début", "Date de fin",
           "Formateur", "Réf. interne"]
ROWS = [
    ["M", "SEC-101", "Lyon janvier", date(2027, 1, 12), date(2027, 1, 13), "mdupont", "S-LYON-1"],
    ["M", "XLS-999", "Nantes février", date(2027, 2, 5), date(2027, 2, 5), "mdupont", "S-NANTES-1"],
]
MESSAGE = "Training with training path code XLS-999 is not found."


def seed_store(folder: Path, store_path: Path) -> None:
    """Teachers and training courses, committed as an earlier import would have."""
    config = config_xml.load(write_config(
        folder, teachers_import(folder, [["mdupont", "Dupont", "Marie", "m@example.org"]]),
        trainings_import(folder, [["SEC-101", "Sécurité incendie", ""]]), name="seed.xml"))
    with Store.open(store_path) as store:
        pipeline.commit(pipeline.check(config, store), store)


def type_into_cell(view: QAbstractItemView, index: QModelIndex, text: str, qtbot: QtBot) -> None:
    """Double-click-style editing: open the cell's editor, type, press Enter."""
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.findChild(QLineEdit)
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


def test_workbook_to_store_as_a_user_would(qtbot: QtBot, tmp_path: Path,
                                            screenshots: Path) -> None:
    store_path = tmp_path / "store.sqlite3"
    seed_store(tmp_path, store_path)
    workbook = write_xlsx(tmp_path / "sessions.xlsx", [HEADERS, *ROWS], title="Sessions")
    window = MainWindow(store_path)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    wizard = window.wizard

    assert wizard.open_file(workbook)
    wizard.next()
    assert wizard.action_page.selected() == "createOrUpdateSessionAction"
    wizard.next()
    assert wizard.currentId() == MAPPING
    mapping = wizard.mapping_page
    # The suggestions are accepted as they are; the unknown last column is mapped by hand.
    assert mapping.mapped_fields()[:6] == ["sessionAction", "trainingPathCode", "sessionTitle",
                                           "sessionStartDate", "sessionEndDate", "teacherLogin"]
    assert note(mapping, 0).startswith("guessed")
    assert mapping.column_fields()[6] == "ignoredColumn"
    mapping.set_field(6, "sessionGuid")
    assert mapping.mapped_fields()[6] == "sessionGuid"
    mapping.confirm_check.setChecked(True)  # no sessionId/trainingId column: fine here
    wizard.next()
    assert wizard.currentId() == CONFIG
    assert "<sessionGuid" in wizard.config_page.editor.toPlainText()
    wizard.next()
    assert wizard.currentId() == PREVIEW

    preview = wizard.currentPage()
    qtbot.waitUntil(preview.isComplete, timeout=20_000)
    model = preview.model
    lines = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert lines == [2, 3]
    code_column = 3  # Line, Outcome, then the file's columns
    bad = model.index(1, code_column)
    assert model.data(model.index(1, 1)) == "error"
    assert model.data(bad, Qt.ItemDataRole.BackgroundRole) == fill_brush(Fill.ERROR)
    assert MESSAGE in model.data(bad, Qt.ItemDataRole.ToolTipRole)
    window.grab().save(str(screenshots / "journey-preview-error.png"))

    type_into_cell(preview.table, bad, "SEC-101", qtbot)
    assert model.data(model.index(1, 1)) == "create"
    assert model.data(model.index(1, code_column), Qt.ItemDataRole.BackgroundRole) is None
    window.grab().save(str(screenshots / "journey-preview-fixed.png"))

    wizard.next()
    assert wizard.currentId() == COMMIT
    commit = wizard.currentPage()
    qtbot.waitUntil(lambda: commit.result is not None, timeout=20_000)
    window.grab().save(str(screenshots / "journey-commit.png"))

    browser = commit.open_browser()
    qtbot.waitUntil(lambda: not browser.busy)  # the runs, read off the window's thread
    browser.show_table(Table.SESSION)  # read once shown
    qtbot.waitUntil(lambda: not browser.busy)
    sessions = browser.record_tabs[Table.SESSION].model
    assert sessions.total == 2
    titles = {sessions.data(sessions.index(r, c))
              for r in range(sessions.rowCount()) for c in range(sessions.columnCount())}
    assert {"Lyon janvier", "Nantes février"} <= titles
    headers = [sessions.headerData(c, Qt.Orientation.Horizontal)
               for c in range(sessions.columnCount())]
    assert headers[:3] == ["Id — sessionId", "Training course",
                           "Session title — sessionTitle"] and headers[-1] == "Teacher"
    first = [sessions.data(sessions.index(0, c)) for c in range(sessions.columnCount())]
    assert (first[1], first[-1]) == ("SEC-101", "mdupont")  # by name, not by id
    browser.tabs.setCurrentIndex(2)
    browser.grab().save(str(screenshots / "journey-browser.png"))
    browser.close()
    with Store.open(store_path) as store:
        stored = sorted((s.title, s.guid) for s in store.page(Table.SESSION))
    assert stored == [("Lyon janvier", "S-LYON-1"), ("Nantes février", "S-NANTES-1")]


def test_a_workbook_is_read_once_for_the_first_three_pages(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from importer_gui.core import readers

    calls: list[Path] = []
    real_head = readers.head_both_ways
    monkeypatch.setattr(readers, "head_both_ways", lambda path, *a, **k: calls.append(path)
                        or real_head(path, *a, **k))
    workbook = write_xlsx(tmp_path / "once.xlsx", [HEADERS, *ROWS], title="Sessions")
    window = MainWindow(tmp_path / "store.sqlite3")
    qtbot.addWidget(window)
    assert window.wizard.open_file(workbook)
    window.wizard.next()
    window.wizard.next()
    assert window.wizard.currentId() == MAPPING
    assert calls == [workbook]
    write_xlsx(workbook, [HEADERS, ROWS[0]], title="Sessions")  # the file changes on disk
    window.wizard.back()
    window.wizard.back()
    assert window.wizard.open_file(workbook)
    assert calls == [workbook, workbook]


def test_a_large_file_is_read_in_the_background_and_next_waits_for_it(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        screenshots: Path) -> None:
    import threading

    from importer_gui.core import readers
    from importer_gui.ui.pages import base

    monkeypatch.setattr(base, "background_bytes", lambda _path: 0)  # every file counts as large
    release = threading.Event()
    real_head = readers.head_both_ways

    def slow_head(*args: object, **kwargs: object) -> object:
        release.wait(10)
        return real_head(*args, **kwargs)

    monkeypatch.setattr(readers, "head_both_ways", slow_head)
    workbook = write_xlsx(tmp_path / "large.xlsx", [HEADERS, *ROWS], title="Sessions")
    window = MainWindow(tmp_path / "store.sqlite3")
    qtbot.addWidget(window)
    window.show()
    page = window.wizard.open_page
    assert window.wizard.open_file(workbook)  # returns at once: the window stays responsive
    assert not page.isComplete()
    assert page.reading_label.text() == "Reading the first rows of large.xlsx…"
    window.resize(1280, 800)
    window.grab().save(str(screenshots / "page1-reading-large-file.png"))
    window.wizard.next()
    assert window.wizard.currentId() == 0  # Next waits for the rows
    release.set()
    qtbot.waitUntil(page.isComplete, timeout=10_000)
    assert page.head_model.rowCount() == 2 and page.reading_label.isHidden()


def test_a_saved_configuration_with_a_large_file_goes_on_to_the_preview_once_read(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fast-forwarding waits for the background read: no page reads the file on the GUI
    thread (that froze the window for a second with a large workbook)."""
    import threading

    from importer_gui.core import readers
    from importer_gui.ui.pages import base
    from importer_gui.ui.wizard import OPEN

    monkeypatch.setattr(base, "background_bytes", lambda _path: 0)  # every file counts as large
    release = threading.Event()
    on_gui_thread: list[bool] = []
    real_head = readers.head_both_ways

    def slow_head(*args: object, **kwargs: object) -> object:
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        release.wait(10)
        return real_head(*args, **kwargs)

    monkeypatch.setattr(readers, "head_both_ways", slow_head)
    config = write_config(tmp_path, teachers_import(tmp_path, [
        ["mdupont", "Dupont", "Marie", "m@example.org"]]))
    window = MainWindow(tmp_path / "store.sqlite3")
    qtbot.addWidget(window)
    assert window.wizard.open_file(config)
    assert window.wizard.currentId() == OPEN  # still reading: the pages wait for the rows
    release.set()
    qtbot.waitUntil(lambda: window.wizard.currentId() == PREVIEW, timeout=10_000)
    while window.wizard.currentId() != MAPPING:  # the pages passed are built on the way back
        window.wizard.back()
    assert window.wizard.mapping_page.mapped_fields() == [
        "teacherLogin", "teacherName", "teacherFirstname", "teacherEmail"]
    assert on_gui_thread == [False]  # read once, in the background


def test_a_first_time_user_commits_the_samples_files_pressing_next_alone(
        window: MainWindow, sample: Path, qtbot: QtBot, screenshots: Path) -> None:
    """Teachers, then training courses, then sessions: each file opened, every guess kept,
    no field name typed or chosen; the sessions' mapping asks for nothing it does not need."""
    wizard = window.wizard
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    for name, action in (("teachers.csv", "createOrUpdateTeacherAction"),
                         ("trainings.xlsx", "createOrUpdateTrainingCourseAction"),
                         ("sessions.xlsx", "createOrUpdateSessionAction")):
        assert wizard.open_file(sample / name)
        next_button.click()
        assert wizard.action_page.selected() == action
        next_button.click()
        assert wizard.currentId() == MAPPING and next_button.isEnabled(), (
            name, wizard.mapping_page.warning_label.text())
        if name == "sessions.xlsx":
            window.grab().save(str(screenshots / "journey-first-time-sessions-mapping.png"))
        next_button.click()
        next_button.click()
        preview = wizard.preview_page
        qtbot.waitUntil(preview.shows_plan, timeout=20_000)
        next_button.click()  # Commit: the rows with errors are skipped, once agreed
        commit = wizard.commit_page
        qtbot.waitUntil(lambda c=commit: c.result is not None, timeout=20_000)
        # Finish offers to keep the guesses for next month: Enter saves them.
        wizard.button(QWizard.WizardButton.FinishButton).click()
        qtbot.waitUntil(lambda: wizard.currentId() == OPEN)
    assert [saved.stem for saved in Settings.library()] == ["sessions", "teachers", "trainings"]
    with Store.open(window.state.store_path) as store:
        assert len(store.history()) == 3
        sessions = [s.title for s in store.page(Table.SESSION)]
    # The sessions' dates typed as DD/MM/YYYY text are read so: the date format detected in
    # them is applied (13/01/2027 can only be day first), nobody had to type it.
    assert sessions == ["Sécurité incendie - Lyon janvier", "Management - Paris printemps"]
