"""A whole check stays within its memory budget whatever the files: what would need more is
refused with one line naming the file, before anything large is allocated.

Each check runs in a child process whose address space is capped at 1 GB
(tests/faults/__init__.py): a reader that allocated first and measured after would die there
(calamine aborts the process, exit code 134), so these fail without the measurements.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from importer_gui.core.errors import DataFileError
from importer_gui.core.readers import budget, open_table
from importer_gui.core.readers.budget import BUDGET_VARIABLE, MB
from tests.builders import (
    TEACHER_COLUMNS,
    ImportSpec,
    rewrite_package,
    write_config,
    write_xlsx,
)
from tests.core.test_refresh_one_pass import sessions_export
from tests.faults import HANG_GUARD, ROOT, Done, cli, one_line_failure
from tests.faults.test_hostile_workbooks import (
    _ODS_CONTENT,
    SHEET,
    TEACHERS,
    ods_cell,
    replace,
    shared_strings,
    write_ods_content,
)
from tests.stores import existing_store

TEACHER = "createOrUpdateTeacherAction"
GB = 1024 * MB


def failure(folder: Path) -> str:
    """The one line ``check`` prints when it refuses the data."""
    return one_line_failure(cli("check", str(folder / "config.xml"), "--store",
                                existing_store(folder / "store.sqlite3")))


def too_costly(path: Path, megabytes: int, why: str) -> str:
    """The line ``check`` prints for a file that would take more memory than a check may, in
    a child capped at 1 GB (tests/faults): that cap, or a machine's quarter of 1 GB."""
    if budget.physical_memory() // budget.MACHINE_SHARE > GB:
        whence = ("this process may address (its limit, ulimit -v; 768 MB for the files once "
                  "the program's 256 MB are set aside): raise that limit, or split the file")
    else:
        whence = ("a check may use on this machine (a quarter of its memory, at least 1024 MB; "
                  "768 MB for the files once the program's 256 MB are set aside): set "
                  "IMPORTER_GUI_CHECK_MEMORY_MB to more megabytes, or split the file")
    return (f"importer-gui: {path}: reading this file would take about {megabytes} MB of "
            f"memory ({why}), more than the 1024 MB {whence}")


# --------------------------------------------------------------------------- shared strings


def test_a_long_shared_string_repeated_in_many_cells_is_refused(tmp_path: Path) -> None:
    # 90 MB packs into 90 KB, below the zip-bomb guard; calamine copies it into each of the
    # 30 cells that refer to it: 2.7 GB before a row is read.
    rows = [TEACHER_COLUMNS, *[(f"t{n}", f"Name {n}", "F", "t@example.org") for n in range(30)]]
    path = write_xlsx(tmp_path / "teachers.xlsx", rows)
    write_config(tmp_path, ImportSpec(path.name, TEACHER_COLUMNS, TEACHER))
    changes, extra = shared_strings(b"a" * 90_000_000)
    changes.pop(SHEET)  # that change makes B2 alone refer to the string: all of them do

    def names(data: bytes) -> bytes:
        for n in range(30):
            old = b'<c r="B%d" t="inlineStr"><is><t>Name %d</t></is></c>' % (n + 2, n)
            assert old in data
            data = data.replace(old, b'<c r="B%d" t="s"><v>0</v></c>' % (n + 2))
        return data

    rewrite_package(path, {SHEET: names, **changes}, extra)
    assert path.stat().st_size < 1_000_000
    assert failure(tmp_path) == too_costly(
        path, 5321, "its cells repeat 2574 MB of shared strings")


