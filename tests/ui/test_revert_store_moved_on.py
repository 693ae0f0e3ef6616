"""A colleague writes to the shared store while the revert preview waits for Revert: nothing
is written from the stale preview, the dialog says what changed, and plans again on request."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from importer_gui.core import revert as revert_module
from importer_gui.core.revert import RevertPlan
from importer_gui.core.store import Store
from importer_gui.core.store.runs import machine_name, os_user
from importer_gui.ui.revert_dialog import RevertDialog
from tests.builders import tables
from tests.stores import colleague_renames, colleague_reverts, rooms_changed_again
from tests.ui.test_revert_dialog import shown_preview


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    """Run 1 makes rooms 1 and 2; run 2 names them; run 3 changes room 2 again."""
    path = tmp_path / "store.sqlite3"
    with Store.open(path) as store:
        rooms_changed_again(store)
    return path


def previewed(store_path: Path, run_id: int, qtbot: object) -> RevertDialog:
    """The revert preview of a run, shown, waiting for Revert."""
    dialog = shown_preview(store_path, run_id, qtbot, size=(1100, 600))
    assert dialog.revert_button.isEnabled()
    assert not dialog.replan_button.isVisible()
    return dialog


def outcomes(dialog: RevertDialog) -> list[str]:
    """Each row's outcome, as the preview table shows it."""
    model = dialog.model
    return [model.data(model.index(row, 1), Qt.ItemDataRole.DisplayRole)
            for row in range(model.rowCount())]


def test_a_later_run_reverted_meanwhile_says_what_changed_and_plans_again(
        store_path: Path, qtbot: object, screenshots: Path) -> None:
    dialog = previewed(store_path, 2, qtbot)
    assert outcomes(dialog) == ["restore", "conflict (skipped)"]  # room 2: run 3 changed it since
    theirs = colleague_reverts(store_path, 3)  # room 2 is back as run 2 left it
    before = tables(store_path)

    qtbot.mouseClick(dialog.revert_button, Qt.MouseButton.LeftButton)  # type: ignore

    assert tables(store_path) == before
    assert dialog.error.text() == (
        f"Room 'Teal' was changed by run {theirs} ({os_user()} on {machine_name()}) since the "
        "revert was planned (room name is now 'Green'); try the revert again: nothing was "
        f"written to {store_path}.")
    assert dialog.status.text() == (
        "Nothing was written: the store changed since this preview was made. Plan again "
        "to preview the revert on the store as it now is.")
    assert dialog.replan_button.isVisible() and dialog.replan_button.isDefault()
    assert not dialog.revert_button.isEnabled()
    # Choosing how to revert the stale preview cannot bring Revert back: not offered.
    assert not dialog.skip_choice.isEnabled() and not dialog.later_choice.isEnabled()
    qtbot.wait(50)  # type: ignore[attr-defined]
    dialog.grab().save(str(screenshots / "revert_store_moved_on.png"))

    qtbot.mouseClick(dialog.replan_button, Qt.MouseButton.LeftButton)  # type: ignore

    assert outcomes(dialog) == ["restore", "restore"]  # room 2 can be put back now
    assert dialog.plan is not None and dialog.plan.later_runs == []
    assert not dialog.replan_button.isVisible() and not dialog.error.isVisible()
    assert dialog.revert_button.isEnabled()
    qtbot.mouseClick(dialog.revert_button, Qt.MouseButton.LeftButton)  # type: ignore
    assert [(r.run_id, r.reverts, r.skipped) for r in dialog.results] == [(5, 2, 0)]
    assert [row[2] for row in tables(store_path)["room"]] == ["A", "B"]


def test_a_commit_over_a_record_the_revert_writes_offers_to_plan_again(
        store_path: Path, qtbot: object) -> None:
    dialog = previewed(store_path, 2, qtbot)
    theirs = colleague_renames(store_path, 1, "Red", "Blue")
    dialog.commit()
    assert dialog.error.text() == (
        f"Room 'Blue' was changed by run {theirs} ({os_user()} on {machine_name()}) since the "
        "revert was planned (room name is now 'Red'); try the revert again: nothing was "
        f"written to {store_path}.")
    assert dialog.replan_button.isVisible() and not dialog.revert_button.isEnabled()
    dialog.plan_again()
    assert outcomes(dialog) == ["conflict (skipped)", "conflict (skipped)"]
    assert not dialog.revert_button.isEnabled()  # nothing of run 2 can be reverted now


