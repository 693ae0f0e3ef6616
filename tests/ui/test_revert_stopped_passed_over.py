"""Reverting later runs first, stopped once some were passed over: the preview holds only when
nothing was written and those passed over were the ones it said cannot be reverted first;
otherwise Revert is not offered on it again, and Plan again is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from importer_gui.core.store import Store
from importer_gui.ui.revert_dialog import RevertDialog
from tests.builders import by_hand, tables
from tests.stores import colleague_reverts, rooms_changed_again
from tests.ui.test_revert_later_run_stuck import preview, rooms
from tests.ui.test_revert_stopped_words import cancel_at
from tests.ui.test_revert_store_moved_on import outcomes


def cancel_the_second_time(dialog: RevertDialog, step: str) -> None:
    """Press Cancel when the revert being written starts ``step`` for the second time."""
    started: list[str] = []

    def seen(done: int, _total: int, what: str) -> None:
        if done == 0 and what == step:
            started.append(what)
            if len(started) == 2:
                dialog.progress_row.cancel_button.click()

    dialog.runner.progressed.connect(seen)


def test_a_stop_after_a_later_run_reverted_meanwhile_offers_to_plan_again(
        tmp_path: Path, qtbot: object, screenshots: Path) -> None:
    store_path = tmp_path / "store.db"
    with Store.open(store_path) as store:
        rooms_changed_again(store)  # run 3 changed room 2 again
    dialog = preview(store_path, qtbot)
    assert outcomes(dialog) == ["restore", "conflict (skipped)"]
    dialog.later_choice.setChecked(True)
    theirs = colleague_reverts(store_path, 3)  # room 2 can be put back now
    before = tables(store_path)
    # The first time: the check for runs committed since; the second, run 2 planned again.
    cancel_the_second_time(dialog, "Comparing the records of run 2 with the store")

    dialog.commit()

    assert tables(store_path) == before
    assert dialog.status.text().splitlines() == [
        f"Run 3 was reverted meanwhile, by run {theirs}: it was not reverted again.",
        "Cancelled: nothing was written. Plan again to preview the revert of run 2 on the "
        "store as it now is."]
    assert not dialog.revert_button.isEnabled()
    assert not dialog.skip_choice.isEnabled() and not dialog.later_choice.isEnabled()
    assert dialog.replan_button.isVisible() and dialog.replan_button.isDefault()
    qtbot.wait(50)  # type: ignore[attr-defined]
    dialog.grab().save(str(screenshots / "revert_stopped_after_a_run_reverted_meanwhile.png"))

    qtbot.mouseClick(dialog.replan_button, Qt.MouseButton.LeftButton)  # type: ignore

    assert outcomes(dialog) == ["restore", "restore"]
    assert dialog.plan is not None and dialog.plan.later_runs == []
    assert dialog.revert_button.isEnabled() and not dialog.replan_button.isVisible()


def test_a_stop_after_passing_over_a_run_the_preview_named_keeps_revert(
        tmp_path: Path, qtbot: object) -> None:
    store_path = rooms(tmp_path)
    by_hand(store_path, "UPDATE room SET label = 'Navy' WHERE id = 3")  # after run 4
    dialog = preview(store_path, qtbot)
    assert dialog.notice.text().splitlines()[-1].startswith("Run 4 cannot be reverted first: ")
    dialog.later_choice.setChecked(True)
    cancel_at(dialog, "Comparing the records of run 3 with the store")

    dialog.commit()

    assert dialog.status.text().splitlines() == [
        "Run 4 was not reverted first: its 1 conflicting record changed since run 4, or is "
        "still needed by other records.",
        "Cancelled: nothing was written."]
    assert dialog.revert_button.isEnabled() and dialog.later_choice.isEnabled()
    assert not dialog.replan_button.isVisible()


def test_a_stop_after_a_later_run_reverted_meanwhile_says_it_in_french(
        french: None, tmp_path: Path, qtbot: object) -> None:
    store_path = tmp_path / "store.db"
    with Store.open(store_path) as store:
        rooms_changed_again(store)
    dialog = preview(store_path, qtbot)
    dialog.later_choice.setChecked(True)
    colleague_reverts(store_path, 3)
    cancel_the_second_time(dialog, "Comparing the records of run 2 with the store")
    dialog.commit()
    assert dialog.status.text().splitlines()[-1] == (
        "Annulé\xa0: rien n'a été écrit. Cliquez sur Refaire l'aperçu pour voir ce qui serait "
        "défait de l'exécution 2 dans la base telle qu'elle est maintenant.")
