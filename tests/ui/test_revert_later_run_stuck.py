"""Reverting later runs first from the preview, when a later run cannot be reverted at all
(every record of it a conflict): the preview says so where it can know, the result always."""

from __future__ import annotations

from pathlib import Path

from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import Store
from importer_gui.ui.revert_dialog import RevertDialog
from tests.builders import by_hand, run_info, tables
from tests.stores import renamed
from tests.ui.test_revert_dialog import shown_preview
from tests.ui.test_revert_stopped_words import cancel_at

UPDATE = ChangeKind.UPDATE


def rooms_of_two_runs(store: Store) -> None:
    """Run 1 makes rooms 1 to 3; run 2 names them (Blue)."""
    store.apply([Change(Table.ROOM, ChangeKind.CREATE, -n, {"guid": f"R-{n}", "label": "A"})
                 for n in (1, 2, 3)], run_info(create=3))
    store.apply([Change(Table.ROOM, UPDATE, n, {"label": "Blue"}, {"label": "A"})
                 for n in (1, 2, 3)], run_info(update=3))


def rooms(folder: Path) -> Path:
    """A new store in ``folder``: run 1 makes rooms 1 to 3; run 2 names them; run 3 changes
    room 2 again, run 4 room 3. Its path."""
    store_path = folder / "store.db"
    with Store.open(store_path) as store:
        rooms_of_two_runs(store)
        renamed(store, 2, "Teal", "Blue")
        renamed(store, 3, "Red", "Blue")
    return store_path


def preview(store_path: Path, qtbot: object) -> RevertDialog:
    """The revert preview of run 2, shown and laid out."""
    return shown_preview(store_path, 2, qtbot, size=(1100, 600))


def labels(store_path: Path) -> list[str]:
    """Each room's label, by id."""
    return [row[2] for row in tables(store_path)["room"]]


def test_a_later_run_that_cannot_be_reverted_is_said_before_and_after_revert(
        tmp_path: Path, qtbot: object, screenshots: Path) -> None:
    store_path = rooms(tmp_path)
    by_hand(store_path, "UPDATE room SET label = 'Navy' WHERE id = 2")  # after run 3
    dialog = preview(store_path, qtbot)
    assert dialog.notice.text().splitlines() == [
        "2 conflicting records will be skipped (changed since run 2, or still needed by "
        "other records); the others will be reverted.",
        "Later runs 4, 3 changed records of run 2 again, or records linked to them: revert "
        "them first (newest first) to revert those records as well.",
        "Run 3 cannot be reverted first: its 1 conflicting record changed since run 3, or "
        "is still needed by other records; the records of run 2 it changed again, or that "
        "are linked to records it changed, will stay skipped."]
    dialog.grab().save(str(screenshots / "revert_later_run_stuck_preview.png"))
    dialog.later_choice.setChecked(True)
    dialog.commit()
    assert dialog.status.text().splitlines() == [
        "Run 5 reverted run 4: 0 deleted, 1 restored, 0 recreated.",
        "Run 3 was not reverted first: its 1 conflicting record changed since run 3, or is "
        "still needed by other records.",
        "Run 6 reverted run 2: 0 deleted, 2 restored, 0 recreated. 1 record skipped as a "
        "conflict. Run 2 can be reverted again for what was skipped."]
    assert labels(store_path) == ["A", "Navy", "A"]
    qtbot.wait(50)  # type: ignore[attr-defined]  # the wrapped result laid out
    dialog.grab().save(str(screenshots / "revert_later_run_stuck_result.png"))


def test_a_later_run_changed_by_hand_after_the_preview_is_said_not_reverted(
        tmp_path: Path, qtbot: object) -> None:
    store_path = rooms(tmp_path)
    dialog = preview(store_path, qtbot)
    assert len(dialog.notice.text().splitlines()) == 2  # every later run can be reverted
    by_hand(store_path, "UPDATE room SET label = 'Navy' WHERE id = 2")  # before Revert
    dialog.later_choice.setChecked(True)
    dialog.commit()
    assert dialog.status.text().splitlines()[1] == (
        "Run 3 was not reverted first: its 1 conflicting record changed since run 3, or is "
        "still needed by other records.")
    assert [r.reverts for r in dialog.results] == [4, 2]


def test_a_run_whose_only_later_run_cannot_be_reverted_offers_only_skipping(
        tmp_path: Path, qtbot: object) -> None:
    store_path = rooms(tmp_path)
    with Store.open(store_path) as store:  # run 5 puts room 3 back: run 3 is the one later
        store.apply([Change(Table.ROOM, UPDATE, 3, {"label": "Blue"}, {"label": "Red"})],
                    run_info(update=1))
    by_hand(store_path, "UPDATE room SET label = 'Navy' WHERE id = 2")
    dialog = preview(store_path, qtbot)
    assert dialog.plan is not None and dialog.plan.later_runs == [3]
    assert dialog.notice.text().splitlines()[-1].startswith("Run 3 cannot be reverted first: ")
    assert dialog.skip_choice.isVisible() and not dialog.later_choice.isVisible()
    assert dialog.revert_button.isEnabled()


def test_a_later_run_that_cannot_be_reverted_is_said_in_french(
        french: None, tmp_path: Path, qtbot: object) -> None:
    store_path = rooms(tmp_path)
    by_hand(store_path, "UPDATE room SET label = 'Navy' WHERE id = 2")
    dialog = preview(store_path, qtbot)
    assert dialog.notice.text().splitlines()[-1] == (
        "L'exécution 3 ne peut pas être défaite d'abord\xa0: 1 enregistrement en conflit, "
        "modifié depuis l'exécution 3 ou encore utilisé par d'autres enregistrements\xa0; les "
        "enregistrements de l'exécution 2 qu'elle a modifiés à nouveau, ou liés à des "
        "enregistrements qu'elle a modifiés, resteront ignorés.")
    dialog.later_choice.setChecked(True)
    dialog.commit()
    assert dialog.status.text().splitlines()[1] == (
        "L'exécution 3 n'a pas été défaite d'abord\xa0: 1 enregistrement en conflit, modifié "
        "depuis l'exécution 3 ou encore utilisé par d'autres enregistrements.")