def test_the_run_reverted_meanwhile_says_by_which_run_and_offers_no_revert(
        store_path: Path, qtbot: object) -> None:
    dialog = previewed(store_path, 3, qtbot)
    theirs = colleague_reverts(store_path, 3)
    before = tables(store_path)
    dialog.commit()
    assert tables(store_path) == before
    assert dialog.error.text().startswith(f"Run 3 was reverted by run {theirs} (")
    assert dialog.status.text() == f"Nothing was written: run 3 is reverted now, by run {theirs}."
    assert not dialog.revert_button.isEnabled() and not dialog.replan_button.isVisible()


def test_the_store_changed_is_said_in_french(
        french: None, store_path: Path, qtbot: object) -> None:
    dialog = previewed(store_path, 2, qtbot)
    theirs = colleague_reverts(store_path, 3)
    dialog.commit()
    assert dialog.status.text() == (
        "Rien n'a été écrit\u00a0: la base a changé depuis cet aperçu. Cliquez sur Refaire "
        "l'aperçu pour voir ce qui serait défait dans la base telle qu'elle est maintenant.")
    assert dialog.replan_button.text() == "&Refaire l'aperçu"
    assert dialog.error.text() == (
        f"L'exécution {theirs} ({os_user()} sur {machine_name()}) a modifié la salle "
        "«\xa0Teal\xa0» depuis l'aperçu de ce qui serait défait (nom de la salle\xa0: maintenant "
        "«\xa0Green\xa0»)\xa0; refaites l'aperçu, puis essayez à nouveau\xa0: rien n'a été "
        f"écrit dans {store_path}.")


def test_later_first_says_a_later_run_reverted_meanwhile_was_left(
        store_path: Path, qtbot: object) -> None:
    dialog = previewed(store_path, 2, qtbot)
    dialog.later_choice.setChecked(True)
    theirs = colleague_reverts(store_path, 3)
    qtbot.mouseClick(dialog.revert_button, Qt.MouseButton.LeftButton)  # type: ignore
    assert dialog.status.text() == (
        f"Run 3 was reverted meanwhile, by run {theirs}: it was not reverted again.\n"
        f"Run {theirs + 1} reverted run 2: 0 deleted, 2 restored, 0 recreated.")
    assert [row[2] for row in tables(store_path)["room"]] == ["A", "B"]


def test_later_first_refused_for_a_later_run_committed_meanwhile_plans_again(
        store_path: Path, qtbot: object) -> None:
    dialog = previewed(store_path, 2, qtbot)
    dialog.later_choice.setChecked(True)
    colleague_renames(store_path, 1, "Red", "Blue")  # run 4 changes room 1 again
    before = tables(store_path)
    dialog.commit()
    assert tables(store_path) == before
    assert dialog.error.text() == (
        "Run 4 changed records of run 2 since the revert was planned; try the revert again: "
        f"nothing was written to {store_path}.")
    assert dialog.replan_button.isVisible() and not dialog.revert_button.isEnabled()
    dialog.plan_again()
    assert dialog.plan is not None and dialog.plan.later_runs == [4, 3]


def test_later_first_refused_for_a_later_run_names_the_run_to_revert_again_in_french(
        store_path: Path, qtbot: object, french: None) -> None:
    dialog = previewed(store_path, 2, qtbot)
    dialog.later_choice.setChecked(True)
    colleague_renames(store_path, 1, "Red", "Blue")  # run 4 changes room 1 again
    dialog.commit()
    assert dialog.error.text() == (
        "L'exécution 4 a modifié des enregistrements de l'exécution à défaire depuis l'aperçu "
        "de ce qui serait défait\xa0; essayez à nouveau de défaire l'exécution 2\xa0: rien n'a "
        f"été écrit dans {store_path}.")


