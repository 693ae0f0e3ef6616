"""The intervention planner's promise: the same plan, row for row, as the row planner's
(core/columns/interventions.py against actions/intervention.py).

Each scenario's meetings file (a CSV file or a workbook) is checked twice against the same
seed store, with ``columns.ENABLED`` on and off, and compared as test_columns_registrations
compares registrations: every row's line, outcome, issues, changes and kept cells, the
counts, and the planner's final view of the store; for a few, the stores the two commits
leave, and after reverting them. A plain scenario holds only what the planner takes on (new
meetings, rooms new or stored as the rows give them, the usual mistakes); the others hold
something it leaves to the rows, in every part or in some.
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass, replace
from datetime import datetime
from operator import attrgetter
from pathlib import Path
from typing import Any

import pytest

from importer_gui.core import columns, config_xml, pipeline
from importer_gui.core.columns import interventions
from importer_gui.core.issues import Outcome
from importer_gui.core.plan import KeptCells, Plan
from importer_gui.core.planner import recheck_row
from importer_gui.core.store import Store
from tests.builders import (
    ImportSpec,
    by_hand,
    teachers_import,
    write_config,
    write_csv,
    write_xlsx,
)
from tests.core.test_columns_registrations import (
    assert_same_plans,
    committed_both_ways,
    stored,
)

ACTION = "createOrUpdateInterventionAction"
HEADER = ("interventionGuid", "trainingPathCode", "sessionTitle", "interventionDate",
          "interventionDuration", "roomGuid", "roomLabel", "roomCapacity", "teacherLogin",
          "interventionStatus")
COURSES = ("SEC-101", "MGT-200", "XLS-300", "GES-410")
TEACHERS = ("mdupont", "jmartin", "hlefevre", "ipetit")
SESSIONS = 5  # per course, titled "Session 0" to "Session 4"; course 0's "Session 0" twice
ROOMS = 12
WHOLE = interventions.PART  # rows in a part, as the planner reads them
PLAIN_ROWS = 40  # the first rows of every scenario hold what the planner takes on


@dataclass(frozen=True)
class Knobs:
    """What a scenario's file, configuration and seed store hold; the defaults a plain one."""

    rows: int = 150
    workbook: bool = False  # a workbook: dates as date cells, numbers as numbers
    mistakes: float = 0.0  # the share of rows with one of the usual mistakes
    stored_rooms: bool = False  # the seed store holds the rooms the rows name, as they do
    teacher_optional: bool = False  # teacherLogin <mandatory>no</mandatory>, some rows empty
    short_lines: bool = False  # some CSV lines a cell short (warned about)
    stored: float = 0.0  # the share of the first rows whose meetings the seed store holds
    # Not plain, in the rows past the first PLAIN_ROWS:
    changed_meetings: float = 0.0  # rows giving a stored meeting's GUID, other values
    repeated: float = 0.0  # rows giving an earlier row's GUID
    room_changed: float = 0.0  # rows giving a room another label than earlier rows
    moved: float = 0.0  # rows giving a stored meeting's GUID and a room no record holds
    invisible: float = 0.0  # a code with a zero-width space: a warning of its own
    # Not plain, in every row:
    room_differs: bool = False  # the seed store's rooms labelled otherwise


@dataclass(frozen=True)
class Case:
    """A scenario's name, seed, knobs and whether the planner takes all its rows."""

    name: str
    seed: int
    knobs: Knobs
    plain: bool


def plain(name: str, seed: int, **knobs: Any) -> Case:
    return Case(name, seed, Knobs(**knobs), True)


def not_plain(name: str, seed: int, **knobs: Any) -> Case:
    return Case(name, seed, Knobs(**knobs), False)


PLAIN = [
    plain("new-meetings", 1),
    plain("usual-mistakes", 2, mistakes=0.2),
    plain("workbook", 3, workbook=True, mistakes=0.15),
    plain("stored-rooms", 4, stored_rooms=True, mistakes=0.1),
    plain("teacher-optional", 5, teacher_optional=True, mistakes=0.1),
    plain("short-lines", 6, short_lines=True, mistakes=0.05),
    plain("checked-again", 7, stored=1.0, mistakes=0.1),
    plain("partly-stored", 8, stored=0.5, mistakes=0.1, stored_rooms=True),
]
NOT_PLAIN = [
    not_plain("changed-meetings", 11, changed_meetings=0.3, mistakes=0.1),
    not_plain("repeated-guids", 12, repeated=0.05),
    not_plain("room-changed", 13, room_changed=0.05, mistakes=0.1),
    not_plain("room-differs", 14, stored_rooms=True, room_differs=True),
    not_plain("invisible", 15, invisible=0.05, workbook=True),
    not_plain("moved-meetings", 16, moved=0.05),
]
CASES = PLAIN + NOT_PLAIN


