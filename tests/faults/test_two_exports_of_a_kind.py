"""A refresh whose configuration has two exports of one kind (the platform writes one; a
configuration edited by hand may hold two), through the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.faults import cli
from tests.stores import existing_store

COLUMNS = ["trainingPathCode", "trainingTitle", "sessionGuid", "title", "startDate", "endDate"]
LYON = "T1;Course;S-1;Lyon;2027-01-03;2027-01-04"
PARIS = "T1;Course;S-2;Paris;2027-02-03;"


def sessions_export(file_name: str) -> str:
    """One sessions export, read from ``file_name``."""
    listed = "".join(f"<{c}/>" for c in COLUMNS)
    return (f"<export><providers><trainingSessionMetadataProvider><columns>{listed}</columns>"
            "</trainingSessionMetadataProvider></providers><actions><fileExportAction>"
            "<format>CSV</format></fileExportAction></actions><consolidators><moveToFolder>"
            f"<fileName>{file_name}</fileName></moveToFolder></consolidators></export>")


@pytest.mark.parametrize(("second", "created"), [
    ([PARIS], 0),  # its first row names a session the first file's second row set
    (["T1;Course;S-3;Nantes;2027-03-03;", "T1;Course;S-4;Lille;2027-04-03;", PARIS], 2),
])
def test_a_session_both_exports_name_is_no_line_of_the_second_file(
        tmp_path: Path, second: list[str], created: int) -> None:
    # Each file's rows are warned of the lines of that file that set a record before them,
    # as an import's are; the first file's lines are not the second's.
    config = tmp_path / "export.xml"
    config.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<export-config>'
                      f"{sessions_export('first.csv')}{sessions_export('second.csv')}"
                      "</export-config>\n", encoding="utf-8")
    for name, rows in (("first.csv", [LYON, PARIS]), ("second.csv", second)):
        (tmp_path / name).write_text("\n".join([";".join(COLUMNS), *rows]) + "\n",
                                     encoding="utf-8")
    done = cli("refresh", str(config), "--dry-run", "--store",
               existing_store(tmp_path / "store.sqlite3"))
    assert (done.code, done.err) == (0, "")
    assert (f"Import 2: {tmp_path / 'second.csv'} (trainingSessionMetadataProvider)\n"
            f"  create {created}, update 0, unchanged 1, delete 0, error 0\n\n") in done.out