def colleague_changes_room_1_once_run_2_is_planned_again(
        store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As Revert writes run 3's revert, then plans run 2 again, a colleague renames room 1."""
    real = revert_module.plan_revert

    def then_room_1_renamed(store: Store, run_id: int, *args: Any) -> RevertPlan:
        plan = real(store, run_id, *args)
        if run_id == 2:
            colleague_renames(store_path, 1, "Red", "Blue")
        return plan

    monkeypatch.setattr(revert_module, "plan_revert", then_room_1_renamed)


def test_a_refusal_after_a_later_run_was_reverted_says_it_and_plans_again(
        store_path: Path, qtbot: object, monkeypatch: pytest.MonkeyPatch,
        screenshots: Path) -> None:
    dialog = previewed(store_path, 2, qtbot)
    dialog.later_choice.setChecked(True)
    colleague_changes_room_1_once_run_2_is_planned_again(store_path, monkeypatch)

    qtbot.mouseClick(dialog.revert_button, Qt.MouseButton.LeftButton)  # type: ignore

    monkeypatch.undo()
    assert dialog.error.text() == (  # run 4 is the window's revert of run 3, run 5 theirs
        f"Room 'Blue' was changed by run 5 ({os_user()} on {machine_name()}) since the revert "
        f"was planned (room name is now 'Red'); try the revert again: nothing was written to "
        f"{store_path}.")
    assert dialog.status.text() == (
        "Before the error below: run 3 was reverted (run 4); run 2 was not. Plan again to "
        "preview the revert of run 2 on the store as it now is.")
    assert [row[2] for row in tables(store_path)["room"]] == ["Red", "Green"]
    assert dialog.replan_button.isVisible() and dialog.replan_button.isDefault()
    assert not dialog.revert_button.isEnabled()
    assert not dialog.skip_choice.isEnabled() and not dialog.later_choice.isEnabled()
    qtbot.wait(50)  # type: ignore[attr-defined]
    dialog.grab().save(str(screenshots / "revert_later_first_moved_on.png"))

    qtbot.mouseClick(dialog.replan_button, Qt.MouseButton.LeftButton)  # type: ignore

    assert outcomes(dialog) == ["conflict (skipped)", "restore"]  # room 1: run 5's now
    assert dialog.plan is not None and dialog.plan.later_runs == [5]
    assert dialog.skip_choice.isEnabled() and dialog.later_choice.isEnabled()
    assert dialog.revert_button.isEnabled() and not dialog.replan_button.isVisible()
    qtbot.mouseClick(dialog.revert_button, Qt.MouseButton.LeftButton)  # type: ignore
    assert [(r.run_id, r.reverts, r.skipped) for r in dialog.results] == [(6, 2, 1)]
    assert [row[2] for row in tables(store_path)["room"]] == ["Red", "B"]



def test_plan_again_by_the_keyboard_leaves_it_on_the_new_preview_and_revert_a_tab_away(
        store_path: Path, qtbot: object) -> None:
    dialog = previewed(store_path, 2, qtbot)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # type: ignore[attr-defined]
    colleague_reverts(store_path, 3)
    dialog.revert_button.setFocus()
    qtbot.keyClick(dialog.revert_button, Qt.Key.Key_Space)  # type: ignore[attr-defined]
    assert dialog.replan_button.isVisible() and dialog.replan_button.isDefault()
    before = tables(store_path)

    dialog.replan_button.setFocus()
    qtbot.keyClick(dialog.replan_button, Qt.Key.Key_Return)  # type: ignore[attr-defined]

    assert outcomes(dialog) == ["restore", "restore"]
    assert QApplication.focusWidget() is dialog.view
    # No hidden button is the default, nor Revert: Close is, and Enter in the table presses
    # neither, writing nothing.
    assert [b.text() for b in dialog.findChildren(QPushButton) if b.isDefault()] == ["Close"]
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    assert dialog.isVisible() and dialog.results == [] and tables(store_path) == before
    for _ in range(10):  # Tab to Revert, then Enter on it
        if QApplication.focusWidget() is dialog.revert_button:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # type: ignore
    qtbot.keyClick(dialog.revert_button, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    assert [(r.reverts, r.skipped) for r in dialog.results] == [(2, 0)]
