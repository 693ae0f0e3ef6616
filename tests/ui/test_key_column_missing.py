"""A saved configuration's key column missing from this month's file: the mapping page does
not offer to go on without it, as the check (and so the configuration page and the preview)
refuses a mapping without it; it says why, naming the column and the field."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from importer_gui.core.catalogue import IGNORED_COLUMN
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.mapping_page import MappingPage
from importer_gui.ui.wizard import CONFIG, MAPPING, PREVIEW
from tests.builders import write_csv
from tests.ui.wizards import next_month_mapping, shot, teachers_config

LOGIN = "Teacher's login — teacherLogin"
NOT_FED = (f"No column feeds {LOGIN} any more: the saved mapping fed it from the column "
           "“Identifiant”, which this file lacks. The check finds each row's records by it, so "
           "the import cannot go on without it: map a column to it.")


def june_without_logins(window: MainWindow, tmp_path: Path, qtbot: QtBot,
                        june: list[list[str]]) -> MappingPage:
    """May's teachers' configuration opened, then June's file (``june``: no "Identifiant"
    column), on the mapping page."""
    write_csv(tmp_path / "may.csv", [["Identifiant", "Nom", "Courriel"],
                                     ["zoe", "Zola", "zoe@example.org"]])
    (tmp_path / "may.xml").write_text(teachers_config(), encoding="utf-8")
    return next_month_mapping(window, qtbot, tmp_path / "may.xml",
                              write_csv(tmp_path / "june.csv", june))


def test_a_missing_key_column_is_not_gone_on_without_and_is_said_why(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    page = june_without_logins(window, tmp_path, qtbot, [
        ["Nom", "Courriel"], ["Zola", "zoe@example.org"], ["Hugo", "victor@example.org"]])
    wizard = window.wizard
    assert page.warning_label.text() == NOT_FED
    assert not page.confirm_check.isVisible()
    assert page.changes_label.text().splitlines()[2] == (
        f"Missing from this file: “Identifiant” ({LOGIN}). The saved mapping fed it, and the "
        "import cannot go on without it: map another column to it.")
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    shot(window, screenshots, "key-column-1-missing")
    wizard.next()  # Enter or a script: the page stays and says why
    assert wizard.currentId() == MAPPING
    assert page.error_label.text() == NOT_FED


def test_another_column_mapped_to_the_key_field_goes_on(
        window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    page = june_without_logins(window, tmp_path, qtbot, [
        ["Code", "Nom", "Courriel"], ["zoe", "Zola", "zoe@example.org"]])
    assert page.column_fields()[0] == "teacherLogin"  # proposed, as renamed
    page.set_field(0, IGNORED_COLUMN)
    assert page.warning_label.text() == NOT_FED
    assert not page.isComplete()
    page.set_field(0, "teacherLogin")
    assert not page.warning_label.isVisible()
    assert page.isComplete()
    window.wizard.next()
    assert window.wizard.currentId() == CONFIG
    assert window.wizard.config_page.status_label.text() == "The configuration is valid."


def test_going_on_without_another_missing_field_is_still_offered_but_not_without_the_key(
        window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    page = june_without_logins(window, tmp_path, qtbot, [
        ["Courriel"], ["zoe@example.org"]])
    assert page.warning_label.text().splitlines() == [NOT_FED, (
        "No column feeds Teacher's last name — teacherName any more: the saved mapping fed it "
        "from the column “Nom”, which this file lacks. Map a column to it, or go on without "
        "it.")]
    assert page.changes_label.text().splitlines()[2:] == [
        "Missing from this file: “Nom” (Teacher's last name — teacherName). The saved "
        "mapping fed it; map another column to it or go on without it.",
        f"Missing from this file: “Identifiant” ({LOGIN}). The saved mapping fed it, and the "
        "import cannot go on without it: map another column to it."]
    assert page.confirm_check.isVisible()
    page.confirm_check.setChecked(True)
    assert page.unfed() == ("teacherName",)
    assert not page.isComplete()  # without the last name, never without the login


@pytest.mark.usefixtures("french")
def test_why_the_key_column_is_needed_is_said_in_french(
        qtbot: QtBot, tmp_path: Path, screenshots: Path) -> None:
    window = MainWindow(tmp_path / "store.sqlite3")  # built after French is installed
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    page = june_without_logins(window, tmp_path, qtbot, [["Nom", "Courriel"], ["Zola", "z@e.org"]])
    assert page.warning_label.text() == (
        "Plus aucune colonne n'alimente Identifiant du formateur — teacherLogin\xa0: la "
        "correspondance enregistrée l'alimentait depuis la colonne «\xa0Identifiant\xa0», absente "
        "de ce fichier. La vérification retrouve les enregistrements de chaque ligne par ce "
        "champ\xa0: l'import ne peut pas continuer sans lui. Associez-lui une colonne.")
    shot(window, screenshots, "key-column-2-missing-fr")


def test_a_configuration_without_its_key_column_is_refused_on_the_configuration_page(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    write_csv(tmp_path / "may.csv", [["Nom", "Courriel"], ["Zola", "zoe@example.org"]])
    (tmp_path / "may.xml").write_text(teachers_config(
        '<teacherName ia:header="Nom"/><teacherEmail ia:header="Courriel"/>'),
        encoding="utf-8")
    wizard = window.wizard
    assert window.open_file(tmp_path / "may.xml")
    qtbot.waitUntil(lambda: wizard.currentId() == PREVIEW, timeout=20_000)
    said = ("<createOrUpdateTeacherAction> needs a column for teacherLogin, and the file has "
            "none.")
    qtbot.waitUntil(lambda: wizard.preview_page.error_label.text().endswith(f":5: {said}"),
                    timeout=20_000)
    wizard.back()
    assert wizard.currentId() == CONFIG
    page = wizard.config_page
    assert page.status_label.text() == f"Line 5: {said}"  # as the check, not "valid"
    assert "<columnsMapping>" in page.editor.toPlainText().splitlines()[4]
    assert not page.isComplete()
    shot(window, screenshots, "key-column-3-config-page")
