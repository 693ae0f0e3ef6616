"""importer-gui init on the files QA found it misread: a tie of actions, a file without a
header line, a workbook whose first sheet is empty, a file holding only its headers."""

from __future__ import annotations

from pathlib import Path

import pytest

from importer_gui.cli import main
from importer_gui.core import config_xml
from importer_gui.core.config import Provider


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
        "  header line: yes (certain: 4 cell(s) of the first line name fields)"]
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