class Generator:
    """A scenario's rows from a seed: the same seed, the same rows."""

    def __init__(self, case: Case) -> None:
        self.rng = random.Random(case.seed)
        self.knobs = case.knobs

    def rows(self) -> list[list[object]]:
        rows: list[list[object]] = []
        for i in range(self.knobs.rows):
            row = self.row(i)
            if i >= PLAIN_ROWS:
                self.not_plain(row, rows)
            if self.rng.random() < self.knobs.mistakes:
                self.mistake(row)
            if self.knobs.short_lines and i % 23 == 7:
                row = row[:-1]
            rows.append(row)
        return rows

    def not_plain(self, row: list[object], rows: list[list[object]]) -> None:
        knobs, rng = self.knobs, self.rng
        if rng.random() < knobs.repeated:
            row[0] = rows[rng.randrange(len(rows))][0]
        if rng.random() < knobs.changed_meetings:  # some written with spaces
            row[0] = f"OLD-{rng.randrange(20)}".center(rng.choice((6, 8)))
        if rng.random() < knobs.room_changed:
            row[6] = f"{row[6]} (refaite)"
        if rng.random() < knobs.moved:
            row[0], row[5], row[6] = f"OLD-{len(rows) % 20}", f"ROOM-NEW-{len(rows)}", "Neuve"
        if rng.random() < knobs.invisible:
            row[1] = f"{row[1]}\u200b"

    def row(self, i: int) -> list[object]:
        rng, workbook = self.rng, self.knobs.workbook
        course = rng.randrange(len(COURSES))
        room = rng.randrange(ROOMS)
        when = datetime(2027, 1 + i % 12, 1 + i % 28, 9 if i % 2 else 14)
        teacher = "" if self.knobs.teacher_optional and i % 5 == 0 else rng.choice(TEACHERS)
        return [f"INT-{i:05d}", COURSES[course], f"Session {rng.randrange(1, SESSIONS)}",
                when if workbook and i % 3 else when.isoformat(),
                float(1 + i % 4) if workbook else str(1 + i % 4), f"ROOM-{room}",
                room_label(room), float(room + 8) if workbook else str(room + 8), teacher,
                "C" if i % 13 == 0 else "A"]

    def mistake(self, row: list[object]) -> None:
        kind = self.rng.randrange(11)
        if kind == 0:
            row[1] = "NOPE-999"  # no such course
        elif kind == 1:
            row[2] = "Session 99"  # no such session in the course
        elif kind == 2:
            row[1], row[2] = COURSES[0], "Session 0"  # two sessions so titled
        elif kind == 3:
            row[8] = "nobody"  # no such teacher
        elif kind == 4:
            row[3] = "le 3 mars"
        elif kind == 5:
            row[9] = "X"
        elif kind == 6:
            row[4] = "3h"
        elif kind == 7:
            row[6] = ""  # a room without its label
        elif kind == 8:
            row[0] = ""  # no GUID
        elif kind == 9:
            row[1] = ""  # no course
        else:
            row[2] = ""  # no session


def room_label(room: int) -> str:
    return f"Salle {room}"


@dataclass
class Prepared:
    """A scenario written out: its configuration and seed store."""

    config: Path
    store: Path


def prepare(case: Case, folder: Path) -> Prepared:
    """The scenario's seed store, configuration and file, in ``folder``."""
    seed = folder / "seed"
    seed.mkdir(parents=True)
    store = seed_store(seed, case.knobs)
    check = folder / "check"
    check.mkdir()
    rows = Generator(case).rows()
    name = "meetings.xlsx" if case.knobs.workbook else "meetings.csv"
    writer = write_xlsx if case.knobs.workbook else write_csv
    writer(check / name, [HEADER, *rows])
    children = {"teacherLogin": "<mandatory>no</mandatory>"} if (
        case.knobs.teacher_optional) else {}
    spec = ImportSpec(name, HEADER, ACTION, column_children=children)
    if case.knobs.stored:  # the first rows committed as they are: found and left so
        writer(seed / name, [HEADER, *rows[:int(case.knobs.stored * len(rows))]])
        with Store.open(store) as opened:
            pipeline.commit(pipeline.check(config_xml.load(write_config(
                seed, spec, name="stored.xml")), opened), opened)
    return Prepared(write_config(check, spec), store)