def test_a_count_of_shared_strings_the_file_does_not_hold_is_refused(tmp_path: Path) -> None:
    # calamine reserves room for as many strings as the file declares: 4 billion, 96 GB.
    path = write_xlsx(tmp_path / "teachers.xlsx", TEACHERS)
    write_config(tmp_path, ImportSpec(path.name, TEACHER_COLUMNS, TEACHER))
    changes, extra = shared_strings(b"Zoe")
    extra = {name: data.replace(b'uniqueCount="1"', b'uniqueCount="4000000000"')
             for name, data in extra.items()}
    rewrite_package(path, changes, extra)
    assert failure(tmp_path) == (
        f"importer-gui: {path}: the workbook declares 4000000000 shared strings but holds 1; "
        "it is damaged, or made to exhaust memory")


def test_the_largest_file_refused_after_a_smaller_one_is_said(tmp_path: Path) -> None:
    # The largest file is measured first and alone, the others once its measurement ends:
    # a measurement ended by a refusal lets them go on too (or the check would hang).
    first = tmp_path / "first.csv"
    first.write_text(";".join(TEACHER_COLUMNS) + "\nt1;Name;F;t1@example.org\n",
                     encoding="utf-8")
    path = write_xlsx(tmp_path / "teachers.xlsx", TEACHERS)
    changes, extra = shared_strings(b"Zoe")
    extra = {name: data.replace(b'uniqueCount="1"', b'uniqueCount="4000000000"')
             for name, data in extra.items()}
    rewrite_package(path, changes, extra)
    assert path.stat().st_size > first.stat().st_size
    write_config(tmp_path, ImportSpec(first.name, TEACHER_COLUMNS, TEACHER),
                 ImportSpec(path.name, TEACHER_COLUMNS, TEACHER))
    assert failure(tmp_path) == (
        f"importer-gui: {path}: the workbook declares 4000000000 shared strings but holds 1; "
        "it is damaged, or made to exhaust memory")


# --------------------------------------------------------------------------- OpenDocument


def test_an_ods_of_several_sheets_each_under_the_cap_is_costed_whole(tmp_path: Path) -> None:
    # calamine loads every sheet of an .ods when it opens it: four sheets of 9 million
    # cells each pass the one-sheet cap, and take 1.1 GB together.
    tables = "".join(
        f'<table:table table:name="S{n}"><table:table-row table:number-rows-repeated="9000">'
        f"{ods_cell('x', 1000)}</table:table-row></table:table>" for n in range(4))
    content = _ODS_CONTENT.replace('<table:table table:name="Teachers">{rows}</table:table>',
                                   tables)
    path = write_ods_content(tmp_path, content)
    assert failure(tmp_path) == too_costly(
        path, 3643, "its 4 sheets are loaded together: 36000000 cells")


# --------------------------------------------------------------------------- one file, many uses


def test_a_costly_workbook_named_by_eight_imports_is_held_once(tmp_path: Path) -> None:
    # A stray cell at J400000 makes calamine hold 4 million cells (128 MB): held once for
    # every import, all opened ahead of the planner, eight of them took more than 1 GB.
    path = write_xlsx(tmp_path / "teachers.xlsx", TEACHERS)
    rewrite_package(path, {SHEET: replace(b"</sheetData>", (
        b'<row r="400000"><c r="J400000" t="inlineStr"><is><t>x</t></is></c></row>'
        b"</sheetData>"))})
    write_config(tmp_path, *[ImportSpec(path.name, TEACHER_COLUMNS, TEACHER)] * 8)
    done = cli("check", str(tmp_path / "config.xml"), "--store",
               existing_store(tmp_path / "s.sqlite3"),
               "--json")
    assert done.code == 1, done.err[-2000:]
    imports = json.loads(done.out)["imports"]
    assert [[(r["line"], r["outcome"]) for r in imp["rows"]] for imp in imports] == [
        [(2, "create"), (3, "create"), (400000, "error")],
        *[[(2, "unchanged"), (3, "unchanged"), (400000, "error")]] * 7]


# --------------------------------------------------------------------------- out of memory

# Below what the file needs, above what the interpreter needs to start and read it.
SMALL_MEMORY = 350 * 1024 * 1024


