"""The column planner's promise: the same plan, row for row, as the row planner's.

Each scenario's registrations file is checked twice against the same store, through the
check the command line runs, with ``columns.ENABLED`` on and off, and everything a user (or
a commit) could tell the two by is compared: each row's line, outcome, issues, changes and
kept cells, the counts, the notices, the planner's final view of the store; for a few,
the stores the two commits leave, and after reverting them.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path
from typing import Any

import pytest

from importer_gui.core import columns, config_xml, pipeline
from importer_gui.core.cells import Cell, Garbled, Unreadable
from importer_gui.core.columns import frame, rows
from importer_gui.core.plan import KeptCells, Plan
from importer_gui.core.records import record_values
from importer_gui.core.revert import commit_revert, plan_revert
from importer_gui.core.store import Store
from tests.builders import tables
from tests.core.registration_scenarios import Generator, Knobs, Layout, Scenario

FULL_ACCESS_NO = "<fullAccess>no</fullAccess>"
DONT_UPDATE = "<dontUpdateExistingSessions>yes</dontUpdateExistingSessions>"
NO_REACTIVATE = "<reactivateRegisteredLearners>no</reactivateRegisteredLearners>"
CRLF, BOM = Layout(line_end="\r\n"), Layout(bom=True)


@dataclass(frozen=True)
class Case:
    """A scenario to generate: its name, whether it is plain, its seed and knobs."""

    name: str
    plain: bool
    seed: int
    knobs: Knobs

    def scenario(self) -> Scenario:
        """The scenario (the same each time: its generation is seeded)."""
        return Generator(self.seed, self.knobs).scenario(self.name, self.plain)


def plain(name: str, seed: int, **knobs: Any) -> Case:
    return Case(name, True, seed, Knobs(**knobs))


def not_plain(name: str, seed: int, **knobs: Any) -> Case:
    return Case(name, False, seed, Knobs(**knobs))


PLAIN = [
    plain("by-login", 1),
    plain("by-login-with-mistakes", 2, mistakes=0.15),
    plain("by-ref-number", 3, search="candidateRefNumber", mistakes=0.05),
    plain("by-email", 4, search="candidateEmail", mistakes=0.05),
    plain("has-results", 5, has_results=True, mistakes=0.15),
    plain("registered-twice", 6, twice=0.25, mistakes=0.05),
    plain("no-guid-date-or-flag", 7, registration_guid=False, registration_date=False,
          flag_column=False, mistakes=0.1),
    plain("sessions-in-the-store", 8, stored_sessions=5, twice=0.1),
    plain("already-committed", 9, committed_first=True, mistakes=0.1),
    plain("already-committed-by-email", 10, committed_first=True, search="candidateEmail",
          stored_sessions=3),
    plain("crlf", 11, layout=CRLF, mistakes=0.05),
    plain("bom", 12, layout=BOM, mistakes=0.05),
    plain("crlf-bom-no-last-newline", 13,
          layout=Layout(line_end="\r\n", bom=True, trailing_newline=False)),
    plain("no-last-newline", 14, layout=Layout(trailing_newline=False), has_results=True),
    plain("no-dates", 15, no_dates=1.0, mistakes=0.05),
    plain("every-date", 16, no_dates=0.0, twice=0.1, mistakes=0.05),
    plain("unicode-spaces-around-keys", 17, odd_space="\u3000\xa0\x1c", mistakes=0.05),
    plain("twin-sessions-in-the-store", 19, twins=True, mistakes=0.05),
    *(plain(f"mixed-{seed}", seed, mistakes=0.1, twice=0.15, stored_sessions=seed % 4,
            search=("candidateLogin", "candidateRefNumber", "candidateEmail")[seed % 3],
            has_results=bool(seed % 2), rows=300 + seed,
            layout=Layout(line_end=("\n", "\r\n")[seed % 2], bom=seed % 3 == 0))
      for seed in range(101, 107)),
]

NOT_PLAIN = [
    not_plain("unregister", 201, unregister=0.2, twice=0.3),
    not_plain("unregister-keep-session", 202, unregister=0.2, twice=0.3, keep_session=True),
    not_plain("unregister-dont-keep-session", 203, unregister=0.25, twice=0.3,
              keep_session=False),
    not_plain("unregister-committed", 204, unregister=0.3, committed_first=True,
              options=FULL_ACCESS_NO),
    not_plain("dates-differ", 205, dates_differ=0.3, no_dates=0.0),
    not_plain("stored-other-dates", 206, other_dates=True, no_dates=0.0),
    not_plain("stored-other-dates-full-access-no", 207, other_dates=True, no_dates=0.0,
              options=FULL_ACCESS_NO),
    not_plain("stored-other-dates-dont-update", 208, other_dates=True, no_dates=0.0,
              options=DONT_UPDATE),
    not_plain("guid-repeated", 209, guid_repeated=True),
    not_plain("guid-in-the-store", 210, guid_stored=True),
    not_plain("login-shared", 211, shared_login=True),
    not_plain("email-shared", 212, shared_login=True, search="candidateEmail"),
    not_plain("disabled-learner", 213, disabled=True, twice=0.2),
    not_plain("disabled-learner-not-reactivated", 214, disabled=True, options=NO_REACTIVATE),
    not_plain("no-title-with-mistakes", 215, no_title=True, session_id=True,
              stored_sessions=4, mistakes=0.1),
    not_plain("no-title-by-session-id", 216, no_title=True, session_id=True,
              stored_sessions=3),
    not_plain("session-id-mapped", 217, session_id=True, stored_sessions=3),
    not_plain("learner-action-first", 218, learner_action=True, mistakes=0.1),
    not_plain("courses-then-registrations", 219, courses_import=True),
    not_plain("learners-then-registrations", 234, learners_import=True, mistakes=0.05,
              twice=0.1),
    not_plain("quoted-cells", 220, quoted=True),
    not_plain("blank-line", 221, blank_line=True),
    not_plain("short-and-long-lines", 222, odd_widths=True),
    not_plain("header-repeated", 223, header_again=True),
    not_plain("garbled-cell", 224, garbled=True),
    not_plain("lone-carriage-return", 229, odd_line="a\rb"),
    # A line as wide as the others, unquoted, whose title ends with a \r (which polars takes
    # off the cell, where the csv module ends the line there).
    not_plain("carriage-return-before-a-delimiter", 235,
              odd_line="nobody;SEC-101;Lyon groupe 1\r;01/01/2027;02/01/2027;Y;REG-odd;"),
    not_plain("invisible-space-kept", 233, odd_space="\u200b", mistakes=0.05),
    not_plain("delimiters-only-line", 230, odd_line=";;;;"),
    not_plain("no-break-spaces-line", 231, odd_line="\xa0;\u3000;\x1c"),
    not_plain("a-carriage-return-line", 232, odd_line="\r"),
    not_plain("near-miss-title", 225, near_miss=True),
    not_plain("windows-1252", 226, layout=Layout(encoding="cp1252", declared="WINDOWS-1252"),
              mistakes=0.05),
    not_plain("tab-delimited", 227, layout=Layout(delimiter="\t", delimiter_name="tabulation")),
    not_plain("everything-at-once", 228, unregister=0.1, twice=0.2, dates_differ=0.1,
              other_dates=True, guid_repeated=True, disabled=True, quoted=True,
              blank_line=True, odd_widths=True, near_miss=True, mistakes=0.1,
              stored_sessions=2, layout=CRLF),
]

CASES = PLAIN + NOT_PLAIN
# Committed and reverted both ways: a plain file, one already half in the store, and one
# that unregisters and changes sessions.
COMMITTED = ["by-login-with-mistakes", "sessions-in-the-store", "everything-at-once"]


@dataclass
class Prepared:
    """A scenario written out: its configuration and the seed store it is checked against."""

    scenario: Scenario
    config: Path
    store: Path


def prepare(case: Case, folder: Path) -> Prepared:
    """The scenario's seed store, configuration and files, in ``folder``."""
    scenario = case.scenario()
    store = scenario.seed_store(folder / "seed")
    return Prepared(scenario, scenario.write(folder / "check"), store)


