"""Reverting later runs first from the preview: the controls offer only what can still be
done (Plan again once the run asked for turned out all conflicts), the choice and the stop
question name only the later runs to be reverted, and a cancel names those passed over."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from importer_gui.ui.revert_dialog import RevertDialog
from tests.builders import by_hand, tables
from tests.ui.test_revert_later_run_stuck import (
    all_changed_after_the_preview,
    labels,
    preview,
    rooms,
)
from tests.ui.test_revert_stopped_words import cancel_at

RUN_3_STUCK = ("Run 3 was not reverted first: its 1 conflicting record changed since run 3, "
               "or is still needed by other records.")
RUN_4_STUCK = ("Run 4 was not reverted first: its 1 conflicting record changed since run 4, "
               "or is still needed by other records.")


def by_hand_at(dialog: RevertDialog, step: str, sql: str) -> None:
    """Another program runs ``sql`` on the store when the revert being written reports
    ``step``."""
    def seen(_done: int, _total: int, what: str) -> None:
        if what == step:
            by_hand(dialog.store_path, sql)

    dialog.runner.progressed.connect(seen)


def test_every_run_all_conflicts_after_the_preview_offers_plan_again(
        tmp_path: Path, qtbot: object, screenshots: Path) -> None:
    store_path, dialog = all_changed_after_the_preview(tmp_path, qtbot)
    before = tables(store_path)

    qtbot.mouseClick(dialog.revert_button, Qt.MouseButton.LeftButton)  # type: ignore

    assert tables(store_path) == before
    assert dialog.error.text().startswith("Nothing was reverted: all 3 records of run 2 ")
    assert dialog.status.text().splitlines() == [
        RUN_4_STUCK, RUN_3_STUCK,
        "Nothing was written. Plan again to preview the revert of run 2 on the store as it "
        "now is."]
    assert not dialog.revert_button.isEnabled()
    assert not dialog.skip_choice.isEnabled() and not dialog.later_choice.isEnabled()
    assert dialog.replan_button.isVisible() and dialog.replan_button.isDefault()
    qtbot.wait(50)  # type: ignore[attr-defined]
    dialog.grab().save(str(screenshots / "revert_later_first_all_conflicts_plan_again.png"))

    qtbot.mouseClick(dialog.replan_button, Qt.MouseButton.LeftButton)  # type: ignore

    assert dialog.status.text() == (
        "Every record of run 2 left to revert is a conflict: nothing can be reverted.")
    assert not dialog.revert_button.isEnabled() and not dialog.replan_button.isVisible()
    assert dialog.error.isHidden()


def test_all_conflicts_after_a_later_run_was_reverted_offers_plan_again(
        tmp_path: Path, qtbot: object) -> None:
    store_path = rooms(tmp_path)
    dialog = preview(store_path, qtbot)
    by_hand(store_path, "UPDATE room SET label = 'Navy' WHERE id = 2")  # run 3 stuck
    # Once run 4's revert is written, rooms 1 and 3 are changed too: nothing of run 2 is left.
    by_hand_at(dialog, "Comparing the records of run 3 with the store",
               "UPDATE room SET label = 'Pink' WHERE id IN (1, 3)")
    dialog.later_choice.setChecked(True)

    dialog.commit()

    assert dialog.error.text().startswith("Nothing was reverted: all 3 records of run 2 ")
    assert dialog.status.text().splitlines() == [
        RUN_3_STUCK,
        "Before the error below: run 4 was reverted (run 5); run 2 was not. Plan again to "
        "preview the revert of run 2 on the store as it now is."]
    assert [r.reverts for r in dialog.results] == [4]
    assert not dialog.revert_button.isEnabled()
    assert dialog.replan_button.isVisible() and dialog.replan_button.isDefault()


def test_a_cancel_before_anything_was_written_names_the_runs_passed_over(
        tmp_path: Path, qtbot: object) -> None:
    store_path = rooms(tmp_path)
    dialog = preview(store_path, qtbot)
    by_hand(store_path, "UPDATE room SET label = 'Pink' WHERE id = 3")  # run 4 stuck
    before = tables(store_path)
    dialog.later_choice.setChecked(True)
    cancel_at(dialog, "Comparing the records of run 3 with the store")

    dialog.commit()

    assert tables(store_path) == before
    # Run 4 was to be reverted first: the preview no longer holds.
    assert dialog.status.text().splitlines() == [
        RUN_4_STUCK,
        "Cancelled: nothing was written. Plan again to preview the revert of run 2 on the "
        "store as it now is."]
    assert dialog.error.isHidden()
    assert not dialog.revert_button.isEnabled() and dialog.replan_button.isVisible()


def test_the_choice_and_the_stop_question_name_only_the_later_runs_reverted(
        tmp_path: Path, qtbot: object, screenshots: Path) -> None:
    store_path = rooms(tmp_path)
    by_hand(store_path, "UPDATE room SET label = 'Navy' WHERE id = 2")  # run 3 stuck
    dialog = preview(store_path, qtbot)
    assert dialog.later_choice.text() == "Revert &later run 4 first, then run 2"
    dialog.grab().save(str(screenshots / "revert_later_first_choice_names_those_reverted.png"))
    dialog.later_choice.setChecked(True)
    assert dialog.stop_question()[1] == (
        "Later run 4, then run 2, are being reverted in the store, each in a revert of its "
        "own. Stop the revert? The runs already reverted stay reverted; nothing more will be "
        "written.")
    dialog.commit()
    assert labels(store_path) == ["A", "Navy", "A"]


def test_all_conflicts_names_only_the_later_runs_that_can_be_reverted(
        tmp_path: Path, qtbot: object) -> None:
    store_path = rooms(tmp_path)
    by_hand(store_path, "UPDATE room SET label = 'Navy' WHERE id = 2")  # run 3 stuck
    by_hand(store_path, "UPDATE room SET label = 'Pink' WHERE id = 1")  # no run reverts it
    dialog = preview(store_path, qtbot)
    assert dialog.status.text() == (
        "Every record of run 2 left to revert is a conflict: nothing can be reverted without "
        "reverting later run 4 first.")
    assert dialog.later_only.isVisible() and not dialog.later_choice.isVisible()
    assert dialog.later_only.text() == "Revert &later run 4 first, then run 2"


def test_the_choice_names_one_later_run_in_french(
        french: None, tmp_path: Path, qtbot: object) -> None:
    store_path = rooms(tmp_path)
    by_hand(store_path, "UPDATE room SET label = 'Navy' WHERE id = 2")  # run 3 stuck
    dialog = preview(store_path, qtbot)
    assert dialog.later_choice.text() == (
        "Défaire d'abord l'exécution &suivante 4, puis l'exécution 2")


def test_plan_again_after_all_conflicts_is_said_in_french(
        french: None, tmp_path: Path, qtbot: object) -> None:
    _, dialog = all_changed_after_the_preview(tmp_path, qtbot)
    dialog.commit()
    assert dialog.status.text().splitlines()[-1] == (
        "Rien n'a été écrit. Cliquez sur Refaire l'aperçu pour voir ce qui serait défait de "
        "l'exécution 2 dans la base telle qu'elle est maintenant.")
    assert dialog.replan_button.isVisible()
