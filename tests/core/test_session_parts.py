"""The refresh's sessions planned a part at a time give the plan the row planner gives, row
for row (platform_io/session_parts.py against courses.plan_session).

Each scenario's exports (the scheduled configuration; its training courses and sessions
written, the other files their header line only) are planned against the same seed store
with ``columns.ENABLED`` on and off, and compared as test_columns_registrations compares
imports: every row's line, outcome, issues, changes and kept cells, the counts and notes;
for some, the stores the two refreshes leave, written as they are planned, and after
reverting them. A plain scenario holds only what the parts take on (new sessions, stored
ones as the rows give them or changed by their rows, rows in error or cut short); the others
hold something that leaves the rest of the export to the rows.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from operator import attrgetter
from pathlib import Path

import pytest

from importer_gui.core import columns, revert
from importer_gui.core.catalogue.exports import SCHEDULED
from importer_gui.core.issues import Outcome
from importer_gui.core.plan import KeptCells
from importer_gui.core.platform_io import export_config, refresh, session_parts
from importer_gui.core.platform_io.export_config import scheduled_document
from importer_gui.core.store import Store
from tests.builders import by_hand
from tests.core.test_columns_registrations import copy_store, import_view, stored

COURSES = 6
WHOLE = session_parts.PART
PLAIN_ROWS = 40  # the first rows of every scenario hold what the parts take on


@dataclass(frozen=True)
class Knobs:
    """What a scenario's exports and seed store hold; the defaults a plain one."""

    rows: int = 120
    stored: float = 0.0  # the share of the sessions the seed store holds, as exported
    changed: bool = False  # every seventh stored session exported with new dates or title
    moved: bool = False  # every eleventh stored session exported under another course
    mistakes: bool = False  # impossible dates, and lines cut short
    last_cut: bool = False  # the file does not end its last line
    # Not plain, past the first PLAIN_ROWS rows:
    twice: bool = False  # a row given again, as it is
    course_missing: bool = False  # a course no training export row gives
    no_guid: bool = False  # a row naming its session by its title alone
    # The store holds a session made by an import, without a GUID.
    adoptable: bool = False
    prune: bool = False  # --prune: the stored sessions no row names are deleted


@dataclass(frozen=True)
class Case:
    name: str
    knobs: Knobs

    @property
    def plain(self) -> bool:
        knobs = self.knobs
        return not (knobs.twice or knobs.course_missing or knobs.no_guid or knobs.adoptable)


PLAIN = [
    Case("new-sessions", Knobs()),
    Case("all-stored", Knobs(stored=1.0)),
    Case("partly-stored", Knobs(stored=0.5)),
    Case("changed-and-moved", Knobs(stored=1.0, changed=True, moved=True)),
    Case("mistakes", Knobs(stored=0.3, mistakes=True)),
    Case("last-line-cut", Knobs(last_cut=True, mistakes=True)),
    Case("pruned", Knobs(stored=1.0, prune=True, rows=100)),
]
NOT_PLAIN = [
    Case("guid-twice", Knobs(twice=True)),
    Case("course-missing", Knobs(course_missing=True)),
    Case("named-by-title", Knobs(no_guid=True)),
    Case("adoptable", Knobs(stored=0.5, adoptable=True)),
]
CASES = PLAIN + NOT_PLAIN


def _guid(kind: int, n: int) -> str:
    return f"{kind:08X}-0000-4000-8000-{n:012X}"


def course(t: int) -> list[str]:
    return [f"TRN-{t:03d}", _guid(1, t), f"Formation {t}"]