def check(prepared: Prepared, monkeypatch: pytest.MonkeyPatch, *, by_columns: bool,
          kept: KeptCells) -> Plan:
    """The command line's check of the scenario, the column planner on or off."""
    monkeypatch.setattr(columns, "ENABLED", by_columns)
    with Store.open(prepared.store) as store:
        return pipeline.check(config_xml.load(prepared.config), store, kept=kept)


# --- what is compared -------------------------------------------------------------------------

def import_view(plan: Plan, index: int) -> dict[str, Any]:
    """Everything one import's plan says, as plain values."""
    imp = plan.imports[index]
    rows = imp.rows
    return {
        "file": imp.file, "headers": imp.headers, "actions": imp.actions,
        "columns": imp.columns,
        "lines": list(rows.lines),
        "outcomes": bytes(rows.outcomes),
        "results": [tuple((r.action, r.outcome, tuple((i.level, i.field, i.message)
                                                      for i in r.issues))
                          for r in results) for results in rows.results],
        "changes": [[(c.table, c.kind, c.record_id, c.values, c.before)
                     for c in rows.changes_of(i)] for i in range(len(rows))],
        "cells": [tuple(map(cell_value, cells)) for cells in rows.cells],
        "row_counts": imp.row_counts(),
        "issue_counts": imp.issue_counts(),
    }


