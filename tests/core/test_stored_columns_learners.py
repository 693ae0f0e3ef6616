"""The store's learners, held as columns by a check, are the very records the row planner
reads: their custom fields (JSON), dates and validity read back as a load reads them."""

from __future__ import annotations

from pathlib import Path

from importer_gui.core.records import Table
from importer_gui.core.store import Store
from tests.builders import by_hand
from tests.core.harness import Env

CUSTOM = '{"CF-1": "Lyon", "CF-2": 3}'


def test_learners_held_as_columns_are_made_the_records_a_load_makes(tmp_path: Path) -> None:
    env = Env(tmp_path)
    with Store.open(env.store_path):
        pass
    by_hand(env.store_path, "INSERT INTO learner (login, ref_number, email, name, validity,"
            " enabled_until, custom) VALUES " + ", ".join(
                f"('l{n}', {'NULL' if n % 3 else repr(f'E{n}')}, 'same@example.org',"
                f" 'Nom é {n}', {repr('disabled') if n == 4 else 'NULL'},"
                f" {repr('2027-01-31') if n % 2 else 'NULL'},"
                f" {repr(CUSTOM) if n in (2, 5) else 'NULL'})" for n in range(300)))
    with Store.open(env.store_path) as store:
        records = store.load_state([Table.LEARNER]).table(Table.LEARNER)
        held = store.load_state([Table.LEARNER], as_columns={Table.LEARNER})
    assert len(held.stored[Table.LEARNER]) == 300
    made = held.table(Table.LEARNER)
    assert made == records
    assert not held.stored
    first, second = made[3].custom, made[6].custom  # the learners l2 and l5
    assert first == second == {"CF-1": "Lyon", "CF-2": 3}
    assert first is not second  # each record's own, as a load makes them
    assert (made[5].validity, str(made[2].enabled_until), made[1].enabled_until) == (
        "disabled", "2027-01-31", None)