def rooms_put_back(folder: Path) -> Path:
    """As ``rooms``, but another program renames room 2 before run 3 and puts it back after:
    nothing of run 3 is left to revert."""
    store_path = folder / "store.db"
    with Store.open(store_path) as store:
        rooms_of_two_runs(store)
        by_hand(store_path, "UPDATE room SET label = 'Navy' WHERE id = 2")
        renamed(store, 2, "Teal", "Navy")
        renamed(store, 3, "Red", "Blue")
    by_hand(store_path, "UPDATE room SET label = 'Navy' WHERE id = 2")
    return store_path


def all_changed_after_the_preview(folder: Path, qtbot: object) -> tuple[Path, RevertDialog]:
    """The preview of run 2 on ``rooms``, then every room changed by another program, and
    later runs first chosen: every record of each run is a conflict now."""
    store_path = rooms(folder)
    dialog = preview(store_path, qtbot)
    for room, label in ((1, "Purple"), (2, "Navy"), (3, "Pink")):  # after the preview
        by_hand(store_path, f"UPDATE room SET label = '{label}' WHERE id = {room}")
    dialog.later_choice.setChecked(True)
    return store_path, dialog


def test_a_later_run_with_nothing_left_is_said_and_passed_over(
        tmp_path: Path, qtbot: object, screenshots: Path) -> None:
    store_path = rooms_put_back(tmp_path)
    dialog = preview(store_path, qtbot)
    assert dialog.notice.text().splitlines()[-1] == (
        "Run 3 has nothing left to revert: every record of it is already as it was before "
        "run 3; the records of run 2 it changed again, or that are linked to records it "
        "changed, will stay skipped.")
    dialog.grab().save(str(screenshots / "revert_later_run_nothing_left_preview.png"))
    dialog.later_choice.setChecked(True)
    dialog.commit()
    assert dialog.error.isHidden()
    assert dialog.status.text().splitlines() == [
        "Run 5 reverted run 4: 0 deleted, 1 restored, 0 recreated.",
        "Run 3 had nothing left to revert: every record of it was already as it was before "
        "run 3.",
        "Run 6 reverted run 2: 0 deleted, 2 restored, 0 recreated. 1 record skipped as a "
        "conflict. Run 2 can be reverted again for what was skipped."]
    assert labels(store_path) == ["A", "Navy", "A"]
    qtbot.wait(50)  # type: ignore[attr-defined]
    dialog.grab().save(str(screenshots / "revert_later_run_nothing_left_result.png"))


def test_every_run_all_conflicts_after_the_preview_names_the_later_runs(
        tmp_path: Path, qtbot: object, screenshots: Path) -> None:
    _, dialog = all_changed_after_the_preview(tmp_path, qtbot)
    dialog.commit()
    assert dialog.error.text() == (
        "Nothing was reverted: all 3 records of run 2 changed since or are needed by other "
        "records; nothing was written.")
    assert dialog.status.text().splitlines() == [
        "Run 4 was not reverted first: its 1 conflicting record changed since run 4, or is "
        "still needed by other records.",
        "Run 3 was not reverted first: its 1 conflicting record changed since run 3, or is "
        "still needed by other records.",
        "Nothing was written. Plan again to preview the revert of run 2 on the store as it "
        "now is."]
    assert dialog.results == []
    qtbot.wait(50)  # type: ignore[attr-defined]
    dialog.grab().save(str(screenshots / "revert_later_runs_all_conflicts.png"))


def test_a_stop_after_a_later_run_passed_over_names_it(tmp_path: Path, qtbot: object) -> None:
    store_path = rooms(tmp_path)
    dialog = preview(store_path, qtbot)
    by_hand(store_path, "UPDATE room SET label = 'Navy' WHERE id = 2")  # before Revert
    dialog.later_choice.setChecked(True)
    cancel_at(dialog, "Comparing the records of run 2 with the store")
    dialog.commit()
    assert dialog.status.text().splitlines() == [
        "Run 3 was not reverted first: its 1 conflicting record changed since run 3, or is "
        "still needed by other records.",
        "Stopped: run 4 was reverted (run 5); run 2 was not. Plan again to preview the revert "
        "of run 2 on the store as it now is."]
    assert dialog.replan_button.isVisible() and not dialog.revert_button.isEnabled()


def test_a_later_run_with_nothing_left_is_said_in_french(
        french: None, tmp_path: Path, qtbot: object) -> None:
    store_path = rooms_put_back(tmp_path)
    dialog = preview(store_path, qtbot)
    assert dialog.notice.text().splitlines()[-1] == (
        "L'exécution 3 n'a plus rien à défaire\xa0: chacun de ses enregistrements est déjà tel "
        "qu'il était avant l'exécution 3\xa0; les enregistrements de l'exécution 2 qu'elle a "
        "modifiés à nouveau, ou liés à des enregistrements qu'elle a modifiés, resteront "
        "ignorés.")
    dialog.later_choice.setChecked(True)
    dialog.commit()
    assert dialog.status.text().splitlines()[1] == (
        "L'exécution 3 n'avait plus rien à défaire\xa0: chacun de ses enregistrements était "
        "déjà tel qu'il était avant l'exécution 3.")
