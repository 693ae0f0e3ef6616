"""The command line's words for a data file the configuration does not name as one file: the
user is told to correct the name, or to choose the file with --data (the window shows the same
words, hence "on the command line")."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.builders import TEACHER_COLUMNS, write_csv
from tests.core.test_cli import run
from tests.stores import existing_store

COLUMNS = "".join(f"<{c}/>" for c in TEACHER_COLUMNS)


def configuration(folder: Path, file_name: str) -> Path:
    """A teachers' configuration reading ``file_name``."""
    path = folder / "teachers.xml"
    path.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<import-config><import><providers><fileSystemSourceProvider><fileName>{file_name}</fileName>
<columnsMapping>{COLUMNS}</columnsMapping></fileSystemSourceProvider></providers><actions>
<createOrUpdateTeacherAction/></actions></import></import-config>
""", encoding="utf-8")
    return path


def test_a_name_no_file_matches(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = configuration(tmp_path, "teachers-*.csv")
    code, out, err = run(capsys, "check", str(config), "--store",
                         existing_store(tmp_path / "s.sqlite3"))
    assert (code, out) == (2, "")
    assert err == (f"importer-gui: {tmp_path / 'teachers-*.csv'}: fileName teachers-*.csv "
                   f"matches no file in {tmp_path}; correct it, or choose the data file "
                   "yourself (on the command line: --data).\n")


def test_a_name_several_files_match(tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("teachers-1.csv", "teachers-2.csv"):
        write_csv(tmp_path / name, [["jdoe", "Doe", "Jane", "j@x.org"]])
    config = configuration(tmp_path, "teachers-*.csv")
    code, out, err = run(capsys, "check", str(config), "--store",
                         existing_store(tmp_path / "s.sqlite3"))
    assert (code, out) == (2, "")
    assert err == (f"importer-gui: {tmp_path / 'teachers-*.csv'}: fileName teachers-*.csv "
                   f"matches 2 files in {tmp_path}; make it match one, or choose the data "
                   "file yourself (on the command line: --data).\n")
    code, _out, err = run(capsys, "check", str(config), "--data",
                          str(tmp_path / "teachers-2.csv"), "--store",
                          existing_store(tmp_path / "s.sqlite3"))
    assert (code, err) == (0, "")  # as it says