def cli_with_memory(limit: int, *argv: str, budget_mb: int | None = None) -> Done:
    """``python -m importer_gui ARGV`` in a child whose address space is capped at ``limit``
    (and whose check may use ``budget_mb``, when given, whatever the cap)."""
    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    budget = {} if budget_mb is None else {BUDGET_VARIABLE: str(budget_mb)}
    # -X faulthandler: a child that hangs is stopped with SIGABRT, which makes it print where
    # each of its threads was, so a hang fails with that instead of a bare timeout.
    child = subprocess.Popen([sys.executable, "-X", "faulthandler", "-m", "importer_gui", *argv],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             cwd=ROOT, preexec_fn=cap, env={**os.environ, **budget})
    try:
        out, err = child.communicate(timeout=HANG_GUARD)
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGABRT)
        out, err = child.communicate()
        raise AssertionError(f"the check hung; where its threads were:\n{err[-6000:]}") from None
    return Done(child.returncode, out, err)


def test_running_out_of_memory_is_one_line(tmp_path: Path) -> None:
    # Within the budget's estimate (set to 1 GB), but not within what this process may
    # have: the planner runs out of memory. The clean-up as the error unwinds (closing the
    # file) needs a little memory too, and Python looped for ever when it found none.
    rows = "".join(f"t{n};Name {n};F{n};t{n}@example.org\n" for n in range(600_000))
    (tmp_path / "teachers.csv").write_text(";".join(TEACHER_COLUMNS) + "\n" + rows)
    write_config(tmp_path, ImportSpec("teachers.csv", TEACHER_COLUMNS, TEACHER))
    done = cli_with_memory(SMALL_MEMORY, "check", str(tmp_path / "config.xml"), "--store",
                           existing_store(tmp_path / "store.sqlite3"), budget_mb=1024)
    assert one_line_failure(done) == (
        "importer-gui: There is not enough memory to check these files; nothing was written. "
        "Check fewer or smaller files at a time, or close other programs.")


# --------------------------------------------------------------------------- the budget's size


def machine(monkeypatch: pytest.MonkeyPatch, memory: int, address_space: int = 0) -> None:
    """A machine with this much memory, its process capped at ``address_space`` (0: none)."""
    monkeypatch.delenv(BUDGET_VARIABLE, raising=False)
    monkeypatch.setattr(budget, "physical_memory", lambda: memory)
    monkeypatch.setattr(budget, "address_space_limit", lambda: address_space)


def test_a_check_may_use_a_quarter_of_a_laptops_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    # A million registrations are estimated at 1.3 GB: an 8 GB laptop checks them.
    machine(monkeypatch, 8 * GB)
    assert budget.MemoryBudget().limit == 2 * GB - budget.PROCESS_BASE


def test_a_small_machine_still_gives_a_check_1_gb(monkeypatch: pytest.MonkeyPatch) -> None:
    machine(monkeypatch, 2 * GB)
    assert budget.MemoryBudget().limit == 768 * MB
    machine(monkeypatch, 0)  # the system does not say
    assert budget.MemoryBudget().limit == 768 * MB


def test_a_process_capped_below_that_gets_its_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    machine(monkeypatch, 16 * GB, address_space=1536 * MB)
    assert budget.MemoryBudget().limit == 1280 * MB
    machine(monkeypatch, 16 * GB, address_space=200 * MB)  # less than the process itself needs
    assert budget.MemoryBudget().limit == 0


def test_the_environment_sets_the_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    machine(monkeypatch, 16 * GB, address_space=1 * GB)
    monkeypatch.setenv(BUDGET_VARIABLE, "3000")
    assert budget.MemoryBudget().limit == 3000 * MB - budget.PROCESS_BASE
    monkeypatch.setenv(BUDGET_VARIABLE, "257")  # the least: 1 MB for the files
    assert budget.MemoryBudget().limit == 1 * MB


