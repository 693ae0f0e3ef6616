"""No correction is ever lost: they come back with every check, the window asks before it
drops them, they are saved as a corrected copy or with a commit; a commit stopped midway
says that nothing was written."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from importer_gui.core.issues import Outcome
from importer_gui.core.progress import Monitor
from importer_gui.core.records import Table
from importer_gui.core.store import Store
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.preview_page import PreviewPage
from importer_gui.ui.wizard import COMMIT, OPEN, PREVIEW
from tests.ui.conftest import Questions
from tests.ui.test_preview_commit import teacher_state
from tests.ui.wizards import preview_and_commit, sample_preview, shot

EMAIL = 5  # Line, Outcome, then the sample's teachers.csv: login, name, first name, e-mail
FIXED = "sophie.leroy@example.org"


def cell(page: PreviewPage, line: int, column: int) -> QModelIndex:
    """The table cell of a file line."""
    model = page.model
    rows = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    return model.index(rows.index(line), column)


def correct_the_email(page: PreviewPage) -> None:
    """Type the right address over sleroy's wrong one (line 4 of teachers.csv)."""
    assert page.model.setData(cell(page, 4, EMAIL), FIXED)


def outcome(page: PreviewPage, line: int) -> str:
    return page.model.data(cell(page, line, 1))


def test_corrections_survive_check_again_back_next_and_the_configuration_opened_again(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions,
        screenshots: Path) -> None:
    page = sample_preview(window, sample, qtbot)
    correct_the_email(page)
    assert outcome(page, 4) == "create"
    assert page.model.data(cell(page, 4, EMAIL), Qt.ItemDataRole.FontRole) == QFont(
        page.model._italic)  # a corrected cell is in italics
    assert page.model.data(cell(page, 4, EMAIL), Qt.ItemDataRole.ToolTipRole) == (
        "Corrected; the file has: sophie.leroy-at-example.org")
    page.table.setCurrentIndex(cell(page, 4, EMAIL))
    assert ("Corrected: Teacher's e-mail address — teacherEmail, "
            f"“sophie.leroy-at-example.org” → “{FIXED}”") in page.details.toPlainText()
    shot(window, screenshots, "nothing-lost-1-corrected")

    page.recheck_button.click()  # Check again: read from the file, corrected again
    qtbot.waitUntil(page.shows_plan, timeout=20_000)
    assert outcome(page, 4) == "create"
    wizard = window.wizard
    wizard.back()
    wizard.next()  # Back and Next: the preview checks again
    qtbot.waitUntil(page.shows_plan, timeout=20_000)
    assert outcome(page, 4) == "create"

    assert window.open_file(sample / "sample-config.xml")  # the same configuration again
    assert questions.asked[-1][0] == "Open another file?"
    assert questions.asked[-1][2] == ["Keep it and open", "Discard it and open", "Cancel"]
    qtbot.waitUntil(lambda: wizard.currentId() == PREVIEW and page.shows_plan(),
                    timeout=20_000)
    assert outcome(page, 4) == "create"
    assert page.model.data(cell(page, 4, EMAIL)) == FIXED

    questions.answers.append("Discard it and open")
    assert window.open_file(sample / "sample-config.xml")
    qtbot.waitUntil(lambda: wizard.currentId() == PREVIEW and page.shows_plan(),
                    timeout=20_000)
    assert outcome(page, 4) == "error"  # discarded: the file as it is


