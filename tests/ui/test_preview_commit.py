"""Preview and commit pages end to end on the real core: check, fix, commit, browse."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from importer_gui.core import pipeline
from importer_gui.core.config import Column
from importer_gui.core.errors import ImporterError
from importer_gui.core.issues import Outcome
from importer_gui.core.log import log_path
from importer_gui.core.records import Table
from importer_gui.core.session import Committed
from importer_gui.core.store import Store
from importer_gui.ui.models.preview_model import RowFilter
from importer_gui.ui.pages.commit_page import CommitPage
from importer_gui.ui.pages.preview_page import PreviewPage
from importer_gui.ui.state import WizardState
from importer_gui.ui.styles import Fill, fill_brush
from importer_gui.ui.tasks import TaskRunner
from tests.ui.wizards import preview_and_commit

TEACHERS = """Login;Name;E-mail
zoe;Zoe;zoe@example.org
;Nobody;x@example.org
adam;Adam;adam-at-example
mia;Mia;mia@example.org
"""
LOGIN, EMAIL = 2, 4  # model columns: Line, Outcome, Login, Name, E-mail
BACKGROUND = Qt.ItemDataRole.BackgroundRole
TIP = Qt.ItemDataRole.ToolTipRole


def teacher_state(tmp_path: Path, text: str = TEACHERS, notes: int = 0) -> WizardState:
    """A wizard state for a teacher CSV, mapped as the mapping page would (``notes`` ignored
    columns "Note 0"... between the name and the e-mail)."""
    data = tmp_path / "teachers.csv"
    data.write_text(text, encoding="utf-8")
    columns = [Column("teacherLogin", header="Login"), Column("teacherName", header="Name"),
               *[Column("ignoredColumn", header=f"Note {n}") for n in range(notes)],
               Column("teacherEmail", header="E-mail")]
    state = WizardState(tmp_path / "data" / "store.sqlite3")
    state.session.set_config(pipeline.new_config(data, "createOrUpdateTeacherAction", columns),
                             [data])
    return state


def view_row(page: PreviewPage, line: int) -> int:
    """The table row showing a file line."""
    model = page.model
    lines = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    return lines.index(line)


def lines_shown(page: PreviewPage) -> list[int]:
    """The file lines the table shows, top to bottom."""
    return [page.model.data(page.model.index(r, 0)) for r in range(page.model.rowCount())]


def edit(page: PreviewPage, line: int, column: int, text: str) -> None:
    """Type a new value into a cell, as the table's editor does."""
    assert page.model.setData(page.model.index(view_row(page, line), column), text)


def stored_logins(state: WizardState) -> list[str]:
    """Teacher logins in the store, by id."""
    with Store.open(state.store_path) as store:
        return [t.login for t in store.page(Table.TEACHER)]


@pytest.fixture
def wizard(tmp_path: Path, qtbot: object) -> tuple[QWizard, PreviewPage, CommitPage]:
    """A wizard of the preview and commit pages over the teacher file, checked."""
    return preview_and_commit(teacher_state(tmp_path), qtbot)


def test_preview_shows_each_rows_outcome_and_the_bad_cells(wizard: tuple, screenshots: Path,
                                                           tmp_path: Path) -> None:
    _wiz, page, _commit = wizard
    model = page.model
    assert lines_shown(page) == [2, 3, 4, 5]
    assert [model.data(model.index(r, 1)) for r in range(4)] == [
        "create", "error", "error", "create"]
    assert model.headerData(EMAIL, Qt.Orientation.Horizontal) == (
        "E-mail\n→ Teacher's e-mail address — teacherEmail")
    bad = model.index(view_row(page, 4), EMAIL)
    assert model.data(bad, BACKGROUND) == fill_brush(Fill.ERROR)
    assert model.data(bad, TIP) == (
        "ERROR: Teacher's e-mail address — teacherEmail: adam-at-example is not an e-mail "
        "address.")
    assert model.data(model.index(view_row(page, 3), LOGIN), TIP) == (
        "ERROR: Teacher's login — teacherLogin is empty.")
    assert "4 rows" in page.counts_label.text()
    assert "2 with errors" in page.counts_label.text()
    page.grab().save(str(screenshots / "preview_page.png"))
    page.set_filter(RowFilter.ERRORS)
    assert lines_shown(page) == [3, 4]


