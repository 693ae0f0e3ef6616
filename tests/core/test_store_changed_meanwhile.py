"""Another program's change between a check (or a revert's plan) and its write: the write
writes nothing and says why, and what to do, in a commit's or a revert's words."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from importer_gui.core import config_xml, pipeline
from importer_gui.core.errors import StoreError
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.revert import commit_revert, plan_revert
from importer_gui.core.store import Store, StoreLocation
from importer_gui.core.store.runs import machine_name, os_user
from tests.builders import ImportSpec, run_info, write_config, write_csv
from tests.postgres import raw_sql, record_tables


@pytest.fixture
def store(store_url: StoreLocation) -> Iterator[Store]:
    """A store holding a training whose GUID a run changed."""
    with Store.open(store_url) as opened:
        opened.apply([Change(Table.TRAINING, ChangeKind.CREATE, -1,
                             {"path_code": "PC-1", "guid": "G-1", "title": "One"})],
                     run_info(create=1))
        yield opened


def test_a_value_another_program_takes_before_a_revert_writes_says_try_the_revert_again(
        store: Store) -> None:
    [training] = store.by_ids(Table.TRAINING, [1])
    run = store.apply([Change(Table.TRAINING, ChangeKind.UPDATE, 1, {"guid": "G-2"},
                              before={"guid": "G-1"})], run_info(update=1))
    plan = plan_revert(store, run)  # G-1 is free: the revert would give it back
    raw_sql(store.path, "INSERT INTO training (path_code, guid, title) VALUES"
                        " ('PC-9', 'G-1', 'Nine')")  # another program takes it meanwhile
    before = record_tables(store.path)

    with pytest.raises(StoreError) as failure:
        commit_revert(store, plan)

    assert str(failure.value) == (
        "Another training has the trainingGuid 'G-1', written by another program since the revert "
        f"was planned; try the revert again: nothing was written to {store.path}.")
    assert record_tables(store.path) == before
    assert training.guid == "G-1"


def test_a_record_another_program_makes_refer_to_one_the_revert_deletes_says_try_again(
        store: Store) -> None:
    run = store.apply([Change(Table.SESSION, ChangeKind.CREATE, -1,
                              {"training_id": 1, "title": "May"})], run_info(create=1))
    plan = plan_revert(store, run)  # the session is to go: nothing refers to it
    raw_sql(store.path, "INSERT INTO intervention (guid, session_id, status)"
                        " VALUES ('I-1', 1, 'active')")  # another program's meeting in it
    before = record_tables(store.path)

    with pytest.raises(StoreError) as failure:
        commit_revert(store, plan)

    said = str(failure.value)
    assert said.startswith(f"Nothing was written to {store.path}: the store changed since the "
                           "revert was planned, and a change would leave a record referring "
                           "to one that does not exist ("), said
    assert said.endswith("); try the revert again."), said
    assert record_tables(store.path) == before


def test_a_record_another_program_deletes_that_a_commit_refers_to_says_check_again(
        store: Store, tmp_path: Path) -> None:
    columns = ("trainingPathCode", "sessionTitle")
    write_csv(tmp_path / "sessions.csv", [columns, ("PC-1", "May")])
    config = write_config(tmp_path, ImportSpec("sessions.csv", columns,
                                               "createOrUpdateSessionAction"))
    plan = pipeline.check(config_xml.load(config), store)  # a session of PC-1, found
    raw_sql(store.path, "DELETE FROM training")  # another program takes the course away
    before = record_tables(store.path)

    with pytest.raises(StoreError) as failure:
        pipeline.commit(plan, store)

    said = str(failure.value)
    assert said.startswith(f"Nothing was written to {store.path}: the store changed since the "
                           "check, and a change would leave a record referring to one that "
                           "does not exist ("), said
    assert said.endswith("); check again."), said
    assert record_tables(store.path) == before


def test_a_run_a_colleague_reverted_since_the_revert_was_planned_names_the_store_and_revert(
        store: Store) -> None:
    run = store.apply([Change(Table.TRAINING, ChangeKind.UPDATE, 1, {"title": "Two"},
                              before={"title": "One"})], run_info(update=1))
    with Store.open(store.path) as colleague:  # another administrator, the same run
        theirs = plan_revert(colleague, run)
        ours = plan_revert(store, run)  # as the window's preview waits for its Revert button
        reverted = commit_revert(colleague, theirs).run_id
    before = record_tables(store.path)

    with pytest.raises(StoreError) as failure:
        commit_revert(store, ours)

    assert str(failure.value) == (
        f"Run {run} was reverted by run {reverted} ({os_user()} on {machine_name()}) since "
        f"the revert was planned: nothing was written to {store.path}.")
    assert record_tables(store.path) == before
    assert [(r.id, r.reverted_by) for r in store.history()] == [
        (reverted, None), (run, reverted), (1, None)]
