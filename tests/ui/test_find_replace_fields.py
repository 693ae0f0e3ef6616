"""Find and replace over every file at once works on one field (not a column's position) and
says what it changed in each file; the last replace can be undone, cell by cell, through the
same path as a user's edit."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from importer_gui.ui.find_replace import FindReplaceDialog
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.preview_page import PreviewPage
from tests.ui.wizards import sample_preview, shot

# The sample's imports, as the File box lists them.
TEACHERS, TRAININGS, SESSIONS, INTERVENTIONS, LEARNERS, REGISTRATIONS, ALL = 0, 1, 2, 3, 4, 5, -1


def texts(page: PreviewPage, import_index: int, column: int) -> list[str]:
    """One column of one file's rows, as the plan holds them (whatever is shown)."""
    plan = page.model.plan
    assert plan is not None
    return [str(cells[column]) if column < len(cells) else ""
            for cells in plan.imports[import_index].rows.cells]


def outcomes(page: PreviewPage, import_index: int) -> list[str]:
    """One file's rows' outcomes."""
    plan = page.model.plan
    assert plan is not None
    return [row.outcome.value for row in plan.imports[import_index].rows]


def dialog_on(page: PreviewPage, qtbot: QtBot, import_index: int) -> FindReplaceDialog:
    """The preview showing one file (or all), and the dialog over it."""
    page.import_box.setCurrentIndex(page.import_box.findData(import_index))
    dialog = FindReplaceDialog(page.model, page, synchronous=True)
    qtbot.addWidget(dialog)
    return dialog


def choose(dialog: FindReplaceDialog, key: object, find: str, replacement: str, *,
           whole: bool = False) -> None:
    """A column (one file) or field (all files), and what to find and put instead."""
    dialog.column_combo.setCurrentIndex(dialog.column_combo.findData(key))
    dialog.find_edit.setText(find)
    dialog.replace_edit.setText(replacement)
    dialog.whole_check.setChecked(whole)


def test_all_files_offer_fields_and_correct_only_that_field_saying_where(
        window: MainWindow, sample: Path, qtbot: QtBot, screenshots: Path) -> None:
    page = sample_preview(window, sample, qtbot)
    dialog = dialog_on(page, qtbot, ALL)
    items = [dialog.column_combo.itemText(i) for i in range(dialog.column_combo.count())]
    assert items[:5] == ["Teacher's login — teacherLogin", "Teacher's last name — teacherName",
                         "Teacher's first name — teacherFirstname",
                         "Teacher's e-mail address — teacherEmail",
                         "Training course code — trainingPathCode"]
    assert len(items) == len(set(items)) == 31  # each field once, however many files map it
    assert not any(" / " in item for item in items)  # no merged titles of a position
    dialog.choose_column(2, page.model.view_row_of(LEARNERS, 0))  # the learners' e-mail
    assert dialog.column_combo.currentText() == "Learner's e-mail address — candidateEmail"
    assert dialog.files_label.text() == "Searched in: learners.csv (column Courriel)"
    choose(dialog, "sessionTitle", "Sécurité", "Securite")
    assert dialog.files_label.text() == (
        "Searched in: sessions.xlsx (column Titre de la session), interventions.xlsx "
        "(column Session), registrations.xlsx (column Titre de la session)")
    trainings_before = texts(page, TRAININGS, 1)
    assert "Sécurité incendie" in trainings_before  # the same words, in another field
    assert dialog.replace_all() == 10
    assert dialog.result_label.text() == (
        "10 cells corrected: 2 in sessions.xlsx, 2 in interventions.xlsx, "
        "6 in registrations.xlsx.")
    dialog.show()
    shot(dialog, screenshots, "find-replace-1-all-files")
    assert texts(page, SESSIONS, 2)[:2] == ["Securite incendie - Lyon janvier",
                                            "Management - Paris printemps"]
    assert texts(page, INTERVENTIONS, 2)[0] == "Securite incendie - Lyon janvier"
    assert texts(page, REGISTRATIONS, 2).count("Securite incendie - Lyon janvier") == 5
    assert texts(page, TRAININGS, 1) == trainings_before  # other fields untouched
    corrections = window.state.session.choices.corrections
    assert sorted(entry.file.name for entry in corrections.files()) == [
        "interventions.xlsx", "registrations.xlsx", "sessions.xlsx"]
    assert {c.field for entry in corrections.files() for c in entry.cells.values()} == {
        "sessionTitle"}