def test_editing_a_bad_cell_rechecks_its_row(wizard: tuple, tmp_path: Path,
                                            qtbot: object) -> None:
    _wiz, page, _commit = wizard
    edit(page, 4, EMAIL, "adam@example.org")
    row = view_row(page, 4)
    assert page.model.data(page.model.index(row, 1)) == "create"
    assert page.model.data(page.model.index(row, EMAIL), BACKGROUND) is None
    assert page.model.counts()[Outcome.ERROR] == 1
    assert "1 with errors" in page.counts_label.text()
    assert page.state.choices.plan_edited
    page.save_error_log(tmp_path)  # written in the background; the rows wait meanwhile
    assert not page.table.isEnabled() and not page.isComplete()
    qtbot.waitUntil(lambda: page.last_export is not None, timeout=10_000)
    log = page.last_export
    assert log.read_text(encoding="utf-8").splitlines() == [
        "Line number:3,ERROR,,Nobody,x@example.org,Field teacherLogin is empty."]
    assert page.table.isEnabled() and page.isComplete()
    assert page.progress_label.text() == f"Saved {log}."
    page.export_workbook(tmp_path / "issues.xlsx")
    qtbot.waitUntil(lambda: page.last_export == tmp_path / "issues.xlsx", timeout=10_000)
    rows = list(openpyxl.load_workbook(page.last_export).active.values)
    assert [r[0] for r in rows] == ["Line", 3]


def test_a_log_saved_right_after_an_edit_stays_said_saved(wizard: tuple, tmp_path: Path,
                                                          qtbot: object) -> None:
    # The edit's counts come again on a zero timer; a report written before it fires (at
    # once here) must not be followed by "Checked." over its "Saved".
    _wiz, page, _commit = wizard
    page.export_runner.synchronous = True
    edit(page, 4, EMAIL, "adam@example.org")
    page.save_error_log(tmp_path)
    log = page.last_export
    assert log is not None and page.progress_label.text() == f"Saved {log}."
    qtbot.wait(50)  # type: ignore[attr-defined]  # the timer's turn
    assert page.progress_label.text() == f"Saved {log}."
    assert "1 with errors" in page.counts_label.text()


def test_a_report_that_cannot_be_written_is_one_line_and_the_rows_come_back(
        wizard: tuple, tmp_path: Path, qtbot: object) -> None:
    _wiz, page, _commit = wizard
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    page.export_workbook(blocker / "issues.xlsx")
    qtbot.waitUntil(lambda: page.table.isEnabled(), timeout=10_000)
    assert page.error_label.text().startswith(f"Could not write {blocker / 'issues.xlsx'}: ")
    assert page.last_export is None and page.isComplete()


def test_in_french_the_corrections_recorded_name_the_window_tab_that_shows_them(
        french: None, tmp_path: Path, qtbot: object) -> None:
    wiz, page, commit = preview_and_commit(teacher_state(tmp_path), qtbot)
    edit(page, 3, LOGIN, "nobody")
    wiz.next()
    qtbot.waitUntil(lambda: commit.result is not None, timeout=10_000)  # type: ignore[attr-defined]
    assert commit.status.text() == (
        "Validé\u00a0: l'exécution 1 figure dans l'historique. 1 correction faite dans "
        "l'aperçu est enregistrée avec elle\u00a0: l'onglet Historique de l'explorateur de la "
        "base l'affiche.")
    assert commit._committed_text(Committed(1, {}, corrections=2)).endswith(
        "Les 2 corrections faites dans l'aperçu sont enregistrées avec elle\u00a0: l'onglet "
        "Historique de l'explorateur de la base les affiche.")


def test_commit_writes_what_the_preview_showed(wizard: tuple, qtbot: object,
                                               screenshots: Path) -> None:
    wiz, page, commit = wizard
    edit(page, 3, LOGIN, "nobody")
    edit(page, 4, EMAIL, "adam@example.org")
    wiz.next()
    qtbot.waitUntil(lambda: commit.result is not None, timeout=10_000)
    assert wiz.currentPage() is commit
    assert commit.count_labels[Outcome.CREATE].text() == "4"
    assert commit.count_labels[Outcome.ERROR].text() == "0"
    assert stored_logins(page.state) == ["zoe", "nobody", "adam", "mia"]
    assert commit.status.text() == (
        "Committed: run 1 is in the history. The 2 corrections made in the preview are "
        "recorded with it: the store browser's History tab shows them.")
    commit.grab().save(str(screenshots / "commit_page.png"))
    browser = commit.open_browser()
    assert browser is not None
    qtbot.waitUntil(lambda: not browser.busy)  # type: ignore[attr-defined]
    browser.show_table(Table.TEACHER)  # read once shown
    qtbot.waitUntil(lambda: not browser.busy)  # type: ignore[attr-defined]
    assert browser.record_tabs[Table.TEACHER].model.total == 4
    assert browser.history_model.rowCount() == 1
    browser.close()


