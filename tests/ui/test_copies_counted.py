"""The answer that saves the corrected copies names as many as it writes, one per corrected
file: "Save the corrected copy" beside a question about one correction, in English and in
French, whether the configuration is saved too or the pages' changes are dropped; the
question before opening another file keeps or discards "it" or "them"."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from importer_gui.ui.language import ENGLISH, FRENCH
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.preview_page import PreviewPage
from importer_gui.ui.wizard import ACTION, CONFIG
from tests.ui.conftest import Questions
from tests.ui.test_another_import_shown import go_to
from tests.ui.test_hand_edits_kept import type_over
from tests.ui.test_nothing_lost import cell, correct_the_email
from tests.ui.wizards import sample_preview

NAME = 3  # Line, Outcome, then teachers.csv's login, name
# The answer that saves, in English and in French, for one copy and for two.
SAVE = {
    "copies": (("&Save the corrected copy", "&Save the corrected copies"),
               ("&Enregistrer la copie corrigée", "&Enregistrer les copies corrigées")),
    "with the configuration": (
        ("&Save the copy and the configuration", "&Save the copies and the configuration"),
        ("&Enregistrer la copie et la configuration",
         "&Enregistrer les copies et la configuration")),
    "dropping the changes": (
        ("&Save the corrected copy, drop the changes",
         "&Save the corrected copies, drop the changes"),
        ("&Enregistrer la copie corrigée, abandonner les modifications",
         "&Enregistrer les copies corrigées, abandonner les modifications")),
}


def corrected(page: PreviewPage, qtbot: QtBot, files: int) -> None:
    """Two corrections: both in teachers.csv, or one there and one in trainings.xlsx."""
    correct_the_email(page)
    if files == 1:
        assert page.model.setData(cell(page, 2, NAME), "Dupont-Martin")
        return
    page.import_box.setCurrentIndex(page.import_box.findData(1))  # the File box
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    assert page.model.setData(page.model.index(0, NAME), "Corrected")


def unsaved(window: MainWindow, sample: Path, qtbot: QtBot, files: int | None,
            then: str) -> None:
    """One correction (``files`` None), or two in so many files; then the configuration
    changed as ``then`` says, or not."""
    page = sample_preview(window, sample, qtbot)
    if files is None:
        correct_the_email(page)
    else:
        corrected(page, qtbot, files)
    assert window.state.session.unsaved_corrections() == (1 if files is None else 2)
    if then == "copies":
        return
    go_to(qtbot, window.wizard, CONFIG)
    if then == "with the configuration":
        editor = window.wizard.config_page.editor
        editor.setPlainText(editor.toPlainText().replace(
            "<delimiter>semicolon</delimiter>",
            "<delimiter>semicolon</delimiter>\n<dateFormat>DD/MM/YYYY</dateFormat>", 1))
    else:  # XML the configuration cannot take: the pages' changes only dropped
        type_over(qtbot, window, "<teacherEmail/>", "<teacherEmail>")
        go_to(qtbot, window.wizard, ACTION)


@pytest.mark.parametrize("then", list(SAVE))
@pytest.mark.parametrize(("files", "copies"), [(None, 1), (1, 1), (2, 2)],
                         ids=["one correction", "two in one file", "two in two files"])
def test_quitting_offers_to_save_as_many_copies_as_files_corrected(
        speaking: str, window: MainWindow, sample: Path, qtbot: QtBot,
        questions: Questions, then: str, files: int | None, copies: int) -> None:
    unsaved(window, sample, qtbot, files, then)
    questions.answers.append("Cancel" if speaking == ENGLISH else "Annuler")
    assert not window.close()
    english, french = SAVE[then]
    assert questions.offered[-1][0] == (english if speaking == ENGLISH else french)[copies - 1]


def test_a_new_import_offers_to_save_the_one_copy(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    unsaved(window, sample, qtbot, None, "with the configuration")
    questions.answers.append("Cancel")
    assert not window.wizard.new_import()
    assert questions.asked[-1][0] == "Start a new import?"
    assert questions.offered[-1][0] == "&Save the copy and the configuration"


@pytest.mark.parametrize(("files", "kept"), [
    (None, {ENGLISH: ["&Keep it and open", "&Discard it and open"],
            FRENCH: ["La &garder et ouvrir", "L'&abandonner et ouvrir"]}),
    (1, {ENGLISH: ["&Keep them and open", "&Discard them and open"],
         FRENCH: ["Les &garder et ouvrir", "Les &abandonner et ouvrir"]})],
    ids=["one correction", "two"])
def test_opening_another_file_offers_to_keep_it_or_them(
        speaking: str, window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions,
        files: int | None, kept: dict[str, list[str]]) -> None:
    unsaved(window, sample, qtbot, files, "copies")
    questions.answers.append("Cancel" if speaking == ENGLISH else "Annuler")
    assert not window.open_file(sample / "sample-config.xml")
    assert questions.offered[-1][:2] == kept[speaking]



# The answer that discards, quitting and starting a new import, in English and in French:
# "it" for the one correction unsaved, "them" for more, or once the configuration's changes go
# too.
DISCARD = {
    "quit": {ENGLISH: ("Discard it and &quit", "Discard them and &quit"),
             FRENCH: ("L'abandonner et &quitter", "Les abandonner et &quitter")},
    "new import": {ENGLISH: ("Discard it and start &anew", "Discard them and start &anew"),
                   FRENCH: ("L'abandonner et &recommencer", "Les abandonner et &recommencer")},
}


@pytest.mark.parametrize("leaving", list(DISCARD))
@pytest.mark.parametrize(("files", "then", "many"), [
    (None, "copies", False), (1, "copies", True), (None, "with the configuration", True)],
    ids=["one correction", "two", "one and the configuration"])
def test_leaving_offers_to_discard_it_or_them(
        speaking: str, window: MainWindow, sample: Path, qtbot: QtBot,
        questions: Questions, leaving: str, files: int | None, then: str,
        many: bool) -> None:
    unsaved(window, sample, qtbot, files, then)
    questions.answers.append("Cancel" if speaking == ENGLISH else "Annuler")
    assert not (window.close() if leaving == "quit" else window.wizard.new_import())
    assert questions.offered[-1][1] == DISCARD[leaving][speaking][many]
