"""A file that does not match what its configuration says: UTF-8 declared as an 8-bit
encoding, another delimiter than the configured one, lines shorter or longer than the
mapping, and paths that are no file at all. Through the command line, as an administrator
meets them, and good files beside them that must still pass."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from importer_gui.core.errors import DataFileError
from importer_gui.core.readers import head, open_table
from importer_gui.core.readers.text import SCAN_CHUNK
from importer_gui.core.store import Store
from tests.builders import TEACHER_COLUMNS, ImportSpec, write_config
from tests.core.test_cli import run

LEARNER_COLUMNS = ("candidateRefNumber", "candidateLogin", "candidateEmail", "candidateName",
                   "candidateFirstname", "candidateValidity", "enabledUntil",
                   "candidateLanguages", "managerLogin")
EXPORTS = Path(__file__).resolve().parents[2] / "resources" / "sample" / "exports"


def store_in(folder: Path) -> str:
    """A store made beforehand (check and refresh --dry-run only read one)."""
    location = folder / "store.sqlite3"
    with Store.open(location):
        pass
    return str(location)


def learners_config(folder: Path, data: Path, *, encoding: str = "UTF-8",
                    delimiter: str = "semicolon") -> Path:
    """The QA's one-import configuration: the learners file's 9 columns by position."""
    shutil.copy(data, folder / "learners.csv")
    return write_config(folder, ImportSpec(
        "learners.csv", LEARNER_COLUMNS, "createOrUpdateLearnerAction",
        provider_extra=f"<fileEncoding>{encoding}</fileEncoding>"
                       f"<delimiter>{delimiter}</delimiter>"))


def teachers(folder: Path, body: bytes, *, encoding: str = "UTF-8",
             delimiter: str = "semicolon") -> Path:
    """A teacher file of raw bytes and a configuration declaring its encoding and
    delimiter; the configuration's path."""
    (folder / "teachers.csv").write_bytes(body)
    return write_config(folder, ImportSpec(
        "teachers.csv", TEACHER_COLUMNS, "createOrUpdateTeacherAction",
        provider_extra=f"<fileEncoding>{encoding}</fileEncoding>"
                       f"<delimiter>{delimiter}</delimiter>"))


def failure(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """The one line a refused command prints (exit 2, nothing on stdout)."""
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, ""), err
    assert len(err.splitlines()) == 1, err
    return err.rstrip("\n")


def rows_of(capsys: pytest.CaptureFixture[str], config: Path, folder: Path,
            ) -> tuple[int, list[tuple[int, str, list[str]]]]:
    """check --json's exit code and (line, outcome, messages) of every row."""
    code, out, err = run(capsys, "check", str(config), "--store", store_in(folder), "--json")
    assert code in (0, 1), err
    return code, [(r["line"], r["outcome"], [i["message"] for i in r["issues"]])
                  for r in json.loads(out)["imports"][0]["rows"]]


HEADER = ";".join(TEACHER_COLUMNS)


# --------------------------------------------------------------------------- UTF-8 declared 8-bit


@pytest.mark.parametrize("encoding", ["ISO-8859-1", "WINDOWS-1252"])
def test_the_sample_learners_in_utf8_declared_8_bit_are_refused_naming_the_first_accent(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str) -> None:
    config = learners_config(tmp_path, sample / "learners.csv", encoding=encoding)
    assert failure(capsys, "check", str(config), "--store", store_in(tmp_path)) == (
        f"importer-gui: {tmp_path / 'learners.csv'}:1: the file is declared {encoding} but its "
        "accented letters are UTF-8: this line reads \"…el;Nom de l'apprenant;Prénom de "
        "l'apprenant;Actif;Valide…\" in UTF-8 and \"…el;Nom de l'apprenant;PrÃ©nom de "
        f"l'apprenant;Actif;Valide…\" in {encoding}; set <fileEncoding> to UTF-8")


def test_utf8_accents_after_ascii_lines_name_their_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = f"{HEADER}\nzoe;Zoe;Z;z@e.org\r\nmia;Mia;M;m@e.org\nlea;Léa;L;l@e.org\n"
    config = teachers(tmp_path, body.encode(), encoding="ISO-8859-1")
    assert failure(capsys, "check", str(config), "--store", store_in(tmp_path)) == (
        f"importer-gui: {tmp_path / 'teachers.csv'}:4: the file is declared ISO-8859-1 but its "
        "accented letters are UTF-8: this line reads \"lea;Léa;L;l@e.org\" in UTF-8 and "
        "\"lea;LÃ©a;L;l@e.org\" in ISO-8859-1; set <fileEncoding> to UTF-8")