def cell_value(cell: Cell) -> Any:
    """A cell as a value that equals another's when the two cells are alike: an Unreadable
    cell equals nothing, and a Garbled one equals its text; both say more than their text."""
    kind = type(cell)
    if kind is str:
        return cell
    if isinstance(cell, Unreadable):
        return (kind.__name__, str(cell), cell.reason, cell.whole_row)
    if isinstance(cell, Garbled):
        return (kind.__name__, str(cell), cell.repaired, cell.misread)
    return (kind.__name__, cell)


def plan_view(plan: Plan) -> dict[str, Any]:
    """What the plan says besides its rows, and the planner's final view of the store."""
    overlay = plan.planner.overlay  # type: ignore[attr-defined]
    return {
        "imports": len(plan.imports),
        "counts": plan.counts(),
        "notices": plan.notices,
        "store": {table: {record_id: {"id": record.id, **record_values(record)}
                          for record_id, record in records.items()}
                  for table, records in overlay.tables.items()},
    }


def assert_same_plans(by_columns: Plan, by_rows: Plan) -> None:
    """Every part of the two plans equal, said part by part where they are not."""
    assert not any(imp.by_columns for imp in by_rows.imports)
    first, second = plan_view(by_columns), plan_view(by_rows)
    for key in first:
        assert first[key] == second[key], f"the plans' {key} differ"
    for index in range(len(by_rows.imports)):
        first, second = import_view(by_columns, index), import_view(by_rows, index)
        for key in first:
            assert first[key] == second[key], f"import {index}: the rows' {key} differ"


# The GUIDs the store makes for the records a plan creates without one: their own each time.
MADE_GUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")


