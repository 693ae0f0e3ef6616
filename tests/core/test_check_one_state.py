"""A check plans against one state of the store: another program's commit made while the
store's tables are read shows in none of them."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from importer_gui.core import columns
from importer_gui.core.catalogue import messages as msg
from importer_gui.core.records import Table
from importer_gui.core.store.queries import Queries
from tests.builders import trainings_import
from tests.core.harness import Env, rows
from tests.core.test_registrations import COLUMNS, registrations, seed

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
    env = Env(tmp_path)
    env.commit(trainings_import(tmp_path, [["SEC-101", "Sécurité incendie", ""],
                                           ["MGT-200", "Management", "GUID-MGT"]]))
    seed(env)
    return env


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
    created_ids = Queries._created_ids

    def meanwhile(queries: Queries, conn: Any, table: Table, only_imports: bool) -> Any:
        if table is Table.SESSION:  # read before the registrations
            _other_program(env.store_path)
        return created_ids(queries, conn, table, only_imports)

    monkeypatch.setattr(Queries, "_created_ids", meanwhile)
    # The store as it was: neither the session nor the GUID the other program gave.
    assert rows(env.check(spec)) == [(2, "create", []), (3, "create", [])]
    monkeypatch.setattr(Queries, "_created_ids", created_ids)
    # The store as the other program left it.
    assert rows(env.check(spec)) == [
        (2, "unchanged", [msg.ALREADY_REGISTERED]),
        (3, "error", [msg.REGISTRATION_GUID_TAKEN.format(field="registrationGuid",
                                                         guid="G-1")])]