def test_new_import_quit_and_closing_ask_before_corrections_go(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    page = sample_preview(window, sample, qtbot)
    correct_the_email(page)
    questions.answers.append("Cancel")
    assert not window.wizard.new_import()
    assert window.wizard.currentId() == PREVIEW and outcome(page, 4) == "create"
    title, text, answers = questions.asked[-1]
    assert title == "Start a new import?"
    assert text == ("1 correction of the preview is neither committed nor saved in a "
                    "corrected copy of its file. Save it in teachers-corrected.csv, "
                    "beside the file it corrects?")
    assert answers == ["Save the corrected copy", "Discard it and start anew", "Cancel"]

    questions.answers.append("Cancel")
    assert not window.close()  # the window's close button and File > Quit alike
    assert window.isVisible() and questions.asked[-1][0] == "Quit Import Assistant?"

    questions.answers.append("Save the corrected copy")
    assert not window.close()  # written in the background: the window goes once it is
    qtbot.waitUntil(lambda: not window.isVisible())
    copy = sample / "teachers-corrected.csv"
    assert copy.read_text(encoding="utf-8").splitlines()[3] == (
        f"sleroy;Leroy;Sophie;{FIXED}")
    assert window.state.session.unsaved_corrections() == 0


def test_a_corrected_copy_keeps_the_files_encoding_and_delimiter(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, questions: Questions) -> None:
    data = tmp_path / "formateurs.csv"
    data.write_bytes("Identifiant,Nom\r\nmdupont,Hélène\r\n,Sans login\r\n".encode("latin-1"))
    wizard = window.wizard
    assert wizard.open_file(data)
    wizard.open_page.encoding_combo.setCurrentText("ISO-8859-1")
    wizard.open_page.delimiter_combo.setCurrentIndex(
        wizard.open_page.delimiter_combo.findData("comma"))
    wizard.next()
    wizard.action_page.select("createOrUpdateTeacherAction")
    wizard.next()
    wizard.next()
    wizard.next()
    page = wizard.preview_page
    qtbot.waitUntil(page.shows_plan, timeout=20_000)
    assert not page.copy_button.isEnabled()  # nothing corrected yet
    assert page.model.setData(cell(page, 3, 2), "hgarcia")
    assert page.copy_button.isEnabled()
    page.save_corrected_copy(tmp_path / "formateurs-corrigé.csv")
    qtbot.waitUntil(lambda: page.last_export is not None, timeout=10_000)
    assert page.last_export.read_bytes() == (
        "Identifiant,Nom\r\nmdupont,Hélène\r\nhgarcia,Sans login\r\n".encode("latin-1"))
    assert window.state.session.unsaved_corrections() == 0
    assert window.close() and questions.asked == []  # saved: nothing to ask


def test_commit_says_what_it_skips_and_asks(window: MainWindow, sample: Path, qtbot: QtBot,
                                            questions: Questions, screenshots: Path) -> None:
    sample_preview(window, sample, qtbot)
    wizard = window.wizard
    questions.answers.append("Cancel")
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert wizard.currentId() == PREVIEW  # not committed
    title, text, answers = questions.asked[-1]
    assert (title, answers) == ("Commit", ["Commit the other rows", "Cancel"])
    assert text == ("17 rows have errors and will be skipped: they are not written. Commit "
                    "the other rows?")
    wizard.button(QWizard.WizardButton.NextButton).click()
    commit = wizard.commit_page
    qtbot.waitUntil(lambda: commit.result is not None, timeout=20_000)
    assert commit.count_labels[Outcome.ERROR].text() == "17"
    [log] = commit.result.error_logs  # the interventions' timeStampedFileErrorLogger
    assert log.parent == sample / "logs" and log.name.startswith("import_errors_")
    assert "Line number:5,ERROR," in log.read_text(encoding="utf-8")
    assert commit.logs_label.text() == f"Error log: {log}"
    shot(window, screenshots, "nothing-lost-2-committed-with-log")


def test_with_nothing_to_write_commit_is_disabled(tmp_path: Path, qtbot: QtBot,
                                                  screenshots: Path) -> None:
    wizard, page, commit = preview_and_commit(teacher_state(tmp_path), qtbot)
    wizard.next()
    qtbot.waitUntil(lambda: commit.result is not None, timeout=20_000)
    wizard.back()  # checked again against the store: nothing left to write
    qtbot.waitUntil(page.shows_plan, timeout=20_000)
    assert not page.isComplete()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    checked_at = page.session.choices.plan.checked_at  # type: ignore[union-attr]
    assert page.progress_label.text() == (
        f"Checked at {checked_at:%H:%M}. Nothing to commit: every row is unchanged or has "
        "errors.")
    wizard.next()
    assert wizard.currentPage() is page
    with Store.open(page.state.store_path) as store:
        assert len(store.history()) == 1  # no empty run
    wizard.grab().save(str(screenshots / "nothing-lost-3-nothing-to-commit.png"))


def slow_commit(started: threading.Event) -> object:
    """A commit that runs until it is cancelled (it then writes nothing, as a real one)."""
    def run(store_path: Path, plan: object, monitor: Monitor, corrections: object) -> None:
        started.set()
        while True:
            monitor.step(0, 2, "Writing to the store")  # looks for a cancel, as the writer
            threading.Event().wait(0.01)
    return run


@pytest.mark.parametrize("how", ["back", "close"])
def test_back_or_closing_during_a_commit_asks_and_a_stopped_commit_wrote_nothing(
        how: str, window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions,
        monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]) -> None:
    sample_preview(window, sample, qtbot)
    started = threading.Event()
    monkeypatch.setattr("importer_gui.ui.pages.commit_page.run_commit", slow_commit(started))
    wizard = window.wizard
    wizard.next()
    commit = wizard.commit_page
    qtbot.waitUntil(started.is_set, timeout=10_000)
    assert commit.is_running()
    questions.answers.append("Go on committing")
    if how == "back":
        wizard.button(QWizard.WizardButton.BackButton).click()
        assert wizard.currentId() == COMMIT and commit.is_running()
        wizard.button(QWizard.WizardButton.BackButton).click()  # this time, stop it
        assert wizard.currentId() == PREVIEW
    else:
        assert not window.close() and commit.is_running()
        assert window.close()
    assert questions.asked[1][:2] == (
        "A commit is running",
        "The rows are being written to the store. Stop the commit? Nothing will be written.")
    assert not commit.is_running()
    assert commit.status.text() == "Cancelled: nothing was written."
    with Store.open(window.state.store_path) as store:
        assert store.history() == [] and list(store.page(Table.TEACHER)) == []
    assert "Traceback" not in capfd.readouterr().err