def stored(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every record of the store, by table and id, the GUIDs it made masked."""
    return {table: [tuple("<made>" if isinstance(v, str) and MADE_GUID.fullmatch(v) else v
                          for v in row) for row in rows]
            for table, rows in tables(path).items()}


def copy_store(source: Path, target: Path) -> Path:
    """A copy of a store, as SQLite's backup makes it."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    return target


# The store as each planner's commit left it, and after its revert.
Committed = dict[bool, dict[str, list[tuple[Any, ...]]]]


def committed_both_ways(config: Path, seed: Path, folder: Path,
                        monkeypatch: pytest.MonkeyPatch) -> tuple[dict[bool, Plan], Committed]:
    """The configuration checked and committed as the command line's import commits (rows
    written as they are planned) into copies of the seed store, the column planner on and
    off, each commit then reverted: the two plans and stores after the commits, once both
    plans, both commits and both reverts were found alike."""
    after: Committed = {}
    reverted: Committed = {}
    plans: dict[bool, Plan] = {}
    for by_columns in (True, False):
        store_path = copy_store(seed, folder / f"store-{by_columns}.sqlite3")
        monkeypatch.setattr(columns, "ENABLED", by_columns)
        with Store.open(store_path) as store:
            plans[by_columns], result = pipeline.check_and_commit(
                config_xml.load(config), store, kept=KeptCells.ERRORS)
            assert result is not None
            after[by_columns] = stored(store_path)
            commit_revert(store, plan_revert(store, result.run_id))
        reverted[by_columns] = stored(store_path)
    assert_same_plans(plans[True], plans[False])
    for table in after[True]:
        assert after[True][table] == after[False][table], f"committed: {table} differs"
    for table in reverted[True]:
        assert reverted[True][table] == reverted[False][table], f"reverted: {table} differs"
    assert reverted[True] == stored(seed)
    return plans, after


# --- the tests --------------------------------------------------------------------------------

@pytest.mark.parametrize("case", CASES, ids=attrgetter("name"))
def test_both_planners_plan_alike(case: Case, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    prepared = prepare(case, tmp_path)
    for kept in (KeptCells.ALL, KeptCells.ISSUES, KeptCells.ERRORS):
        by_columns = check(prepared, monkeypatch, by_columns=True, kept=kept)
        by_rows = check(prepared, monkeypatch, by_columns=False, kept=kept)
        assert len(by_rows.imports[-1].rows) > 100  # the scenario is not empty
        assert_same_plans(by_columns, by_rows)


@pytest.mark.parametrize("case", PLAIN, ids=attrgetter("name"))
def test_plain_files_are_planned_by_columns(case: Case, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    if not hasattr(columns, "plan_import"):
        pytest.skip("importer_gui.core.columns has no planner yet (columns.plan_import)")
    plan = check(prepare(case, tmp_path), monkeypatch, by_columns=True, kept=KeptCells.ERRORS)
    assert [imp.by_columns for imp in plan.imports] == [True]


@pytest.mark.parametrize("part", [rows.PART, 7], ids=["whole", "in-parts"])
@pytest.mark.parametrize("name", COMMITTED)
def test_both_commits_and_their_reverts_leave_the_same_store(
        name: str, part: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    # In parts: the rows go to the write a few at a time as they are filed, each part's
    # values taken across the registrations' held columns' own smaller parts.
    monkeypatch.setattr(rows, "PART", part)
    monkeypatch.setattr(frame, "PART", max(part // 2, 1))
    caplog.set_level(logging.INFO, logger="importer_gui.core.feeding")
    case = next(case for case in CASES if case.name == name)
    prepared = prepare(case, tmp_path)
    seed = stored(prepared.store)
    plans, after = committed_both_ways(prepared.config, prepared.store, tmp_path, monkeypatch)
    assert plans[True].imports[0].by_columns == case.plain
    assert "not finished" not in caplog.text  # each written beside its check
    assert after[True] != seed  # the commit wrote something


def test_the_comparison_tells_plans_of_different_files_apart(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    prepared = prepare(PLAIN[1], tmp_path)
    plan = check(prepared, monkeypatch, by_columns=False, kept=KeptCells.ALL)
    data = prepared.config.parent / "registrations.csv"
    lines = data.read_bytes().split(b"\n")
    lines[5] = lines[5].replace(b";Y;", b";X;", 1) if b";Y;" in lines[5] else lines[5] + b"x"
    data.write_bytes(b"\n".join(lines))
    other = check(prepared, monkeypatch, by_columns=False, kept=KeptCells.ALL)
    with pytest.raises(AssertionError, match="differ"):
        assert_same_plans(other, plan)
