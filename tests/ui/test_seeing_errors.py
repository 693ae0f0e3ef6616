"""Seeing and fixing errors in the preview: the messages with their counts, the selected
row in words, "did you mean", find and replace, every file at once; and the small things a
user meets at once (the keyboard, reports with nothing to say, a new check)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel
from pytestqt.qtbot import QtBot

from importer_gui.core import config_xml, pipeline
from importer_gui.core.store import Store
from importer_gui.ui.find_replace import FindReplaceDialog, replaced
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.preview_page import PreviewPage
from importer_gui.ui.wizard import MAPPING, OPEN, PREVIEW
from tests.builders import trainings_import, write_config, write_xlsx
from tests.ui.test_alt_letters import Clashes, clashes
from tests.ui.test_preview_commit import teacher_state
from tests.ui.wizards import preview_and_commit, sample_preview, shot


def lines_shown(page: PreviewPage) -> list[int]:
    model = page.model
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def test_the_messages_beside_the_table_filter_its_rows_and_the_row_reads_without_a_mouse(
        window: MainWindow, sample: Path, qtbot: QtBot, screenshots: Path) -> None:
    page = sample_preview(window, sample, qtbot)
    page.import_box.setCurrentIndex(page.import_box.findData(3))  # the interventions
    assert page.summary() == [
        "Every row (no message chosen)",
        "1 × ERROR: Date le 3 mars not valid. (Intervention start — interventionDate)",
        "1 × ERROR: Status has invalid value X, A or C expected. (Intervention status — "
        "interventionStatus)",
        "1 × ERROR: Session with title Session inconnue is not found for this training. "
        "(Session title — sessionTitle)",
        "1 × ERROR: Teacher with login inconnu is not found. (Teacher's login — teacherLogin)"]
    assert lines_shown(page) == [2, 3, 4, 5, 6, 7, 8]
    page.summary_list.setCurrentIndex(page.messages.index(4))  # a click on the teacher's
    assert lines_shown(page) == [7]
    # The selected row in words, read with the keyboard alone.
    page.table.setFocus()
    QApplication.processEvents()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.details.toPlainText() == (
        "Line 7 of interventions.xlsx: error\n"
        "ERROR: Teacher with login inconnu is not found. (Teacher's login — teacherLogin)")
    qtbot.keyClick(page.table, Qt.Key.Key_Tab)  # Tab leaves the table
    assert not page.table.hasFocus()
    shot(window, screenshots, "errors-1-summary-and-row")
    page.summary_list.setCurrentIndex(page.messages.index(0))
    assert lines_shown(page) == [2, 3, 4, 5, 6, 7, 8]


def test_a_corrected_row_s_message_leaves_the_list_and_the_others_keep_their_counts(
        window: MainWindow, sample: Path, qtbot: QtBot, screenshots: Path) -> None:
    page = sample_preview(window, sample, qtbot)
    every_file = page.import_box.findData(-1)
    page.import_box.setCurrentIndex(every_file)
    before = page.summary()
    status = "1 × ERROR: Status has invalid value X, A or C expected. (Intervention status — " \
             "interventionStatus)"
    assert status in before
    page.import_box.setCurrentIndex(page.import_box.findData(3))  # the interventions
    model = page.model
    column = next(c for c in range(model.columnCount()) if "interventionStatus" in str(
        model.headerData(c, Qt.Orientation.Horizontal)))
    assert model.setData(model.index(lines_shown(page).index(8), column), "A")
    qtbot.waitUntil(lambda: status not in page.summary())
    assert page.summary() == [
        "Every row (no message chosen)",
        "1 × ERROR: Date le 3 mars not valid. (Intervention start — interventionDate)",
        "1 × ERROR: Session with title Session inconnue is not found for this training. "
        "(Session title — sessionTitle)",
        "1 × ERROR: Teacher with login inconnu is not found. (Teacher's login — teacherLogin)"]
    shot(window, screenshots, "errors-5-corrected-status-left-the-list")
    page.import_box.setCurrentIndex(every_file)
    assert page.summary() == [line for line in before if line != status]


def seeded_store(folder: Path, store_path: Path) -> None:
    """Training courses committed as last month's import would have."""
    config = config_xml.load(write_config(folder, trainings_import(
        folder, [["XLS-300", "Excel avancé", ""], ["SEC-101", "Sécurité incendie", ""]]),
        name="seed.xml"))
    with Store.open(store_path) as store:
        pipeline.commit(pipeline.check(config, store), store)