def seed_store(folder: Path, knobs: Knobs) -> Path:
    """Teachers, courses and their sessions committed by imports; rooms and meetings too
    when the knobs say so."""
    write_csv(folder / "courses.csv", [("trainingPathCode", "trainingTitle"),
                                       *[(code, f"Course {code}") for code in COURSES]])
    sessions = [(code, f"Session {s}", "01/01/2027", "02/01/2027")
                for code in COURSES for s in range(SESSIONS)]
    write_csv(folder / "sessions.csv", [("trainingPathCode", "sessionTitle",
                                         "sessionStartDate", "sessionEndDate"), *sessions])
    imports = [
        teachers_import(folder, [(login, login.title(), "A", f"{login}@example.com")
                                 for login in TEACHERS]),
        ImportSpec("courses.csv", ("trainingPathCode", "trainingTitle"),
                   "createOrUpdateTrainingCourseAction",
                   options="<fullAccess>yes</fullAccess>"),
        ImportSpec("sessions.csv", ("trainingPathCode", "sessionTitle", "sessionStartDate",
                                    "sessionEndDate"), "createOrUpdateSessionAction",
                   options="<sessionSearchField><sessionTitle/></sessionSearchField>",
                   provider_extra="<dateFormat>DD/MM/YYYY</dateFormat>"),
    ]
    meetings = []
    if knobs.stored_rooms:
        meetings += [[f"SEED-{room}", COURSES[1], "Session 1", "2027-01-05T09:00:00", "2",
                      f"ROOM-{room}", room_label(room) + (" bis" if knobs.room_differs else ""),
                      str(room + 8), TEACHERS[0], "A"] for room in range(ROOMS)]
    if knobs.changed_meetings or knobs.moved:
        meetings += [[f"OLD-{n}", COURSES[2], "Session 2", "2027-02-05T09:00:00", "3",
                      "ROOM-OLD", "Salle ancienne", "10", TEACHERS[1], "A"] for n in range(20)]
    if meetings:
        write_csv(folder / "seed-meetings.csv", [HEADER, *meetings])
        imports.append(ImportSpec("seed-meetings.csv", HEADER, ACTION))
    config = write_config(folder, *imports, name="seed.xml")
    path = folder / "seed.sqlite3"
    with Store.open(path) as store:
        plan = pipeline.check(config_xml.load(config), store)
        assert not plan.counts()[Outcome.ERROR]
        pipeline.commit(plan, store)
    # A second "Session 0" in the first course: a row naming it is the platform's error.
    by_hand(path, "INSERT INTO session (training_id, title, status) SELECT training_id, "
                  "title, status FROM session WHERE title = 'Session 0' LIMIT 1")
    return path


def check(prepared: Prepared, monkeypatch: pytest.MonkeyPatch, *, by_columns: bool,
          kept: KeptCells) -> Plan:
    """The command line's check of the scenario, the planner on or off."""
    monkeypatch.setattr(columns, "ENABLED", by_columns)
    with Store.open(prepared.store) as store:
        return pipeline.check(config_xml.load(prepared.config), store, kept=kept)


def setting_view(plan: Plan) -> list[dict[str, Any]]:
    """Per import, which row sets each record (by table, the record each row sets and the
    row before it that set that one; rows setting none at the end left out) and the last
    row that set each record: what rechecking an edited row words its warnings from."""
    views = []
    for setters in plan.planner.setters:  # type: ignore[attr-defined]
        rows = {}
        for table, by_row in setters._by_row.items():
            pairs = list(zip(by_row, setters._prev[table], strict=True))
            while pairs and pairs[-1] == (0, 0):
                pairs.pop()
            rows[table] = pairs
        last = {(table, sign * slot): row
                for sign, held in ((-1, setters._created), (1, setters._stored))
                for table, slots in held.items() for slot, row in enumerate(slots) if row}
        views.append({"rows": rows, "last": last | setters._far})
    return views


