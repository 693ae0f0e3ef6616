"""The issues workbook and the platform's error log, as a user opens them."""

from __future__ import annotations

import gc
import os
import stat
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from importer_gui.core.config import ImportConfig
from importer_gui.core.errors import Cancelled, ImporterError
from importer_gui.core.issues import Issue, Outcome
from importer_gui.core.plan import ActionResult, ImportPlan, Plan, RowPlan
from importer_gui.core.progress import Monitor
from importer_gui.core.reports import CELL_CHARS, write_error_log, write_issues_workbook

ACTION = "createOrUpdateTeacherAction"
# Each report, written to a file of that name in a folder.
REPORTS: dict[str, tuple[str, Callable[[Plan, Path], Path]]] = {
    "workbook": ("issues.xlsx", write_issues_workbook),
    "error log": ("errors.log", write_error_log),
}


def row(line: int, cells: tuple, *issues: Issue) -> RowPlan:
    """A row whose one action found ``issues`` (an error makes it an error row)."""
    outcome = Outcome.ERROR if any(i.level == "ERROR" for i in issues) else Outcome.CREATE
    return RowPlan(line, cells, [ActionResult(ACTION, outcome, tuple(issues))], [])


@pytest.fixture
def plan(tmp_path: Path) -> Plan:
    """Three teacher rows: one fine, one with an error, one with a warning and an error."""
    imp = ImportPlan(0, tmp_path / "teachers.csv", ["teacherLogin", "teacherEmail"],
                     ["Login", "E-mail"], [ACTION], [
        row(2, ("jdoe", "jdoe@example.org")),
        row(3, ("", "=HYPERLINK(\"http://evil\")"),
            Issue.error("teacherLogin", "Field teacherLogin is empty.")),
        row(4, ("-bob", date(2024, 5, 1)),
            Issue.warning("teacherEmail", "Odd e-mail."),
            Issue.error("", "Row-level problem, with a comma")),
    ])
    return Plan(ImportConfig(), [imp])


def test_error_log_has_one_platform_line_per_issue(plan: Plan, tmp_path: Path) -> None:
    written = write_error_log(plan, tmp_path, when=datetime(2024, 5, 1, 13, 45, 7))
    assert written == tmp_path / "import_errors_20240501_134507.log"
    assert written.read_text(encoding="utf-8").splitlines() == [
        "Line number:3,ERROR,,'=HYPERLINK(\"http://evil\"),Field teacherLogin is empty.",
        "Line number:4,WARNING,'-bob,2024-05-01,Odd e-mail.",
        "Line number:4,ERROR,'-bob,2024-05-01,Row-level problem, with a comma",
    ]
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".log"] == [written.name]


def test_error_log_to_a_file_path_replaces_it(plan: Plan, tmp_path: Path) -> None:
    target = tmp_path / "errors.txt"
    target.write_text("old content\n", encoding="utf-8")
    assert write_error_log(plan, target) == target
    assert "old content" not in target.read_text(encoding="utf-8")
    assert len(target.read_text(encoding="utf-8").splitlines()) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["errors.txt"]  # no temp file left


def test_workbook_lists_rows_with_issues_and_fills_bad_cells(plan: Plan, tmp_path: Path) -> None:
    path = write_issues_workbook(plan, tmp_path / "issues.xlsx")
    sheet = openpyxl.load_workbook(path)["teachers"]
    rows = list(sheet.iter_rows())
    assert [c.value for c in rows[0]] == ["Line", "Outcome", "Login", "E-mail", "Messages"]
    assert [c.value for c in rows[1]][:4] == [3, "error", None, "=HYPERLINK(\"http://evil\")"]
    assert rows[1][3].data_type == "s"  # shown as text, never run as a formula
    assert rows[1][4].value == "ERROR teacherLogin: Field teacherLogin is empty."
    assert rows[1][2].fill.start_color.rgb.endswith("FFC7CE")
    assert rows[1][3].fill.fill_type is None
    assert [c.value for c in rows[2]][:4] == [4, "error", "-bob", "2024-05-01"]
    assert rows[2][3].fill.start_color.rgb.endswith("FFEB9C")
    assert rows[2][4].value.splitlines() == [
        "WARNING teacherEmail: Odd e-mail.", "ERROR: Row-level problem, with a comma"]
    assert len(rows) == 3  # the row without issues is not in the report


def test_a_value_longer_than_a_cell_holds_is_cut_where_the_workbook_says_so(
        tmp_path: Path) -> None:
    # openpyxl cut it at 32,767 characters without a word, with the messages after it.
    long = "x" * 40_000
    imp = ImportPlan(0, tmp_path / "teachers.csv", ["teacherLogin", "teacherEmail"],
                     ["Login", "E-mail"], [ACTION], [
        row(3, ("jdoe", long), Issue.error("teacherEmail", f"Value {long} is too long."),
            Issue.error("teacherLogin", "Field teacherLogin is taken."))])
    path = write_issues_workbook(Plan(ImportConfig(), [imp]), tmp_path / "issues.xlsx")
    value, messages = [c.value for c in openpyxl.load_workbook(path).active[2]][3:]
    cut = "… [cut: the whole text has 40000 characters, more than a cell holds]"
    assert len(value) <= CELL_CHARS and value == long[:CELL_CHARS - len(cut)] + cut
    assert len(messages) <= CELL_CHARS
    first, second = messages.split("\n")
    assert first.startswith("ERROR teacherEmail: Value xxx")
    assert first.endswith(cut.replace("40000", str(len(f"ERROR teacherEmail: Value {long} is "
                                                         "too long."))))
    assert second == "ERROR teacherLogin: Field teacherLogin is taken."


