"""A text cell said to be read as itself (what the column planners then need not read one by
one) is read so by the row planner's reader; the usual cells are said so (others are read
one by one, as they would be anyway)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from importer_gui.core.actions.base import RowContext, _readers, read_as_itself, read_values
from importer_gui.core.binding import bind_action
from importer_gui.core.config import Action, Column

ACTION = "createOrUpdateInterventionAction"
FIELDS = ("interventionGuid", "trainingPathCode", "sessionTitle", "interventionDate",
          "interventionDuration", "roomGuid", "roomLabel", "teacherLogin", "interventionStatus")
CELLS = ["TR-001", " TR-001", "TR-001\t", "", " ", "Salle été", "café", "x" * 40, "x" * 41,
         "a\u200bb", "Ｔ", "\u00a0X", "X\u2003", "e\u0301", datetime(2027, 1, 5, 9), "N"]


@pytest.mark.parametrize("cell", CELLS, ids=repr)
@pytest.mark.parametrize("field", ["trainingPathCode", "sessionTitle", "interventionGuid",
                                   "roomLabel"])
def test_a_cell_said_read_as_itself_is_read_so(cell: Any, field: str) -> None:
    action = bind_action(Action(ACTION), [Column(name) for name in FIELDS], "YYYY-MM-DD")
    ctx = RowContext(action, None)  # type: ignore[arg-type]  # nothing is looked up
    read_values(ctx, tuple(cell if name == field else "" for name in FIELDS))
    (_name, _index, _mandatory, limit, convert, _known, key), = [
        reader for reader in _readers(action) if reader[0] == field]
    assert convert is None  # a text field
    read_so = ctx.values.get(field) is cell and not [
        issue for issue in ctx.issues if issue.field == field]
    said = read_as_itself(cell, limit, key)
    assert read_so or not said
    assert said or cell not in USUAL.get(field, ())


# The cells said read as themselves: ASCII text with nothing to trim, within the limit, and
# beyond ASCII where the field finds no record.
USUAL = {field: ("TR-001", "N") for field in ("trainingPathCode", "sessionTitle")} | {
    "interventionGuid": ("TR-001", "x" * 40, "N"),
    "roomLabel": ("TR-001", "Salle été", "café", "a\u200bb", "Ｔ", "e\u0301", "N")}