def test_rows_left_with_errors_are_skipped(wizard: tuple, qtbot: object) -> None:
    wiz, page, commit = wizard
    wiz.next()
    qtbot.waitUntil(lambda: commit.result is not None, timeout=10_000)
    assert commit.count_labels[Outcome.CREATE].text() == "2"
    assert commit.count_labels[Outcome.ERROR].text() == "2"
    assert stored_logins(page.state) == ["zoe", "mia"]
    wiz.back()  # the preview checks again against the store as it now is
    qtbot.waitUntil(page.shows_plan, timeout=10_000)  # nothing to commit: Commit is disabled
    assert [page.model.data(page.model.index(r, 1)) for r in range(4)] == [
        "unchanged", "error", "error", "unchanged"]


def test_commit_goes_back_when_a_full_check_disagrees(tmp_path: Path, qtbot: object) -> None:
    # Line 2 lacks a login; line 3 creates bob. Typing "bob" on line 2 re-checks that row
    # alone (bob exists by then: unchanged); checked in order, line 2 creates bob instead.
    state = teacher_state(tmp_path, "Login;Name;E-mail\n;Bob;bob@example.org\n"
                                    "bob;Bob;bob@example.org\n")
    wiz, preview, commit = preview_and_commit(state, qtbot)
    edit(preview, 2, LOGIN, "bob")
    assert preview.model.data(preview.model.index(0, 1)) == "unchanged"
    wiz.next()
    qtbot.waitUntil(lambda: wiz.currentPage() is preview, timeout=10_000)
    assert "2 rows now have a different outcome" in preview.notice.text()
    assert "line 2" in preview.notice.text()
    assert [preview.model.data(preview.model.index(r, 1)) for r in range(2)] == [
        "create", "unchanged"]
    assert stored_logins(state) == []  # nothing written yet
    wiz.next()
    qtbot.waitUntil(lambda: commit.result is not None, timeout=10_000)
    assert commit.count_labels[Outcome.CREATE].text() == "1"
    assert stored_logins(state) == ["bob"]


def test_cancelling_the_check_says_so(tmp_path: Path, qtbot: object) -> None:
    rows = "".join(f"t{n};Name;t{n}@example.org\n" for n in range(3000))
    state = teacher_state(tmp_path, "Login;Name;E-mail\n" + rows)
    page = PreviewPage(state)
    qtbot.addWidget(page)
    page.runner.synchronous = True
    page.runner.progressed.connect(lambda *_: page.cancel())  # the user presses Cancel
    page.start_check()
    assert not page.isComplete()
    assert page.error_label.text() == (
        "The check was cancelled: press Check again to see the rows.")
    page.runner.progressed.disconnect()
    page.start_check()
    assert page.model.rowCount() == 3000


def test_a_failed_check_is_one_clear_line(tmp_path: Path, qtbot: object) -> None:
    state = teacher_state(tmp_path)
    state.choices.data_files[0].unlink()
    page = PreviewPage(state)
    qtbot.addWidget(page)
    page.runner.synchronous = True
    page.start_check()
    assert "teachers.csv" in page.error_label.text()
    assert "Traceback" not in page.error_label.text()
    assert not page.isComplete()


def test_cancelling_a_commit_writes_nothing(tmp_path: Path, qtbot: object) -> None:
    rows = "".join(f"t{n};Name;t{n}@example.org\n" for n in range(3000))
    state = teacher_state(tmp_path, "Login;Name;E-mail\n" + rows)
    page, commit = PreviewPage(state), CommitPage(state)
    qtbot.addWidget(page)
    qtbot.addWidget(commit)
    page.runner.synchronous = commit.runner.synchronous = True
    page.start_check()
    commit.runner.progressed.connect(lambda *_: commit.cancel())
    commit.start()
    assert commit.status.text() == "Cancelled: nothing was written."
    assert commit.result is None
    assert stored_logins(state) == []


