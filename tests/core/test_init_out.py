"""importer-gui init --out: a file already there is replaced only when it holds what init
writes (as export-config and package), anything else refused in one line, nothing written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from importer_gui.cli import main
from tests.builders import french_sessions


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def refused(path: Path) -> str:
    return (f"importer-gui: {path} already exists and is not the configuration init writes "
            "for this data file; it was not replaced. Nothing was written; choose another "
            "file, or move that one away first.\n")


def test_a_configuration_the_user_edited_is_not_replaced(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = french_sessions(tmp_path / "sessions.csv")
    out_path = tmp_path / "sessions.xml"
    assert run(capsys, "init", str(data), "--out", str(out_path))[0] == 0
    edited = out_path.read_bytes().replace(b"DD/MM/YYYY", b"MM/DD/YYYY")
    out_path.write_bytes(edited)
    code, out, err = run(capsys, "init", str(data), "--out", str(out_path))
    assert (code, out, err) == (2, "", refused(out_path))
    assert out_path.read_bytes() == edited
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sessions.csv", "sessions.xml"]


def test_what_init_wrote_for_the_same_file_is_written_again(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = french_sessions(tmp_path / "sessions.csv")
    out_path = tmp_path / "sessions.xml"
    assert run(capsys, "init", str(data), "--out", str(out_path))[0] == 0
    written = out_path.read_bytes()
    code, out, err = run(capsys, "init", str(data), "--out", str(out_path))
    assert (code, err) == (0, "")
    assert out.startswith(f"Wrote {out_path}: one import of sessions.csv")
    assert out_path.read_bytes() == written


def test_another_files_configuration_a_folder_or_a_link_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = french_sessions(tmp_path / "sessions.csv")
    teachers = tmp_path / "teachers.csv"
    teachers.write_text("Nom,Prénom,Login\nDupont,Marie,mdupont\n", encoding="utf-8")
    out_path = tmp_path / "sessions.xml"
    assert run(capsys, "init", str(data), "--out", str(out_path))[0] == 0
    written = out_path.read_bytes()
    assert run(capsys, "init", str(teachers), "--out", str(out_path)) == (
        2, "", refused(out_path))
    assert out_path.read_bytes() == written
    folder = tmp_path / "folder.xml"
    folder.mkdir()
    assert run(capsys, "init", str(data), "--out", str(folder)) == (2, "", refused(folder))
    assert list(folder.iterdir()) == []
    link = tmp_path / "link.xml"
    os.symlink(out_path, link)  # even to init's own output: the link is not replaced
    assert run(capsys, "init", str(data), "--out", str(link)) == (2, "", refused(link))
    assert link.is_symlink() and out_path.read_bytes() == written
