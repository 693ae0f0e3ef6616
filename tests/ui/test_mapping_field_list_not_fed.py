"""A field list (traineeSearchField...) ticked on the mapping page for a field no column feeds:
the page refuses it as the check would, in the check's words, at the option and above the
columns, rather than the configuration page being the first to say so."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.mapping_page import MappingPage
from importer_gui.ui.wizard import CONFIG, MAPPING
from tests.builders import write_csv
from tests.ui.wizards import shot

SAID = ("<registerLearnerAction>: traineeSearchField names candidateEmail, but no column of "
        "the file holds it.")


def registrations(window: MainWindow, tmp_path: Path) -> MappingPage:
    """A registrations file without e-mail addresses, on the mapping page."""
    data = write_csv(tmp_path / "registrations.csv", [
        ["candidateLogin", "trainingPathCode", "sessionTitle", "registerFlag"],
        ["cbernard", "SEC-101", "Spring", "Y"]])
    wizard = window.wizard
    assert wizard.open_file(data)
    wizard.next()
    wizard.action_page.select("registerLearnerAction")
    wizard.next()
    assert wizard.currentId() == MAPPING
    page = wizard.mapping_page
    assert page.mapped_fields() == ["candidateLogin", "trainingPathCode", "sessionTitle",
                                    "registerFlag"]
    return page


def test_a_search_field_no_column_feeds_is_refused_in_the_checks_words(
        window: MainWindow, tmp_path: Path, screenshots: Path) -> None:
    page = registrations(window, tmp_path)
    wizard = window.wizard
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert next_button.isEnabled()
    assert page.field_list_notes["traineeSearchField"].isHidden()
    page.field_list_checks["traineeSearchField"]["candidateEmail"].setChecked(True)
    assert page.field_list_notes["traineeSearchField"].text() == SAID  # at the option
    assert not page.field_list_notes["traineeSearchField"].isHidden()
    assert page.warning_label.text() == SAID  # with what else keeps Next disabled
    assert not page.confirm_check.isVisible()  # not something to go on without
    assert not next_button.isEnabled()
    shot(window, screenshots, "mapping-field-list-not-fed")
    wizard.next()  # Enter or a script: the page stays and says why
    assert wizard.currentId() == MAPPING
    assert page.error_label.text() == SAID
    page.field_list_checks["traineeSearchField"]["candidateEmail"].setChecked(False)
    assert page.field_list_notes["traineeSearchField"].isHidden()
    assert page.warning_label.text() == ""
    assert next_button.isEnabled()
    wizard.next()
    assert wizard.currentId() == CONFIG
    assert wizard.config_page.status_label.text() == "The configuration is valid."


def test_mapping_a_column_to_the_field_lets_it_go_on(
        window: MainWindow, tmp_path: Path) -> None:
    page = registrations(window, tmp_path)
    page.field_list_checks["traineeSearchField"]["candidateEmail"].setChecked(True)
    page.field_list_checks["traineeSearchField"]["candidateLogin"].setChecked(False)
    page.set_field(0, "candidateEmail")  # the logins column holds the e-mails after all
    assert page.warning_label.text() == ""
    assert page.field_list_notes["traineeSearchField"].isHidden()
    window.wizard.next()
    assert window.wizard.currentId() == CONFIG
    assert window.wizard.config_page.status_label.text() == "The configuration is valid."


def test_a_list_naming_a_field_mapped_to_another_is_refused(
        window: MainWindow, tmp_path: Path) -> None:
    page = registrations(window, tmp_path)
    # The user's own list, not the default left unset (the check holds that to nothing).
    page.field_list_checks["sessionSearchField"]["sessionId"].setChecked(True)
    page.set_field(2, "sessionId")  # sessionSearchField still names sessionTitle
    said = ("<registerLearnerAction>: sessionSearchField names sessionTitle, but no column of "
            "the file holds it.")
    assert page.field_list_notes["sessionSearchField"].text() == said
    assert page.warning_label.text() == said
    assert not page.isComplete()
    page.field_list_checks["sessionSearchField"]["sessionTitle"].setChecked(False)
    assert page.isComplete()


@pytest.mark.usefixtures("french")
def test_the_checks_words_are_said_in_french(window: MainWindow, tmp_path: Path,
                                             screenshots: Path) -> None:
    page = registrations(window, tmp_path)
    page.field_list_checks["traineeSearchField"]["candidateEmail"].setChecked(True)
    said = ("<registerLearnerAction>\xa0: traineeSearchField nomme candidateEmail, mais aucune "
            "colonne du fichier ne le contient.")
    assert page.field_list_notes["traineeSearchField"].text() == said
    assert page.warning_label.text() == said
    shot(window, screenshots, "mapping-field-list-not-fed-fr")