def test_task_runner_turns_a_bug_into_one_clear_line(qtbot: object) -> None:
    runner = TaskRunner()
    errors: list[ImporterError] = []

    def broken(monitor: object) -> None:
        raise KeyError("oops")

    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.run(broken, lambda _result: None, errors.append)
    assert str(errors[0]) == ("Something unexpected went wrong (KeyError); nothing was "
                              f"written. Details are in the application log ({log_path()}).")
    results: list[int] = []
    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.run(lambda monitor: 6 * 7, results.append)
    assert results == [42]


def test_a_store_browser_left_open_reads_the_store_again_after_a_commit(
        wizard: tuple, qtbot: object) -> None:
    wiz, _page, commit = wizard
    browser = commit.open_browser()
    assert browser is not None
    qtbot.waitUntil(lambda: not browser.busy)  # type: ignore[attr-defined]
    assert browser.history_model.rowCount() == 0
    browser.show_table(Table.TEACHER)  # read once shown, then again after the commit
    qtbot.waitUntil(lambda: not browser.busy)  # type: ignore[attr-defined]
    assert browser.record_tabs[Table.TEACHER].model.total == 0
    wiz.next()
    qtbot.waitUntil(lambda: commit.result is not None, timeout=10_000)
    qtbot.waitUntil(lambda: not browser.busy)
    assert browser.history_model.rowCount() == 1
    assert browser.record_tabs[Table.TEACHER].model.total == 2
    browser.close()



def test_a_revert_in_the_store_browser_checks_the_shown_preview_again(
        wizard: tuple, qtbot: object) -> None:
    wiz, page, commit = wizard
    wiz.next()
    qtbot.waitUntil(lambda: commit.result is not None, timeout=10_000)
    run_id = commit.result.run_id
    wiz.back()
    qtbot.waitUntil(page.shows_plan, timeout=10_000)  # nothing to commit: Commit is disabled
    assert page.model.counts()[Outcome.UNCHANGED] == 2
    browser = commit.open_browser()
    assert browser is not None
    qtbot.waitUntil(lambda: not browser.busy)  # type: ignore[attr-defined]
    dialog = browser.open_revert(run_id)
    qtbot.waitUntil(lambda: dialog.revert_button.isEnabled(), timeout=10_000)
    qtbot.mouseClick(dialog.revert_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.counts()[Outcome.CREATE] == 2, timeout=10_000)
    assert stored_logins(page.state) == []
    dialog.close()
    browser.close()


def test_in_french_a_report_button_disabled_says_why(french: None, tmp_path: Path,
                                                      qtbot: object) -> None:
    clean = "Login;Name;E-mail\nzoe;Zoe;zoe@example.org\n"
    _wiz, page, _commit = preview_and_commit(teacher_state(tmp_path, clean), qtbot)
    assert not page.copy_button.isEnabled() and not page.workbook_button.isEnabled()
    assert page.copy_button.toolTip() == (
        "Le fichier de données avec vos corrections, dans son format, son encodage et son "
        "séparateur.\nDisponible après une correction\u00a0: double-cliquez sur une cellule, "
        "ou utilisez Rechercher et remplacer.")
    for button in (page.workbook_button, page.log_button):
        assert button.toolTip() == (
            "Disponible quand une ligne a une erreur ou un avertissement\u00a0: aucune n'en "
            "a pour l'instant.")
    edit(page, 2, EMAIL, "zoe@example.com")
    assert page.copy_button.isEnabled()
    assert page.copy_button.toolTip() == (
        "Le fichier de données avec vos corrections, dans son format, son encodage et son "
        "séparateur.")


def test_in_english_the_corrections_recorded_are_counted_in_words(
        english: None, tmp_path: Path, qtbot: object) -> None:
    wiz, page, commit = preview_and_commit(teacher_state(tmp_path), qtbot)
    edit(page, 3, LOGIN, "nobody")
    wiz.next()
    qtbot.waitUntil(lambda: commit.result is not None, timeout=10_000)  # type: ignore[attr-defined]
    assert commit.status.text() == (
        "Committed: run 1 is in the history. The 1 correction made in the preview is "
        "recorded with it: the store browser's History tab shows it.")
    assert commit._committed_text(Committed(1, {}, corrections=2)).endswith(
        "The 2 corrections made in the preview are recorded with it: the store browser's "
        "History tab shows them.")
