"""A saved mapping on a file where a column was renamed: the new column is proposed for the
field it fed, and nothing goes on without a field the saved mapping fed unless the user
says so (as check refuses that file with that configuration)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from importer_gui.core.catalogue import IGNORED_COLUMN
from importer_gui.core.config import Column
from importer_gui.core.remap import renamed
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.mapping.columns_view import TITLE
from importer_gui.ui.wizard import CONFIG, MAPPING, PREVIEW
from tests.builders import write_csv
from tests.ui.wizards import cell, in_italics, note, shot

MAY_CONFIG = """<?xml version="1.0" encoding="UTF-8"?>
<import-config xmlns:ia="urn:import-assistant:extension:1">
  <import><providers><fileSystemSourceProvider>
    <fileName>may.csv</fileName><skipFirstLine>yes</skipFirstLine>
    <columnsMapping>
      <candidateRefNumber ia:header="Matricule"/>
      <candidateLogin ia:header="Identifiant"/>
      <candidateEmail ia:header="Courriel"/>
      <candidateName ia:header="Nom de l'apprenant"/>
      <candidateFirstname ia:header="Prénom de l'apprenant"/>
    </columnsMapping>
    <delimiter>semicolon</delimiter>
  </fileSystemSourceProvider></providers>
  <actions><createOrUpdateLearnerAction/></actions>
