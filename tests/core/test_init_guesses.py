"""importer-gui init on the files QA found it misread: a tie of actions, a file without a
header line, a workbook whose first sheet is empty, a file holding only its headers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from importer_gui.cli import main
from importer_gui.core import config_xml
from importer_gui.core.config import Provider
from tests.stores import existing_store


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def written(config: Path) -> Provider:
    return config_xml.load(config).imports[0].provider


def test_a_tie_goes_to_the_platforms_learners_and_is_said(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "tabs.txt"
    data.write_text("login\tfirstName\tlastName\temail\nj.doe\tJohn\tDoe\tj@x.org\n",
                    encoding="utf-8")
    config = tmp_path / "tabs.xml"
    code, out, err = run(capsys, "init", str(data), "--out", str(config))
    assert (code, err) == (0, "")
    assert out.splitlines()[:5] == [
        f"Wrote {config}: one import of tabs.txt with createOrUpdateLearnerAction.",
        "  action: createOrUpdateLearnerAction (likely: 4 of 4 headers name its fields, as "
        "many as createOrUpdateTeacherAction's; give --action to choose)",
        "  encoding: UTF-8 (likely: the file holds no accented letter: any encoding reads it "
        "alike)",
        "  delimiter: tabulation (certain: every line has 3 tabs)",
        "  header line: yes (certain: 4 cells of the first line name fields)"]
    assert [c.field for c in written(config).columns] == [
        "candidateLogin", "candidateFirstname", "candidateName", "candidateEmail"]


def test_a_file_named_for_teachers_keeps_the_teachers_action(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "formateurs.csv"
    data.write_text("Identifiant;Nom;Prénom;Courriel\nmdupont;Dupont;Marie;m@x.org\n",
                    encoding="utf-8")
    code, out, _ = run(capsys, "init", str(data), "--out", str(tmp_path / "f.xml"))
    assert code == 0
    assert out.splitlines()[1] == (
        "  action: createOrUpdateTeacherAction (likely: 4 of 4 headers name its fields, as "
        "many as createOrUpdateLearnerAction's; give --action to choose)")


def test_a_file_without_a_header_line_is_read_from_its_first_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "nohead.txt"
    data.write_text("j.doe\tJohn\tDoe\tj@x.org\nm.m\tMarie\tMartin\tm@x.org\n", encoding="utf-8")
    config = tmp_path / "nohead.xml"
    code, out, err = run(capsys, "init", str(data), "--out", str(config))
    assert (code, out) == (2, "")
    assert err == ("importer-gui: No action can be guessed: the first line is not a header line "
                   "(the first line holds values like the lines below: j@x.org is an e-mail "
                   "address). Give one with --action NAME.\n")
    code, out, _ = run(capsys, "init", str(data), "--out", str(config), "--action",
                       "createOrUpdateTeacherAction")
    assert code == 1  # nothing names the login: the columns are the user's to map
    assert out.splitlines()[4:11] == [
        "  header line: no (likely: the first line holds values like the lines below: j@x.org "
        "is an e-mail address)",
        "  date format: YYYY-MM-DD (default: createOrUpdateTeacherAction has no field read in "
        "the date format)",
        "  columns:",
        "    1. column 1 -> ignoredColumn",
        "    2. column 2 -> ignoredColumn",
        "    3. column 3 -> ignoredColumn",
        "    4. column 4 -> teacherEmail (content match)"]
    provider = written(config)
    assert provider.skip_first_line is False
    assert [c.header for c in provider.columns] == [None, None, None, None]
    assert [c.field for c in provider.columns][3] == "teacherEmail"


@pytest.mark.parametrize(("first", "said"), [
    ("15/01/2027;Paris;12", "15/01/2027 is a date"),
    ("Paris;12;x", "12 is a number"),
])
def test_a_first_line_like_the_lines_below_is_data(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], first: str, said: str) -> None:
    data = tmp_path / "rooms.csv"
    rows = {"15/01/2027;Paris;12": "16/01/2027;Lyon;30\n", "Paris;12;x": "Lyon;30;y\n"}[first]
    data.write_text(f"{first}\n{rows}", encoding="utf-8")
    config = tmp_path / "rooms.xml"
    code, out, _ = run(capsys, "init", str(data), "--out", str(config), "--action",
                       "createOrUpdateSessionAction")
    assert code == 1
    assert ("  header line: no (likely: the first line holds values like the lines below: "
            f"{said})") in out.splitlines()
    assert written(config).skip_first_line is False


def test_when_nothing_tells_the_first_line_skipped_is_named(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "words.csv"
    data.write_text("alpha;beta\ngamma;delta\n", encoding="utf-8")
    config = tmp_path / "words.xml"
    _, out, _ = run(capsys, "init", str(data), "--out", str(config), "--action",
                    "createOrUpdateTrainingCourseAction")
    assert ("  header line: yes (default: nothing tells; files usually start with their "
            "headers: the first line (alpha, beta) is not imported)") in out.splitlines()
    provider = written(config)
    assert provider.skip_first_line is True
    assert [c.header for c in provider.columns] == ["alpha", "beta"]


def empty_first(path: Path) -> Path:
    """A workbook whose first, visible sheet is empty; its second holds the trainings."""
    workbook = Workbook()
    workbook.active.title = "Empty"
    data = workbook.create_sheet("Data")
    for row in (["trainingPathCode", "trainingTitle", "trainingModality"],
                ["C9", "Nine", "Présentiel"]):
        data.append(row)
    workbook.save(path)
    return path


def test_a_sheet_named_for_teachers_keeps_the_teachers_action(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Formateurs"
    sheet.append(["Identifiant", "Nom", "Prénom", "Courriel"])
    sheet.append(["mdupont", "Dupont", "Marie", "m@x.org"])
    data = tmp_path / "liste.xlsx"
    book.save(data)
    code, out, _ = run(capsys, "init", str(data), "--out", str(tmp_path / "f.xml"))
    assert code == 0
    assert out.splitlines()[2] == (
        "  action: createOrUpdateTeacherAction (likely: 4 of 4 headers name its fields, as "
        "many as createOrUpdateLearnerAction's; give --action to choose)")


def test_a_workbook_is_read_from_its_first_sheet_holding_data(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = empty_first(tmp_path / "emptyfirst.xlsx")
    config = tmp_path / "emptyfirst.xml"
    code, out, err = run(capsys, "init", str(data), "--out", str(config))
    assert (code, err) == (0, "")
    assert out.splitlines()[1:3] == [
        "  sheet: Data (the first one holding data; Empty is empty)",
        "  action: createOrUpdateTrainingCourseAction (likely: 3 of 3 headers name its fields)"]
    provider = written(config)
    assert (provider.sheet, provider.skip_first_line) == ("Data", True)
    assert [c.header for c in provider.columns] == [
        "trainingPathCode", "trainingTitle", "trainingModality"]


def test_a_sheet_given_with_sheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = empty_first(tmp_path / "emptyfirst.xlsx")
    config = tmp_path / "c.xml"
    code, out, _ = run(capsys, "init", str(data), "--out", str(config), "--sheet", "Data")
    assert code == 0 and out.splitlines()[1] == "  sheet: Data (given with --sheet)"
    code, out, err = run(capsys, "init", str(data), "--out", str(config), "--sheet", "Nope")
    assert (code, out) == (2, "")
    assert err == (f"importer-gui: {data}: the workbook has no sheet 'Nope'; its sheets are "
                   "'Empty', 'Data'\n")
    workbook = Workbook()
    workbook.active.title = "A"
    workbook.create_sheet("B")
    workbook.save(tmp_path / "blank.xlsx")
    code, _, err = run(capsys, "init", str(tmp_path / "blank.xlsx"), "--out", str(config))
    assert (code, err) == (2, f"importer-gui: {tmp_path / 'blank.xlsx'}: no visible sheet holds "
                              "data: A, B are empty\n")


def test_a_sheet_without_a_header_line_is_named_by_init(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Formateurs"
    for row in (["mdupont", "Dupont", "Marie", "m@x.org"],
                ["jmartin", "Martin", "Jean", "j@x.org"]):
        sheet.append(row)
    data = tmp_path / "nohead.xlsx"
    workbook.save(data)
    code, out, err = run(capsys, "init", str(data), "--out", str(tmp_path / "n.xml"))
    assert (code, out) == (2, "")
    assert err == (
        "importer-gui: No action can be guessed from the sheet 'Formateurs': its first row is "
        "not a header line (the first line holds values like the lines below: m@x.org is an "
        "e-mail address). Give one with --action NAME.\n")


def test_headers_under_a_title_are_said_to_belong_on_the_sheets_first_row(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Formations"
    for row in (["Catalogue 2026"], [], ["trainingPathCode", "trainingTitle"], ["C9", "Nine"]):
        sheet.append(row)
    data = tmp_path / "titled.xlsx"
    workbook.save(data)
    code, out, err = run(capsys, "init", str(data), "--out", str(tmp_path / "t.xml"))
    assert (code, out) == (2, "")
    assert err == (
        "importer-gui: No action can be guessed from the sheet 'Formations': its first row "
        "(Catalogue 2026) names no field. The column headers must be on the sheet's first "
        "row, with no title above them; or give the action with --action NAME.\n")


def test_a_file_holding_only_its_headers_is_said_by_init_and_check(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "header_only.csv"
    data.write_text("trainingPathCode;trainingTitle;trainingModality\n", encoding="utf-8")
    config = tmp_path / "header_only.xml"
    code, out, _ = run(capsys, "init", str(data), "--out", str(config))
    assert code == 0
    assert out.splitlines()[-1] == "header_only.csv holds no rows."
    assert written(config).skip_first_line is True
    store = existing_store(tmp_path / "s.sqlite3")
    code, out, err = run(capsys, "check", str(config), "--store", store)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "header_only.csv holds no rows.",
        f"Import 1: {data} (createOrUpdateTrainingCourseAction)",
        "  create 0, update 0, unchanged 0, delete 0, error 0",
        "Total: create 0, update 0, unchanged 0, delete 0, error 0"]
    data.write_text("trainingPathCode;trainingTitle;trainingModality\nC1;One;Présentiel\n",
                    encoding="utf-8")
    code, out, _ = run(capsys, "check", str(config), "--store", store)
    assert "holds no rows" not in out  # (its row has errors of its own: exit 1)
    assert code == 1


@pytest.mark.parametrize("body", ["jdupont;jean.dupont@example.org\n",
                                  "jdupont;jean.dupont@example.org\nmmartin;\nlpetit;\n"])
def test_a_first_line_holding_an_e_mail_address_is_data(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str) -> None:
    data = tmp_path / "people.csv"
    data.write_text(body, encoding="utf-8")
    config = tmp_path / "people.xml"
    code, out, _ = run(capsys, "init", str(data), "--out", str(config), "--action",
                       "createOrUpdateLearnerAction")
    assert code in (0, 1)
    assert ("  header line: no (likely: the first line holds an e-mail address, "
            "jean.dupont@example.org, which no header is)") in out.splitlines()
    assert written(config).skip_first_line is False


def test_learners_without_logins_are_found_by_the_e_mail_column(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "nohead.csv"
    data.write_text("Bernard;Claire;claire.bernard@example.org\n"
                    "Petit;Luc;luc.petit@example.org\n", encoding="utf-8")
    config = tmp_path / "nohead.xml"
    code, out, _ = run(capsys, "init", str(data), "--out", str(config), "--action",
                       "createOrUpdateLearnerAction")
    assert code in (0, 1)
    assert ("  traineeSearchField: candidateEmail (the only one of its fields a column feeds)"
            in out.splitlines())
    action = config_xml.load(config).imports[0].actions[0]
    assert action.field_lists["traineeSearchField"] == ["candidateEmail"]
    code, out, _ = run(capsys, "check", str(config), "--store",
                       existing_store(tmp_path / "store.sqlite3"))
    assert "traineeSearchField is candidateLogin" not in out


def test_a_custom_column_is_left_ignored_and_said_so_the_check_reads_the_configuration(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "learners.csv"
    data.write_text("candidateLogin;candidateName;custom\nj.doe;Doe;Lyon\n", encoding="utf-8")
    config = tmp_path / "learners.xml"
    code, out, err = run(capsys, "init", str(data), "--out", str(config))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert "    3. custom -> ignoredColumn" in lines
    assert lines[-1] == (
        "Column 3 (custom) would feed a custom field, whose GUID init cannot know: it is left "
        "ignored. Map it in the wizard, or give the column its <guid> in the configuration.")
    assert [c.field for c in written(config).columns] == [
        "candidateLogin", "candidateName", "ignoredColumn"]
    code, out, err = run(capsys, "check", str(config), "--store",
                         existing_store(tmp_path / "s.sqlite3"))
    assert (code, err) == (0, "")  # the configuration init wrote is one check reads
    assert "create 1" in out
    code, out, _ = run(capsys, "init", str(data), "--out", str(tmp_path / "again.xml"),
                       "--json")
    assert json.loads(out)["without_guid"] == [3]
