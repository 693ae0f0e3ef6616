"""A check plans against one state of the store: another program's commit made while the
store's tables are read shows in none of them, and the stored registrations, held as
columns, are the very records the row planner reads."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from importer_gui.core import columns, pipeline
from importer_gui.core.catalogue import messages as msg
from importer_gui.core.records import Table
from importer_gui.core.store import Store
from importer_gui.core.store.queries import Queries
from tests.builders import by_hand
from tests.core.harness import Env, rows
from tests.core.test_registrations import COLUMNS, LYON, registrations, seeded

GUID_COLUMNS = (*COLUMNS, "registrationGuid")
# Line 2 registers Marie to a session the store lacks, line 3 Inès with the GUID G-1.
DATA: list[list[object]] = [["mdupont", "SEC-101", "Paris 3", "", "", "Y", "G-2"],
                            ["ileroy", "SEC-101", "Lyon janvier", "", "", "Y", "G-1"]]
# What another program commits: that session, and Marie registered to it with G-1.
OTHER_COMMIT = ("BEGIN; INSERT INTO session (id, training_id, title) VALUES (20,"
                " (SELECT id FROM training WHERE path_code = 'SEC-101'), 'Paris 3');"
                " INSERT INTO registration (learner_id, session_id, guid) VALUES (1, 20, 'G-1');"
                " COMMIT;")


@pytest.fixture
def env(tmp_path: Path) -> Env:
    """The registrations' store: two courses, four learners, three sessions."""
    return seeded(tmp_path)


def _other_program(path: Path) -> None:
    """Commit OTHER_COMMIT through a connection of its own."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.executescript(OTHER_COMMIT)
    finally:
        conn.close()


@pytest.mark.parametrize("by_columns", [True, False], ids=["by-columns", "by-rows"])
def test_a_commit_made_while_the_store_is_read_shows_in_none_of_its_tables(
        env: Env, monkeypatch: pytest.MonkeyPatch, by_columns: bool) -> None:
    monkeypatch.setattr(columns, "ENABLED", by_columns)
    spec = registrations(env, DATA, columns=GUID_COLUMNS)
    builder = Queries._builder

    def meanwhile(queries: Queries, table: Table) -> Any:
        if table is Table.SESSION:  # as the sessions are read, before the registrations
            _other_program(env.store_path)
        return builder(queries, table)

    monkeypatch.setattr(Queries, "_builder", meanwhile)
    # The store as it was: neither the session nor the GUID the other program gave.
    assert rows(env.check(spec)) == [(2, "create", []), (3, "create", [])]
    monkeypatch.setattr(Queries, "_builder", builder)
    # The store as the other program left it.
    assert rows(env.check(spec)) == [
        (2, "unchanged", [msg.ALREADY_REGISTERED]),
        (3, "error", [msg.REGISTRATION_GUID_TAKEN.format(field="registrationGuid",
                                                         guid="G-1")])]


def test_registrations_held_as_columns_are_made_the_records_a_load_makes(env: Env) -> None:
    by_hand(env.store_path,
            "INSERT INTO registration (learner_id, session_id, guid, registered_on) VALUES"
            " (1, 10, 'G-1', '2027-01-02T08:30:00'), (3, 10, NULL, NULL),"
            " (4, 11, 'G-3', '2027-01-02T08:30:00'), (1, 12, 'Gé-4', '2027-01-03T09:00:00')")
    with Store.open(env.store_path) as store:
        records = store.load_state([Table.REGISTRATION]).registrations
        held = store.load_state([Table.REGISTRATION], as_columns={Table.REGISTRATION})
        assert held.registrations == {}
        assert list(held.stored[Table.REGISTRATION].values("guid")) == [
            "G-1", None, "G-3", "Gé-4"]
        assert held.table(Table.REGISTRATION) == records
        assert not held.stored
        assert [r.registered_on for r in records.values()][1] is None


def test_a_row_edited_after_a_check_by_columns_is_checked_against_the_stored_registrations(
        env: Env) -> None:
    by_hand(env.store_path, "INSERT INTO registration (learner_id, session_id, guid) VALUES"
                            " (1, 10, 'G-1')")
    spec = registrations(env, [["mdupnt", *LYON, "Y"], ["ileroy", *LYON, "Y"],
                               ["mdupont", *LYON, "Y"]])
    plan = env.check(spec)
    assert plan.imports[0].by_columns
    assert rows(plan) == [(2, "error", [msg.CANDIDATE_NOT_FOUND]), (3, "create", []),
                          (4, "unchanged", [msg.ALREADY_REGISTERED])]
    edited = pipeline.recheck_row(plan, 0, 0, ("mdupont", *LYON, "Y"))
    assert (edited.outcome.value, [i.message for i in edited.issues()]) == (
        "unchanged", [msg.ALREADY_REGISTERED])
