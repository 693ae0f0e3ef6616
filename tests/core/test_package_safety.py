"""A package never replaces the user's own files: refused before anything is written in the
folder of the files it is made from, over one of them (through a link), or in a folder of
other files; and every row it leaves out is named as check names it, the encoding's too."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lxml import etree

from importer_gui.cli import main
from importer_gui.core import config_xml, pipeline
from importer_gui.core import package as package_module
from importer_gui.core.package import NotOurFilesError, package
from importer_gui.core.store import Store
from tests.builders import write_xlsx
from tests.stores import existing_store

LEARNERS_CONFIG = """<?xml version="1.0" encoding="UTF-8"?>
<import-config><import><providers><fileSystemSourceProvider><fileName>learners.csv</fileName>
<skipFirstLine>yes</skipFirstLine><columnsMapping><candidateRefNumber/><candidateLogin/>
<candidateEmail/><candidateName/><candidateFirstname/><candidateValidity/><enabledUntil/>
<candidateLanguages/><managerLogin/></columnsMapping><fileEncoding>ISO-8859-1</fileEncoding>
<delimiter>semicolon</delimiter><dateFormat>DD/MM/YYYY</dateFormat></fileSystemSourceProvider>
</providers><actions><createOrUpdateLearnerAction/></actions></import></import-config>
"""


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (links as where they lead), byte for byte."""
    return {str(p.relative_to(folder)): (os.readlink(p).encode() if p.is_symlink()
                                         else p.read_bytes())
            for p in sorted(folder.rglob("*")) if p.is_file() or p.is_symlink()}


def package_cli(sample: Path, out: Path, tmp_path: Path, *more: str) -> int:
    """``package`` of the sample into ``out`` on an empty store."""
    return main(["package", str(sample / "sample-config.xml"), "--out", str(out),
                 "--store", existing_store(tmp_path / "s.sqlite3"), *more])


def refused_in(folder: Path, names: str) -> str:
    """The refusal of a folder holding the files the package is made from."""
    return (f"importer-gui: The package cannot be written in {folder}: that folder holds the "
            f"files it is made from ({names}), which a package must never replace. Nothing "
            f"was written; choose an empty folder, or a new one.\n")