def session_rows(knobs: Knobs, *, as_stored: bool = False) -> list[list[str]]:
    """The sessions export's rows; ``as_stored``: as the seed store's refresh gave them."""
    rows = []
    for s in range(knobs.rows):
        t = s % COURSES
        title, start, end = f"Session {s}", f"2027-01-{1 + s % 28:02d}", f"2027-02-{1 + s % 28:02d}"
        late = not as_stored and s >= PLAIN_ROWS
        if not as_stored and knobs.changed and s % 7 == 3:
            title, end = f"Session {s} (renamed)", "2027-03-01"
        if not as_stored and knobs.moved and s % 11 == 5:
            t = (t + 1) % COURSES
        row = [*course(t), _guid(2, s), title, start, end]
        if not as_stored and knobs.mistakes and s % 9 == 4:
            row[5] = "2027-02-31"
        if not as_stored and knobs.mistakes and s % 13 == 6:
            row = row[:5]  # the file's cut: a line short of its last columns
        if late and knobs.twice and s == knobs.rows - 10:
            row = rows[s - 25]
        if late and knobs.course_missing and s == knobs.rows - 20:
            row[:3] = ["TRN-NEW", _guid(1, 999), "Formation nouvelle"]
        if late and knobs.no_guid and s == knobs.rows - 30:
            row[3] = ""
        rows.append(row)
    return rows


def write_exports(folder: Path, sessions: list[list[str]], *, last_cut: bool = False,
                  courses: int = COURSES) -> Path:
    """The scheduled export configuration and its files in ``folder`` (the training
    courses' export giving the first ``courses``)."""
    folder.mkdir(parents=True)
    for _provider, headers, name in SCHEDULED:
        rows = ([[*course(t)[:2], course(t)[2], "campus", ""] for t in range(courses)]
                if name == "platform_trainings.csv" else
                sessions if name == "platform_sessions.csv" else [])
        with (folder / name).open("w", encoding="utf-8", newline="") as out:
            csv.writer(out, delimiter=";", lineterminator="\n").writerows([headers, *rows])
    if last_cut:
        path = folder / "platform_sessions.csv"
        path.write_bytes(path.read_bytes().rstrip(b"\n"))
    config = folder / "export-config.xml"
    config.write_text(scheduled_document(), encoding="utf-8")
    return config


@dataclass
class Prepared:
    config: Path
    store: Path
    prune: bool


def prepare(case: Case, folder: Path) -> Prepared:
    """The scenario's seed store and exports, in ``folder``."""
    knobs = case.knobs
    store = folder / "seed.sqlite3"
    with Store.open(store):
        pass
    if knobs.stored:
        every = session_rows(replace(knobs, rows=knobs.rows + 10), as_stored=True)
        kept = every[:int(knobs.stored * knobs.rows)] + (every[knobs.rows:] if knobs.prune else [])
        seed = write_exports(folder / "seed", kept)
        with Store.open(store) as opened:
            planned = refresh.plan_refresh(export_config.load(seed), opened)
            refresh.commit_refresh(planned, opened)
    if knobs.adoptable:  # as an import makes a session: no GUID
        by_hand(store, "INSERT INTO session (training_id, title) SELECT id, 'Session 77' "
                       "FROM training WHERE path_code = 'TRN-005'")
    # Pruned, a course its export no longer gives stays while a session names it.
    config = write_exports(folder / "check", session_rows(knobs), last_cut=knobs.last_cut,
                           courses=COURSES - knobs.prune)
    return Prepared(config, store, knobs.prune)


def plan(prepared: Prepared, monkeypatch: pytest.MonkeyPatch, *, by_parts: bool,
         kept: KeptCells = KeptCells.ALL) -> refresh.RefreshPlan:
    monkeypatch.setattr(columns, "ENABLED", by_parts)
    with Store.open(prepared.store) as store:
        return refresh.plan_refresh(export_config.load(prepared.config), store,
                                    prune=prepared.prune, kept=kept)


def sessions_export(planned: refresh.RefreshPlan) -> int:
    return next(i for i, imp in enumerate(planned.plan.imports)
                if imp.file.name == "platform_sessions.csv")


def assert_same_refreshes(by_parts: refresh.RefreshPlan, by_rows: refresh.RefreshPlan) -> None:
    """Every export's rows alike, and what the refresh says besides."""
    assert not any(imp.by_columns for imp in by_rows.plan.imports)
    assert (by_parts.counts(), by_parts.notes) == (by_rows.counts(), by_rows.notes)
    for index in range(len(by_rows.plan.imports)):
        first, second = import_view(by_parts.plan, index), import_view(by_rows.plan, index)
        for key in first:
            assert first[key] == second[key], f"export {index}: the rows' {key} differ"


