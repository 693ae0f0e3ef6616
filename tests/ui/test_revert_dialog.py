"""Reverting a run from the history: the preview of each record, conflicts, then the commit."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtWidgets import QPushButton

from importer_gui.core import config_xml, pipeline
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.revert import NOTHING_IN_RUN
from importer_gui.core.store import RunInfo, Store
from importer_gui.ui.messages_text import message_text
from importer_gui.ui.models.revert_model import FIRST_VALUE_COLUMN, OUTCOME_COLUMN
from importer_gui.ui.pages.commit_page import CommitPage
from importer_gui.ui.revert_dialog import RevertDialog
from importer_gui.ui.state import WizardState
from importer_gui.ui.styles import Fill, fill_brush
from tests.builders import by_hand, run_info, tables, write_xlsx
from tests.core.test_revert import reference_deleted_by_a_partial_revert
from tests.core.test_revert_referred_by_later import course_and_session_changed_by_hand
from tests.ui.header_mouse import click_title

WRONG_SESSIONS = [
    ["Action", "Code formation", "Titre de la session", "Date de début", "Date de fin",
     "Formateur"],
    ["M", "SEC-101", "Sécurité incendie - Lyon janvier", "14/01/2028", "15/01/2028", "jmartin"],
    ["M", "XLS-300", "Excel - Lyon", "01/06/2028", "02/06/2028", "mdupont"],
    ["A", "MGT-200", "Management - Paris printemps", "", "", ""],
]


@pytest.fixture
def committed(sample: Path, tmp_path: Path) -> tuple[Path, int, dict]:
    """The sample committed, then the sample again with last year's sessions file over it."""
    config = config_xml.load(sample / "sample-config.xml")
    store_path = tmp_path / "store.sqlite3"
    wrong = write_xlsx(tmp_path / "sessions-2028.xlsx", WRONG_SESSIONS, "Sessions")
    with Store.open(store_path) as store:
        pipeline.commit(pipeline.check(config, store), store)
        before = tables(store_path)
        files = pipeline.resolve_data_files(config)
        files[2] = wrong
        plan = pipeline.check(config, store, data_files=files)
        run_id = pipeline.commit(plan, store).run_id
    assert tables(store_path) != before
    return store_path, run_id, before


def cell(model: object, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    """One cell's data."""
    return model.data(model.index(row, column), role)  # type: ignore[attr-defined]


def test_a_new_user_reverts_the_wrong_file_from_the_history(
        committed: tuple[Path, int, dict], qtbot: object, screenshots: Path) -> None:
    store_path, run_id, before = committed
    page = CommitPage(WizardState(store_path))
    qtbot.addWidget(page)  # type: ignore[attr-defined]
    browser = page.open_browser()  # "Open the store browser and history…" after a commit
    assert browser is not None
    qtbot.waitUntil(lambda: not browser.busy)  # type: ignore[attr-defined]
    history = browser.history_view
    assert browser.history_model.run(0).id == run_id  # newest first
    assert not browser.revert_button.isEnabled()
    history.selectionModel().select(
        browser.history_model.index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    assert browser.revert_button.isEnabled()
    qtbot.mouseClick(browser.revert_button, Qt.MouseButton.LeftButton)  # type: ignore
    qtbot.waitUntil(lambda: browser.revert_dialog is not None)  # type: ignore
    dialog = browser.revert_dialog
    assert isinstance(dialog, RevertDialog)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10000)  # type: ignore
    dialog.resize(1280, 800)
    assert [dialog.tables.itemText(i) for i in range(dialog.tables.count())] == [
        "Session: 3 records", "Intervention: 1 record"]
    model = dialog.model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] \
        == ["Record", "Outcome", "Training course", "Session title — sessionTitle",
            "Session GUID — sessionGuid", "Session status — sessionStatus",
            "Session start date — sessionStartDate", "Session end date — sessionEndDate",
            "Teacher"]
    outcomes = sorted(cell(model, r, OUTCOME_COLUMN) for r in range(model.rowCount()))
    assert outcomes == ["delete", "recreate", "restore"]
    assert not dialog.skip_choice.isVisible() and not dialog.notice.isVisible()
    assert not model.flags(model.index(0, 2)) & Qt.ItemFlag.ItemIsEditable
    dialog.grab().save(str(screenshots / "revert_preview.png"))
    with qtbot.waitSignal(browser.store_changed, timeout=10000) as announced:  # type: ignore
        qtbot.mouseClick(dialog.revert_button, Qt.MouseButton.LeftButton)  # type: ignore
    assert announced.args == [run_id + 1]  # every view of the store hears of the new run
    assert dialog.status.text() == (f"Run {run_id + 1} reverted run {run_id}: 1 deleted, "
                                    "1 restored, 2 recreated.")
    assert tables(store_path) == before
    qtbot.waitUntil(lambda: not browser.busy)  # type: ignore[attr-defined]
    assert browser.history_model.run(1).reverted_by == run_id + 1  # the browser read it again
    dialog.close()
    browser.close()


