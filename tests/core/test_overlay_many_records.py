"""Many records added to the overlay at once (the column planners' new records): the finds
made before, on a table past one part of records, see the old records and the new ones."""

from __future__ import annotations

from importer_gui.core.columns.parts import found_by_key
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


def test_records_filed_at_once_are_found_as_if_filed_one_by_one() -> None:
    def filed(records: list[TrainingRec], *, at_once: bool) -> Overlay:
        overlay = Overlay(StoreState(trainings={1: TrainingRec(1, "OLD-1", title="Old")}))
        assert overlay.find_one(Table.TRAINING, "path_code", "OLD-1").id == 1  # indexed
        if at_once:
            overlay.file_records(Table.TRAINING, records)
        else:
            for record in records:
                overlay.tables[Table.TRAINING][record.id] = record
                overlay._file(Table.TRAINING, record)
        return overlay

    def found(overlay: Overlay, code: str) -> list[int]:
        return [r.id for r in overlay.find(Table.TRAINING, "path_code", lambda r: r.path_code,
                                           code)]

    new = [TrainingRec(-1, "NEW-1", title="A"), TrainingRec(-2, "NEW-2", title="B")]
    # Keys all new (filed in one go), then one an old record holds and one given twice.
    for records in (new, [*new, TrainingRec(-3, "OLD-1", title="C")],
                    [*new, TrainingRec(-3, "NEW-1", title="C")]):
        at_once, one_by_one = filed(records, at_once=True), filed(records, at_once=False)
        for code in ("OLD-1", "NEW-1", "NEW-2", "NONE"):
            assert found(at_once, code) == found(one_by_one, code)
        assert at_once.tables[Table.TRAINING] == one_by_one.tables[Table.TRAINING]
    assert found(filed(records, at_once=True), "NEW-1") == [-1, -3]


def test_records_sharing_a_key_are_found_as_find_one_finds_them() -> None:
    # An index made at once where every key is its own: records sharing one are filed in
    # turn, and a key looked up for many rows at once finds the first, as find_one does.
    overlay = Overlay(StoreState(trainings={
        1: TrainingRec(1, "A", title="x"), 2: TrainingRec(2, "B", title="y"),
        3: TrainingRec(3, "A", title="z")}))
    found = found_by_key(overlay, Table.TRAINING, "path_code", ["A", "B", "C", "A"])
    assert [None if record is None else record.id for record in found] == [1, 2, None, 1]
    assert [r.id for r in overlay.find(Table.TRAINING, "path_code", lambda r: r.path_code,
                                       "A")] == [1, 3]