@pytest.mark.parametrize("case", CASES, ids=attrgetter("name"))
def test_both_planners_plan_alike(case: Case, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    prepared = prepare(case, tmp_path)
    for kept in (KeptCells.ALL, KeptCells.ERRORS):
        by_columns = check(prepared, monkeypatch, by_columns=True, kept=kept)
        by_rows = check(prepared, monkeypatch, by_columns=False, kept=kept)
        assert len(by_rows.imports[0].rows) == case.knobs.rows
        assert by_columns.imports[0].by_columns is case.plain
        assert_same_plans(by_columns, by_rows)
        assert setting_view(by_columns) == setting_view(by_rows)
    counts = by_rows.counts()
    assert counts[Outcome.CREATE] or case.knobs.stored == 1
    assert counts[Outcome.UNCHANGED] or not case.knobs.stored
    assert counts[Outcome.ERROR] or not case.knobs.mistakes


@pytest.mark.parametrize("case", NOT_PLAIN, ids=attrgetter("name"))
def test_parts_without_what_the_rows_need_are_planned_at_once(
        case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Parts of a few rows: some hold what only the row planner plans, some do not.
    monkeypatch.setattr(interventions, "PART", 4)
    prepared = prepare(case, tmp_path)
    by_columns = check(prepared, monkeypatch, by_columns=True, kept=KeptCells.ALL)
    by_rows = check(prepared, monkeypatch, by_columns=False, kept=KeptCells.ALL)
    assert by_columns.imports[0].by_columns is not case.knobs.room_differs
    assert_same_plans(by_columns, by_rows)
    assert setting_view(by_columns) == setting_view(by_rows)


@pytest.mark.parametrize("name", ["new-meetings", "checked-again"])
def test_a_meeting_set_again_in_a_later_part_is_warned_as_by_the_row_planner(
        name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Rows 1 to 8 again after the last: each keeps the meeting its first line created (or
    # kept), in a part of its own, and is warned for setting it again.
    monkeypatch.setattr(interventions, "PART", 4)
    case = next(case for case in CASES if case.name == name)
    prepared = prepare(replace(case, knobs=replace(case.knobs, rows=40, mistakes=0)),
                       tmp_path)
    data = prepared.config.parent / "meetings.csv"
    lines = data.read_bytes().splitlines(keepends=True)
    data.write_bytes(b"".join([*lines, *lines[1:9]]))
    by_columns = check(prepared, monkeypatch, by_columns=True, kept=KeptCells.ALL)
    by_rows = check(prepared, monkeypatch, by_columns=False, kept=KeptCells.ALL)
    assert by_columns.imports[0].by_columns
    assert_same_plans(by_columns, by_rows)
    assert setting_view(by_columns) == setting_view(by_rows)
    rows = by_columns.imports[0].rows
    warned = [rows.lines[index] for index in range(len(rows))
              if any(issue.message.startswith("Line ") for issue in rows[index].issues())]
    assert warned == list(range(42, 50))


def test_the_plans_compared_are_told_apart(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    prepared = prepare(PLAIN[1], tmp_path)
    by_rows = check(prepared, monkeypatch, by_columns=False, kept=KeptCells.ALL)
    data = prepared.config.parent / "meetings.csv"
    data.write_bytes(data.read_bytes().replace(b"Salle 3;", b"Salle 33;", 1))
    by_columns = check(prepared, monkeypatch, by_columns=True, kept=KeptCells.ALL)
    with pytest.raises(AssertionError, match="differ"):
        assert_same_plans(by_columns, by_rows)


@pytest.mark.parametrize("part", [WHOLE, 7], ids=["whole", "in-parts"])
@pytest.mark.parametrize("name", ["usual-mistakes", "workbook", "partly-stored",
                                  "changed-meetings"])
def test_both_commits_and_their_reverts_leave_the_same_store(
        name: str, part: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(interventions, "PART", part)
    caplog.set_level(logging.INFO, logger="importer_gui.core.feeding")
    case = next(case for case in CASES if case.name == name)
    prepared = prepare(case, tmp_path)
    before = stored(prepared.store)
    plans, after = committed_both_ways(prepared.config, prepared.store, tmp_path, monkeypatch)
    assert plans[True].imports[0].by_columns is (case.plain or part != WHOLE)
    assert "not finished" not in caplog.text  # each written beside its check
    assert after[True]["intervention"] != before["intervention"]


@pytest.mark.parametrize("name", ["new-meetings", "checked-again"])
def test_a_row_edited_to_give_an_earlier_guid_is_warned_as_after_a_row_plan(
        name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The meetings the rows create, or the stored ones they leave as they are: set by them.
    case = next(case for case in CASES if case.name == name)
    prepared = prepare(replace(case, knobs=replace(case.knobs, rows=60, mistakes=0)), tmp_path)
    rechecked = {}
    for by_columns in (True, False):
        plan = check(prepared, monkeypatch, by_columns=by_columns, kept=KeptCells.ALL)
        assert plan.imports[0].by_columns is by_columns
        rows = plan.imports[0].rows
        edited = [(index, (rows.cells[index - 1][0], *rows.cells[index][1:]))
                  for index in range(1, 60, 4)]
        rechecked[by_columns] = [recheck_row(plan, 0, index + 1, cells)
                                 for index, cells in edited]
    assert [(row.outcome, row.results) for row in rechecked[True]] == [
        (row.outcome, row.results) for row in rechecked[False]]
    assert all(any(issue.message.startswith("Line ") for issue in row.issues())
               for row in rechecked[True])