def test_conflicts_are_coloured_and_the_later_run_can_go_first(
        committed: tuple[Path, int, dict], qtbot: object, screenshots: Path) -> None:
    store_path, run_id, before = committed
    session_id, later = moved_session(store_path)
    dialog = shown_preview(store_path, run_id, qtbot)
    assert dialog.tables.currentText() == "Session: 3 records, 1 conflict"
    model = dialog.model
    row = next(r for r in range(model.rowCount()) if cell(model, r, 0) == session_id)
    assert cell(model, row, OUTCOME_COLUMN) == "conflict (skipped)"
    red = fill_brush(Fill.ERROR)
    assert cell(model, row, OUTCOME_COLUMN, Qt.ItemDataRole.BackgroundRole) == red
    title_column = 2 + 1  # after Record and Outcome: training_id, title
    assert cell(model, row, title_column, Qt.ItemDataRole.BackgroundRole) == red
    conflict = (f"ERROR: Session 'Excel - Lyon' was changed after run {run_id} by run {later} "
                f"(sessionTitle is now 'Excel - Lyon (moved)', run {run_id} left "
                "'Excel - Lyon'); skipped.")
    assert cell(model, row, title_column, Qt.ItemDataRole.ToolTipRole) == conflict
    # The record's tooltip names the field as the check's preview does, not the store column.
    assert cell(model, row, OUTCOME_COLUMN, Qt.ItemDataRole.ToolTipRole) == \
        f"sessionTitle - {conflict}"
    assert [c for c in range(2, model.columnCount())
            if cell(model, row, c, Qt.ItemDataRole.BackgroundRole) == red] == [title_column]
    assert dialog.notice.isVisible()
    assert dialog.skip_choice.isChecked() and dialog.later_choice.isVisible()
    assert dialog.later_choice.text() == (
        f"Revert &later run {later} first, then run {run_id}")
    dialog.grab().save(str(screenshots / "revert_preview_conflict.png"))
    dialog.later_choice.setChecked(True)
    announced: list[int] = []
    dialog.store_changed.connect(announced.append)
    dialog.commit()
    assert [r.reverts for r in dialog.results] == [later, run_id]
    assert announced == [dialog.results[-1].run_id]  # once, with the newest run
    assert tables(store_path) == before


def moved_session(store_path: Path) -> tuple[int, int]:
    """A later run renames one of the run's sessions, whose revert is then a conflict: that
    session and the later run."""
    with Store.open(store_path) as store:
        session = next(r for r in store.load_state().sessions.values()
                       if r.title == "Excel - Lyon")
        return session.id, store.apply([Change(Table.SESSION, ChangeKind.UPDATE, session.id,
                                   {"title": "Excel - Lyon (moved)"},
                                   {"title": "Excel - Lyon"})],
                           RunInfo("fix.xml", "<import-config/>", [], {"update": 1}))


