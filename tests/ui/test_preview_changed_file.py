"""The preview's corrections when their data file changed on disk, on workbook date cells,
on a column no longer mapped; the File box's counts and the commit's words about them."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from importer_gui.core.catalogue import IGNORED_COLUMN
from importer_gui.core.corrections import run_corrections
from importer_gui.core.issues import Outcome
from importer_gui.core.store import Store
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.models.preview_model import FIRST_VALUE_COLUMN
from importer_gui.ui.pages.preview_page import PreviewPage
from tests.ui.wizards import sample_preview, shot

NOM, COURRIEL = FIRST_VALUE_COLUMN + 1, FIRST_VALUE_COLUMN + 3
EDIT = Qt.ItemDataRole.EditRole


def view_row(page: PreviewPage, line: int) -> int:
    """The table row showing a file line."""
    model = page.model
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())].index(line)


def edit(page: PreviewPage, line: int, column: int, text: str) -> bool:
    """Type into a cell as the table's editor does."""
    return page.model.setData(page.model.index(view_row(page, line), column), text)


def check_again(page: PreviewPage, qtbot: QtBot) -> None:
    """Press Check again and wait for the rows."""
    page.recheck_button.click()
    qtbot.waitUntil(page.shows_plan, timeout=20_000)


def select(page: PreviewPage, line: int, column: int) -> str:
    """Select a cell; what Selected row then says."""
    page.table.setCurrentIndex(page.model.index(view_row(page, line), column))
    return page.details.toPlainText()


def test_corrections_a_changed_file_no_longer_matches_are_dropped_and_said(
        window: MainWindow, sample: Path, qtbot: QtBot, screenshots: Path) -> None:
    page = sample_preview(window, sample, qtbot)
    assert edit(page, 3, NOM, "Martinez")
    assert edit(page, 4, COURRIEL, "sophie.leroy@example.org")
    data = sample / "teachers.csv"
    head, rest = data.read_text(encoding="utf-8").split("\n", 1)
    data.write_text(f"{head}\nanew;Nouveau;Anne;anne@example.org\n{rest}", encoding="utf-8")
    check_again(page, qtbot)
    assert page.notice.isVisible()
    assert page.notice.text() == (
        "2 corrections no longer match teachers.csv, which changed since they were made: "
        "they were dropped, so that none lands on another row. Make them again where they "
        "belong:\n"
        "• line 3, Nom: “Martin” → “Martinez”\n"
        "• line 4, Courriel: “sophie.leroy-at-example.org” → “sophie.leroy@example.org”")
    shot(window, screenshots, "preview-corrections-set-aside")
    details = select(page, 4, COURRIEL)  # jmartin now: none of Sophie's address
    assert details.startswith("Line 4 of teachers.csv") and "Corrected" not in details
    assert page.model.data(page.model.index(view_row(page, 3), NOM),
                           Qt.ItemDataRole.FontRole) is None
    assert not page.copy_button.isEnabled()  # nothing to write onto anyone's row
    window.wizard.next()
    commit = window.wizard.commit_page
    qtbot.waitUntil(lambda: commit.result is not None, timeout=20_000)
    assert "correction" not in commit.status.text()
    with Store.open(page.session.store_path) as store:
        assert run_corrections(store, commit.result.run_id) == []


def test_the_corrections_still_matching_are_kept_copied_and_recorded(
        window: MainWindow, sample: Path, qtbot: QtBot, tmp_path: Path) -> None:
    page = sample_preview(window, sample, qtbot)
    edit(page, 3, NOM, "Martinez")
    edit(page, 4, COURRIEL, "sophie.leroy@example.org")
    data = sample / "teachers.csv"
    data.write_bytes(data.read_bytes().replace(b";Martin;", b";Martin-Durand;"))
    check_again(page, qtbot)
    assert page.notice.text().startswith("1 correction no longer matches teachers.csv")
    assert page.notice.text().endswith("• line 3, Nom: “Martin” → “Martinez”")
    page.save_corrected_copy(tmp_path / "copy.csv")
    qtbot.waitUntil(lambda: page.last_export is not None, timeout=10_000)
    assert (tmp_path / "copy.csv").read_bytes() == data.read_bytes().replace(
        b"sophie.leroy-at-example.org", b"sophie.leroy@example.org")
    window.wizard.next()
    commit = window.wizard.commit_page
    qtbot.waitUntil(lambda: commit.result is not None, timeout=20_000)
    with Store.open(page.session.store_path) as store:
        recorded = run_corrections(store, commit.result.run_id)
    assert [(c.line, c.header, c.after) for c in recorded] == [
        (4, "Courriel", "sophie.leroy@example.org")]


def choose_file(page: PreviewPage, name: str) -> None:
    """Choose a data file in the File box."""
    box = page.import_box
    box.setCurrentIndex(next(n for n in range(box.count()) if box.itemText(n).startswith(name)))


