"""A package for the platform: real files written, then checked again with our own check."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from importer_gui.cli import main
from importer_gui.core import config_xml, pipeline
from importer_gui.core.config import EXT_NS
from importer_gui.core.errors import DataFileError
from importer_gui.core.package import package
from importer_gui.core.plan import KeptCells
from importer_gui.core.store import Store
from tests.stores import existing_store

TEACHERS_ONLY = """<?xml version="1.0" encoding="UTF-8"?>
<import-config><import><providers><fileSystemSourceProvider><fileName>teachers.csv</fileName>
<columnsMapping><teacherLogin/><teacherName/><teacherFirstname/><teacherEmail/>
</columnsMapping></fileSystemSourceProvider></providers><actions>
<createOrUpdateTeacherAction/></actions></import></import-config>
"""


def teachers_store(sample: Path, tmp_path: Path) -> Path:
    """A store that knows the sample's teachers and nothing else."""
    (sample / "teachers-only.xml").write_text(TEACHERS_ONLY)
    store = tmp_path / "teachers.sqlite3"
    assert main(["commit", str(sample / "teachers-only.xml"), "--store", str(store)]) == 1
    return store


def test_the_sample_packages_and_checks_clean_on_a_store_of_teachers(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "package"
    code = main(["package", str(sample / "sample-config.xml"), "--out", str(out),
                 "--store", existing_store(tmp_path / "empty.sqlite3")])
    text = capsys.readouterr().out
    assert code == 1  # the sample's mistakes are left out, named as check names them
    assert "trainings.xlsx:5: ERROR trainingModality:" in text
    assert "teachers.csv: the teachers' import is Import Assistant's own" in text
    assert sorted(p.name for p in out.iterdir()) == [
        "interventions.csv", "learners.csv", "registrations.csv", "sample-config.xml",
        "sessions.csv", "trainings.csv"]
    store = teachers_store(sample, tmp_path)
    capsys.readouterr()
    assert main(["check", str(out / "sample-config.xml"), "--store", str(store)]) == 0
    assert ": ERROR" not in capsys.readouterr().out


def test_the_configuration_holds_only_the_platforms_elements(sample: Path,
                                                             tmp_path: Path) -> None:
    config = config_xml.load(sample / "sample-config.xml")
    config.imports[1].provider.sheet = "Formations"  # what the wizard records
    config.imports[1].provider.columns[0].header = "Code formation"
    config.imports[1].provider.path = "../elsewhere/.."
    saved = tmp_path / "library" / "saved.xml"
    saved.parent.mkdir()
    config_xml.save(config, saved)
    assert EXT_NS in saved.read_text()
    loaded = config_xml.load(saved)
    plan = pipeline.check(loaded, Store.open(tmp_path / "s.sqlite3"),
                          data_files=[sample / f for f in (
                              "teachers.csv", "trainings.xlsx", "sessions.xlsx",
                              "interventions.xlsx", "learners.csv", "registrations.xlsx")])
    result = package(plan, tmp_path / "out")
    text = result.config.read_text()
    assert EXT_NS not in text and "ia:" not in text
    assert ".." not in text and "<path" not in text
    assert "createOrUpdateTeacherAction" not in text
    packaged = config_xml.load(result.config)
    assert [imp.provider.file_name for imp in packaged.imports] == [
        "trainings.csv", "sessions.csv", "interventions.csv", "learners.csv",
        "registrations.csv"]
    for imp in packaged.imports:
        assert imp.provider.resolve(result.config.parent).parent == result.config.parent


def test_data_files_follow_the_providers_encoding_delimiter_and_header(tmp_path: Path
                                                                        ) -> None:
    (tmp_path / "t.csv").write_bytes("code|titre\nT1|Été\nT2|\u20ac uro\nT3|x\n"
                                     .encode("utf-8"))
    (tmp_path / "c.xml").write_text(
        "<import-config><import><providers><fileSystemSourceProvider><fileName>t.csv"
        "</fileName><columnsMapping><trainingPathCode/><trainingTitle/></columnsMapping>"
        "<fileEncoding>UTF-8</fileEncoding><delimiter>pipe</delimiter>"
        "</fileSystemSourceProvider></providers><actions>"
        "<createOrUpdateTrainingCourseAction/></actions></import></import-config>")
    config = config_xml.load(tmp_path / "c.xml")
    with Store.open(tmp_path / "s.sqlite3") as store:
        plan = pipeline.check(config, store)
    config.imports[0].provider.file_encoding = "ISO-8859-1"  # chosen for the platform since
    result = package(plan, tmp_path / "out")
    data = (tmp_path / "out" / "t.csv").read_bytes()
    assert data == "code|titre\nT1|Été\nT3|x\n".encode("latin-1")
    assert [(r.line, r.issues[0].field, r.issues[0].message[:40]) for r in result.left_out] \
        == [(3, "trainingTitle", '"€" (U+20AC) cannot be written in ISO-88')]
    assert not result.complete


def test_the_wizards_corrections_are_what_is_packaged(sample: Path, tmp_path: Path) -> None:
    config = config_xml.load(sample / "sample-config.xml")
    with Store.open(tmp_path / "s.sqlite3") as store:
        plan = pipeline.check(config, store)
    trainings = plan.imports[1]
    bad = next(i for i, row in enumerate(trainings.rows) if row.has_errors)
    cells = list(trainings.rows[bad].cells)
    cells[3] = "blended"  # elearning, corrected in the preview
    pipeline.recheck_row(plan, 1, bad, tuple(cells))
    package(plan, tmp_path / "out")
    text = (tmp_path / "out" / "trainings.csv").read_text(encoding="utf-8")
    assert "COM-400;Prise de parole;fr-FR;blended;4" in text


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file of a package, byte for byte."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_cells_read_again_package_as_the_cells_kept(sample: Path, tmp_path: Path) -> None:
    # The command line keeps the cells of rows with errors only and reads the others again
    # as it writes them: the sample's workbooks (dates) and CSV files, its mistakes too.
    with Store.open(tmp_path / "s.sqlite3") as store:
        every = pipeline.check(config_xml.load(sample / "sample-config.xml"), store)
        errors = pipeline.check(config_xml.load(sample / "sample-config.xml"), store,
                                kept=KeptCells.ERRORS)
    assert not any(row.cells for imp in errors.imports for row in imp.rows
                   if not row.has_errors)
    kept, read_again = package(every, tmp_path / "kept"), package(errors, tmp_path / "again")
    assert files_of(tmp_path / "again") == files_of(tmp_path / "kept")
    assert read_again.left_out == kept.left_out and len(kept.left_out) > 0


@pytest.mark.parametrize("change", ["appended", "same size and time"])
def test_a_file_changed_since_the_check_is_not_packaged(sample: Path, tmp_path: Path,
                                                        change: str) -> None:
    with Store.open(tmp_path / "s.sqlite3") as store:
        plan = pipeline.check(config_xml.load(sample / "sample-config.xml"), store,
                              kept=KeptCells.ERRORS)
    learners = sample / "learners.csv"
    data, stat = learners.read_bytes(), learners.stat()
    if change == "appended":
        learners.write_bytes(data + b"E1999;zz;zz@example.org;Z;Z;Y;;fr-FR;\n")
    else:  # a line split in two, the size and the time as the check saw them
        split = data.replace(b"Y;;fr-FR;", b"Y;;\nfr-FR", 1)
        assert split != data and len(split) == len(data)
        learners.write_bytes(split)
        os.utime(learners, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    with pytest.raises(DataFileError) as raised:
        package(plan, tmp_path / "out")
    assert str(raised.value) == (f"{learners}: the file changed since it was checked; "
                                 "package it again.")
    assert not (tmp_path / "out").exists()  # nothing of the package left


def test_dates_are_written_in_the_providers_date_format(sample: Path, tmp_path: Path) -> None:
    config = config_xml.load(sample / "sample-config.xml")
    with Store.open(tmp_path / "s.sqlite3") as store:
        plan = pipeline.check(config, store)
    package(plan, tmp_path / "out")
    sessions = (tmp_path / "out" / "sessions.csv").read_text(encoding="utf-8")
    assert "M;MGT-200;Management - Paris printemps;02/03/2027;03/03/2027;jmartin" in sessions
    interventions = (tmp_path / "out" / "interventions.csv").read_text(encoding="utf-8")
    assert ";2027-01-13T09:00:00;" in interventions


def test_a_teachers_only_configuration_is_nothing_to_package(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (sample / "teachers-only.xml").write_text(TEACHERS_ONLY)
    code = main(["package", str(sample / "teachers-only.xml"), "--out", str(tmp_path / "o"),
                 "--store", existing_store(tmp_path / "s.sqlite3")])
    assert code == 2
    assert "Nothing to package" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_json_names_the_files_and_the_rows_left_out(sample: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["package", str(sample / "sample-config.xml"), "--out", str(tmp_path / "o"),
                 "--store", existing_store(tmp_path / "s.sqlite3"), "--json"])
    document = json.loads(capsys.readouterr().out)
    assert code == 1
    assert [Path(f["file"]).name for f in document["files"]] == [
        "trainings.csv", "sessions.csv", "interventions.csv", "learners.csv",
        "registrations.csv"]
    assert {(Path(r["file"]).name, r["line"]) for r in document["left_out"]} >= {
        ("trainings.xlsx", 5), ("sessions.xlsx", 4)}
    assert document["upload"] is None


EVERY_ROW_LEFT_OUT = (
    "importer-gui: Nothing to package: every row has errors (2 left out), and a package "
    "without rows would import nothing on the platform. Nothing was written; correct the "
    "rows, then package again.\n")


def test_a_package_whose_rows_all_have_errors_is_not_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Header lines only, sent to the platform, import nothing: refused, nothing written."""
    from tests.builders import trainings_import, write_config

    config = write_config(tmp_path, trainings_import(tmp_path, [("", "No code", ""),
                                                                ("", "Nor here", "")]))
    store = existing_store(tmp_path / "s.sqlite3")
    out = tmp_path / "package"
    assert main(["package", str(config), "--out", str(out), "--store", store]) == 2
    assert capsys.readouterr() == ("", EVERY_ROW_LEFT_OUT)
    assert not out.exists()


def test_a_package_of_no_rows_leaves_an_earlier_package_as_it_was(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.builders import trainings_import, write_config

    config = write_config(tmp_path, trainings_import(tmp_path, [("C1", "Course", "")]))
    store = existing_store(tmp_path / "s.sqlite3")
    out = tmp_path / "package"
    assert main(["package", str(config), "--out", str(out), "--store", store]) == 0
    earlier = {p.name: p.read_bytes() for p in out.iterdir()}
    capsys.readouterr()
    (tmp_path / "trainings.csv").write_text("trainingPathCode;trainingTitle;trainingGuid\n",
                                            encoding="utf-8")
    assert main(["package", str(config), "--out", str(out), "--store", store]) == 2
    assert capsys.readouterr() == ("", (
        "importer-gui: Nothing to package: the files hold no rows, and a package without rows "
        "would import nothing on the platform. Nothing was written.\n"))
    assert {p.name: p.read_bytes() for p in out.iterdir()} == earlier
