"""Many records added to the overlay at once (the column planners' new records): the finds
made before, on a table past one part of records, see the old records and the new ones."""

from __future__ import annotations

from importer_gui.core.overlay import _PART, Overlay
from importer_gui.core.records import StoreState, Table, TrainingRec

STORED = _PART + 1_000  # past one part: the index made before is let go of in parts


def test_finds_after_many_records_added_see_old_and_new_ones() -> None:
    state = StoreState(trainings={n: TrainingRec(n, f"OLD-{n}", title=f"Old {n}")
                                  for n in range(1, STORED + 1)})
    overlay = Overlay(state)
    assert overlay.find_one(Table.TRAINING, "path_code", "OLD-7").id == 7  # the index made
    added = [TrainingRec(-n, f"NEW-{n}", title=f"New {n}") for n in range(1, STORED + 1)]
    overlay.add_records(Table.TRAINING, added)
    assert overlay.find_one(Table.TRAINING, "path_code", "OLD-7").id == 7
    assert overlay.find_one(Table.TRAINING, "path_code", "NEW-9").id == -9
    assert overlay.find_one(Table.TRAINING, "path_code", f"OLD-{STORED}").id == STORED
    assert overlay.find_one(Table.TRAINING, "path_code", "NEW-0") is None
    assert len(overlay.groups(Table.TRAINING, "path_code", lambda r: r.path_code)) == 2 * STORED