def many_teachers(folder: Path) -> Path:
    """A configuration importing 200,000 teachers (about 100 MB estimated)."""
    rows = "".join(f"t{n};Name {n};F{n};t{n}@example.org\n" for n in range(200_000))
    (folder / "teachers.csv").write_text(";".join(TEACHER_COLUMNS) + "\n" + rows)
    return write_config(folder, ImportSpec("teachers.csv", TEACHER_COLUMNS, TEACHER))


@pytest.mark.parametrize(("value", "said"), [
    ("100", "is too small: a check needs more than the 256 MB the program itself takes; set "
            "more"),
    ("256", "is too small: a check needs more than the 256 MB the program itself takes; set "
            "more"),
    ("0", "is too small: a check needs more than the 256 MB the program itself takes; set "
          "more"),
    ("abc", "is not a number of megabytes: set a whole number such as 2048"),
    ("1.5G", "is not a number of megabytes: set a whole number such as 2048")])
def test_a_budget_set_that_cannot_be_used_is_said_in_one_line(
        tmp_path: Path, value: str, said: str) -> None:
    done = cli("check", str(many_teachers(tmp_path)), "--store",
               existing_store(tmp_path / "store.sqlite3"), env={BUDGET_VARIABLE: value})
    assert one_line_failure(done) == (
        f"importer-gui: IMPORTER_GUI_CHECK_MEMORY_MB={value} {said}, or remove it to let a "
        "check use a quarter of the machine's memory.")


def test_a_refusal_names_the_budget_set_and_how_to_raise_it(tmp_path: Path) -> None:
    done = cli("check", str(many_teachers(tmp_path)), "--store",
               existing_store(tmp_path / "store.sqlite3"), env={BUDGET_VARIABLE: "300"})
    data = tmp_path / "teachers.csv"
    assert one_line_failure(done) == (
        f"importer-gui: {data}: reading this file would take about 106 MB of memory (200001 "
        "lines), more than the 300 MB set by IMPORTER_GUI_CHECK_MEMORY_MB (44 MB for the files "
        "once the program's 256 MB are set aside): raise it, or split the file")


def test_the_command_line_checks_a_file_whose_every_cell_would_not_fit(tmp_path: Path) -> None:
    # The command line keeps the cells of rows with issues only; its package too, reading
    # the others again as it writes them: costed as the check, it gets past the budget (to
    # say that teachers alone make no package).
    config = many_teachers(tmp_path)
    store = existing_store(tmp_path / "store.sqlite3")
    checked = cli("check", str(config), "--store", store, env={BUDGET_VARIABLE: "376"})
    assert checked.code == 0, checked.err
    assert checked.out.splitlines()[-1] == (
        "Total: create 200000, update 0, unchanged 0, delete 0, error 0")
    packaged = cli("package", str(config), "--out", str(tmp_path / "package"), "--store", store,
                   env={BUDGET_VARIABLE: "376"})
    assert one_line_failure(packaged) == (
        "importer-gui: Nothing to package: the configuration imports teachers only.")


def test_this_machine_says_how_much_memory_it_has() -> None:
    assert budget.physical_memory() > 256 * MB


def test_the_command_lines_refresh_costs_an_export_by_what_its_plan_keeps(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = sessions_export(tmp_path, 3000)
    data = tmp_path / "export.csv"
    done = cli("refresh", str(config), "--store", str(tmp_path / "store.sqlite3"),
               env={BUDGET_VARIABLE: "258"})
    assert done.code == 0, done.err
    assert done.out.splitlines()[-2:] == [
        "Total: create 3000, update 0, unchanged 0, delete 0, error 0", "Committed as run 1."]
    monkeypatch.setenv(BUDGET_VARIABLE, "258")  # every cell kept (the window's preview): refused
    with pytest.raises(DataFileError) as refused:
        open_table(data)
    assert str(refused.value) == (
        f"{data}: reading this file would take about 2 MB of memory (18007 cells), more than "
        "the 258 MB set by IMPORTER_GUI_CHECK_MEMORY_MB (2 MB for the files once the "
        "program's 256 MB are set aside): raise it, or split the file")
