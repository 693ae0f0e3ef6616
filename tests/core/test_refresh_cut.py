"""An export file cut short (a copy or a write stopped part-way) is never read as whole: its
cut rows are errors naming their line, and nothing is deleted for what follows the cut."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from importer_gui.cli import main
from importer_gui.core.schema import Table
from tests.core.test_refresh import EXPORTS, commit, outcomes, plan, records, write_export

TRAININGS = EXPORTS / "platform_trainings.csv"
LAST_LINE_CUT = ("The file ends inside this line, without the line break the platform ends "
                 "every line with: it was cut short, so this row is left out (export the file "
                 "again).")


@pytest.fixture
def refreshed(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the sample's exports, and a store refreshed from them."""
    exports = Path(shutil.copytree(EXPORTS, tmp_path / "exports"))
    store = tmp_path / "store.sqlite3"
    commit(exports / "export-config.xml", store)
    return exports, store


def trainings(store: Path) -> dict[str, str]:
    return {t.path_code: t.title for t in records(store, Table.TRAINING)}  # type: ignore[attr-defined]


def test_a_file_cut_inside_a_value_writes_nothing_of_it_and_prunes_nothing(
        refreshed: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    exports, store = refreshed
    before = trainings(store)
    (exports / "platform_trainings.csv").write_bytes(TRAININGS.read_bytes()[:120])  # "…incendi"
    code = main(["refresh", str(exports / "export-config.xml"), "--store", str(store),
                 "--prune"])
    out = capsys.readouterr().out
    assert code == 1
    assert "  create 0, update 0, unchanged 0, delete 0, error 1\n" in out
    assert f"platform_trainings.csv:2: ERROR: {LAST_LINE_CUT}\n" in out
    assert ("What the store holds and platform_trainings.csv lacks was not deleted: rows of "
            "it have errors (1), and the records they name would be deleted; fix them first.\n"
            ) in out
    assert trainings(store) == before  # SEC-101 keeps its title; MGT-200 and XLS-300 stay
    assert before["SEC-101"] == "Sécurité incendie" and len(before) == 4


def test_a_last_line_with_every_column_but_no_line_break_is_cut_too(tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite3"
    columns = ["trainingPathCode", "trainingGuid", "title"]
    config = write_export(tmp_path, "trainingCourseMetadataProvider", columns,
                          ["T1;G1;One", "T2;G2;Two", "T3;G3;Three"])
    commit(config, store)
    data = tmp_path / "export.csv"
    data.write_bytes(data.read_bytes()[:-4])  # its last line is "T3;G3;Thr"
    planned = commit(config, store, prune=True)
    assert outcomes(planned) == [(2, "unchanged", []), (3, "unchanged", []),
                                 (4, "error", [LAST_LINE_CUT])]
    assert trainings(store) == {"T1": "One", "T2": "Two", "T3": "Three"}


def test_a_line_narrower_than_the_header_is_an_error_naming_it(tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite3"
    columns = ["trainingPathCode", "trainingGuid", "title"]
    planned = commit(write_export(tmp_path, "trainingCourseMetadataProvider", columns,
                                  ["T1;G1;One", "T2;G2", "T3;G3;Three"]), store, prune=True)
    assert outcomes(planned) == [
        (2, "create", []),
        (3, "error", ["The line holds 2 of the file's 3 columns, and the platform writes them "
                      "all: the line was cut short, so this row is left out (export the file "
                      "again)."]),
        (4, "create", [])]
    assert sorted(trainings(store)) == ["T1", "T3"]


def test_a_one_row_file_cut_short_creates_no_learner(refreshed: tuple[Path, Path],
                                                      tmp_path: Path) -> None:
    exports, _ = refreshed
    learners = exports / "platform_learners.csv"
    learners.write_bytes(learners.read_bytes()[:300])  # line 2 ends "…;E10"
    store = tmp_path / "new.sqlite3"
    planned = commit(exports / "export-config.xml", store)
    assert outcomes(planned, 2) == [(2, "error", [LAST_LINE_CUT])]
    assert records(store, Table.LEARNER) == []


def test_a_header_line_cut_at_its_end_is_refused(refreshed: tuple[Path, Path],
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    exports, store = refreshed
    cut = exports / "platform_trainings.csv"
    cut.write_bytes(TRAININGS.read_bytes().split(b"\n")[0])  # every training course gone
    code = main(["refresh", str(exports / "export-config.xml"), "--store", str(store),
                 "--prune", "--dry-run"])
    assert code == 2
    assert capsys.readouterr().err == (
        f"importer-gui: {cut}:1: the file ends inside line 1, without the line break the "
        "platform ends every line with: it was cut short; export the file again.\n")


def test_a_utf16_export_ending_with_its_line_break_is_whole(tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite3"
    config = write_export(tmp_path, "trainingCourseMetadataProvider",
                          ["trainingPathCode", "title"], [],
                          action="<fileExportAction><format>CSV</format><encoding>UTF-16LE"
                                 "</encoding></fileExportAction>")
    text = "trainingPathCode;title\r\nT1;Été\r\nT2;Hiver\r\n"
    (tmp_path / "export.csv").write_bytes(text.encode("utf-16-le"))
    assert [r[1] for r in outcomes(commit(config, store))] == ["create", "create"]
    (tmp_path / "export.csv").write_bytes(text.encode("utf-16-le")[:-4])  # no \r\n at the end
    assert outcomes(plan(config, store)) == [(2, "unchanged", []), (3, "error", [LAST_LINE_CUT])]

