"""Editing a row that created a record, then a later row that changed it: the later row's
old change names a record that is gone (its creator made another), and rechecking it must
neither fail nor plan against the record that is gone."""

from __future__ import annotations

from pathlib import Path

from importer_gui.core import config_xml, pipeline
from importer_gui.core.store import Store


def test_the_row_after_an_edited_creator_is_rechecked_against_the_new_record(
        sample: Path) -> None:
    config = config_xml.load(sample / "sample-config.xml")
    with Store.open(sample / "store.sqlite3") as store:
        plan = pipeline.check(config, store)
        index = next(i for i, imp in enumerate(plan.imports) if imp.file.name == "sessions.xlsx")
        rows = plan.imports[index].rows
        place = {rows[i].line: i for i in range(len(rows))}
        # Lines 3 and 9 name one session, which line 3 creates and line 9 changes.
        for line in (3, 9):
            cells = list(rows[place[line]].cells)
            cells[5] = "jmartin"  # the teacher, as the file has it: the row plans the same
            pipeline.recheck_row(plan, index, place[line], tuple(cells))
        edited = [(rows[place[line]].outcome.value, [i.message for i in rows[place[line]].issues()])
                  for line in (3, 9)]
        fresh = pipeline.replan(plan, store).imports[index].rows
    assert edited == [(fresh[place[line]].outcome.value,
                       [i.message for i in fresh[place[line]].issues()]) for line in (3, 9)]
    assert edited[1] == ("update", ["Line 3 of this file already sets this session; this "
                                    "row's values are applied after it."])
