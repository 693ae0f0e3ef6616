"""A workbook number shown with text (a duration formatted 0" h" shows 12 as "12 h", a code
"TC-"0000 shows 42 as "TC-0042") corrected in the preview: what the user typed is what is
committed, and the cell shows it as typed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pytestqt.qtbot import QtBot

from importer_gui.core import pipeline
from importer_gui.core.config import Column
from importer_gui.core.issues import Outcome
from importer_gui.ui.pages.preview_page import PreviewPage
from importer_gui.ui.state import WizardState
from tests.core.test_shown_numbers import COLUMNS, workbook
from tests.ui.test_preview_commit import edit
from tests.ui.wizards import preview_and_commit, shot

CODE, DURATION = 2, 5  # model columns: Line, Outcome, then COLUMNS


def course_state(tmp_path: Path) -> WizardState:
    """Two training courses in a workbook, codes formatted "TC-"0000, durations 0" h"."""
    data = workbook(tmp_path / "courses.xlsx", [(42, "A", "blended", 12),
                                                (43, "B", "blended", 7)],
                    {1: '"TC-"0000', 4: '0" h"'})
    state = WizardState(tmp_path / "data" / "store.sqlite3")
    columns = [Column(name, header=name) for name in COLUMNS]
    state.session.set_config(pipeline.new_config(
        data, "createOrUpdateTrainingCourseAction", columns), [data])
    return state


def stored_courses(state: WizardState) -> list[tuple[str, str, int | None]]:
    """The store's training courses: (code, title, duration)."""
    with sqlite3.connect(state.store_path) as conn:
        return conn.execute(
            "SELECT path_code, title, duration FROM training ORDER BY id").fetchall()


def shown(page: PreviewPage, row: int, column: int) -> str:
    """A cell's text as the table shows it."""
    return page.model.data(page.model.index(row, column))


def test_a_number_shown_with_text_corrected_as_shown_is_committed_as_typed(
        tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    state = course_state(tmp_path)
    wizard, page, commit = preview_and_commit(state, qtbot)
    assert [shown(page, 0, c) for c in (CODE, DURATION)] == ["TC-0042", "12 h"]
    edit(page, 2, DURATION, "15 h")  # typed as the cell shows it: 15 hours
    edit(page, 3, CODE, "TC-0044")
    assert [shown(page, 0, DURATION), shown(page, 1, CODE)] == ["15 h", "TC-0044"]
    assert page.model.counts()[Outcome.ERROR] == 0, issues(state)
    page.table.setCurrentIndex(page.model.index(0, DURATION))
    shot(page, screenshots, "preview-shown-number-corrected")
    page.start_check(keep_shown=True)  # Check again: the corrections applied anew
    qtbot.waitUntil(page.shows_plan, timeout=20_000)
    assert [shown(page, 0, DURATION), shown(page, 1, CODE)] == ["15 h", "TC-0044"]
    assert page.model.counts()[Outcome.ERROR] == 0, issues(state)
    wizard.next()
    qtbot.waitUntil(lambda: commit.result is not None, timeout=20_000)
    assert stored_courses(state) == [("TC-0042", "A", 15), ("TC-0044", "B", 7)]


def test_a_number_shown_with_text_corrected_to_its_digits_is_that_number(
        tmp_path: Path, qtbot: QtBot) -> None:
    state = course_state(tmp_path)
    wizard, page, commit = preview_and_commit(state, qtbot)
    edit(page, 2, DURATION, "15")
    assert shown(page, 0, DURATION) == "15"  # what the user typed
    assert page.model.counts()[Outcome.ERROR] == 0
    wizard.next()
    qtbot.waitUntil(lambda: commit.result is not None, timeout=20_000)
    assert stored_courses(state) == [("TC-0042", "A", 15), ("TC-0043", "B", 7)]


def issues(state: WizardState) -> list[str]:
    """Every row's messages, to say why a row is in error."""
    plan = state.session.choices.plan
    assert plan is not None
    return [issue.message for row in plan.imports[0].rows for issue in row.issues()]


def test_a_number_shown_with_text_corrected_twice_is_what_check_again_reads(
        tmp_path: Path, qtbot: QtBot) -> None:
    # "12 h" first typed as "15", then as "16 h": the cell the file has is a number shown
    # "12 h", so "16 h" is 16 hours, at once as after Check again.
    state = course_state(tmp_path)
    wizard, page, commit = preview_and_commit(state, qtbot)
    edit(page, 2, DURATION, "15")
    edit(page, 2, DURATION, "16 h")
    assert shown(page, 0, DURATION) == "16 h"
    assert issues(state) == []
    page.start_check(keep_shown=True)
    qtbot.waitUntil(page.shows_plan, timeout=20_000)
    assert shown(page, 0, DURATION) == "16 h"
    assert issues(state) == []
    wizard.next()
    qtbot.waitUntil(lambda: commit.result is not None, timeout=20_000)
    assert stored_courses(state) == [("TC-0042", "A", 16), ("TC-0043", "B", 7)]
