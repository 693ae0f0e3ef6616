"""importer-gui init: a configuration guessed from a data file, and how sure each guess is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from importer_gui.cli import main
from importer_gui.core import config_xml
from importer_gui.core.guess import CERTAIN, LIKELY, guess_date_format, guess_delimiter
from tests.builders import french_sessions
from tests.stores import existing_store


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_init_guesses_reading_action_and_mapping(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    data = french_sessions(tmp_path / "sessions.csv")
    out_path = tmp_path / "sessions.xml"
    code, out, err = run(capsys, "init", str(data), "--out", str(out_path))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"Wrote {out_path}: one import of sessions.csv with createOrUpdateSessionAction.",
        "  action: createOrUpdateSessionAction (likely: 6 of 6 headers name its fields)",
        "  encoding: ISO-8859-1 (likely: it is not UTF-8; its accented letters read as "
        "ISO-8859-1 (Latin-1))",
        '  delimiter: semicolon (certain: every line has 5 ";")',
        "  header line: yes (certain: 6 cells of the first line name fields)",
        "  date format: DD/MM/YYYY (certain: 15/06/2027 can only be DD/MM/YYYY)",
        "  columns:",
        "    1. Action -> sessionAction (synonym match)",
        "    2. Code formation -> trainingPathCode (synonym match)",
        "    3. Titre de la session -> sessionTitle (synonym match)",
        "    4. Date de début -> sessionStartDate (synonym match)",
        "    5. Date de fin -> sessionEndDate (synonym match)",
        "    6. Formateur -> teacherLogin (synonym match)"]
    config = config_xml.load(out_path)
    provider = config.imports[0].provider
    assert (provider.file_name, provider.path, provider.file_encoding, provider.delimiter,
            provider.date_format) == ("sessions.csv", "", "ISO-8859-1", "semicolon",
                                      "DD/MM/YYYY")
    assert [(c.field, c.header) for c in provider.columns][3] == (
        "sessionStartDate", "Date de début")
    code, out, _ = run(capsys, "check", str(out_path), "--store",
                       existing_store(tmp_path / "s.sqlite3"), "--json")
    rows = json.loads(out)["imports"][0]["rows"]
    assert [r["line"] for r in rows] == [2, 3]  # read as guessed: both rows, dates parsed
    assert not any("not a date" in i["message"] for r in rows for i in r["issues"])


def test_init_names_the_mandatory_fields_it_could_not_map(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data" / "teachers.csv"
    data.parent.mkdir()
    data.write_text("Nom,Prénom\nDupont,Marie\n", encoding="utf-8")
    out_path = tmp_path / "configs" / "teachers.xml"
    out_path.parent.mkdir()
    code, out, _ = run(capsys, "init", str(data), "--out", str(out_path), "--json")
    assert code == 1
    document = json.loads(out)
    assert document["missing"] == ["teacherLogin"]
    assert document["delimiter"] == {"value": "comma", "sureness": "certain",
                                     "reason": 'every line has 1 ","'}
    assert document["encoding"]["value"] == "UTF-8"
    assert document["data_file_outside"] is True
    assert out_path.is_file()  # written all the same
    provider = config_xml.load(out_path).imports[0].provider
    assert (provider.path, provider.file_name) == ("../data", "teachers.csv")


def test_init_with_a_given_action(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = french_sessions(tmp_path / "s.csv")
    code, out, _ = run(capsys, "init", str(data), "--out", str(tmp_path / "c.xml"), "--action",
                       "createOrUpdateInterventionAction", "--json")
    document = json.loads(out)
    assert document["action"] == {"value": "createOrUpdateInterventionAction",
                                  "sureness": "certain", "reason": "given with --action"}
    assert code == 1 and document["missing"]


@pytest.mark.parametrize("content", [None, b"\x89PNG\r\n\x1a\n" + b"\0" * 40])
def test_init_refuses_what_it_cannot_read(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          content: bytes | None) -> None:
    data = tmp_path / "picture.csv"
    if content is not None:
        data.write_bytes(content)
    code, out, err = run(capsys, "init", str(data), "--out", str(tmp_path / "c.xml"))
    assert code == 2 and out == ""
    assert err.startswith("importer-gui: ") and str(data) in err
    assert not (tmp_path / "c.xml").exists()


def test_a_day_past_twelve_settles_the_date_format() -> None:
    assert guess_date_format(["15/06/2027", "01/07/2027"]).sureness == CERTAIN
    ambiguous = guess_date_format(["01/02/2027", "03/04/2027"])
    assert (ambiguous.value, ambiguous.sureness) == ("DD/MM/YYYY", LIKELY)
    assert guess_date_format(["06/15/2027"]).value == "MM/DD/YYYY"
    assert guess_delimiter("a|b\n1|2\n").value == "pipe"


def test_a_wrong_date_format_is_named_with_its_fix(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    data = french_sessions(tmp_path / "sessions.csv")
    config = tmp_path / "sessions.xml"
    assert run(capsys, "init", str(data), "--out", str(config))[0] == 0
    config.write_text(config.read_text().replace("<dateFormat>DD/MM/YYYY</dateFormat>", ""))
    code, out, _ = run(capsys, "check", str(config), "--store",
                       existing_store(tmp_path / "s.sqlite3"), "--json")
    assert code == 1
    assert json.loads(out)["notices"] == [
        "sessions.csv: its dates are not in the date format YYYY-MM-DD: they read as "
        "DD/MM/YYYY (15/06/2027 can only be DD/MM/YYYY); set <dateFormat>DD/MM/YYYY"
        "</dateFormat>."]