def test_a_revert_that_skipped_conflicts_says_the_run_can_be_reverted_again(
        committed: tuple[Path, int, dict], qtbot: object, screenshots: Path) -> None:
    store_path, run_id, _before = committed
    _session, later = moved_session(store_path)
    dialog = shown_preview(store_path, run_id, qtbot)
    assert dialog.skip_choice.isChecked()
    dialog.commit()
    assert dialog.status.text() == (
        f"Run {later + 1} reverted run {run_id}: 0 deleted, 1 restored, 2 recreated. "
        f"1 record skipped as a conflict. Run {run_id} can be reverted again for what was "
        f"skipped.")
    qtbot.wait(50)  # type: ignore[attr-defined]  # the wrapped result laid out
    dialog.grab().save(str(screenshots / "revert_skipped_conflicts.png"))
    again = RevertDialog(store_path, run_id, synchronous=True)  # as it says: revertible
    qtbot.addWidget(again)  # type: ignore[attr-defined]
    assert again.plan is not None and again.plan.conflicts() == 1


def test_the_run_can_be_reverted_again_in_french(
        french: None, committed: tuple[Path, int, dict], qtbot: object) -> None:
    store_path, run_id, _before = committed
    moved_session(store_path)
    dialog = RevertDialog(store_path, run_id, synchronous=True)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.commit()
    assert dialog.status.text().endswith(
        f" 1 enregistrement ignoré car en conflit. L'exécution {run_id} pourra être défaite "
        f"à nouveau pour ce qui a été ignoré.")


def test_a_conflict_s_tooltip_names_the_platform_s_field_in_french(
        french: None, committed: tuple[Path, int, dict], qtbot: object, screenshots: Path) -> None:
    store_path, run_id, _before = committed
    _session, later = moved_session(store_path)
    dialog = shown_preview(store_path, run_id, qtbot)
    model = dialog.model
    row = next(r for r in range(model.rowCount())
               if cell(model, r, OUTCOME_COLUMN) == "conflit (ignoré)")
    assert cell(model, row, OUTCOME_COLUMN, Qt.ItemDataRole.ToolTipRole) == (
        "sessionTitle - Erreur\u00a0: Session «\u00a0Excel - Lyon\u00a0»\u00a0: modifiée après "
        f"l'exécution {run_id} par l'exécution {later} (sessionTitle vaut maintenant 'Excel - Lyon "
        f"(moved)', l'exécution {run_id} avait laissé 'Excel - Lyon')\u00a0; ignorée.")
    title_column = 2 + 1  # after Record and Outcome: training_id, title
    assert cell(model, row, title_column, Qt.ItemDataRole.BackgroundRole) == fill_brush(Fill.ERROR)
    dialog.grab().save(str(screenshots / "revert_conflict_french.png"))


def test_a_run_with_nothing_left_to_revert_offers_no_revert(
        tmp_path: Path, qtbot: object, screenshots: Path) -> None:
    # A run that changed a record and changed it back: every record is as before the run.
    store_path = tmp_path / "store.db"
    with Store.open(store_path) as store:
        room = store.apply([Change(Table.ROOM, ChangeKind.CREATE, -1,
                                   {"label": "Red", "guid": "ROOM-1"})],
                           RunInfo("rooms.xml", "<import-config/>", [], {"create": 1}))
        run_id = store.apply([
            Change(Table.ROOM, ChangeKind.UPDATE, 1, {"label": "Blue"}, {"label": "Red"}),
            Change(Table.ROOM, ChangeKind.UPDATE, 1, {"label": "Red"}, {"label": "Blue"})],
            RunInfo("rooms.xml", "<import-config/>", [], {"update": 1}))
    assert run_id == room + 1
    dialog = shown_preview(store_path, run_id, qtbot)
    assert not dialog.revert_button.isEnabled()
    assert dialog.status.text() == (f"Every record of run {run_id} is already as it was "
                                    "before the run: there is nothing to revert.")
    qtbot.wait(50)  # type: ignore[attr-defined]
    dialog.grab().save(str(screenshots / "revert_nothing_left.png"))


def run_that_changed_no_record(store_path: Path) -> int:
    """An import whose rows were all errors, recorded as a run by an earlier version."""
    with Store.open(store_path) as store:
        return store.apply([], run_info(error=3))