@pytest.mark.parametrize("case", CASES, ids=attrgetter("name"))
def test_both_planners_plan_alike(case: Case, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    prepared = prepare(case, tmp_path)
    for kept in (KeptCells.ALL, KeptCells.ERRORS):
        by_parts = plan(prepared, monkeypatch, by_parts=True, kept=kept)
        by_rows = plan(prepared, monkeypatch, by_parts=False, kept=kept)
        sessions = by_parts.plan.imports[sessions_export(by_parts)]
        pruned = sessions.row_counts()[Outcome.DELETE]  # a row of its own each
        assert len(sessions.rows) - pruned == case.knobs.rows
        assert sessions.by_columns is case.plain
        assert_same_refreshes(by_parts, by_rows)
    counts = by_rows.counts()
    assert counts[Outcome.CREATE] or case.knobs.stored == 1
    assert counts[Outcome.UNCHANGED] or not case.knobs.stored
    assert counts[Outcome.UPDATE] or not (case.knobs.changed or case.knobs.moved)
    assert counts[Outcome.ERROR] or not (case.knobs.mistakes or case.knobs.last_cut)
    assert counts[Outcome.DELETE] or not case.knobs.prune


@pytest.mark.parametrize("case", NOT_PLAIN, ids=attrgetter("name"))
def test_parts_before_what_the_rows_need_are_planned_at_once(
        case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Parts of a few rows: the first ones hold nothing the row planner alone plans.
    monkeypatch.setattr(session_parts, "PART", 4)
    prepared = prepare(case, tmp_path)
    by_parts = plan(prepared, monkeypatch, by_parts=True)
    by_rows = plan(prepared, monkeypatch, by_parts=False)
    assert by_parts.plan.imports[sessions_export(by_parts)].by_columns is not case.knobs.adoptable
    assert_same_refreshes(by_parts, by_rows)


def test_the_refreshes_compared_are_told_apart(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    prepared = prepare(PLAIN[0], tmp_path)
    by_rows = plan(prepared, monkeypatch, by_parts=False)
    data = prepared.config.parent / "platform_sessions.csv"
    data.write_bytes(data.read_bytes().replace(b"Session 3;", b"Session 33;", 1))
    by_parts = plan(prepared, monkeypatch, by_parts=True)
    with pytest.raises(AssertionError, match="differ"):
        assert_same_refreshes(by_parts, by_rows)


@pytest.mark.parametrize("part", [WHOLE, 7], ids=["whole", "in-parts"])
@pytest.mark.parametrize("name", ["new-sessions", "changed-and-moved", "mistakes",
                                  "guid-twice"])
def test_both_refreshes_and_their_reverts_leave_the_same_store(
        name: str, part: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(session_parts, "PART", part)
    case = next(case for case in CASES if case.name == name)
    prepared = prepare(case, tmp_path)
    before = stored(prepared.store)
    after, reverted = {}, {}
    for by_parts in (True, False):
        store_path = copy_store(prepared.store, tmp_path / f"store-{by_parts}.sqlite3")
        monkeypatch.setattr(columns, "ENABLED", by_parts)
        with Store.open(store_path) as store:
            planned, result = refresh.refresh_in_one_pass(
                export_config.load(prepared.config), store, kept=KeptCells.ERRORS)
            assert result is not None
            sessions = planned.plan.imports[sessions_export(planned)]
            assert sessions.by_columns is (by_parts and (case.plain or part != WHOLE))
            after[by_parts] = stored(store_path)
            revert.commit_revert(store, revert.plan_revert(store, result.run_id))
        reverted[by_parts] = stored(store_path)
    for table in after[True]:
        assert after[True][table] == after[False][table], f"refreshed: {table} differs"
    assert reverted[True] == reverted[False] == before
    assert after[True]["session"] != before["session"]
