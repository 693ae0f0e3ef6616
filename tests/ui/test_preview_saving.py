"""Saving from the preview (the issues workbook, the error log, a corrected copy) never
costs the user a file the check reads, and says where it could not write."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages import preview_page
from importer_gui.ui.pages.preview_page import PreviewPage
from tests.ui.test_nothing_lost import correct_the_email
from tests.ui.wizards import sample_preview


def saved(page: PreviewPage, qtbot: QtBot, save: str, target: Path) -> None:
    """Save one report (a preview method) to ``target`` and wait for it to end."""
    getattr(page, save)(target)
    qtbot.waitUntil(lambda: page.export_runner.busy is False, timeout=20_000)


@pytest.mark.parametrize("save", ["export_workbook", "save_error_log", "save_corrected_copy"])
@pytest.mark.parametrize("name", ["teachers.csv", "learners.csv", "sample-config.xml"])
def test_a_report_over_a_file_the_check_reads_is_refused_and_the_file_kept(
        window: MainWindow, sample: Path, qtbot: QtBot, save: str, name: str) -> None:
    page = sample_preview(window, sample, qtbot)
    correct_the_email(page)  # a corrected copy of teachers.csv is offered
    kept = {file: file.read_bytes() for file in sample.iterdir() if file.is_file()}
    target = sample / name
    saved(page, qtbot, save, target)
    expected = (f"{target}: a corrected copy cannot replace the file it is made from; choose "
                "another name.") if (save, name) == ("save_corrected_copy", "teachers.csv") \
        else (f"{target} is a file this check reads (a data file or its configuration): a "
              "report or a copy cannot replace it; choose another name.")
    assert page.error_label.text() == expected
    assert page.progress_label.text() == ""
    assert {file: file.read_bytes() for file in sample.iterdir() if file.is_file()} == kept


def test_the_refusal_reads_in_french(french: None, window: MainWindow, sample: Path,
                                     qtbot: QtBot) -> None:
    page = sample_preview(window, sample, qtbot)
    target = sample / "sessions.xlsx"
    saved(page, qtbot, "export_workbook", target)
    assert page.error_label.text() == (
        f"{target} est un fichier que cette vérification lit (un fichier de données ou sa "
        "configuration)\xa0: un rapport ou une copie ne peut pas le remplacer\xa0; choisissez "
        "un autre nom.")


@pytest.mark.parametrize(("button", "typed", "written"), [
    ("workbook_button", "problems", "problems.xlsx"),
    ("log_button", "errors", "errors.log"),
    ("copy_button", "teachers-fixed", "teachers-fixed.csv"),
])
def test_a_name_typed_without_its_extension_gets_it(
        window: MainWindow, sample: Path, qtbot: QtBot, button: str, typed: str,
        written: str) -> None:
    page = sample_preview(window, sample, qtbot)
    correct_the_email(page)
    folder = sample / "reports"
    folder.mkdir()
    named: list[str] = []

    def type_the_name() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        dialog.setDirectory(str(folder))
        dialog.selectFile(typed)
        named.append(typed)
        dialog.accept()

    QTimer.singleShot(0, type_the_name)
    getattr(page, button).click()
    qtbot.waitUntil(lambda: page.export_runner.busy is False, timeout=20_000)
    assert named == [typed]
    assert [file.name for file in folder.iterdir()] == [written]
    assert page.progress_label.text() == f"Saved {folder / written}."


def offered_folder(page: PreviewPage, button: str, save_in: Path | None = None) -> str:
    """The folder a report's dialog opens in; with ``save_in``, the report saved there."""
    offered: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        offered.append(dialog.directory().absolutePath())
        if save_in is None:
            dialog.reject()
            return
        dialog.setDirectory(str(save_in))
        dialog.selectFile("report")
        dialog.accept()

    QTimer.singleShot(0, look)
    getattr(page, button).click()
    return offered[0]


def test_a_reports_folder_not_made_yet_offers_the_configurations(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    page = sample_preview(window, sample, qtbot)
    assert not (sample / "logs").exists()  # the error logger's, made by the first commit
    for button in ("workbook_button", "log_button"):
        assert offered_folder(page, button) == str(sample)  # not the program's own folder
    (sample / "logs").mkdir()
    assert offered_folder(page, "log_button") == str(sample / "logs")


def test_the_next_report_is_offered_in_the_folder_the_last_went_to(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    page = sample_preview(window, sample, qtbot)
    folder = sample / "reports"
    folder.mkdir()
    assert offered_folder(page, "workbook_button", save_in=folder) == str(sample)
    qtbot.waitUntil(lambda: page.export_runner.busy is False, timeout=20_000)
    assert page.progress_label.text() == f"Saved {folder / 'report.xlsx'}."
    assert offered_folder(page, "log_button") == str(folder)
    assert offered_folder(page, "workbook_button") == str(folder)


def test_a_report_being_saved_can_be_cancelled_and_the_old_one_stays(
        window: MainWindow, sample: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    # A million rows' workbook took minutes with "Saving…" and no Cancel.
    page = sample_preview(window, sample, qtbot)
    target = sample / "errors.log"
    target.write_bytes(b"the log of yesterday")
    pressed = threading.Event()
    real = preview_page.write_error_log

    def after_cancel_is_pressed(*args: object, **kwargs: object) -> Path:
        pressed.wait(20)  # the worker goes on once the user has pressed Cancel
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(preview_page, "write_error_log", after_cancel_is_pressed)
    page.save_error_log(target)
    cancel = page.progress_row.cancel_button
    assert cancel.isVisibleTo(page) and cancel.text() == "C&ancel"
    cancel.click()
    pressed.set()
    qtbot.waitUntil(lambda: page.export_runner.busy is False, timeout=20_000)
    assert page.progress_label.text() == "Cancelled: nothing was saved."
    assert not cancel.isVisibleTo(page)
    assert target.read_bytes() == b"the log of yesterday"
    assert page.log_button.isEnabled()