def test_the_configurations_own_folder_is_refused_and_left_byte_for_byte(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(sample)
    assert package_cli(sample, sample, tmp_path) == 2  # the QA's walk-through
    captured = capsys.readouterr()
    assert captured.err == refused_in(sample, "sample-config.xml, teachers.csv, "
                                              "trainings.xlsx, …")
    assert captured.out == ""
    assert snapshot(sample) == before


def test_a_link_to_that_folder_is_the_same_folder(sample: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    link = tmp_path / "link"
    link.symlink_to(sample, target_is_directory=True)
    before = snapshot(sample)
    assert package_cli(sample, link, tmp_path) == 2
    assert capsys.readouterr().err == refused_in(link, "sample-config.xml, teachers.csv, "
                                                       "trainings.xlsx, …")
    assert snapshot(sample) == before


def test_a_folder_holding_a_data_file_given_with_data_is_refused(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    elsewhere = tmp_path / "exports"
    elsewhere.mkdir()
    (elsewhere / "learners.csv").write_bytes((sample / "learners.csv").read_bytes())
    before = snapshot(elsewhere)
    first = ("teachers.csv", "trainings.xlsx", "sessions.xlsx", "interventions.xlsx")
    data = [*(sample / name for name in first), elsewhere / "learners.csv"]
    code = package_cli(sample, elsewhere, tmp_path,
                       *[arg for file in data for arg in ("--data", str(file))])
    assert code == 2
    assert capsys.readouterr().err == refused_in(elsewhere, "learners.csv")
    assert snapshot(elsewhere) == before


@pytest.mark.parametrize("link", [os.symlink, os.link], ids=["symlink", "hard link"])
def test_a_package_file_that_is_a_source_through_a_link_is_refused(
        link: object, sample: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    link(sample / "learners.csv", out / "learners.csv")  # type: ignore[operator]
    before = snapshot(sample), snapshot(out)
    assert package_cli(sample, out, tmp_path) == 2
    assert capsys.readouterr().err == (
        f"importer-gui: The package cannot be written in {out}: its file learners.csv there "
        f"is {sample / 'learners.csv'}, which the package is made from and would replace. "
        f"Nothing was written; choose an empty folder, or a new one.\n")
    assert (snapshot(sample), snapshot(out)) == before


def test_a_folder_of_other_files_is_refused_not_written_into(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "documents"
    (out / "old").mkdir(parents=True)
    (out / "notes.txt").write_text("mine")
    (out / "learners.csv").write_text("mine too")
    before = snapshot(out)
    assert package_cli(sample, out, tmp_path) == 2
    assert capsys.readouterr().err == (
        f"importer-gui: The package cannot be written in {out}: that folder already holds "
        f"notes.txt, old and is not an earlier package of this configuration (a package goes "
        f"in an empty folder, or replaces an earlier one). Nothing was written; choose an "
        f"empty folder, or a new one.\n")
    assert snapshot(out) == before


def not_ours(folder: Path, names: str) -> str:
    """The command line's refusal of files bearing the package's names that no earlier
    package wrote as they are."""
    return (f"importer-gui: The package cannot be written in {folder}: it would replace "
            f"{names} there, not written by an earlier package or changed since. Nothing was "
            f"written; choose an empty folder, or a new one.\n")


def test_files_named_as_the_packages_without_its_configuration_are_not_a_package(
        sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "learners.csv").write_text("someone's list")
    with Store.open(tmp_path / "s.sqlite3") as store:
        plan = pipeline.check(config_xml.load(sample / "sample-config.xml"), store)
    with pytest.raises(NotOurFilesError, match=r"it would replace learners\.csv there, not "):
        package(plan, out)
    assert snapshot(out) == {"learners.csv": b"someone's list"}
    result = package(plan, out, replace=["learners.csv"])  # the window, once asked
    assert (out / "learners.csv").read_bytes() != b"someone's list"
    assert len(result.paths()) == 6


def test_a_look_alike_of_a_package_is_refused_and_left_byte_for_byte(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "copies"
    out.mkdir()
    (out / "sample-config.xml").write_bytes((sample / "sample-config.xml").read_bytes())
    for name in ("trainings", "sessions", "interventions", "learners", "registrations"):
        (out / f"{name}.csv").write_text(f"my own {name}\n")
    before = snapshot(out)
    assert package_cli(sample, out, tmp_path) == 2
    captured = capsys.readouterr()
    assert captured.err == not_ours(out, "interventions.csv, learners.csv, registrations.csv, "
                                         "…")
    assert captured.out == ""
    assert snapshot(out) == before


def test_an_earlier_package_is_marked_in_its_configuration(sample: Path,
                                                           tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert package_cli(sample, out, tmp_path) == 1
    lines = (out / "sample-config.xml").read_text(encoding="utf-8").splitlines()
    assert lines[0] == '<?xml version="1.0" encoding="UTF-8"?>'
    assert lines[1].startswith("<!-- Written by Import Assistant as a package for the "
                               "platform; a new package replaces these files while they "
                               "are as written. sha256: ")
    comment = etree.parse(str(out / "sample-config.xml")).getroot().getprevious()
    assert isinstance(comment, etree._Comment)  # ordinary XML: a comment, read past


def test_a_data_file_written_in_parts_is_marked_as_written_whole(
        sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = tmp_path / "whole"
    assert package_cli(sample, whole, tmp_path) == 1
    monkeypatch.setattr(package_module, "LINES_AT_ONCE", 2)  # the sample's files: many parts
    parts = tmp_path / "parts"
    assert package_cli(sample, parts, tmp_path) == 1
    assert snapshot(parts) == snapshot(whole)  # the data and the configuration's mark
    assert package_cli(sample, parts, tmp_path) == 1  # its own package: replaced


def test_an_earlier_packages_file_changed_since_is_refused(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert package_cli(sample, out, tmp_path) == 1
    with (out / "learners.csv").open("ab") as learners:
        learners.write(b"E9999;added;by;hand;;;;;\n")
    before = snapshot(out)
    capsys.readouterr()
    assert package_cli(sample, out, tmp_path) == 2
    assert capsys.readouterr().err == not_ours(out, "learners.csv")
    assert snapshot(out) == before


def test_an_earlier_package_whose_configuration_was_edited_is_refused(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert package_cli(sample, out, tmp_path) == 1
    config = out / "sample-config.xml"
    config.write_bytes(config.read_bytes().replace(b"<import>", b"<import>\n  ", 1))
    before = snapshot(out)
    capsys.readouterr()
    assert package_cli(sample, out, tmp_path) == 2
    assert capsys.readouterr().err == not_ours(out, "interventions.csv, learners.csv, "
                                                    "registrations.csv, …")
    assert snapshot(out) == before


def test_a_configuration_copied_from_a_package_is_marked_once_as_its_own(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert package_cli(sample, out, tmp_path) == 1
    copied = sample / "from-a-package.xml"  # its mark names the first package's files
    copied.write_bytes((out / "sample-config.xml").read_bytes())
    second = tmp_path / "second"
    data = ("trainings.xlsx", "sessions.xlsx", "interventions.xlsx", "learners.csv",
            "registrations.xlsx")
    assert main(["package", str(copied), "--out", str(second),
                 *[arg for name in data for arg in ("--data", str(sample / name))],
                 "--store", existing_store(tmp_path / "s2.sqlite3")]) == 1
    marks = [line for line in (second / "from-a-package.xml").read_text().splitlines()
             if line.startswith("<!-- Written by Import Assistant")]
    assert len(marks) == 1


@pytest.fixture
def latin(tmp_path: Path) -> Path:
    """The sample's learners in ISO-8859-1, a configuration saying so, and line 2's name
    corrected to text that encoding cannot hold."""
    folder = tmp_path / "latin"
    folder.mkdir()
    sample_learners = Path(__file__).parents[2] / "resources" / "sample" / "learners.csv"
    (folder / "learners.csv").write_bytes(
        sample_learners.read_text(encoding="utf-8").encode("latin-1"))
    (folder / "latin.xml").write_text(LEARNERS_CONFIG)
    return folder


def test_a_row_its_encoding_cannot_hold_is_named_with_its_field_and_characters(
        latin: Path, tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.sqlite3") as store:
        plan = pipeline.check(config_xml.load(latin / "latin.xml"), store)
    learners = plan.imports[0]
    index = next(n for n, row in enumerate(learners.rows) if row.line == 2)
    cells = list(learners.rows[index].cells)
    cells[3] = "Garcia–Œuvre €"  # the preview's correction: it checks clean
    pipeline.recheck_row(plan, 0, index, tuple(cells))
    assert not learners.rows[index].has_errors
    result = package(plan, tmp_path / "out")
    named = [(row.line, issue.level.value, issue.field, issue.message)
             for row in result.left_out for issue in row.issues]
    assert named[0] == (
        2, "ERROR", "candidateName",
        '"–" (U+2013), "Œ" (U+0152), "€" (U+20AC) cannot be written in ISO-8859-1, the '
        "file's declared encoding; the row is left out of the package. Change those "
        "characters in it.")
    assert [line for line, *_ in named] == [2, 5, 7, 8]
    written = (tmp_path / "out" / "learners.csv").read_bytes().decode("latin-1")
    assert "E1001" not in written and "E1002;lpetit" in written


def test_the_command_line_names_every_row_left_out_the_encodings_too(
        latin: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [line.split(";") for line in (latin / "learners.csv").read_bytes()
            .decode("latin-1").splitlines()]
    rows[1][3] = "Bernard €"  # a workbook holds any text; the package writes ISO-8859-1
    write_xlsx(latin / "learners.xlsx", rows)
    (latin / "book.xml").write_text(LEARNERS_CONFIG.replace("learners.csv", "learners.xlsx"))
    code = main(["package", str(latin / "book.xml"), "--out", str(tmp_path / "out"),
                 "--store", existing_store(tmp_path / "s.sqlite3")])
    assert code == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[3:] == [
        'learners.xlsx:2: ERROR candidateName: "€" (U+20AC) cannot be written in '
        "ISO-8859-1, the file's declared encoding; the row is left out of the package. "
        "Change those characters in it.",
        "learners.xlsx:5: ERROR candidateEmail: Field candidateEmail: "
        "thomas.garcia-at-example.org is not an e-mail address.",
        'learners.xlsx:7: ERROR candidateValidity: The "validity" field value O is not '
        "allowed.",
        "learners.xlsx:8: ERROR managerLogin: Field managerLogin: no learner has the login "
        "jdurand.",
        "4 rows with errors left out."]


def test_the_command_line_refuses_before_its_check_and_its_store(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    def no_check(*args: object, **kwargs: object) -> None:
        raise AssertionError("checked before the folder was refused")

    monkeypatch.setattr(pipeline, "check", no_check)
    store = tmp_path / "never.sqlite3"
    code = main(["package", str(sample / "sample-config.xml"), "--out", str(sample),
                 "--store", str(store)])
    assert code == 2
    assert capsys.readouterr().err == refused_in(sample, "sample-config.xml, teachers.csv, "
                                                         "trainings.xlsx, …")
    assert not store.exists()


def test_an_earlier_package_of_files_named_otherwise_is_said_to_be_one(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "platform-package"
    assert package_cli(sample, out, tmp_path) == 1
    capsys.readouterr()
    # Next month's learners, under the month's name: the earlier package's learners.csv
    # would stay beside the new learners-feb.csv.
    february = tmp_path / "learners-feb.csv"
    february.write_bytes((sample / "learners.csv").read_bytes())
    given = [sample / name for name in ("teachers.csv", "trainings.xlsx", "sessions.xlsx",
                                        "interventions.xlsx")] + [february]
    before = snapshot(out)
    assert package_cli(sample, out, tmp_path,
                       *(a for p in given for a in ("--data", str(p)))) == 2
    assert capsys.readouterr().err == (
        f"importer-gui: The package cannot be written in {out}: that folder holds an earlier "
        f"package of this configuration whose learners.csv this one would not replace (the "
        f"files it is made from have other names now). Nothing was written; remove those "
        f"files from it, or choose an empty folder, or a new one.\n")
    assert snapshot(out) == before
