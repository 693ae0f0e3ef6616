"""While the preview checks or saves, its rows cannot be corrected, by the table or by the
suggestions beside it: a correction then would be missing from the rows the check brings,
or from the copy being saved, which would yet count it as saved."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QAbstractButton, QApplication
from pytestqt.qtbot import QtBot

from importer_gui.ui.find_replace import EDIT_PIECE
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.preview_page import PreviewPage
from tests.builders import write_xlsx
from tests.ui.test_seeing_errors import seeded_store


def sessions_previewed(window: MainWindow, tmp_path: Path, qtbot: QtBot,
                       more: int = 0) -> PreviewPage:
    """Sessions whose training codes lack a character, checked against a store that has
    the right ones: "Did you mean" is offered on lines 2 and 3 (and ``more`` lines after,
    with line 2's code)."""
    seeded_store(tmp_path, window.state.store_path)
    data = write_xlsx(tmp_path / "sessions.xlsx", [
        ["Action", "Code formation", "Titre de la session", "Date de début"],
        ["M", "XLS-30", "Excel - Nantes", date(2027, 2, 5)],
        ["M", "SEC-10", "Sécurité - Lyon", date(2027, 1, 12)],
        *(["M", "XLS-30", f"Excel - {n}", date(2027, 2, 5)] for n in range(more))])
    wizard = window.wizard
    assert wizard.open_file(data)
    wizard.next()
    wizard.next()
    wizard.mapping_page.confirm_check.setChecked(True)  # no teacher column: none is set
    wizard.next()
    wizard.next()
    page = wizard.preview_page
    qtbot.waitUntil(page.shows_plan, timeout=20_000)
    return page


def did_you_mean(page: PreviewPage, view_row: int) -> QAbstractButton:
    """The "Use it" button offered for a shown row's training code."""
    page.table.setCurrentIndex(page.model.index(view_row, 3))
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the last row's, gone
    [button] = page.suggestions.findChildren(QAbstractButton, "didYouMean")
    return button


def outcomes(page: PreviewPage) -> list[str]:
    model = page.model
    return [model.data(model.index(r, 1)) for r in range(model.rowCount())]


def test_did_you_mean_waits_for_a_check_again(
        window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    page = sessions_previewed(window, tmp_path, qtbot)
    button = did_you_mean(page, 0)
    page.recheck_button.click()
    assert not button.isEnabled()
    button.click()  # nothing: the rows being checked would not have it
    qtbot.waitUntil(page.shows_plan, timeout=20_000)
    assert window.state.session.unsaved_corrections() == 0
    did_you_mean(page, 0).click()  # once checked, it corrects
    qtbot.waitUntil(lambda: not page.export_runner.busy, timeout=20_000)
    assert outcomes(page) == ["create", "error"]
    assert window.state.session.unsaved_corrections() == 1


def test_did_you_mean_waits_for_a_corrected_copy_being_saved(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, questions: object) -> None:
    page = sessions_previewed(window, tmp_path, qtbot)
    did_you_mean(page, 0).click()
    qtbot.waitUntil(lambda: not page.export_runner.busy, timeout=20_000)
    button = did_you_mean(page, 1)
    page.save_corrected_copy(tmp_path / "copy.xlsx")
    assert not button.isEnabled()
    button.click()  # nothing: the copy being written would lack it, and be said saved
    qtbot.waitUntil(lambda: not page.export_runner.busy, timeout=20_000)
    assert page.progress_label.text() == f"Saved {tmp_path / 'copy.xlsx'}."
    assert outcomes(page) == ["create", "error"]
    assert window.state.session.unsaved_corrections() == 0  # all in the copy
    assert did_you_mean(page, 1).isEnabled()


MORE = 2 * EDIT_PIECE  # rows enough to be corrected in pieces


def test_did_you_mean_over_many_rows_works_in_the_background(
        window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    page = sessions_previewed(window, tmp_path, qtbot, MORE)
    seen: set[tuple[bool, str, bool, bool]] = set()
    cancel = page.progress_row.cancel_button
    page.export_runner.progressed.connect(lambda *_: seen.add((
        cancel.isVisible(), cancel.text(), page.table.isEnabled(), page.isComplete())))
    did_you_mean(page, 0).click()
    assert page.export_runner.busy  # the window is free meanwhile
    assert page.progress_label.text() == "Correcting and checking the rows…"
    qtbot.waitUntil(lambda: not page.export_runner.busy, timeout=20_000)
    assert seen == {(True, "C&ancel", False, False)}  # Cancel shown, nothing else to press
    assert page.progress_label.text() == f"{MORE + 1} cells corrected."
    assert not cancel.isVisible() and page.table.isEnabled()
    assert outcomes(page) == ["create", "error", *["create"] * MORE]
    assert window.state.session.unsaved_corrections() == MORE + 1


def test_did_you_mean_cancelled_changes_no_cell(
        window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    page = sessions_previewed(window, tmp_path, qtbot, MORE)
    page.export_runner.synchronous = True  # the cancel lands at a known place: correcting

    def cancel_once_correcting(done: int, _total: int, what: str) -> None:
        if what == "Correcting and checking the rows…" and done > 0:
            page.progress_row.cancel_button.click()

    page.export_runner.progressed.connect(cancel_once_correcting)
    did_you_mean(page, 0).click()
    assert page.progress_label.text() == "Cancelled: no cell was changed."
    assert outcomes(page) == ["error"] * (MORE + 2)
    assert window.state.session.unsaved_corrections() == 0
