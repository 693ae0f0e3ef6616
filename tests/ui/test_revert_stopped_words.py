"""A revert of later runs first stopped part way says which runs were reverted before the
stop (each in a revert of its own, which stays) and that the run asked for was not."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from importer_gui.core.store import Store
from importer_gui.ui.revert_dialog import RevertDialog
from tests.builders import tables
from tests.postgres import raw_sql
from tests.ui.test_revert_dialog import rooms_run_changed_since, shown_preview


def cancel_at(dialog: RevertDialog, step: str) -> None:
    """Press Cancel when the revert being written reports ``step``."""
    def seen(_done: int, _total: int, what: str) -> None:
        if what == step:
            dialog.progress_row.cancel_button.click()

    dialog.runner.progressed.connect(seen)


def later_run_first(store_path: Path, qtbot: QtBot,
                    at_step: Callable[[RevertDialog, str], None]) -> tuple[RevertDialog, int]:
    """Run 2 reverted after run 3 first, ``at_step`` told of the step when run 3's revert
    (run 4) was written, as run 2 is compared with the store again."""
    run_id = rooms_run_changed_since(store_path)
    dialog = shown_preview(store_path, run_id, qtbot)
    dialog.later_only.setChecked(True)
    announced: list[int] = []
    dialog.store_changed.connect(announced.append)
    at_step(dialog, f"Comparing the records of run {run_id} with the store")
    dialog.commit()
    assert announced == [run_id + 2]  # the browser reads the revert written
    return dialog, run_id


def stopped_after_the_later_run(store_path: Path, qtbot: QtBot) -> tuple[RevertDialog, int]:
    """Cancel pressed once run 3's revert was written, as run 2 is compared again."""
    return later_run_first(store_path, qtbot, cancel_at)


def test_a_revert_stopped_after_a_later_run_says_what_was_reverted(
        tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    store_path = tmp_path / "store.db"
    dialog, run_id = stopped_after_the_later_run(store_path, qtbot)
    assert dialog.status.text() == (
        f"Stopped: run {run_id + 1} was reverted (run {run_id + 2}); run {run_id} was not. "
        f"Plan again to preview the revert of run {run_id} on the store as it now is.")
    assert [(r.run_id, r.reverts) for r in dialog.results] == [(run_id + 2, run_id + 1)]
    assert not dialog.revert_button.isEnabled()  # the preview is of the store before
    assert dialog.replan_button.isVisible() and dialog.replan_button.isDefault()
    qtbot.wait(50)
    dialog.grab().save(str(screenshots / "revert_stopped_after_a_later_run.png"))
    with Store.open(store_path) as store:
        assert [(r.id, r.reverted_by) for r in store.history()] == [
            (run_id + 2, None), (run_id + 1, run_id + 2), (run_id, None), (run_id - 1, None)]
    assert tables(store_path)["room"] == [(1, "ROOM-1", None, 9)]  # run 2's capacity again


def test_a_revert_stopped_after_a_later_run_says_it_in_french(
        french: None, tmp_path: Path, qtbot: QtBot) -> None:
    dialog, run_id = stopped_after_the_later_run(tmp_path / "store.db", qtbot)
    assert dialog.status.text() == (
        f"Arrêté\xa0: l'exécution {run_id + 1} a été défaite (exécution {run_id + 2})\xa0; "
        f"l'exécution {run_id} ne l'a pas été. Cliquez sur Refaire l'aperçu pour voir ce qui "
        f"serait défait de l'exécution {run_id} dans la base telle qu'elle est maintenant.")


def test_a_revert_stopped_before_anything_was_written_says_nothing_was(
        tmp_path: Path, qtbot: QtBot) -> None:
    store_path = tmp_path / "store.db"
    run_id = rooms_run_changed_since(store_path)
    before = tables(store_path)
    dialog = shown_preview(store_path, run_id, qtbot)
    dialog.later_only.setChecked(True)
    cancel_at(dialog, f"Comparing the records of run {run_id + 1} with the store")
    dialog.commit()
    assert dialog.status.text() == "Cancelled: nothing was written."
    assert dialog.results == []
    assert tables(store_path) == before


def failed_after_the_later_run(store_path: Path, qtbot: QtBot) -> tuple[RevertDialog, int]:
    """Once run 3's revert was written, another program changes room 1 as run 2 is compared
    with the store again: its revert is refused."""
    def edit_at(dialog: RevertDialog, step: str) -> None:
        edited: list[str] = []

        def edit_by_hand(_done: int, _total: int, what: str) -> None:
            if what == step and not edited:
                edited.append(what)
                raw_sql(store_path, "UPDATE room SET capacity = 42 WHERE id = 1")

        dialog.runner.progressed.connect(edit_by_hand)  # synchronous: in the revert's thread

    return later_run_first(store_path, qtbot, edit_at)


def test_a_revert_refused_after_a_later_run_says_the_error_and_what_was_reverted(
        tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    store_path = tmp_path / "store.db"
    dialog, run_id = failed_after_the_later_run(store_path, qtbot)
    assert dialog.error.text() == (
        "Room 1 changed since the revert was planned (room capacity is now 42); try the revert "
        f"again: nothing was written to {store_path}.")
    assert dialog.status.text() == (
        f"Before the error below: run {run_id + 1} was reverted (run {run_id + 2}); run {run_id} "
        f"was not. Plan again to preview the revert of run {run_id} on the store as it now is.")
    assert not dialog.revert_button.isEnabled()  # the preview is of the store before
    assert dialog.replan_button.isVisible() and dialog.replan_button.isDefault()
    qtbot.wait(50)
    dialog.grab().save(str(screenshots / "revert_refused_after_a_later_run.png"))
    with Store.open(store_path) as store:
        assert [(r.id, r.reverted_by) for r in store.history()] == [
            (run_id + 2, None), (run_id + 1, run_id + 2), (run_id, None), (run_id - 1, None)]
    assert tables(store_path)["room"] == [(1, "ROOM-1", None, 42)]


def test_a_revert_refused_after_a_later_run_says_it_in_french(
        french: None, tmp_path: Path, qtbot: QtBot) -> None:
    store_path = tmp_path / "store.db"
    dialog, run_id = failed_after_the_later_run(store_path, qtbot)
    assert dialog.error.text() == (
        "Salle 1 a changé depuis l'aperçu de ce qui serait défait (capacité de la salle\xa0: "
        "maintenant 42)\xa0; refaites l'aperçu, puis essayez à nouveau\xa0: rien n'a été "
        f"écrit dans {store_path}.")
    assert dialog.status.text() == (
        f"Avant l'erreur ci-dessous\xa0: l'exécution {run_id + 1} a été défaite (exécution "
        f"{run_id + 2})\xa0; l'exécution {run_id} ne l'a pas été. Cliquez sur Refaire "
        f"l'aperçu pour voir ce qui serait défait de l'exécution {run_id} dans la base telle "
        "qu'elle est maintenant.")
