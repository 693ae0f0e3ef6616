"""A plan's rows held compactly (issue 18): what is shown and committed is unchanged."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from importer_gui.cli import main
from importer_gui.core import columns, config_xml, pipeline
from importer_gui.core.cells import Cell
from importer_gui.core.issues import Outcome
from importer_gui.core.plan import KeptCells, RowPlan, Rows
from importer_gui.core.readers import table
from importer_gui.core.records import ChangeKind, Table
from importer_gui.core.store import Store
from tests.builders import ImportSpec, write_config, write_csv
from tests.core.harness import Env, rows

ACTION = "createOrUpdateTrainingCourseAction"
COLUMNS = ("trainingPathCode", "trainingTitle", "trainingModality")


@pytest.fixture
def env(tmp_path: Path) -> Env:
    return Env(tmp_path)


def courses(env: Env, data: list[list[object]]) -> ImportSpec:
    write_csv(env.folder / "courses.csv", [list(COLUMNS), *data])
    return ImportSpec("courses.csv", COLUMNS, ACTION)


def test_a_course_created_then_renamed_further_down_commits_both_steps(env: Env) -> None:
    plan = env.commit(courses(env, [["TR-1", "Premier titre", "blended"],
                                    ["TR-2", "Autre", "blended"],
                                    ["TR-1", "Second titre", "blended"]]))
    assert rows(plan) == [(2, "create", []), (3, "create", []), (4, "update", [
        "Line 2 of this file already sets this training course; this row's values are applied "
        "after it."])]
    # The first row's creation is asked for as it was planned, not as the record ends up.
    created = [c for c in plan.changes() if c.kind is ChangeKind.CREATE]
    assert [c.values["title"] for c in created] == ["Premier titre", "Autre"]
    assert all(c.table is Table.TRAINING and c.record_id < 0 for c in created)
    connection = sqlite3.connect(env.store_path)
    stored = connection.execute("SELECT path_code, title FROM training ORDER BY id").fetchall()
    logged = connection.execute(
        "SELECT kind, before, after FROM run_change ORDER BY seq").fetchall()
    connection.close()
    assert stored == [("TR-1", "Second titre"), ("TR-2", "Autre")]
    assert [(kind, before and json.loads(before)["title"], json.loads(after)["title"])
            for kind, before, after in logged] == [
        ("create", None, "Premier titre"), ("create", None, "Autre"),
        ("update", "Premier titre", "Second titre")]


def test_rows_read_back_as_they_were_put_and_write_back_their_cells(env: Env) -> None:
    plan = env.check(courses(env, [["TR-1", "Un", "blended"], ["TR-2", "", "blended"]]))
    held = plan.imports[0].rows
    assert isinstance(held, Rows) and len(held) == 2 and list(held.lines) == [2, 3]
    first, second = held[0], held[-1]
    assert (first.line, first.cells, first.outcome.value) == (
        2, ("TR-1", "Un", "blended"), "create")
    assert second.has_errors and second.changes == ()
    assert [c.kind for c in first.changes] == [ChangeKind.CREATE]
    assert list(held) == [first, second] and held[0:1] == [first]
    first.cells = ("TR-1", "Deux", "blended")  # as the preview's corrections set them
    assert held[0].cells == ("TR-1", "Deux", "blended")
    assert RowPlan(2, ("TR-1", "Deux", "blended"), first.results, first.changes) == held[0]


def test_rows_with_the_same_issues_share_their_results_and_each_shows_them(env: Env) -> None:
    spec = courses(env, [["TR-1", "Un", "presentiel"], ["TR-2", "Deux", "presentiel"],
                         ["TR-3", "Trois", "blended"]])
    plan = env.check(spec)
    message = ("The modality must be distancelearning, knowledgecommunity, learning_channel or "
               "blended, presentiel detected.")
    held = plan.imports[0].rows
    first, second = held[0], held[1]
    assert [(i.level.value, i.field, i.message) for i in first.issues()] == [
        ("ERROR", "trainingModality", message)]
    assert list(second.issues()) == list(first.issues()) and second.line == 3
    # The checked file's rows hold one result between them (a million rows checked again
    # after their commit all say the same warning).
    assert held.results[0] is held.results[1]
    assert rows(plan)[2] == (4, "create", [])


def test_rows_say_where_each_outcome_is(env: Env) -> None:
    plan = env.check(courses(env, [["TR-1", "Un", "blended"], ["TR-2", "", "blended"],
                                   ["TR-3", "Trois", "blended"], ["", "Quatre", "blended"]]))
    held = plan.imports[0].rows
    assert [held[i].line for i in held.where(Outcome.ERROR)] == [3, 5]
    assert [held[i].line for i in held.where(Outcome.CREATE)] == [2, 4]
    assert list(held.where(Outcome.UPDATE)) == []


def test_a_plan_nobody_shows_keeps_the_cells_an_error_log_or_the_date_guess_reads(
        env: Env) -> None:
    spec = courses(env, [["TR-1", "Un", "blended"], ["TR-2", "", "blended"],
                         ["TR-1", "Encore un", "blended"], ["TR-3", "Trois", "blended"]])
    config = config_xml.load(write_config(env.folder, spec))
    with Store.open(env.store_path) as store:
        kept = {how: [row.cells for row in pipeline.check(config, store, kept=how).imports[0].rows]
                for how in KeptCells}
    every = [("TR-1", "Un", "blended"), ("TR-2", "", "blended"),
             ("TR-1", "Encore un", "blended"), ("TR-3", "Trois", "blended")]
    assert kept[KeptCells.ALL] == every
    # Line 4 sets again what line 2 set: a warning, which an error log lists with its values.
    assert kept[KeptCells.ISSUES] == [(), every[1], every[2], ()]
    assert kept[KeptCells.ERRORS] == [(), every[1], (), ()]


def test_a_commit_s_error_log_lists_a_warned_row_with_its_values(
        env: Env, capsys: pytest.CaptureFixture[str]) -> None:
    spec = courses(env, [["TR-1", "Un", "blended"], ["TR-1", "Encore un", "blended"]])
    spec.consolidators = ("<timeStampedFileErrorLogger><location>logs</location>"
                          "</timeStampedFileErrorLogger>")
    config = write_config(env.folder, spec)
    assert main(["commit", str(config), "--store", str(env.store_path)]) == 0
    capsys.readouterr()
    [log] = (env.folder / "logs").iterdir()
    assert log.read_text(encoding="utf-8").splitlines() == [
        "Line number:3,WARNING,TR-1,Encore un,blended,Line 2 of this file already sets this "
        "training course; this row's values are applied after it."]


def test_rows_the_window_keeps_share_the_texts_that_repeat(env: Env) -> None:
    """The window keeps every row's cells: a modality read on each row is held once (the
    command line, which keeps few rows, reads plain rows without the look-ups)."""
    plan = env.check(courses(env, [["TR-1", "Un", "blended"], ["TR-2", "Deux", "blended"],
                                   ["TR-3", "Trois", "blended"]]))
    held = plan.imports[0].rows
    assert held.kept is KeptCells.ALL
    modalities = [row.cells[2] for row in held]
    assert modalities == ["blended"] * 3
    assert all(cell is modalities[0] for cell in modalities)


def test_texts_that_repeat_far_apart_are_held_once_by_their_column(
        env: Env, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each column shares its own values: a title repeating every 50 rows is held once
    however many codes, each on one row, came between; a column whose values never repeat
    stops being looked up once it has as many as a column shares."""
    monkeypatch.setattr(table, "SHARED_CELLS", 64)
    monkeypatch.setattr(table, "REVIEW_CELLS", 48)
    data = [[f"TR-{i}", f"Titre {i % 50}", "blended"] for i in range(400)]
    held = env.check(courses(env, data)).imports[0].rows
    titles = [cells[1] for cells in held.cells]
    assert titles[360] == "Titre 10" and titles[360] is titles[10]
    assert len({id(title) for title in titles}) == 50
    assert len({id(cells[2]) for cells in held.cells}) == 1


