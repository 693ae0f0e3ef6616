"""A data file deleted while the user is on the Action page: the mapping page says only that
the file cannot be read and where to choose it again, not that no column feeds the mandatory
fields (there are no columns to map), and Next says it again rather than the mapping's lack."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.wizard import ACTION, MAPPING
from tests.builders import write_csv
from tests.ui.wizards import shot

ROWS = [["Identifiant", "Nom", "Prénom", "Courriel"], ["mdupont", "Dupont", "Marie", "m@x.org"]]


def test_a_file_deleted_before_the_mapping_is_said_unread_with_no_mapping_warning(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    data = write_csv(tmp_path / "teachers.csv", ROWS)
    wizard = window.wizard
    assert wizard.open_file(data)
    wizard.next()
    assert wizard.currentId() == ACTION
    data.unlink()
    wizard.next()
    assert wizard.currentId() == MAPPING
    page = wizard.mapping_page
    said = [f"{data}: the file does not exist",
            "Its columns cannot be shown without it: go Back to “Open a spreadsheet” and choose "
            "the file again."]
    assert page.error_label.isVisible() and page.error_label.text().splitlines() == said
    assert not page.warning_label.isVisible()
    assert not page.confirm_check.isVisible() and not page.changes_label.isVisible()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    shot(window, screenshots, "mapping-file-unread")
    wizard.next()  # as Enter or a shortcut would, the button disabled or not
    assert wizard.currentId() == MAPPING
    assert page.error_label.text().splitlines() == said
    assert not page.warning_label.isVisible()
    # Put back, the file is read again on the way back to the page.
    write_csv(data, ROWS)
    wizard.button(QWizard.WizardButton.BackButton).click()
    wizard.next()
    assert [row.header for row in page.rows] == ROWS[0]
    assert not page.error_label.isVisible()