def test_a_workbook_date_cell_is_edited_in_the_import_date_format(
        window: MainWindow, sample: Path, qtbot: QtBot, screenshots: Path) -> None:
    page = sample_preview(window, sample, qtbot)
    choose_file(page, "sessions.xlsx")
    imp = page.model.imports()[0]
    start = FIRST_VALUE_COLUMN + imp.columns.index("sessionStartDate")
    index = page.model.index(view_row(page, 3), start)
    assert page.model.data(index, EDIT) == "02/03/2027"
    assert not page.model.setData(index, "02/03/2027")  # left as it opened: no correction
    assert page.session.correction(imp.file, 3, start - FIRST_VALUE_COLUMN) is None
    page.table.setCurrentIndex(index)
    page.table.edit(index)
    shot(window, screenshots, "preview-date-cell-editor")
    page.table.closePersistentEditor(index)
    assert page.model.setData(index, "02/03/2057")
    assert page.model.data(page.model.index(view_row(page, 3), 1)) != "error"
    # Said in one format, the editor's: the cell held the date 2027-03-02.
    assert "“02/03/2027” → “02/03/2057”" in select(page, 3, start)
    # The date typed back as the editor offered it: no correction is left (no italics).
    assert page.model.setData(page.model.index(view_row(page, 3), start), "02/03/2027")
    assert page.session.correction(imp.file, 3, start - FIRST_VALUE_COLUMN) is None
    assert page.session.unsaved_corrections() == 0


def test_a_corrected_column_no_longer_mapped_is_named_by_its_header(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    page = sample_preview(window, sample, qtbot)
    edit(page, 4, COURRIEL, "sophie.leroy@example.org")
    provider = page.session.choices.config.imports[0].provider
    provider.columns[3] = dataclasses.replace(provider.columns[3], field=IGNORED_COLUMN)
    check_again(page, qtbot)
    assert "Corrected: Courriel (not mapped), “sophie.leroy-at-example.org” → " \
           "“sophie.leroy@example.org”" in select(page, 4, COURRIEL)


def test_a_copy_refused_names_the_field_the_column_feeds_now(
        window: MainWindow, sample: Path, qtbot: QtBot, tmp_path: Path) -> None:
    page = sample_preview(window, sample, qtbot)
    choose_file(page, "trainings.xlsx")
    assert edit(page, 2, FIRST_VALUE_COLUMN + 1, "Sécurité\x01")  # then trainingTitle
    provider = page.session.choices.config.imports[1].provider
    for column, name in ((0, "trainingTitle"), (1, "trainingPathCode")):
        provider.columns[column] = dataclasses.replace(provider.columns[column], field=name)
    check_again(page, qtbot)
    choose_file(page, "trainings.xlsx")
    page.save_corrected_copy(tmp_path / "copy.xlsx")
    qtbot.waitUntil(lambda: page.export_runner.busy is False, timeout=20_000)
    assert page.error_label.text() == (
        f"{sample / 'trainings.xlsx'}: line 2, column 2 (trainingPathCode): U+0001 cannot be "
        "written in a workbook. Nothing was written; change those characters in the cell, "
        "then save the copy again.")
    assert not (tmp_path / "copy.xlsx").exists()


def test_the_file_box_counts_follow_the_corrections(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    page = sample_preview(window, sample, qtbot)
    assert page.import_box.itemText(0) == "teachers.csv (1 with errors)"
    edit(page, 4, COURRIEL, "sophie.leroy@example.org")
    assert page.import_box.itemText(0) == "teachers.csv"
    assert page.model.counts()[Outcome.ERROR] == 0


MANAGER = FIRST_VALUE_COLUMN + 8
ZOE = "E2000;zz;zz@example.org;Zed;Zoe;Y;;fr-FR;\r\n"


def test_a_corrected_empty_cell_is_set_aside_when_a_learner_is_inserted_above(
        window: MainWindow, sample: Path, qtbot: QtBot, screenshots: Path) -> None:
    page = sample_preview(window, sample, qtbot)
    choose_file(page, "learners.csv")
    assert edit(page, 2, MANAGER, "lpetit")  # Claire's empty Manager
    data = sample / "learners.csv"
    head, rest = data.read_text(encoding="utf-8").split("\n", 1)
    data.write_text(f"{head}\n{ZOE}{rest}", encoding="utf-8", newline="")
    check_again(page, qtbot)
    choose_file(page, "learners.csv")
    assert page.notice.isVisible()
    assert page.notice.text() == (
        "1 correction no longer matches learners.csv, which changed since it was made: "
        "it was dropped, so that it does not land on another row. Make it again where it "
        "belongs:\n"
        "• line 2, Manager: “” → “lpetit”")
    shot(window, screenshots, "preview-empty-cell-correction-set-aside")
    model = page.model
    for line, login in ((2, "zz"), (3, "cbernard")):  # Zoe's row, then Claire's: no manager
        row = view_row(page, line)
        assert model.data(model.index(row, FIRST_VALUE_COLUMN + 1)) == login
        assert model.data(model.index(row, MANAGER)) == ""
        assert model.data(model.index(row, MANAGER), Qt.ItemDataRole.FontRole) is None
    assert page.session.unsaved_corrections() == 0
    assert not page.copy_button.isEnabled()