def test_utf8_accents_far_past_the_first_block_are_found_too(tmp_path: Path) -> None:
    ascii_lines = "zoe;Zoe;Z;z@e.org\n" * (SCAN_CHUNK // 18 + 100)  # past the first MB
    body = f"{HEADER}\n{ascii_lines}lea;Léa;L;l@e.org\n".encode()
    path = tmp_path / "teachers.csv"
    path.write_bytes(body)
    with pytest.raises(DataFileError) as caught:
        open_table(path, encoding="WINDOWS-1252")
    assert caught.value.line == ascii_lines.count("\n") + 2
    assert '"lea;Léa;L;l@e.org" in UTF-8' in str(caught.value)


def test_a_utf8_sequence_cut_by_a_block_end_is_still_utf8(tmp_path: Path) -> None:
    line = "zoe;Zoe;Z;z@e.org\n"
    filler = "x" * (SCAN_CHUNK - len(HEADER) - 1 - 1)  # "é" straddles the first block's end
    body = f"{HEADER}\n{filler}é;Zoe;Z;z@e.org\n{line}".encode()
    assert body[SCAN_CHUNK - 1:SCAN_CHUNK + 1] == "é".encode()
    path = tmp_path / "teachers.csv"
    path.write_bytes(body)
    with pytest.raises(DataFileError) as caught:
        open_table(path, encoding="ISO-8859-1")
    assert caught.value.line == 2


@pytest.mark.parametrize(("encoding", "codec", "name"), [
    ("ISO-8859-1", "latin-1", "Léa Ça ü ß"),
    ("WINDOWS-1252", "cp1252", "Léa “Œuvre” €"),
])
def test_real_8_bit_accents_pass_as_declared(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             encoding: str, codec: str, name: str) -> None:
    body = f"{HEADER}\nlea;{name};Lé;l@e.org\nzoe;Zoé;Z;z@e.org\n".encode(codec)
    config = teachers(tmp_path, body, encoding=encoding)
    assert rows_of(capsys, config, tmp_path) == (0, [(2, "create", []), (3, "create", [])])
    rows = list(open_table(tmp_path / "teachers.csv", encoding=encoding).rows())
    assert rows[0][1][1] == name


@pytest.mark.parametrize("encoding", ["ISO-8859-1", "WINDOWS-1252", "UTF-8"])
def test_ascii_passes_whatever_its_declared_encoding(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str) -> None:
    config = teachers(tmp_path, f"{HEADER}\nzoe;Zoe;Z;z@e.org\n".encode(), encoding=encoding)
    assert rows_of(capsys, config, tmp_path) == (0, [(2, "create", [])])


def test_utf8_declared_utf8_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = teachers(tmp_path, f"{HEADER}\nlea;Léa;Œ;l@e.org\n".encode())
    assert rows_of(capsys, config, tmp_path) == (0, [(2, "create", [])])


# --------------------------------------------------------------------------- the delimiter


def test_a_semicolon_file_read_with_commas_is_refused_naming_both(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Line 3's languages (fr-FR,en-GB) hold the configured comma: most lines still hold none.
    config = learners_config(tmp_path, sample / "learners.csv", delimiter="comma")
    assert failure(capsys, "check", str(config), "--store", store_in(tmp_path)) == (
        f"importer-gui: {tmp_path / 'learners.csv'}: 8 of the first 9 lines hold no \",\" but "
        "each holds 8 \";\"; is the delimiter semicolon? Set <delimiter> to semicolon")


def test_a_comma_file_read_with_semicolons_is_refused(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    commas = tmp_path / "commas.csv"
    commas.write_text((sample / "learners.csv").read_text(encoding="utf-8").replace(";", ","),
                      encoding="utf-8")
    config = learners_config(tmp_path, commas)
    assert failure(capsys, "check", str(config), "--store", store_in(tmp_path)) == (
        f"importer-gui: {tmp_path / 'learners.csv'}: the first 9 lines hold no \";\" but 8 "
        "\",\" each; is the delimiter comma? Set <delimiter> to comma")


@pytest.mark.parametrize("above", ["Liste des apprenants", "sep=,"])
def test_a_comma_file_under_a_title_line_read_with_semicolons_is_refused(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], above: str) -> None:
    # Read on, each line was one cell: a commit wrote whole lines as logins.
    commas = tmp_path / "commas.csv"
    commas.write_text(above + "\n" + (sample / "learners.csv").read_text(encoding="utf-8")
                      .replace(";", ","), encoding="utf-8")
    config = learners_config(tmp_path, commas)
    assert failure(capsys, "check", str(config), "--store", store_in(tmp_path)) == (
        f"importer-gui: {tmp_path / 'learners.csv'}: the first 10 lines hold no \";\" but 8 "
        "\",\" each; is the delimiter comma? Set <delimiter> to comma")


def test_a_tab_separated_file_read_with_pipes_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = "\t".join(TEACHER_COLUMNS) + "\nzoe\tZoe\tZ\tz@e.org\n"
    config = teachers(tmp_path, body.encode(), delimiter="pipe")
    assert failure(capsys, "check", str(config), "--store", store_in(tmp_path)) == (
        f"importer-gui: {tmp_path / 'teachers.csv'}: the first 2 lines hold no \"|\" but 3 "
        "\"\\t\" each; is the delimiter tabulation? Set <delimiter> to tabulation")


def test_a_refresh_of_exports_with_the_wrong_delimiter_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exports = tmp_path / "exports"
    shutil.copytree(EXPORTS, exports)
    config = exports / "export-config.xml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "<delimiter>semicolon</delimiter>", "<delimiter>comma</delimiter>", 1), encoding="utf-8")
    assert failure(capsys, "refresh", str(config), "--dry-run", "--store",
                   store_in(tmp_path)) == (
        f"importer-gui: {exports / 'platform_trainings.csv'}: 4 of the first 5 lines hold no "
        "\",\" but each holds 4 \";\"; is the delimiter semicolon? Set <delimiter> to semicolon")


def test_one_column_of_decimal_commas_is_read_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "one.csv"
    path.write_text("amount\n1,5\n2,25\n", encoding="utf-8")
    assert [cells for _line, cells in open_table(path).rows()] == [("1,5",), ("2,25",)]
    path.write_text("Dupont, Jean, Paris\nMartin, Luc, Lyon\n", encoding="utf-8")
    rows = open_table(path, columns=1, skip_first_line=False).rows()
    assert len(list(rows)) == 2  # one column mapped: no doubt
    with pytest.raises(DataFileError):
        open_table(path)  # not told: three cells a line look like a delimited file
    with pytest.raises(DataFileError):
        open_table(path, columns=3)


def test_the_wizards_preview_refuses_a_wrong_delimiter_as_the_check_does(
        tmp_path: Path) -> None:
    # The open page's live preview says what the check will say, not one cell a line.
    path = tmp_path / "teachers.csv"
    path.write_text(f"{HEADER}\nzoe;Zoe;Z;z@e.org\n", encoding="utf-8")
    with pytest.raises(DataFileError) as shown:
        head(path, delimiter=",")
    with pytest.raises(DataFileError) as checked:
        open_table(path, delimiter=",")
    assert str(shown.value) == str(checked.value)


def test_the_configured_delimiter_in_every_line_passes_whatever_else_they_hold(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = f"{HEADER}\nzoe;Zoe, Anne;Z,Y;z@e.org\nmia;Mia, Lou;M,N;m@e.org\n"
    config = teachers(tmp_path, body.encode())
    assert rows_of(capsys, config, tmp_path) == (0, [(2, "create", []), (3, "create", [])])


# --------------------------------------------------------------------------- not a file


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_given_as_the_data_file_is_named_so(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = teachers(tmp_path, f"{HEADER}\nzoe;Zoe;Z;z@e.org\n".encode())
    assert failure(capsys, "check", str(config), "--data", "/dev/zero", "--store",
                   store_in(tmp_path)) == (
        "importer-gui: /dev/zero: this is a pipe or a device, not a data file")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_given_as_the_data_file_is_refused_not_a_hang(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = teachers(tmp_path, f"{HEADER}\nzoe;Zoe;Z;z@e.org\n".encode())
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)  # nobody writes to it: reading it would wait for ever
    assert failure(capsys, "check", str(config), "--data", str(pipe), "--store",
                   store_in(tmp_path)) == (
        f"importer-gui: {pipe}: this is a pipe or a device, not a data file")


def test_check_tells_the_readers_how_many_columns_it_maps(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Two mapped columns in a comma file read with semicolons: two cells a line is proof
    # enough once the check says it maps two.
    (tmp_path / "rooms.csv").write_text("login,name\nG-1,Salle A\nG-2,Salle B\n",
                                        encoding="utf-8")
    config = write_config(tmp_path, ImportSpec("rooms.csv", ("teacherLogin", "teacherName"),
                                               "createOrUpdateTeacherAction"))
    assert failure(capsys, "check", str(config), "--store", store_in(tmp_path)) == (
        f"importer-gui: {tmp_path / 'rooms.csv'}: the first 3 lines hold no \";\" but 1 "
        "\",\" each; is the delimiter comma? Set <delimiter> to comma")
    # One mapped column: commas inside its values are its values.
    one = write_config(tmp_path, ImportSpec("rooms.csv", ("teacherLogin",),
                                            "createOrUpdateTeacherAction"), name="one.xml")
    _code, rows = rows_of(capsys, one, tmp_path / "again")
    assert [line for line, _outcome, _issues in rows] == [2, 3]