</import>
</import-config>
"""
LAST_NAME = "Learner's last name — candidateName"


def june_mapping(window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    """May's configuration opened, then June's file ("Nom de l'apprenant" renamed "Nom",
    Courriel and Identifiant swapped, a new "Service"), on the mapping page."""
    write_csv(tmp_path / "may.csv", [
        ["Matricule", "Identifiant", "Courriel", "Nom de l'apprenant", "Prénom de l'apprenant"],
        ["E1", "cbernard", "c.bernard@example.org", "Bernard", "Claire"]])
    (tmp_path / "may.xml").write_text(MAY_CONFIG, encoding="utf-8")
    wizard = window.wizard
    assert window.open_file(tmp_path / "may.xml")
    qtbot.waitUntil(lambda: wizard.currentId() == PREVIEW, timeout=20_000)
    june = write_csv(tmp_path / "june.csv", [
        ["Matricule", "Courriel", "Identifiant", "Nom", "Prénom de l'apprenant", "Service"],
        ["E1", "c.bernard@example.org", "cbernard", "Bernard", "Claire", "RH"],
        ["E2", "l.petit@example.org", "lpetit", "Petit", "Luc", "RH"]])
    assert wizard.open_file(june)
    wizard.next()
    wizard.next()
    assert wizard.currentId() == MAPPING


def test_the_renamed_column_is_proposed_as_a_guess_and_kept_by_leaving_it(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    june_mapping(window, tmp_path, qtbot)
    page = window.wizard.mapping_page
    assert cell(page, 3, TITLE) == "Nom"
    assert page.column_fields()[3] == "candidateName"
    assert in_italics(page, 3)
    assert note(page, 3) == "guessed (was “Nom de l'apprenant”)"
    assert page.column_fields()[5] == IGNORED_COLUMN  # "Service" resembles nothing
    assert page.changes_label.text().splitlines()[2:] == [
        "New, skipped unless you map it: “Service” (column 6).",
        f"Missing from this file: “Nom de l'apprenant” ({LAST_NAME}). The saved mapping fed "
        "it; map another column to it or go on without it.",
        f"Perhaps renamed, proposed in italics: “Nom” (column 4) for {LAST_NAME}."]
    assert not page.warning_label.isVisible()
    assert page.isComplete()
    shot(window, screenshots, "renamed-1-proposed")
    window.wizard.next()
    assert window.wizard.currentId() == CONFIG
    columns = window.state.choices.config.imports[0].provider.columns
    assert (columns[3].field, columns[3].header) == ("candidateName", "Nom")


def test_a_field_the_saved_mapping_fed_is_not_dropped_without_a_word(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    june_mapping(window, tmp_path, qtbot)
    wizard = window.wizard
    page = wizard.mapping_page
    page.set_field(3, IGNORED_COLUMN)
    assert page.warning_label.isVisible()
    assert page.warning_label.text() == (
        f"No column feeds {LAST_NAME} any more: the saved mapping fed it from the column "
        "“Nom de l'apprenant”, which this file lacks. Map a column to it, or go on without it.")
    assert page.confirm_check.isVisible()
    assert page.confirm_check.text() == "&Go on without it"
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    shot(window, screenshots, "renamed-2-not-fed")
    wizard.next()  # Enter or a script: the page stays and says why
    assert wizard.currentId() == MAPPING
    assert page.error_label.text() == page.warning_label.text()
    page.confirm_check.setChecked(True)
    wizard.next()
    assert wizard.currentId() == CONFIG
    assert wizard.config_page.status_label.text() == "The configuration is valid."
    fields = [c.field for c in window.state.choices.config.imports[0].provider.columns]
    assert "candidateName" not in fields  # gone from the mapping, as the user said


def test_mapping_another_column_to_the_field_ends_the_warning(
        window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    june_mapping(window, tmp_path, qtbot)
    page = window.wizard.mapping_page
    page.set_field(3, IGNORED_COLUMN)
    page.set_field(5, "candidateName")
    assert not page.warning_label.isVisible()
    assert not page.confirm_check.isVisible()
    assert page.isComplete()


@pytest.mark.parametrize(("missing", "new", "proposed"), [
    (["Nom de l'apprenant"], [(3, "Nom"), (5, "Service")], {3: "Nom de l'apprenant"}),
    (["Nom de l'apprenant"], [(5, "Service")], {5: "Nom de l'apprenant"}),  # the only new one
    (["Last name", "E-mail address"], [(1, "Mail"), (2, "Name")],
     {1: "E-mail address", 2: "Last name"}),
    (["Nom de l'apprenant", "Nom du manager"], [(3, "Nom")], {}),  # which one? no guess
    (["Date de naissance"], [(3, "Nom de l'apprenant"), (4, "Service")], {}),  # "de" only
])
def test_which_new_column_is_proposed_for_a_missing_one(
        missing: list[str], new: list[tuple[int, str]], proposed: dict[int, str]) -> None:
    columns = [Column(f"field{i}", header=h) for i, h in enumerate(missing)]
    assert {place: c.header for place, c in renamed(columns, new).items()} == proposed


def test_the_configuration_page_says_what_check_says_of_a_header_the_file_lacks(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    june_mapping(window, tmp_path, qtbot)
    wizard = window.wizard
    wizard.next()
    page = wizard.config_page
    assert page.status_label.text() == "The configuration is valid."
    text = page.editor.toPlainText()
    assert 'ia:header="Nom"' in text
    page.editor.setPlainText(text.replace('ia:header="Nom"', 'ia:header="Nom de l\'apprenant"'))
    assert not page.parse_now()
    assert page.status_label.text() == (
        "june.csv has no column \"Nom de l'apprenant\" (candidateName): the configuration maps "
        "it by header; map the file again in the wizard, or give the file that header.")
    assert not page.isComplete()
    shot(window, screenshots, "renamed-3-config-page")


def test_going_on_without_a_field_is_said_as_soon_as_the_box_is_ticked_or_unticked(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    june_mapping(window, tmp_path, qtbot)
    wizard = window.wizard
    page = wizard.mapping_page
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    page.set_field(3, IGNORED_COLUMN)
    asked = page.warning_label.text()
    missing = page.changes_label.text().splitlines()[3]
    assert missing == (
        f"Missing from this file: “Nom de l'apprenant” ({LAST_NAME}). The saved mapping fed "
        "it; map another column to it or go on without it.")
    page.confirm_check.setFocus()
    qtbot.keyClick(page.confirm_check, Qt.Key.Key_Space)  # ticked
    assert page.warning_label.text() == (
        f"No column feeds {LAST_NAME} any more: the saved mapping fed it from the column "
        "“Nom de l'apprenant”, which this file lacks. You go on without it.")
    assert page.changes_label.text().splitlines()[3] == (
        f"Missing from this file: “Nom de l'apprenant” ({LAST_NAME}). The saved mapping fed "
        "it; you go on without it.")
    assert next_button.isEnabled()
    shot(window, screenshots, "renamed-6-going-on-without")
    qtbot.keyClick(page.confirm_check, Qt.Key.Key_Space)  # unticked
    assert page.warning_label.text() == asked
    assert page.changes_label.text().splitlines()[3] == missing
    assert not next_button.isEnabled()
