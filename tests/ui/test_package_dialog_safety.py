"""The package dialog refuses, as the command line does, a folder where the package would
replace the user's files (writing nothing), and names every row it leaves out as check names
it, in the window's language."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from importer_gui.core import config_xml, pipeline
from importer_gui.core.store import Store
from importer_gui.ui import package_dialog
from importer_gui.ui.language import ENGLISH, FRENCH
from importer_gui.ui.package_dialog import PackageDialog
from tests.ui.conftest import Questions


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder``, byte for byte."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


@pytest.fixture
def plan(sample: Path, tmp_path: Path) -> pipeline.Plan:
    """The sample checked on an empty store."""
    with Store.open(tmp_path / "store.sqlite3") as store:
        return pipeline.check(config_xml.load(sample / "sample-config.xml"), store)


def shown(plan: pipeline.Plan, folder: Path, qtbot: QtBot) -> PackageDialog:
    """A shown dialog packaging ``plan`` into ``folder`` (synchronously)."""
    dialog = PackageDialog(plan, folder=folder, synchronous=True)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_configurations_folder_is_refused_and_nothing_written(
        plan: pipeline.Plan, sample: Path, tmp_path: Path, qtbot: QtBot) -> None:
    dialog = shown(plan, tmp_path / "out", qtbot)
    dialog.package_button.click()  # a package first: its summary must not stay
    assert dialog.summary_area.isVisible()
    before = snapshot(sample)
    dialog.folder_edit.setText(str(sample))
    dialog.package_button.click()
    assert dialog.error.isVisible() and dialog.error.text() == (
        f"The package cannot be written in {sample}: that folder holds the files it is made "
        f"from (sample-config.xml, teachers.csv, trainings.xlsx, …), which a package must "
        f"never replace. Nothing was written; choose an empty folder, or a new one.")
    assert not dialog.summary_area.isVisible()
    assert snapshot(sample) == before
    assert dialog.package_button.isEnabled()


def test_a_source_linked_into_the_folder_is_refused(plan: pipeline.Plan, sample: Path,
                                                    tmp_path: Path, qtbot: QtBot) -> None:
    out = tmp_path / "out"
    out.mkdir()
    os.symlink(sample / "sample-config.xml", out / "sample-config.xml")
    before = snapshot(sample)
    dialog = shown(plan, out, qtbot)
    dialog.package_button.click()
    assert dialog.error.text() == (
        f"The package cannot be written in {out}: its file sample-config.xml there is "
        f"{sample / 'sample-config.xml'}, which the package is made from and would replace. "
        f"Nothing was written; choose an empty folder, or a new one.")
    assert dialog.result is None and snapshot(sample) == before
    assert [p.name for p in out.iterdir()] == ["sample-config.xml"]


def test_the_rows_left_out_are_named(plan: pipeline.Plan, tmp_path: Path, qtbot: QtBot,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    learners = plan.imports[4]
    index = next(n for n, row in enumerate(learners.rows) if row.line == 2)
    cells = list(learners.rows[index].cells)
    cells[3] = "Bernard 😀"  # checks clean; UTF-8 holds it
    pipeline.recheck_row(plan, 4, index, tuple(cells))
    plan.config.imports[4].provider.file_encoding = "ISO-8859-1"  # but the platform's is not
    monkeypatch.setattr(package_dialog, "ROWS_NAMED", 11)
    dialog = shown(plan, tmp_path / "out", qtbot)
    dialog.package_button.click()
    lines = dialog.summary.text().splitlines()
    assert lines[8:] == [
        "17 rows with errors were left out.",
        "trainings.xlsx:5: ERROR trainingModality: The modality must be distancelearning, "
        "knowledgecommunity, learning_channel or blended, elearning detected.",
        *lines[10:18],  # the sessions and interventions
        "learners.csv:2: ERROR candidateName: \"😀\" (U+1F600) cannot be written in "
        "ISO-8859-1, the file's declared encoding; the row is left out of the package. "
        "Change those characters in it.",
        "learners.csv:5: ERROR candidateEmail: Field candidateEmail: "
        "thomas.garcia-at-example.org is not an e-mail address.",
        "Other rows left out, not listed here: 6."]


def test_the_rows_left_out_in_french(french: None, plan: pipeline.Plan, tmp_path: Path,
                                     qtbot: QtBot) -> None:
    dialog = shown(plan, tmp_path / "out", qtbot)
    dialog.package_button.click()
    assert "\nlearners.csv:5\u00a0: ERREUR candidateEmail\u00a0: " in dialog.summary.text()


def test_the_refusal_and_the_encodings_row_in_french(
        french: None, plan: pipeline.Plan, sample: Path, tmp_path: Path, qtbot: QtBot) -> None:
    before = snapshot(sample)
    dialog = shown(plan, sample, qtbot)
    dialog.package_button.click()
    assert dialog.error.text() == (
        f"Le paquet ne peut pas être écrit dans {sample}\u00a0: ce dossier contient les "
        f"fichiers dont il est fait (sample-config.xml, teachers.csv, trainings.xlsx, …), "
        f"qu'un paquet ne doit jamais remplacer. Rien n'a été écrit\u00a0; choisissez un "
        f"dossier vide, ou un nouveau dossier.")
    assert snapshot(sample) == before
    learners = plan.imports[4]
    index = next(n for n, row in enumerate(learners.rows) if row.line == 2)
    cells = list(learners.rows[index].cells)
    cells[3] = "Œuvre"
    pipeline.recheck_row(plan, 4, index, tuple(cells))
    plan.config.imports[4].provider.file_encoding = "ISO-8859-1"
    dialog.folder_edit.setText(str(tmp_path / "out"))
    dialog.package_button.click()
    assert ("\nlearners.csv:2\u00a0: ERREUR candidateName\u00a0: Impossible d'écrire \"Œ\" "
            "(U+0152) en ISO-8859-1, l'encodage déclaré du fichier\u00a0; la ligne est laissée "
            "hors du paquet. Changez ces caractères dans la ligne.\n") in dialog.summary.text()


def own_files(folder: Path) -> dict[str, bytes]:
    """A folder of the user's own files bearing the package's names, configuration too."""
    folder.mkdir()
    names = ["sample-config.xml", "trainings.csv", "sessions.csv", "interventions.csv",
             "learners.csv", "registrations.csv"]
    for name in names:
        (folder / name).write_bytes(f"my own {name}\n".encode())
    return snapshot(folder)


def test_an_earlier_package_is_replaced_without_a_question(
        plan: pipeline.Plan, tmp_path: Path, qtbot: QtBot, questions: Questions) -> None:
    out = tmp_path / "out"
    dialog = shown(plan, out, qtbot)
    dialog.package_button.click()
    first = snapshot(out)
    dialog.package_button.click()
    assert questions.asked == []
    assert dialog.summary_area.isVisible() and not dialog.error.isVisible()
    assert snapshot(out) == first


def test_a_look_alike_folder_is_asked_about_and_kept_by_default(
        plan: pipeline.Plan, tmp_path: Path, qtbot: QtBot, questions: Questions) -> None:
    out = tmp_path / "copies"
    before = own_files(out)
    dialog = shown(plan, out, qtbot)
    dialog.package_button.click()
    assert questions.asked == [(
        "Replace these files?",
        f"{out} already holds files with the package's names that no earlier package wrote "
        f"as they are now (your own, or changed since):\n\ninterventions.csv\nlearners.csv\n"
        f"registrations.csv\nsample-config.xml\nsessions.csv\ntrainings.csv\n\nThe package "
        f"would replace them; they cannot be got back. Replace them?",
        ["Keep them", "Replace them"])]
    assert dialog.error.isVisible() and dialog.error.text() == (
        f"The package cannot be written in {out}: it would replace interventions.csv, "
        f"learners.csv, registrations.csv, … there, not written by an earlier package or "
        f"changed since. Nothing was written; choose an empty folder, or a new one.")
    assert dialog.result is None and not dialog.summary_area.isVisible()
    assert snapshot(out) == before


def test_files_the_user_agrees_to_lose_are_replaced(
        plan: pipeline.Plan, tmp_path: Path, qtbot: QtBot, questions: Questions) -> None:
    out = tmp_path / "copies"
    before = own_files(out)
    questions.answers.append("Replace them")
    dialog = shown(plan, out, qtbot)
    dialog.package_button.click()
    assert len(questions.asked) == 1
    assert dialog.result is not None and dialog.summary_area.isVisible()
    after = snapshot(out)
    assert sorted(after) == sorted(before)
    assert all(after[name] != before[name] for name in before)
    dialog.package_button.click()  # now an earlier package: no question
    assert len(questions.asked) == 1


def test_the_question_in_french(french: None, plan: pipeline.Plan, tmp_path: Path,
                               qtbot: QtBot, questions: Questions) -> None:
    out = tmp_path / "copies"
    own_files(out)
    shown(plan, out, qtbot).package_button.click()
    title, text, answers = questions.asked[0]
    assert title == "Remplacer ces fichiers\u00a0?"
    assert text.startswith(f"{out} contient déjà des fichiers portant les noms du paquet")
    assert answers == ["Les garder", "Les remplacer"]


def test_an_earlier_package_of_files_named_otherwise_is_said_in_french(
        french: None, plan: pipeline.Plan, tmp_path: Path, qtbot: QtBot) -> None:
    out = tmp_path / "out"
    dialog = shown(plan, out, qtbot)
    dialog.package_button.click()
    (out / "learners.csv").rename(out / "learners-jan.csv")  # as January's learners were
    before = snapshot(out)
    dialog.package_button.click()
    assert dialog.error.text() == (
        f"Le paquet ne peut pas être écrit dans {out}\u00a0: ce dossier contient un paquet "
        f"précédent de cette configuration, dont celui-ci ne remplacerait pas learners-jan.csv "
        f"(les fichiers dont il est fait ont maintenant d'autres noms). Rien n'a été "
        f"écrit\u00a0; retirez ces fichiers du dossier, ou choisissez un dossier vide, ou un "
        f"nouveau dossier.")
    assert snapshot(out) == before


def all_wrong(tmp_path: Path) -> pipeline.Plan:
    """Two training courses without a code, checked: every row has an error."""
    from tests.builders import trainings_import, write_config

    config = write_config(tmp_path, trainings_import(tmp_path, [("", "No code", ""),
                                                                ("", "Nor here", "")]))
    with Store.open(tmp_path / "store.sqlite3") as store:
        return pipeline.check(config_xml.load(config), store)


def test_a_package_whose_rows_all_have_errors_is_refused_and_nothing_written(
        tmp_path: Path, qtbot: QtBot) -> None:
    dialog = shown(all_wrong(tmp_path), tmp_path / "out", qtbot)
    dialog.package_button.click()
    assert dialog.error.isVisible() and dialog.error.text() == (
        "Nothing to package: every row has errors (2 left out), and a package without rows "
        "would import nothing on the platform. Nothing was written; correct the rows, then "
        "package again.")
    assert dialog.result is None and not dialog.summary_area.isVisible()
    assert not (tmp_path / "out").exists()


@pytest.mark.usefixtures("french")
def test_the_refusal_of_a_package_of_no_rows_is_said_in_french(tmp_path: Path,
                                                               qtbot: QtBot) -> None:
    dialog = shown(all_wrong(tmp_path), tmp_path / "out", qtbot)
    dialog.package_button.click()
    assert dialog.error.text().startswith("Rien à empaqueter\u00a0: toutes les lignes ont des "
                                          "erreurs (2 laissées hors du paquet)")
    assert not (tmp_path / "out").exists()


# The question about one file of the user's, in English and in French.
ONE_FILE = {
    ENGLISH: ("Replace this file?",
              "{out} already holds a file with one of the package's names that no earlier "
              "package wrote as it is now (your own, or changed since):\n\nlearners.csv\n\n"
              "The package would replace it; it cannot be got back. Replace it?",
              ["&Keep it", "&Replace it"]),
    FRENCH: ("Remplacer ce fichier\u00a0?",
             "{out} contient déjà un fichier portant l'un des noms du paquet qu'aucun paquet "
             "précédent n'a écrit tel qu'il est maintenant (le vôtre, ou modifié depuis)\u00a0:"
             "\n\nlearners.csv\n\nLe paquet le remplacerait\u00a0; il ne pourrait pas être "
             "récupéré. Le remplacer\u00a0?",
             ["Le &garder", "Le &remplacer"]),
}


def test_one_file_of_the_users_is_asked_about_as_one(
        speaking: str, plan: pipeline.Plan, tmp_path: Path, qtbot: QtBot,
        questions: Questions) -> None:
    out = tmp_path / "copies"
    out.mkdir()
    (out / "learners.csv").write_bytes(b"my own learners\n")
    shown(plan, out, qtbot).package_button.click()
    title, text, answers = ONE_FILE[speaking]
    assert questions.asked[0][:2] == (title, text.format(out=out))
    assert questions.offered[0] == answers
