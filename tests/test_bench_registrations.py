"""The registrations benchmark's generator: the same files every time, and the check finds
exactly the mistakes it planted."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import generate
from importer_gui.core import config_xml, pipeline
from importer_gui.core.issues import Level
from importer_gui.core.store import Store

N = 600
CASE = "registrations"


def test_the_rows_are_the_same_on_every_call() -> None:
    first, second = generate.registrations_dataset(N), generate.registrations_dataset(N)
    assert first.rows == second.rows and first.planted == second.planted
    assert first.data_rows == N


def test_a_few_percent_of_rows_carry_each_kind_of_mistake() -> None:
    data = generate.registrations_dataset(10_000)
    kinds = {(p.field, p.message[:12]) for p in data.planted if p.file == CASE}
    assert len(kinds) == 5  # unknown and empty learner, unknown course, date, flag
    assert 0.03 < len(data.planted) / data.data_rows < 0.09


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_the_check_finds_exactly_the_planted_errors(tmp_path: Path, suffix: str) -> None:
    folder = generate.write(N, target=tmp_path / "data", case=CASE)
    with Store.open(tmp_path / "store.db") as store:
        plan = pipeline.check(config_xml.load(folder / f"config{suffix}.xml"), store)
    found = {(imp.file.stem, row.line, issue.field, issue.message)
             for imp in plan.imports for row in imp.rows for issue in row.issues()}
    planted = {(p.file, p.line, p.field, p.message)
               for p in generate.registrations_dataset(N).planted}
    assert found == planted
    assert all(i.level is Level.ERROR for imp in plan.imports for row in imp.rows
               for i in row.issues())
    assert plan.counts()["create"] == N - len(planted)
