"""A field-list option (traineeSearchField...) a configuration leaves unset: the mapping page
shows its default ticked but, like a text option left at its default, writes it only once the
user changes it, so a configuration passing through the page is not changed, nor stopped on
its default field having no column (the check's own rule for an unset option)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QWizard
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.mapping_page import MappingPage
from importer_gui.ui.wizard import CONFIG
from tests.builders import ImportSpec, write_config, write_csv
from tests.ui.wizards import configured_mapping, shot

LEARNERS = "createOrUpdateLearnerAction"


def learners(window: MainWindow, tmp_path: Path, qtbot: QtBot, columns: tuple[str, ...],
             options: str = "") -> MappingPage:
    """A learners' configuration over a file of ``columns``, back on its mapping page."""
    write_csv(tmp_path / "learners.csv", [list(columns), [f"{c}-1" for c in columns]])
    config = write_config(tmp_path, ImportSpec("learners.csv", columns, LEARNERS,
                                               options=options))
    return configured_mapping(window, config, qtbot)


def ticked(page: MappingPage) -> list[str]:
    return [name for name, check in page.field_list_checks["traineeSearchField"].items()
            if check.isChecked()]


def written(window: MainWindow) -> str:
    """Next from the mapping page: the configuration page's XML."""
    window.wizard.next()
    assert window.wizard.currentId() == CONFIG
    return window.wizard.config_page.editor.toPlainText()


def test_an_unset_list_passes_through_the_page_unset_as_a_text_option_does(
        window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    page = learners(window, tmp_path, qtbot, ("candidateLogin", "candidateRefNumber"))
    assert ticked(page) == ["candidateLogin"]  # the default, shown
    full_access = page.option_inputs["fullAccess"]
    assert isinstance(full_access, QComboBox) and full_access.currentData() == "yes"
    text = written(window)
    assert "<options>" not in text  # neither the list nor the text options at their defaults
    assert "traineeSearchField" not in text and "fullAccess" not in text
    assert window.state.choices.config.imports[0].actions[0].field_lists == {}
    assert window.wizard.config_page.status_label.text() == "The configuration is valid."


def test_an_unset_list_whose_default_no_column_feeds_goes_on_as_the_check_does(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    page = learners(window, tmp_path, qtbot, ("candidateRefNumber", "candidateEmail"))
    assert ticked(page) == ["candidateLogin"]
    assert page.warning_label.text() == ""
    assert page.field_list_notes["traineeSearchField"].isHidden()
    assert window.wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    shot(window, screenshots, "mapping-unset-list-default-not-fed")
    text = written(window)
    assert "traineeSearchField" not in text
    assert window.wizard.config_page.status_label.text() == "The configuration is valid."


def test_a_list_the_user_changes_is_written(window: MainWindow, tmp_path: Path,
                                            qtbot: QtBot) -> None:
    page = learners(window, tmp_path, qtbot, ("candidateRefNumber", "candidateEmail"))
    checks = page.field_list_checks["traineeSearchField"]
    checks["candidateEmail"].setChecked(True)  # with the default still ticked: refused
    assert page.field_list_notes["traineeSearchField"].text() == (
        "<createOrUpdateLearnerAction>: traineeSearchField names candidateLogin, but no column "
        "of the file holds it.")
    assert not window.wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    checks["candidateLogin"].setChecked(False)
    assert page.warning_label.text() == ""
    text = written(window)
    assert "<traineeSearchField><candidateEmail/></traineeSearchField>" in text
    assert window.wizard.config_page.status_label.text() == "The configuration is valid."


def test_a_list_ticked_back_to_its_default_stays_unset(window: MainWindow, tmp_path: Path,
                                                       qtbot: QtBot) -> None:
    page = learners(window, tmp_path, qtbot, ("candidateLogin", "candidateEmail"))
    checks = page.field_list_checks["traineeSearchField"]
    checks["candidateEmail"].setChecked(True)
    checks["candidateEmail"].setChecked(False)
    assert "traineeSearchField" not in written(window)


def test_a_list_the_configuration_sets_to_the_default_stays_set(
        window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    page = learners(window, tmp_path, qtbot, ("candidateLogin", "candidateEmail"),
                    options="<traineeSearchField><candidateLogin/></traineeSearchField>")
    assert ticked(page) == ["candidateLogin"]
    assert "<traineeSearchField><candidateLogin/></traineeSearchField>" in written(window)
