"""A mapping Next refuses (a date format the platform cannot read) is written nowhere: the
configuration stays as it was, so discarding the changes drops all of them, and saving
after that writes the configuration as its file has it."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from importer_gui.core.catalogue import IGNORED_COLUMN
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.wizard import MAPPING, OPEN
from tests.ui.conftest import Questions
from tests.ui.test_mapping_next_unchanged import EMAIL, back_to
from tests.ui.wizards import sample_preview

BAD_DATE = "DD/MM/YYYY à HH"
REFUSED = ("the given date format DD/MM/YYYY à HH is not valid. It should only contain the "
           "following characters (case insensitive): 'YMDHIS /_.:;,-'")


def refused_mapping(window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    """The sample's teachers mapped otherwise (the e-mail column skipped) with a date format
    Next refuses, Next pressed."""
    sample_preview(window, sample, qtbot)
    back_to(window, MAPPING)
    page = window.wizard.mapping_page
    page.set_field(EMAIL, IGNORED_COLUMN)
    assert page.date_format_edit is not None
    page.date_format_edit.setText(BAD_DATE)
    window.wizard.next()
    assert window.wizard.currentId() == MAPPING
    assert page.error_label.text() == REFUSED


def test_changes_discarded_after_a_refused_next_are_all_gone(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    refused_mapping(window, sample, qtbot)
    window.wizard.go_back()
    window.wizard.go_back()
    assert window.wizard.currentId() == OPEN
    questions.answers.append("Discard the changes and switch")
    window.wizard.open_page.import_combo.setCurrentIndex(1)
    assert [title for title, _text, _answers in questions.asked] == ["Show another import?"]
    window.wizard.open_page.import_combo.setCurrentIndex(0)
    window.wizard.next()
    window.wizard.next()
    page = window.wizard.mapping_page
    assert window.wizard.currentId() == MAPPING
    assert page.rows[EMAIL].field == "teacherEmail"
    assert page.date_format_edit is not None and page.date_format_edit.text() != BAD_DATE
    assert window.wizard.config_page.save_config_as(sample / "again.xml")
    window.wizard.config_page.finish_saving()
    assert (sample / "again.xml").read_bytes() == (sample / "sample-config.xml").read_bytes()