def test_did_you_mean_offers_the_close_code_and_puts_it_in_every_row_in_one_click(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    seeded_store(tmp_path, window.state.store_path)
    data = write_xlsx(tmp_path / "sessions.xlsx", [
        ["Action", "Code formation", "Titre de la session", "Date de début"],
        ["M", "XLS-30", "Excel - Nantes", date(2027, 2, 5)],
        ["M", "SEC-101", "Sécurité - Lyon", date(2027, 1, 12)],
        ["M", "XLS-30", "Excel - Lille", date(2027, 3, 5)]])
    wizard = window.wizard
    assert wizard.open_file(data)
    wizard.next()
    wizard.next()
    wizard.mapping_page.confirm_check.setChecked(True)  # no teacher column: none is set
    wizard.next()
    wizard.next()
    page = wizard.preview_page
    qtbot.waitUntil(page.shows_plan, timeout=20_000)
    assert [page.model.data(page.model.index(r, 1)) for r in range(3)] == [
        "error", "create", "error"]
    page.table.setCurrentIndex(page.model.index(0, 3))
    [button] = page.suggestions.findChildren(QAbstractButton, "didYouMean")
    assert button.text() == "&Use it in 2 rows"
    assert button.toolTip() == ("Replace XLS-30 with XLS-300 in Training course code — "
                                "trainingPathCode wherever it is")
    assert [label.text() for label in page.suggestions.findChildren(QLabel)] == [
        "Did you mean XLS-300?"]
    shot(window, screenshots, "errors-2-did-you-mean")
    button.click()  # in the background, with progress and Cancel
    qtbot.waitUntil(lambda: not page.export_runner.busy, timeout=20_000)
    assert page.progress_label.text() == "2 cells corrected."
    assert [page.model.data(page.model.index(r, 1)) for r in range(3)] == ["create"] * 3
    assert [page.model.data(page.model.index(r, 3)) for r in range(3)] == [
        "XLS-300", "SEC-101", "XLS-300"]
    assert window.state.session.unsaved_corrections() == 2


def test_find_and_replace_corrects_a_column_of_the_rows_shown(
        tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    _wizard, page, _commit = preview_and_commit(teacher_state(tmp_path), qtbot)
    dialog = FindReplaceDialog(page.model, page, synchronous=True)
    qtbot.addWidget(dialog)
    assert [dialog.column_combo.itemText(i) for i in range(dialog.column_combo.count())] == [
        "Login → Teacher's login — teacherLogin", "Name → Teacher's last name — teacherName",
        "E-mail → Teacher's e-mail address — teacherEmail"]
    dialog.choose_column(2)
    dialog.find_edit.setText("adam-at-example")
    dialog.replace_edit.setText("adam@example.org")
    dialog.whole_check.setChecked(True)
    dialog.show()
    shot(dialog, screenshots, "errors-3-find-and-replace")
    assert dialog.replace_all() == 1
    assert dialog.result_label.text() == "1 cell corrected."
    assert page.model.data(page.model.index(2, 1)) == "create"
    dialog.whole_check.setChecked(False)
    dialog.find_edit.setText("example.org")
    dialog.replace_edit.setText("example.com")
    assert dialog.replace_all() == 4
    assert page.model.data(page.model.index(0, 4)) == "zoe@example.com"
    assert replaced("abcabc", "b", "", whole=False) == "acac"
    assert replaced("abc", "b", "x", whole=True) == "abc"


def test_all_files_show_a_file_column_and_the_files_own_headers(
        window: MainWindow, sample: Path, qtbot: QtBot, screenshots: Path) -> None:
    page = sample_preview(window, sample, qtbot)
    page.import_box.setCurrentIndex(page.import_box.findData(-1))
    model = page.model
    file_column = model.file_column()
    assert file_column == model.columnCount() - 1
    assert model.headerData(file_column, Qt.Orientation.Horizontal) == "File"
    assert {model.data(model.index(r, file_column)) for r in range(model.rowCount())} == {
        "teachers.csv", "trainings.xlsx", "sessions.xlsx", "interventions.xlsx",
        "learners.csv", "registrations.xlsx"}
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(2, file_column)] == [
        "Column 1", "Column 2", "Column 3", "Column 4", "Column 5", "Column 6", "Column 7",
        "Places / Langues", "Formateur / Manager", "Statut"]
    assert model.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == (
        "Each file's column 1:\n"
        "teachers.csv: Identifiant → Teacher's login — teacherLogin\n"
        "trainings.xlsx: Code formation → Training course code — trainingPathCode\n"
        "sessions.xlsx: Action → Session action — sessionAction\n"
        "interventions.xlsx: Identifiant → Intervention GUID — interventionGuid\n"
        "learners.csv: Matricule → Learner's reference number — candidateRefNumber\n"
        "registrations.xlsx: Identifiant → Learner's login — candidateLogin")
    model.sort(file_column, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, file_column)) == "registrations.xlsx"
    shot(window, screenshots, "errors-4-all-files")


