"""The benchmark's generator: the same files every time, with the mistakes it says it planted."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import generate
from importer_gui.core import config_xml, pipeline
from importer_gui.core.issues import Level
from importer_gui.core.store import Store

N = 600


def test_the_rows_are_the_same_on_every_call_and_differ_between_sizes() -> None:
    first, second = generate.dataset(N), generate.dataset(N)
    assert first.rows == second.rows and first.planted == second.planted
    assert first.data_rows == N
    assert generate.dataset(N + 100).rows != first.rows


def test_csv_files_are_byte_for_byte_the_same(tmp_path: Path) -> None:
    one = generate.write(N, target=tmp_path / "one")
    two = generate.write(N, target=tmp_path / "two")
    for name in generate.FILES:
        assert (one / f"{name}.csv").read_bytes() == (two / f"{name}.csv").read_bytes()


def test_a_few_percent_of_rows_carry_each_kind_of_mistake() -> None:
    data = generate.dataset(10_000)
    kinds = {(p.file, p.field) for p in data.planted}
    assert len(kinds) == 14  # 1 teacher, 2 training, 5 session and 6 intervention kinds
    assert 0.03 < len(data.planted) / data.data_rows < 0.09


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_the_check_finds_exactly_the_planted_errors(tmp_path: Path, suffix: str) -> None:
    folder = generate.write(N, target=tmp_path / "data")
    with Store.open(tmp_path / "store.db") as store:
        plan = pipeline.check(config_xml.load(folder / f"config{suffix}.xml"), store)
    found = {(imp.file.stem, row.line, issue.field, issue.message)
             for imp in plan.imports for row in imp.rows for issue in row.issues()
             if issue.level is Level.ERROR}
    planted = {(p.file, p.line, p.field, p.message) for p in generate.dataset(N).planted}
    assert found == planted
    assert plan.counts()["error"] == len(planted)
    assert plan.counts()["create"] == N - len(planted)