def test_a_run_that_changed_no_record_offers_no_revert_and_records_none(
        tmp_path: Path, qtbot: object, screenshots: Path) -> None:
    store_path = tmp_path / "store.db"
    run_id = run_that_changed_no_record(store_path)
    dialog = shown_preview(store_path, run_id, qtbot)
    assert not dialog.revert_button.isEnabled()
    assert dialog.status.text() == (f"Run {run_id} changed no record: there is nothing to "
                                    "revert.")
    dialog.grab().save(str(screenshots / "revert_no_record.png"))
    dialog.revert_button.click()  # greyed: nothing happens
    with Store.open(store_path) as store:
        assert [(run.id, run.reverted_by) for run in store.history()] == [(run_id, None)]


def test_a_run_that_changed_no_record_says_so_in_french(
        french: None, tmp_path: Path, qtbot: object) -> None:
    store_path = tmp_path / "store.db"
    run_id = run_that_changed_no_record(store_path)
    dialog = shown_preview(store_path, run_id, qtbot)
    assert not dialog.revert_button.isEnabled()
    assert dialog.status.text() == (f"L'exécution {run_id} n'a modifié aucun enregistrement"
                                    "\xa0: il n'y a rien à défaire.")
    assert message_text(NOTHING_IN_RUN.format(run=run_id)) == (
        f"Rien n'a été défait\xa0: l'exécution {run_id} n'a modifié aucun enregistrement\xa0; "
        "rien n'a été écrit.")


def rooms_run_changed_since(store_path: Path) -> int:
    """Run 1 makes room 1, run 2 sets its capacity: the run returned; run 3 sets it again."""
    with Store.open(store_path) as store:
        store.apply([Change(Table.ROOM, ChangeKind.CREATE, -1, {"guid": "ROOM-1"})],
                    RunInfo("rooms.xml", "<import-config/>", [], {"create": 1}))
        run_id = store.apply([Change(Table.ROOM, ChangeKind.UPDATE, 1, {"capacity": 9},
                                     {"capacity": None})],
                             RunInfo("rooms.xml", "<import-config/>", [], {"update": 1}))
        store.apply([Change(Table.ROOM, ChangeKind.UPDATE, 1, {"capacity": 10},
                            {"capacity": 9})],
                    RunInfo("more.xml", "<import-config/>", [], {"update": 1}))
    return run_id


def shown_preview(store_path: Path, run_id: int, qtbot: object,
                  size: tuple[int, int] = (1280, 800)) -> RevertDialog:
    """The revert preview of a run, shown at ``size`` and laid out."""
    dialog = RevertDialog(store_path, run_id, synchronous=True)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.resize(*size)
    dialog.show()
    qtbot.wait(50)  # type: ignore[attr-defined]
    return dialog


