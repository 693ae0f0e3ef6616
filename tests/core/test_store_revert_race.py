"""A revert and another program's commit into the same tables, between the revert's plan
and its write: the revert writes nothing and says so in a revert's words."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from importer_gui.core.errors import StoreError
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.revert import commit_revert, plan_revert
from importer_gui.core.store import Store, StoreLocation
from tests.builders import run_info
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
        "Another training has the guid 'G-1', written by another program since the revert "
        f"was planned; try the revert again: nothing was written to {store.path}.")
    assert record_tables(store.path) == before
    assert training.guid == "G-1"
