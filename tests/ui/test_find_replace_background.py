"""Find and replace runs in the background: the dialog shows its progress and Cancel, a
cancel changes no cell (even one stopped while correcting), and the result and Undo are
those of a replace made at once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from importer_gui.ui.find_replace import FindReplaceDialog
from tests.ui.test_preview_commit import teacher_state
from tests.ui.wizards import preview_and_commit, shot

ROWS = 3000
EMAIL = 2  # the value column of the teachers' e-mail addresses


def emails(dialog: FindReplaceDialog) -> list[str]:
    plan = dialog.model.plan
    assert plan is not None
    return [str(cells[EMAIL]) for cells in plan.imports[0].rows.cells]


WIZARDS: list[QWizard] = []  # each test's wizard, alive as long as its dialog


def dialog_over(tmp_path: Path, qtbot: QtBot) -> FindReplaceDialog:
    """The dialog over a preview of ROWS teachers, to replace their e-mails' domain."""
    rows = "".join(f"t{n};Name {n};t{n}@example.org\n" for n in range(ROWS))
    wizard, page, _commit = preview_and_commit(
        teacher_state(tmp_path, "Login;Name;E-mail\n" + rows), qtbot)
    WIZARDS[:] = [wizard]
    dialog = FindReplaceDialog(page.model, page)
    qtbot.addWidget(dialog)
    dialog.choose_column(EMAIL)
    dialog.find_edit.setText("example.org")
    dialog.replace_edit.setText("example.com")
    dialog.show()
    return dialog


def test_replace_all_shows_progress_and_cancel_then_the_count_and_undo(
        tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    dialog = dialog_over(tmp_path, qtbot)
    seen: list[tuple[bool, bool, bool]] = []
    dialog.runner.progressed.connect(lambda *_: seen.append((
        dialog.progress_row.cancel_button.isVisible(), dialog.replace_button.isEnabled(),
        dialog.find_edit.isEnabled())))
    with qtbot.waitSignal(dialog.done, timeout=20_000) as done:
        assert dialog.replace_all() is None  # at work in the background
        assert dialog.progress_row.cancel_button.isVisible()
    assert done.args == [ROWS]
    assert seen and set(seen) == {(True, False, False)}  # Cancel shown, nothing else to press
    assert dialog.result_label.text() == f"{ROWS} cells corrected."
    assert not dialog.progress_row.cancel_button.isVisible()
    assert emails(dialog)[:2] == ["t0@example.com", "t1@example.com"]
    assert dialog.undo_button.isEnabled()
    with qtbot.waitSignal(dialog.done, timeout=20_000) as done:
        dialog.undo_button.click()
    assert done.args == [ROWS]
    assert dialog.result_label.text() == f"{ROWS} cells put back as they were."
    assert emails(dialog)[:2] == ["t0@example.org", "t1@example.org"]
    assert dialog.model.session.unsaved_corrections() == 0
    shot(dialog, screenshots, "find-replace-background-undone")


def test_a_cancel_while_correcting_puts_every_cell_back(tmp_path: Path, qtbot: QtBot,
                                                        screenshots: Path) -> None:
    dialog = dialog_over(tmp_path, qtbot)
    before = emails(dialog)
    dialog.runner.synchronous = True  # the cancel lands at a known place: while correcting

    def cancel_once_correcting(done: int, _total: int, what: str) -> None:
        if what == "Correcting and checking the rows…" and done > 0:
            dialog.progress_row.cancel_button.click()

    dialog.runner.progressed.connect(cancel_once_correcting)
    assert dialog.replace_all() == 0
    assert dialog.result_label.text() == "Cancelled: no cell was changed."
    assert emails(dialog) == before
    assert dialog.model.session.unsaved_corrections() == 0
    assert not dialog.undo_button.isEnabled()  # nothing was replaced: nothing to undo
    assert dialog.replace_button.isEnabled() and dialog.find_edit.isEnabled()
    shot(dialog, screenshots, "find-replace-background-cancelled")


def test_closing_while_it_works_cancels_first(tmp_path: Path, qtbot: QtBot) -> None:
    dialog = dialog_over(tmp_path, qtbot)
    before = emails(dialog)
    with qtbot.waitSignal(dialog.finished, timeout=20_000):
        dialog.replace_all()
        dialog.reject()  # Close, or Escape
        assert dialog.isVisible()  # until the work has stopped
    # All or nothing, whenever the cancel came: never some of the cells.
    assert dialog.model.session.unsaved_corrections() in (0, ROWS)
    assert emails(dialog) in (before, [e.replace(".org", ".com") for e in before])
