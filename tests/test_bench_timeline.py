"""The timeline the README's figures come from: each step of a workbook check, on its thread,
in the order the pipeline runs them."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bench import generate, timeline
from importer_gui.core.readers import sheet_xml
from importer_gui.core.store import Store

N = 300


def _bench_files(target: Path) -> tuple[Path, Path]:
    """The bench's small files and configurations in ``target``, and an empty store."""
    folder = generate.write(N, target=target)
    store = folder / "store.db"
    with Store.open(store):
        pass
    return folder, store


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, list[timeline.Call], float]:
    folder, store = _bench_files(tmp_path_factory.mktemp("data"))
    return timeline.timeline(["--store", str(store), "check", str(folder / "config.xlsx.xml")])


def test_the_largest_sheet_is_loaded_once_measured_and_planned_once_loaded(
        checked: tuple[int, list[timeline.Call], float]) -> None:
    code, calls, seconds = checked
    assert code == 1  # the bench's files hold planted mistakes
    named = {call.function for call in calls}
    assert named == {"sheet_xml:measure", "workbooks:_load_sheet", "planner:_plan_table",
                     "interventions:_decide"}
    # The first file measured is the largest, alone: its load starts once that measure ends.
    measured, loaded = (next(call for call in calls if call.function == name)
                        for name in ("sheet_xml:measure", "workbooks:_load_sheet"))
    assert measured.thread == loaded.thread and loaded.start >= measured.end
    # Four imports, four tables planned on the command's thread; the meetings' parts are
    # decided within the last, after its sheet (the largest) is loaded.
    tables = [call for call in calls if call.function == "planner:_plan_table"]
    assert len(tables) == 4 and {call.thread for call in tables} == {"MainThread"}
    decided = [call for call in calls if call.function == "interventions:_decide"]
    assert decided and all(tables[-1].start <= call.start <= call.end <= tables[-1].end
                           for call in decided)
    assert tables[-1].start >= loaded.end
    assert all(call.end <= seconds for call in calls)


def test_the_functions_timed_are_put_back_and_the_report_counts_each(
        checked: tuple[int, list[timeline.Call], float]) -> None:
    _code, calls, seconds = checked
    assert sheet_xml.measure.__name__ == "measure" and not hasattr(sheet_xml.measure,
                                                                    "__wrapped__")
    out = io.StringIO()
    timeline.report(calls, seconds, out)
    lines = out.getvalue().splitlines()
    assert len(lines) == len(calls) + 1 + len({(c.thread, c.function) for c in calls}) + 1
    assert lines[-1] == f"the command: {seconds:.3f} s"
    tables = next(line for line in lines if line.startswith("MainThread")
                  and "planner:_plan_table" in line and "calls" in line)
    assert " 4 calls " in tables


def test_a_function_given_is_timed_instead_of_the_chain(tmp_path: Path) -> None:
    folder, store = _bench_files(tmp_path / "data")
    _code, calls, _seconds = timeline.timeline(
        ["--store", str(store), "check", str(folder / "config.csv.xml")],
        ["importer_gui.core.pipeline:check"])
    assert [call.function for call in calls] == ["pipeline:check"]


def test_the_command_line_times_what_follows_its_options(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder, store = _bench_files(tmp_path / "data")
    code = timeline.main(["--wrap", "importer_gui.core.pipeline:check", "--store", str(store),
                          "check", str(folder / "config.csv.xml")])
    lines = capsys.readouterr().out.splitlines()
    assert code == 1
    assert lines[0].endswith("  MainThread     pipeline:check")
    assert lines[-1].startswith("the command: ")
    assert timeline.main([]) == 2
    assert capsys.readouterr().out == timeline.__doc__


@pytest.mark.parametrize("spec", ["importer_gui.core.pipeline:nothing", "no.such.module:f",
                                  "importer_gui.core.pipeline"])
def test_a_function_that_cannot_be_found_is_said_and_nothing_stays_wrapped(spec: str) -> None:
    from importer_gui.core import pipeline

    with pytest.raises(SystemExit) as ended:
        timeline.timed(["importer_gui.core.pipeline:check", spec], [], 0.0)
    assert str(ended.value).startswith(f"bench.timeline: cannot time {spec!r} (")
    assert not hasattr(pipeline.check, "__wrapped__")
