"""Which exported file a refresh reads for which export: by the headers the files hold, in
whatever order they are given (a file dialog sorts them by name)."""

from __future__ import annotations

import csv
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from importer_gui.cli import main
from importer_gui.core.errors import DataFileError
from importer_gui.core.platform_io import export_config
from importer_gui.core.platform_io import refresh as refresh_core
from importer_gui.core.schema import Table
from importer_gui.core.store import Store
from tests.core.test_refresh import EXPORTS, records, write_export


@pytest.fixture
def exports(tmp_path: Path) -> Path:
    """A copy of the sample's exports, their configuration beside them."""
    return Path(shutil.copytree(EXPORTS, tmp_path / "exports"))


def refresh(capsys: pytest.CaptureFixture[str], config: Path, store: Path,
            *data: Path) -> tuple[int, str, str]:
    code = main(["refresh", str(config), *(a for p in data for a in ("--data", str(p))),
                 "--store", str(store)])
    out, err = capsys.readouterr()
    return code, out, err


def test_files_given_in_name_order_are_read_for_the_exports_they_hold(
        exports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store.sqlite3"
    given = sorted(exports.glob("*.csv"))  # events, learners, learning objects, ...
    code, out, _ = refresh(capsys, exports / "export-config.xml", store, *given)
    assert code == 1  # the two classroom events match no meeting: left out
    assert f"Import 3: {exports / 'platform_learners.csv'} (platformCandidatesProvider)" in out
    assert (f"Import 4: {exports / 'platform_learning_objects.csv'} "
            "(learningObjectVersionMetadataProvider)") in out
    assert "Total: create 15, update 0, unchanged 0, delete 0, error 2" in out
    learners = sorted(learner.login for learner in records(store, Table.LEARNER))  # type: ignore[attr-defined]
    assert "LO-SEC-02" not in learners and "cbernard" in learners
    objects = sorted(o.code for o in records(store, Table.LEARNING_OBJECT))  # type: ignore[attr-defined]
    assert objects == ["LO-SEC-01", "LO-SEC-02"]


def test_two_files_for_one_export_are_refused(
        exports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = shutil.copy(exports / "platform_learners.csv", tmp_path / "again.csv")
    store = tmp_path / "store.sqlite3"
    code, _, err = refresh(capsys, exports / "export-config.xml", store,
                           exports / "platform_learners.csv", Path(copy))
    assert code == 2
    assert err == (f"importer-gui: {exports / 'export-config.xml'}: platform_learners.csv and "
                   "again.csv both hold the columns of the <platformCandidatesProvider> export; "
                   "give one file for each export.\n")
    assert not store.exists()


def test_one_file_given_twice_is_said_given_twice(
        exports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Not "platform_learners.csv and platform_learners.csv both hold ...": one file, twice."""
    store = tmp_path / "store.sqlite3"
    code, _, err = refresh(capsys, exports / "export-config.xml", store,
                           exports / "platform_learners.csv", exports / "platform_learners.csv")
    assert code == 2
    assert err == (f"importer-gui: {exports / 'export-config.xml'}: platform_learners.csv was "
                   "given twice; give one file for each export.\n")
    assert not store.exists()


def test_another_exports_file_under_this_ones_name_is_refused(
        exports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(exports / "platform_learning_objects.csv", exports / "platform_learners.csv")
    store = tmp_path / "store.sqlite3"
    code, _, err = refresh(capsys, exports / "export-config.xml", store)
    assert code == 2
    assert err == (f"importer-gui: {exports / 'platform_learners.csv'}:1: line 1 names the "
                   "columns of the <learningObjectVersionMetadataProvider> export, not those "
                   "of <platformCandidatesProvider>: give this file for the "
                   "<learningObjectVersionMetadataProvider> export.\n")
    assert not store.exists()


def test_headers_of_no_export_are_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_export(tmp_path, "trainingCourseMetadataProvider",
                          ["trainingPathCode", "title"], ["XLS-300;Excel avancé"])
    (tmp_path / "export.csv").write_text("Code;Intitulé\nXLS-300;Excel avancé\n",
                                         encoding="utf-8")
    store = tmp_path / "store.sqlite3"
    code, out, err = refresh(capsys, config, store)
    assert (code, out) == (2, "")
    assert err == (f"importer-gui: {tmp_path / 'export.csv'}:1: line 1 names the columns Code, "
                   "Intitulé, not those the <trainingCourseMetadataProvider> export writes "
                   "(trainingPathCode, title): is this the file it produced?\n")
    assert not store.exists()


def test_a_first_line_of_thousands_of_columns_is_named_by_its_first_few(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_export(tmp_path, "trainingCourseMetadataProvider",
                          ["trainingPathCode", "title"], ["XLS-300;Excel avancé"])
    names = [f"col{i}" for i in range(50_000)]
    names[1] = "x" * 5000
    (tmp_path / "export.csv").write_text(";".join(names) + "\nXLS-300;Excel avancé\n",
                                         encoding="utf-8")
    code, out, err = refresh(capsys, config, tmp_path / "store.sqlite3")
    assert (code, out) == (2, "")
    assert err == (f"importer-gui: {tmp_path / 'export.csv'}:1: line 1 names the columns col0, "
                   f"{'x' * 20}… (5000 characters), col2, col3, col4, col5, col6, col7, col8, "
                   "col9, col10, col11, …, not those the <trainingCourseMetadataProvider> "
                   "export writes (trainingPathCode, title): is this the file it produced?\n")


def test_columns_moved_in_a_spreadsheet_are_read_by_their_headers(
        exports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with (exports / "platform_trainings.csv").open(encoding="utf-8", newline="") as handle:
        original = list(csv.reader(handle, delimiter=";"))
    order = [4, 2, 0, 3, 1]  # description, title, trainingPathCode, modality, trainingGuid
    moved = tmp_path / "moved.csv"
    with moved.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([row[i] for i in order] for row in original)
    store = tmp_path / "store.sqlite3"
    code, _, err = refresh(capsys, exports / "export-config.xml", store, moved)
    assert (code, err) == (1, "")  # 1: the classroom events, which match no meeting
    trainings = {t.path_code: t for t in records(store, Table.TRAINING)}  # type: ignore[attr-defined]
    assert sorted(trainings) == ["MGT-200", "PRJ-500", "SEC-101", "XLS-300"]
    assert (trainings["XLS-300"].title, trainings["XLS-300"].description) == (
        "Excel avancé", "Tableaux croisés; macros")


def test_headers_in_another_case_with_a_trailing_delimiter_are_the_exports(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_export(tmp_path, "trainingCourseMetadataProvider",
                          ["trainingPathCode", "title"], [])
    (tmp_path / "export.csv").write_text(" TRAININGPATHCODE ;Title;\nXLS-300;Excel avancé;\n",
                                         encoding="utf-8")
    code, out, _ = refresh(capsys, config, tmp_path / "store.sqlite3")
    assert code == 0 and "does not name the columns" not in out


def rewritten(exports: Path, tmp_path: Path, header: list[str],
              cells: Callable[[list[str]], list[str]]) -> Path:
    """The trainings export with another header line and each row's cells rewritten."""
    with (exports / "platform_trainings.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    target = tmp_path / "trainings.csv"
    with target.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([header, *map(cells, rows[1:])])
    return target


HEADER = ["trainingPathCode", "trainingGuid", "title", "modality", "description"]


def test_a_column_added_by_hand_is_left_unread(
        exports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    added = rewritten(exports, tmp_path, [*HEADER[:2], "Notes", *HEADER[2:]],
                      lambda row: [*row[:2], "to check", *row[2:]])
    store = tmp_path / "store.sqlite3"
    code, _, err = refresh(capsys, exports / "export-config.xml", store, added)
    assert (code, err) == (1, "")  # 1: the classroom events, which match no meeting
    titles = sorted(t.title for t in records(store, Table.TRAINING))  # type: ignore[attr-defined]
    assert "to check" not in titles and "Excel avancé" in titles


@pytest.mark.parametrize(("header", "said"), [
    (HEADER[:3] + HEADER[4:], "line 1 lacks the columns modality of the "
     "<trainingCourseMetadataProvider> export; it names trainingPathCode, trainingGuid, title, "
     "description."),
    ([*HEADER, "TITLE"], "line 1 names a column of the <trainingCourseMetadataProvider> "
     "export twice (trainingPathCode, trainingGuid, title, modality, description, TITLE): "
     "which one holds it?"),
])
def test_a_column_missing_or_named_twice_is_said(
        exports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], header: list[str],
        said: str) -> None:
    data = rewritten(exports, tmp_path, header, lambda row: [*row, row[2]][:len(header)])
    store = tmp_path / "store.sqlite3"
    code, out, err = refresh(capsys, exports / "export-config.xml", store, data)
    assert (code, out) == (2, "")
    assert err == f"importer-gui: {data}:1: {said}\n"


def test_a_wrong_encoding_names_the_export_configurations_element(
        exports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = exports / "export-config.xml"
    config.write_text(config.read_text().replace("<encoding>UTF-8", "<encoding>ISO-8859-1"))
    code, _, err = refresh(capsys, config, tmp_path / "store.sqlite3")
    assert code == 2
    assert err == (
        f"importer-gui: {exports / 'platform_trainings.csv'}:2: the file is declared "
        "ISO-8859-1 but its accented letters are UTF-8: this line reads \"…4D2B-9A51-"
        "7E0F1D2C3B01;Sécurité incendie;campus;Les gest…\" in UTF-8 and \"…4D2B-9A51-"
        "7E0F1D2C3B01;SÃ©curitÃ© incendie;campus;Les gest…\" in ISO-8859-1; set <encoding> "
        "of <fileExportAction> to UTF-8\n")


@pytest.mark.parametrize(("export_format", "said"), [
    ("TSV", "the first 5 lines hold no \"\\t\" but 4 \";\" each; is the file a CSV export "
     "delimited by semicolon? A TSV export's columns are split by tabs: set <format> of "
     "<fileExportAction> to CSV, and its <delimiter> to semicolon"),
    ("CSV", "4 of the first 5 lines hold no \",\" but each holds 4 \";\"; is the delimiter "
     "semicolon? Set <delimiter> to semicolon"),
])
def test_a_wrong_delimiter_is_said_as_the_exports_format_reads_it(
        exports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], export_format: str,
        said: str) -> None:
    # The courses' export first: a TSV export reads no <delimiter>, a CSV export does.
    config = exports / "export-config.xml"
    text = config.read_text()
    if export_format == "TSV":
        text = text.replace("<format>CSV</format>", "<format>TSV</format>", 1)
    else:
        text = text.replace("<delimiter>semicolon</delimiter>", "<delimiter>comma</delimiter>", 1)
    config.write_text(text)
    store = tmp_path / "store.sqlite3"
    code, out, err = refresh(capsys, config, store)
    assert (code, out) == (2, "")
    assert err == f"importer-gui: {exports / 'platform_trainings.csv'}: {said}\n"
    assert not store.exists()


def planned_then(exports: Path, store: Path, change: Callable[[Path], object]) -> str:
    """Plan the sample's refresh, ``change`` its trainings file, commit: what is said."""
    trainings = exports / "platform_trainings.csv"
    with Store.open(store) as opened:
        planned = refresh_core.plan_refresh(
            export_config.load(exports / "export-config.xml"), opened)
        change(trainings)
        with pytest.raises(DataFileError) as raised:
            refresh_core.commit_refresh(planned, opened)
        assert opened.history() == []  # nothing written, no run to revert
    assert records(store, Table.TRAINING) == []
    return str(raised.value)


def test_a_file_moved_between_preview_and_refresh_is_said_gone(
        exports: Path, tmp_path: Path) -> None:
    said = planned_then(exports, tmp_path / "store.sqlite3",
                        lambda path: path.rename(tmp_path / "elsewhere.csv"))
    assert said == (f"{exports / 'platform_trainings.csv'}: the file is no longer there "
                    "(moved or deleted since it was read): put it back, or give it where it "
                    "now is, and refresh again.")


def test_a_file_edited_between_preview_and_refresh_is_said_changed(
        exports: Path, tmp_path: Path) -> None:
    def edit(path: Path) -> None:
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")

    said = planned_then(exports, tmp_path / "store.sqlite3", edit)
    assert said == (f"{exports / 'platform_trainings.csv'}: the file changed since it was "
                    "read; refresh again.")


def test_the_newest_dated_export_is_the_one_its_name_dates_not_the_last_copied(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import os

    # The platform names each day's file by its date; copied or downloaded together, the
    # files' times are those of the copy, which goes in name order: 31_12 after 05_01.
    config = write_export(tmp_path, "trainingCourseMetadataProvider",
                          ["trainingPathCode", "title"], ["T1;December"],
                          file_name="t_%d_%m_%y_%i.csv")
    (tmp_path / "t_%d_%m_%y_%i.csv").rename(tmp_path / "t_31_12_26_1.csv")
    (tmp_path / "t_05_01_27_1.csv").write_text("trainingPathCode;title\nT1;January\n")
    (tmp_path / "t_05_01_27_2.csv").write_text("trainingPathCode;title\nT1;January, again\n")
    os.utime(tmp_path / "t_05_01_27_1.csv", (100, 100))
    os.utime(tmp_path / "t_05_01_27_2.csv", (100, 100))
    os.utime(tmp_path / "t_31_12_26_1.csv", (200, 200))
    store = tmp_path / "store.sqlite3"
    code, out, err = refresh(capsys, config, store)
    assert (code, err) == (0, "")
    assert f"Import 1: {tmp_path / 't_05_01_27_2.csv'}" in out
    assert [t.title for t in records(store, Table.TRAINING)] == ["January, again"]  # type: ignore[attr-defined]


def bytes_read() -> int:
    """What this process has read so far, by the system's count of every read."""
    try:
        with open("/proc/self/io", encoding="ascii") as counts:
            return next(int(line.split()[1]) for line in counts if line.startswith("rchar:"))
    except OSError:
        pytest.skip("the system does not count what a process reads (/proc/self/io)")


def test_a_large_files_export_is_told_by_its_first_line_alone(exports: Path) -> None:
    # A month of learners on a network share: telling which export it is reads its start.
    learners = exports / "platform_learners.csv"
    _header, *rows = learners.read_text(encoding="utf-8").splitlines(keepends=True)
    with learners.open("a", encoding="utf-8") as out:
        for _ in range(16 * 1024 * 1024 // len("".join(rows))):
            out.writelines(rows)
    config = export_config.load(exports / "export-config.xml")
    named = export_config.data_files(config)
    before = bytes_read()
    laid = export_config.data_files(config, list(reversed(named)))
    assert laid == named
    assert bytes_read() - before < learners.stat().st_size // 16


# The files whose opening this process counts (an audit hook stays once added: one, idle
# unless a test watches a file).
_WATCHED: dict[str, int] = {}


def _count_opening(event: str, args: tuple[object, ...]) -> None:
    if event == "open" and _WATCHED and isinstance(args[0], (str, os.PathLike)):
        name = os.fspath(args[0])
        if name in _WATCHED:
            _WATCHED[name] += 1


sys.addaudithook(_count_opening)


def times_opened(path: Path, act: Callable[[], object]) -> int:
    """How many times ``act`` opens ``path``."""
    _WATCHED[str(path)] = 0
    try:
        act()
        return _WATCHED[str(path)]
    finally:
        _WATCHED.clear()


def test_a_refresh_reads_its_files_no_more_often_than_its_dry_run(
        exports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The files given are laid out by their first lines once, for the check of exports
    # older than the store's last refresh and for the planning alike.
    config, store = exports / "export-config.xml", tmp_path / "store.sqlite3"
    given = sorted(exports.glob("*.csv"))
    assert refresh(capsys, config, store, *given)[0] == 1  # the store made
    for path in given:  # exported since: written in one pass
        os.utime(path)
    sessions = exports / "platform_sessions.csv"
    data = [word for path in given for word in ("--data", str(path))]
    dry = times_opened(sessions, lambda: main(
        ["refresh", str(config), *data, "--store", str(store), "--dry-run"]))
    assert "Dry run: nothing was written." in capsys.readouterr().out
    writing = times_opened(sessions, lambda: refresh(capsys, config, store, *given))
    assert writing == dry


def test_two_files_for_one_export_among_too_many_are_named(
        exports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = shutil.copy(exports / "platform_learners.csv", tmp_path / "again.csv")
    store = tmp_path / "store.sqlite3"
    given = [*sorted(exports.glob("*.csv")), Path(copy)]  # eight files for seven exports
    code, _, err = refresh(capsys, exports / "export-config.xml", store, *given)
    assert code == 2
    assert err == (f"importer-gui: {exports / 'export-config.xml'}: platform_learners.csv and "
                   "again.csv both hold the columns of the <platformCandidatesProvider> export; "
                   "give one file for each export.\n")
    assert not store.exists()