# openpyxl's write-only sheet generator complains when collected after the cancel.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("report", REPORTS)
@pytest.mark.parametrize("into", ["file", "folder"])
def test_a_report_cancelled_writes_nothing_and_keeps_the_old_one(
        plan: Plan, tmp_path: Path, report: str, into: str) -> None:
    name = REPORTS[report][0]
    old = tmp_path / name
    old.write_bytes(b"the report of yesterday")
    cancelled = Monitor(cancelled=lambda: True)
    target = tmp_path if into == "folder" and report == "error log" else old
    with pytest.raises(Cancelled):
        if report == "workbook":
            write_issues_workbook(plan, target, monitor=cancelled)
        else:
            write_error_log(plan, target, monitor=cancelled)
    assert old.read_bytes() == b"the report of yesterday"
    assert [p.name for p in tmp_path.iterdir()] == [name]  # nothing else left
    gc.collect()  # the abandoned sheet generator finalised here, where its warning is expected


def test_a_report_says_how_far_it_is(plan: Plan, tmp_path: Path) -> None:
    said: list[tuple[int, int, str]] = []
    write_error_log(plan, tmp_path / "errors.log", monitor=Monitor(
        lambda done, total, what: said.append((done, total, what)), every=1))
    assert said == [(0, 2, "Saving errors.log"), (1, 2, "Saving errors.log")]


def test_a_report_that_cannot_be_written_names_the_file(plan: Plan, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(ImporterError, match="not-a-folder"):
        write_issues_workbook(plan, blocker / "issues.xlsx")


def test_the_text_error_log_is_written_without_loading_openpyxl(tmp_path: Path) -> None:
    """A commit writes only this log: it should not wait the 0.1 s openpyxl takes to load."""
    import subprocess
    import sys

    code = ("import sys; from pathlib import Path; from importer_gui.core import reports; "
            "from importer_gui.core.plan import Plan; from importer_gui.core.config import "
            "ImportConfig; reports.write_error_log(Plan(ImportConfig()), Path(sys.argv[1])); "
            "print('openpyxl' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True,
                          text=True, timeout=60)
    assert done.stdout.strip() == "False", done.stderr
    assert len(list(tmp_path.glob("import_errors_*.log"))) == 1


@pytest.fixture
def usual_umask() -> Iterator[None]:
    """The umask most users have: files they save are readable by others."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
@pytest.mark.parametrize("report", REPORTS)
def test_a_new_report_gets_the_users_usual_mode(
        plan: Plan, tmp_path: Path, usual_umask: None, report: str) -> None:
    name, write = REPORTS[report]
    written = write(plan, tmp_path / name)
    assert stat.S_IMODE(written.stat().st_mode) == 0o644  # as any file the user saves


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
@pytest.mark.parametrize("report", REPORTS)
def test_a_replaced_report_keeps_its_mode(
        plan: Plan, tmp_path: Path, usual_umask: None, report: str) -> None:
    name, write = REPORTS[report]
    target = tmp_path / name
    target.write_bytes(b"the report of yesterday")
    target.chmod(0o640)
    write(plan, target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_bytes() != b"the report of yesterday"


@pytest.mark.parametrize("report", REPORTS)
def test_a_report_reaches_the_disk_before_it_takes_its_name(
        plan: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, report: str) -> None:
    """A crash right after the rename cannot leave an empty or partial report."""
    name, write = REPORTS[report]
    target = tmp_path / name
    synced: list[tuple[int, bool]] = []  # (bytes on disk, whether the report existed yet)
    real_fsync = os.fsync

    def fsync(descriptor: int) -> None:
        info = os.fstat(descriptor)
        if stat.S_ISREG(info.st_mode):
            synced.append((info.st_size, target.exists()))
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", fsync)
    written = write(plan, target)
    assert synced == [(written.stat().st_size, False)]


@pytest.mark.parametrize("report", REPORTS)
def test_a_report_never_replaces_a_file_the_check_reads_by_any_path(
        plan: Plan, tmp_path: Path, report: str) -> None:
    data = plan.imports[0].file
    data.write_text("teacherLogin;teacherEmail\njdoe;jdoe@example.org\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(data)
    _name, write = REPORTS[report]
    for target in (data, link):
        with pytest.raises(ImporterError) as raised:
            write(plan, target)
        assert str(raised.value) == (
            f"{target} is a file this check reads (a data file or its configuration): a "
            "report or a copy cannot replace it; choose another name.")
    assert data.read_text(encoding="utf-8").startswith("teacherLogin;")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.csv", "teachers.csv"]