def test_one_file_shown_offers_its_columns_and_says_a_count(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    page = sample_preview(window, sample, qtbot)
    dialog = dialog_on(page, qtbot, SESSIONS)
    assert dialog.column_combo.itemText(2) == (
        "Titre de la session → Session title — sessionTitle")
    assert dialog.files_label.isHidden()
    choose(dialog, 2, "Sécurité", "Securite")
    assert dialog.replace_all() == 2
    assert dialog.result_label.text() == "2 cells corrected."
    assert texts(page, REGISTRATIONS, 2)[0] == "Sécurité incendie - Lyon janvier"


def test_undo_puts_back_a_whole_cell_replace_and_its_outcomes(
        window: MainWindow, sample: Path, qtbot: QtBot, screenshots: Path) -> None:
    page = sample_preview(window, sample, qtbot)
    dialog = dialog_on(page, qtbot, SESSIONS)
    assert not dialog.undo_button.isEnabled()  # nothing to undo yet
    codes, results = texts(page, SESSIONS, 1), outcomes(page, SESSIONS)
    assert results[2] == "error"  # XLS-999 is no training's code
    # XLS-999 -> XLS-300: a value the column already holds, which no reverse replace undoes.
    choose(dialog, 1, "XLS-999", "XLS-300", whole=True)
    assert dialog.replace_all() == 1
    assert texts(page, SESSIONS, 1).count("XLS-300") == 3
    assert outcomes(page, SESSIONS)[2] == "create"
    assert dialog.undo_button.isEnabled()
    assert dialog.undo_button.toolTip() == "Put back the 1 cell the last replace changed"
    assert dialog.undo() == 1
    assert dialog.result_label.text() == "1 cell put back as it was."
    dialog.show()
    shot(dialog, screenshots, "find-replace-2-undone")
    assert texts(page, SESSIONS, 1) == codes
    assert outcomes(page, SESSIONS) == results
    assert window.state.session.unsaved_corrections() == 0  # back to the file's own text
    assert not dialog.undo_button.isEnabled()


def test_undo_over_all_files_says_each_file_and_survives_closing_the_dialog(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    page = sample_preview(window, sample, qtbot)
    before = {i: texts(page, i, 1) for i in (TRAININGS, SESSIONS, INTERVENTIONS, REGISTRATIONS)}
    results = {i: outcomes(page, i) for i in before}
    dialog = dialog_on(page, qtbot, ALL)
    choose(dialog, "trainingPathCode", "XLS-", "EXCEL-")
    assert dialog.replace_all() == 5
    assert texts(page, SESSIONS, 1)[2] == "EXCEL-999"
    dialog.close()
    again = dialog_on(page, qtbot, SESSIONS)  # opened afresh, on one file
    assert again.undo_button.isEnabled()
    assert again.undo() == 5
    assert again.result_label.text() == (
        "5 cells put back as they were: 1 in trainings.xlsx, 3 in sessions.xlsx, "
        "1 in registrations.xlsx.")
    assert {i: texts(page, i, 1) for i in before} == before
    assert {i: outcomes(page, i) for i in before} == results
    assert window.state.session.unsaved_corrections() == 0


def test_undo_leaves_a_cell_edited_since_and_says_so(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    page = sample_preview(window, sample, qtbot)
    dialog = dialog_on(page, qtbot, TEACHERS)
    choose(dialog, 1, "n", "NN")
    assert dialog.replace_all() == 3
    assert texts(page, TEACHERS, 1) == ["DupoNNt", "MartiNN", "Leroy", " NguyeNN\xa0"]
    dialog.close()
    model = page.model
    assert model.setData(model.index(model.view_row_of(TEACHERS, 1), 3), "Martino")
    again = dialog_on(page, qtbot, TEACHERS)
    assert again.undo() == 2
    assert again.result_label.text() == (
        "2 cells put back as they were. 1 cell edited since was left as it is.")
    assert texts(page, TEACHERS, 1) == ["Dupont", "Martino", "Leroy", " Nguyen\xa0"]
    assert window.state.session.unsaved_corrections() == 1  # the user's own edit stays


def test_undo_is_off_once_every_cell_was_edited_since(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    page = sample_preview(window, sample, qtbot)
    dialog = dialog_on(page, qtbot, TEACHERS)
    choose(dialog, 0, "sleroy", "sleroi", whole=True)
    assert dialog.replace_all() == 1
    model = page.model
    assert model.setData(model.index(model.view_row_of(TEACHERS, 2), 2), "sleroy2")
    assert not dialog.undo_button.isEnabled()  # the table changed under the dialog
    assert dialog.undo_button.toolTip() == "Nothing to undo"
    choose(dialog, 0, "nobody", "anybody")
    assert dialog.replace_all() == 0
    assert dialog.result_label.text() == "0 cells corrected."
    assert not dialog.undo_button.isEnabled()


def test_a_workbooks_date_cells_are_found_and_replaced_as_the_cell_editor_offers_them(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    page = sample_preview(window, sample, qtbot)
    dialog = dialog_on(page, qtbot, SESSIONS)
    results = outcomes(page, SESSIONS)
    assert results[1] == "create"
    # A year shift over the end dates: the date cell too, in the import's DD/MM/YYYY.
    choose(dialog, 4, "2027", "2028")
    assert dialog.replace_all() == 6
    assert texts(page, SESSIONS, 4) == ["13/01/2028", "03/03/2028", "05/02/2028",
                                        "01/03/2028", "", "11/02/2028", "18/02/2028", "NULL"]
    assert outcomes(page, SESSIONS) == results  # no valid row broken
    assert dialog.undo() == 6
    assert texts(page, SESSIONS, 4)[:3] == ["13/01/2027", "03/03/2027", "05/02/2027"]
    assert outcomes(page, SESSIONS) == results
    # Line 3's start date is the workbook's own date cell (so is line 9's): found as the
    # cell editor writes it, not as ISO text.
    choose(dialog, 3, "02/03/2027", "04/03/2027", whole=True)
    assert dialog.edits() == [(SESSIONS, 1, 3, "04/03/2027"), (SESSIONS, 7, 3, "04/03/2027")]
    choose(dialog, 3, "2027-03", "2027-04")
    assert dialog.edits() == []


def test_in_french_a_date_cell_is_found_as_the_import_writes_it(
        french: None, window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    page = sample_preview(window, sample, qtbot)
    dialog = dialog_on(page, qtbot, SESSIONS)
    choose(dialog, 3, "02/03/2027", "04/03/2027", whole=True)
    assert dialog.edits() == [(SESSIONS, 1, 3, "04/03/2027"), (SESSIONS, 7, 3, "04/03/2027")]
    choose(dialog, 4, "2027", "2028")
    assert dialog.replace_all() == 6
    assert outcomes(page, SESSIONS)[1] == "create"