def test_reports_and_commit_say_nothing_when_there_is_nothing_to_say(
        tmp_path: Path, qtbot: QtBot) -> None:
    clean = "Login;Name;E-mail\nzoe;Zoe;zoe@example.org\n"
    _wizard, page, _commit = preview_and_commit(teacher_state(tmp_path, clean), qtbot)
    assert not page.workbook_button.isEnabled() and not page.log_button.isEnabled()
    assert not page.copy_button.isEnabled()
    assert page.summary() == ["Every row (no message chosen)"]
    assert page.isComplete()  # one row to create


def test_a_new_check_shows_no_old_rows_meanwhile(tmp_path: Path, qtbot: QtBot) -> None:
    _wizard, page, _commit = preview_and_commit(teacher_state(tmp_path), qtbot)
    assert page.model.rowCount() == 4
    page.start_check()
    assert page.model.rowCount() == 0 and page.counts_label.text().startswith("<b>0 row")
    assert not page.isComplete()
    qtbot.waitUntil(page.shows_plan, timeout=20_000)
    assert page.model.rowCount() == 4


def page_clashes(shown: MainWindow, sample: Path, qtbot: QtBot) -> dict[int, Clashes]:
    """The letters two controls share (the menu titles with them) on each page the sample's
    configuration leads through, from the open page to the preview."""
    wizard = shown.wizard
    assert wizard.open_file(sample / "sample-config.xml")
    qtbot.waitUntil(lambda: wizard.currentId() == PREVIEW and wizard.preview_page.shows_plan(),
                    timeout=20_000)
    seen: dict[int, Clashes] = {}
    for page_id in range(OPEN, PREVIEW + 1):
        while wizard.currentId() > page_id:
            wizard.back()
        seen[page_id] = clashes(shown)
        if page_id < PREVIEW:
            wizard.go_to_preview()
    return seen


def test_alt_f_opens_the_file_menu_only(window: MainWindow, sample: Path, qtbot: QtBot,
                                        request: pytest.FixtureRequest) -> None:
    every_page = {page_id: {} for page_id in range(OPEN, PREVIEW + 1)}
    assert page_clashes(window, sample, qtbot) == every_page
    assert window.menuBar().actions()[0].text() == "&File"
    assert window.wizard.buttonText(window.wizard.WizardButton.FinishButton) == "F&inish"
    request.getfixturevalue("french")
    french_window = MainWindow(window.state.store_path)  # built after French is installed
    qtbot.addWidget(french_window)
    french_window.resize(1280, 800)
    french_window.show()
    assert page_clashes(french_window, sample, qtbot) == every_page
    assert french_window.menuBar().actions()[0].text() == "&Fichier"


def test_going_on_without_fields_is_said_for_one_import(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    sample_preview(window, sample, qtbot)
    wizard = window.wizard
    while wizard.currentId() != MAPPING:
        wizard.back()
    wizard.back()
    wizard.back()
    wizard.open_page.import_combo.setCurrentIndex(2)  # the sessions
    wizard.next()
    wizard.next()
    page = wizard.mapping_page
    page.set_field(0, "ignoredColumn")  # the session's action: a mandatory field missing
    assert not page.isComplete()
    page.confirm_check.setChecked(True)
    assert page.isComplete()
    wizard.back()
    wizard.back()
    wizard.open_page.import_combo.setCurrentIndex(3)  # the interventions
    wizard.next()
    wizard.next()
    assert wizard.currentId() == MAPPING
    page.set_field(6, "ignoredColumn")  # the room's label
    assert page.confirm_check.isVisible() and not page.confirm_check.isChecked()
    assert not page.isComplete()


def test_a_nul_pasted_into_a_cell_is_refused_naming_the_cell_and_the_cell_kept(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    page = sample_preview(window, sample, qtbot)
    page.import_box.setCurrentIndex(page.import_box.findData(3))  # the interventions
    model = page.model
    column = next(c for c in range(model.columnCount()) if "interventionStatus" in str(
        model.headerData(c, Qt.Orientation.Horizontal)))
    index = model.index(lines_shown(page).index(8), column)
    before = model.data(index)
    assert not model.setData(index, "A\x00")  # as pasted: typing cannot make one
    assert page.error_label.text() == (
        f"{sample / 'interventions.xlsx'}: line 8, column {column - 1} (interventionStatus): a "
        "cell cannot hold a NUL character (\\x00), which neither the platform nor the store "
        "can keep; the cell was not changed.")
    assert model.data(index) == before
    assert window.state.session.corrected_files() == []