def test_a_column_stops_growing_when_full_and_keeps_sharing_what_it_holds(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(table, "SHARED_CELLS", 8)
    monkeypatch.setattr(table, "REVIEW_CELLS", 2)
    shared = table.SharedCells()
    # Six values twice, then four more: the first column is full at eight, and repeats.
    numbers = [*range(6), *range(6), *range(6, 10)]
    first = {n: shared.row([str(1000 + n), str(2000 + i)])[0] for i, n in enumerate(numbers)}
    again = [shared.row([str(1000 + n), "x"])[0] for n in range(10)]
    assert [again[n] is first[n] for n in range(10)] == [True] * 8 + [False] * 2
    # The second column, all different when it was full, is not looked up any more.
    second = shared.row(["1000", str(2000)])[1]
    assert second == "2000" and second is not shared.row(["1000", str(2000)])[1]


def test_a_wide_file_of_values_that_never_repeat_stops_sharing_them_all(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """However many columns, together they share SHARED_TOTAL values at most: the columns
    whose values were all different then are not looked up any more."""
    monkeypatch.setattr(table, "SHARED_TOTAL", 400)
    monkeypatch.setattr(table, "REVIEW_CELLS", 40)
    shared = table.SharedCells()
    first = [shared.row([f"{c}-{i}" for c in range(20)]) for i in range(30)]
    again = [f"{c}-{i}" for c, i in zip(range(20), range(30), strict=False)]
    got = shared.row(again)  # the values of rows 1 to 20, one per column
    assert got == tuple(again) and all(
        cell is not first[i][c] for c, (i, cell) in enumerate(zip(range(30), got, strict=False)))


BEYOND_4_BYTES = 5_000_000_000  # a line or an id no 4-byte number holds


def test_a_line_past_four_bytes_is_kept_as_it_is(
        env: Env, monkeypatch: pytest.MonkeyPatch) -> None:
    """Lines are held as 4-byte numbers; a row on a line past them (a file of billions of
    blank lines, faked here by moving every line) is planned and named on its own line."""
    rows_of = table.Table.rows

    def moved(self: table.Table, *, shared: bool = True) -> Iterator[tuple[int, tuple[Cell, ...]]]:
        for line, cells in rows_of(self, shared=shared):
            yield (line + BEYOND_4_BYTES if line > 2 else line), cells

    monkeypatch.setattr(table.Table, "rows", moved)
    monkeypatch.setattr(columns, "ENABLED", False)  # the row reader is the one faked
    plan = env.check(courses(env, [["TR-1", "Un", "blended"], ["TR-2", "", "blended"]]))
    assert rows(plan) == [(2, "create", []),
                          (3 + BEYOND_4_BYTES, "error", ["Field trainingTitle is empty."])]
    held = Rows([RowPlan(2, (), [], []), RowPlan(BEYOND_4_BYTES, (), [], [])])
    held[0] = RowPlan(BEYOND_4_BYTES + 1, (), [], [])
    assert [row.line for row in held] == [BEYOND_4_BYTES + 1, BEYOND_4_BYTES]


def test_a_stored_record_with_an_id_past_four_bytes_is_warned_of_when_set_twice(
        env: Env) -> None:
    """The rows that set each record are noted by 4-byte ids while they fit; a store may hold
    a larger one (written by another program), and a file setting it twice is warned of."""
    with Store.open(env.store_path):
        pass
    connection = sqlite3.connect(env.store_path)
    with connection:
        connection.execute("INSERT INTO training (id, path_code, title) VALUES (?, ?, ?)",
                           (BEYOND_4_BYTES, "TR-BIG", "Grand"))
    connection.close()
    plan = env.check(courses(env, [["TR-BIG", "Un", "blended"], ["TR-2", "Deux", "blended"],
                                   ["TR-BIG", "Deux", "blended"]]))
    assert rows(plan) == [(2, "update", []), (3, "create", []), (4, "update", [
        "Line 2 of this file already sets this training course; this row's values are applied "
        "after it."])]