def test_a_run_whose_records_all_conflict_offers_only_the_later_runs_first(
        tmp_path: Path, qtbot: object, screenshots: Path) -> None:
    store_path = tmp_path / "store.db"
    run_id = rooms_run_changed_since(store_path)
    before = tables(store_path)
    dialog = shown_preview(store_path, run_id, qtbot)
    dialog.grab().save(str(screenshots / "revert_conflicts_only.png"))
    assert dialog.notice.text().splitlines()[0] == (
        f"1 conflicting record cannot be reverted (changed since run {run_id}, or still "
        "needed by other records).")
    assert dialog.status.text() == (
        f"Every record of run {run_id} left to revert is a conflict: nothing can be reverted "
        f"without reverting later run {run_id + 1} first.")
    # Skipping the conflict would revert nothing: not offered; the later run going first is.
    assert not dialog.skip_choice.isVisible() and not dialog.later_choice.isVisible()
    assert dialog.later_only.isVisible() and not dialog.later_only.isChecked()
    assert dialog.later_only.text() == (
        f"Revert &later run {run_id + 1} first, then run {run_id}")
    assert not dialog.revert_button.isEnabled()
    assert tables(store_path) == before
    tick = QPoint(8, dialog.later_only.height() // 2)  # on its box, left of its text
    qtbot.mouseClick(dialog.later_only, Qt.MouseButton.LeftButton, pos=tick)  # type: ignore
    assert dialog.revert_button.isEnabled()
    qtbot.mouseClick(dialog.later_only, Qt.MouseButton.LeftButton, pos=tick)  # type: ignore
    assert not dialog.revert_button.isEnabled()  # changed their mind: nothing to do again
    dialog.later_only.setChecked(True)
    dialog.commit()
    assert [r.reverts for r in dialog.results] == [run_id + 1, run_id]
    assert tables(store_path)["room"] == [(1, "ROOM-1", None, None)]  # no capacity again


def test_a_run_whose_conflicts_no_later_run_made_says_nothing_can_be_reverted(
        tmp_path: Path, qtbot: object, screenshots: Path) -> None:
    store_path = tmp_path / "store.db"
    with Store.open(store_path) as store:
        store.apply([Change(Table.ROOM, ChangeKind.CREATE, -1, {"guid": "ROOM-1"})],
                    RunInfo("rooms.xml", "<import-config/>", [], {"create": 1}))
        run_id = store.apply([Change(Table.ROOM, ChangeKind.UPDATE, 1, {"capacity": 9},
                                     {"capacity": None})],
                             RunInfo("rooms.xml", "<import-config/>", [], {"update": 1}))
    by_hand(store_path, "UPDATE room SET capacity = 10 WHERE id = 1")  # another program
    dialog = shown_preview(store_path, run_id, qtbot)
    dialog.grab().save(str(screenshots / "revert_conflicts_only_by_hand.png"))
    assert dialog.notice.text() == (
        f"1 conflicting record cannot be reverted (changed since run {run_id}, or still "
        "needed by other records).")
    assert dialog.status.text() == (f"Every record of run {run_id} left to revert is a "
                                    "conflict: nothing can be reverted.")
    assert not any(choice.isVisible() for choice in (
        dialog.skip_choice, dialog.later_choice, dialog.later_only))
    assert not dialog.revert_button.isEnabled()


def test_a_run_whose_records_all_conflict_says_so_in_french(
        french: None, tmp_path: Path, qtbot: object) -> None:
    store_path = tmp_path / "store.db"
    run_id = rooms_run_changed_since(store_path)
    dialog = shown_preview(store_path, run_id, qtbot)
    assert dialog.status.text() == (
        f"Chaque enregistrement de l'exécution {run_id} qui reste à défaire est en "
        "conflit\xa0: rien ne peut être défait sans défaire d'abord l'exécution suivante "
        f"{run_id + 1}.")


def test_the_revert_a_message_says_to_revert_first_is_reverted_first(
        tmp_path: Path, qtbot: object, capsys: pytest.CaptureFixture[str]) -> None:
    """A learner cannot go back to an entity a partial revert deleted: the message names
    that revert, and "Revert later runs first" reverts it, so the learner goes back too."""
    store_path = tmp_path / "store.db"
    with Store.open(store_path) as store:
        _first, second, partial, ada, acme = reference_deleted_by_a_partial_revert(
            store, capsys)
    dialog = shown_preview(store_path, second, qtbot)
    assert dialog.plan is not None
    [learner] = [r for r in dialog.plan.rows() if (r.table, r.record_id) == (Table.LEARNER, ada)]
    assert f"which run {partial} deleted (revert run {partial} first" in \
        learner.issues[0].message
    assert dialog.notice.text().splitlines()[1] == (
        f"Later run {partial} changed records of run {second} again, or records linked to "
        "them: revert it first to revert those records as well.")
    assert dialog.skip_choice.isVisible() and dialog.later_choice.isVisible()
    assert dialog.later_choice.text() == (
        f"Revert &later run {partial} first, then run {second}")
    dialog.later_choice.setChecked(True)
    dialog.commit()
    assert [(r.reverts, r.skipped) for r in dialog.results] == [(partial, 0), (second, 0)]
    with Store.open(store_path) as store:
        back = store.get(Table.LEARNER, ada)
        assert back is not None and back.entity_id == acme


def defaults(dialog: RevertDialog) -> list[tuple[str, bool]]:
    """The default buttons (text, shown): Enter's button, as a screen reader names it."""
    return [(b.text(), b.isVisible()) for b in dialog.findChildren(QPushButton)
            if b.isDefault()]


def test_the_default_button_is_one_shown_and_never_revert(
        committed: tuple[Path, int, dict], qtbot: object) -> None:
    store_path, run_id, before = committed
    dialog = RevertDialog(store_path, run_id, synchronous=True)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.show()
    qtbot.waitExposed(dialog)  # type: ignore[attr-defined]
    assert dialog.revert_button.isEnabled() and not dialog.replan_button.isVisible()
    assert defaults(dialog) == [("Close", True)]
    dialog.revert_button.setFocus()  # tabbed past: Qt makes it the default meanwhile
    dialog.view.setFocus()
    assert defaults(dialog) == [("Close", True)]
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    assert dialog.isVisible() and tables(store_path) != before


def test_a_sort_by_a_column_the_next_table_lacks_shows_that_table_in_the_runs_order(
        tmp_path: Path, qtbot: object) -> None:
    store_path = tmp_path / "store.sqlite3"
    with Store.open(store_path) as store:
        run = store.apply([
            Change(Table.TRAINING, ChangeKind.CREATE, -1, {"path_code": "PC-1", "title": "B"}),
            Change(Table.TRAINING, ChangeKind.CREATE, -2, {"path_code": "PC-2", "title": "A"}),
            Change(Table.ROOM, ChangeKind.CREATE, -1, {"guid": "R-2", "label": "Blue"}),
            Change(Table.ROOM, ChangeKind.CREATE, -2, {"guid": "R-1", "label": "Green"}),
        ], RunInfo("/cfg.xml", "<import-config/>", [], {"create": 4}))
    dialog = RevertDialog(store_path, run, synchronous=True)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    assert [dialog.tables.itemText(i) for i in range(dialog.tables.count())] == [
        "Training course: 2 records", "Room: 2 records"]
    header = dialog.view.horizontalHeader()
    last = dialog.model.columnCount() - 1  # beyond the room's few columns
    dialog.view.sortByColumn(last, Qt.SortOrder.DescendingOrder)
    dialog.tables.setCurrentIndex(1)  # the rooms
    assert dialog.model.columnCount() < last
    assert [cell(dialog.model, r, 0) for r in range(2)] == [1, 2]
    assert header.sortIndicatorSection() not in range(dialog.model.columnCount())
    dialog.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # sorting goes on
    assert [cell(dialog.model, r, 0) for r in range(2)] == [2, 1]


def test_a_sort_by_a_value_column_orders_the_records_by_the_text_shown(
        tmp_path: Path, qtbot: object) -> None:
    store_path = tmp_path / "store.sqlite3"
    rooms = [("R-1", "blue", 9), ("R-2", "Green", None), ("R-3", "amber", 10), ("R-4", "Red", 1)]
    with Store.open(store_path) as store:
        store.apply([Change(Table.ROOM, ChangeKind.CREATE, -n, {
            "guid": guid, "label": label, "capacity": capacity})
            for n, (guid, label, capacity) in enumerate(rooms, 1)],
            RunInfo("/cfg.xml", "<import-config/>", [], {"create": 4}))
        run = store.apply([  # renamed; keep their label
            Change(Table.ROOM, ChangeKind.UPDATE, 2, {"label": "Aqua"}, {"label": "Green"}),
            Change(Table.ROOM, ChangeKind.UPDATE, 4, {"label": "Zinc"}, {"label": "Red"}),
            Change(Table.ROOM, ChangeKind.UPDATE, 1, {"capacity": 12}, {"capacity": 9}),
            Change(Table.ROOM, ChangeKind.UPDATE, 3, {"capacity": 1}, {"capacity": 10}),
        ], RunInfo("/cfg.xml", "<import-config/>", [], {"update": 4}))
    dialog = RevertDialog(store_path, run, synchronous=True)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    model = dialog.model
    label, capacity = FIRST_VALUE_COLUMN + 1, FIRST_VALUE_COLUMN + 2  # after the GUID

    def shown(column: int) -> list[object]:
        return [cell(model, r, column) for r in range(model.rowCount())]

    dialog.view.horizontalHeader().setSortIndicator(label, Qt.SortOrder.AscendingOrder)
    assert shown(label) == ["amber", "Aqua → Green", "blue", "Zinc → Red"]
    dialog.view.horizontalHeader().setSortIndicator(label, Qt.SortOrder.DescendingOrder)
    assert shown(label) == ["Zinc → Red", "blue", "Aqua → Green", "amber"]
    # As text, as shown: an empty cell first, 10 before 9.
    dialog.view.horizontalHeader().setSortIndicator(capacity, Qt.SortOrder.AscendingOrder)
    assert shown(capacity) == ["", "1", "1 → 10", "12 → 9"]
    assert shown(0) == [2, 4, 3, 1]


def test_a_preview_sorted_by_its_outcomes_closes_with_escape(
        committed: tuple[Path, int, dict], qtbot: object) -> None:
    store_path, run_id, _before = committed
    dialog = RevertDialog(store_path, run_id, synchronous=True)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.show()
    qtbot.waitExposed(dialog)  # type: ignore[attr-defined]
    click_title(qtbot, dialog.view, OUTCOME_COLUMN)  # the records sorted by what befalls them
    assert dialog.view.horizontalHeader().sortIndicatorSection() == OUTCOME_COLUMN
    qtbot.keyClick(dialog.view, Qt.Key.Key_Escape)  # type: ignore[attr-defined]
    assert not dialog.isVisible()  # closed, no "Something unexpected went wrong"
    assert dialog.tables.count() == 0 and dialog.model.rowCount() == 0  # its plan let go


def test_a_later_run_referring_to_the_records_is_said_so_in_french(
        french: None, tmp_path: Path, qtbot: object) -> None:
    """Run 2 made a session of run 1's course, and changed nothing of run 1."""
    store_path = tmp_path / "store.db"
    with Store.open(store_path) as store:
        store.apply([Change(Table.TRAINING, ChangeKind.CREATE, -1,
                            {"path_code": "P1", "title": "Safety"})], run_info())
        store.apply([Change(Table.SESSION, ChangeKind.CREATE, -1,
                            {"training_id": 1, "title": "May"})], run_info())
    dialog = shown_preview(store_path, 1, qtbot)
    assert dialog.notice.text().splitlines()[-1] == (
        "L'exécution suivante 2 a modifié à nouveau des enregistrements de l'exécution 1, ou "
        "des enregistrements liés à eux\xa0: défaites-la d'abord pour rétablir aussi ces "
        "enregistrements.")


def test_a_later_run_only_referring_that_cannot_be_reverted_first_is_said_so(
        tmp_path: Path, qtbot: object) -> None:
    """Run 2 made a session of run 1's course, which another program then renamed."""
    store_path = tmp_path / "store.db"
    course_and_session_changed_by_hand(store_path)
    dialog = shown_preview(store_path, 1, qtbot)
    assert dialog.notice.text().splitlines()[-1] == (
        "Run 2 cannot be reverted first: its 1 conflicting record changed since run 2, or "
        "is still needed by other records; the records of run 1 it changed again, or that "
        "are linked to records it changed, will stay skipped.")


def test_a_later_run_only_referring_that_cannot_be_reverted_first_is_said_so_in_french(
        french: None, tmp_path: Path, qtbot: object) -> None:
    store_path = tmp_path / "store.db"
    course_and_session_changed_by_hand(store_path)
    dialog = shown_preview(store_path, 1, qtbot)
    assert dialog.notice.text().splitlines()[-1] == (
        "L'exécution 2 ne peut pas être défaite d'abord\xa0: 1 enregistrement en conflit, "
        "modifié depuis l'exécution 2 ou encore utilisé par d'autres enregistrements\xa0; les "
        "enregistrements de l'exécution 1 qu'elle a modifiés à nouveau, ou liés à des "
        "enregistrements qu'elle a modifiés, resteront ignorés.")