def test_a_real_commit_stopped_by_closing_leaves_no_traceback(
        window: MainWindow, tmp_path: Path, qtbot: QtBot,
        capfd: pytest.CaptureFixture[str]) -> None:
    rows = "".join(f"t{n};Name;t{n}@example.org\n" for n in range(20_000))
    data = tmp_path / "many.csv"
    data.write_text("teacherLogin;teacherName;teacherEmail\n" + rows, encoding="utf-8")
    wizard = window.wizard
    assert wizard.open_file(data)
    for _ in range(4):
        wizard.next()
    page = wizard.preview_page
    qtbot.waitUntil(page.shows_plan, timeout=30_000)
    wizard.next()
    commit = wizard.commit_page
    qtbot.waitUntil(lambda: "Writing" in commit.status.text() or commit.result is not None,
                    timeout=30_000)
    window.close()
    assert not commit.is_running()
    if commit.result is None:  # stopped in time (the usual case): nothing written
        assert commit.status.text() == "Cancelled: nothing was written."
        with Store.open(window.state.store_path) as store:
            assert store.history() == []
    assert "Traceback" not in capfd.readouterr().err


def test_a_failed_open_closes_the_file_before_and_is_no_recent_file(
        window: MainWindow, sample: Path, tmp_path: Path, qtbot: QtBot) -> None:
    wizard = window.wizard
    assert wizard.open_file(sample / "teachers.csv")
    picture = tmp_path / "photo.csv"  # a picture, whatever its name says
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    assert not wizard.open_file(picture)
    page = wizard.open_page
    assert page.error_label.text() == (f"{picture}: not a spreadsheet: it is a PNG image; "
                                       "choose a workbook or a CSV file")
    assert page.file_label.text() == "No file chosen yet." and not page.isComplete()
    assert window.state.choices.data_files == []
    assert page.head_model.rowCount() == 0
    assert [p.name for p in window.settings.recent_files()] == ["teachers.csv"]
    assert wizard.currentId() == OPEN


def test_a_question_is_a_message_box_with_a_button_per_answer(qtbot: QtBot) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from importer_gui.ui.widgets import ask

    seen: list[tuple[str, list[str]]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append((box.text(), [b.text() for b in box.buttons()]))
        next(b for b in box.buttons() if b.text() == "&Discard").click()

    QTimer.singleShot(0, answer)
    chosen = ask._message_box(None, "Quit?", "Corrections are not saved.",
                              ["&Save", "&Discard", "Cancel"], 2)
    assert chosen == 1
    assert seen == [("Corrections are not saved.", ["&Save", "&Discard", "Cancel"])]

    QTimer.singleShot(0, lambda: qtbot.keyClick(QApplication.activeModalWidget(),
                                                Qt.Key.Key_Escape))
    assert ask._message_box(None, "Quit?", "Corrections are not saved.",
                            ["&Save", "&Discard", "Cancel"], 2) == 2


def test_closing_keeps_the_window_when_a_correction_cannot_be_saved_in_a_workbook(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, questions: Questions) -> None:
    # openpyxl's own error went through closeEvent: the window closed, the correction lost.
    from tests.builders import write_xlsx

    data = write_xlsx(tmp_path / "formateurs.xlsx", [
        ["login", "nom", "prenom", "email"], ["mdupont", "Dupont", "Marie", "not-an-email"]])
    wizard = window.wizard
    assert wizard.open_file(data)
    wizard.next()
    wizard.next()
    wizard.mapping_page.confirm_check.setChecked(True)
    wizard.next()
    wizard.next()
    page = wizard.preview_page
    qtbot.waitUntil(page.shows_plan, timeout=20_000)
    assert page.model.setData(page.model.index(0, 3), "Dup\x01ont")
    questions.answers.append("Save the corrected copy")
    assert not window.close()
    qtbot.waitUntil(lambda: not wizard.copy_runner.busy)
    assert window.isVisible() and window.state.session.unsaved_corrections() == 1
    assert wizard.isEnabled()  # back in the user's hands, to change the cell
    assert questions.asked[-1][1] == (
        f"{data}: line 2, column 2 (teacherName): U+0001 cannot be written in a workbook. "
        "Nothing was written; change those characters in the cell, then save the copy again.")
    assert not (tmp_path / "formateurs-corrected.xlsx").exists()
    questions.answers.append("Discard it and quit")
    assert window.close()
