"""Next from a mapping left as the configuration has it rewrites nothing: the configuration
shown, its editor's undo history and the file it saves stay as they were (a configuration
written for the platform gains no headers), and nothing asks to be saved. A column mapped
otherwise is written, with the headers the columns were mapped from."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from importer_gui.core.catalogue import IGNORED_COLUMN
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.config_page import ConfigPage
from importer_gui.ui.wizard import CONFIG, MAPPING, OPEN
from tests.ui.conftest import Questions
from tests.ui.wizards import sample_preview

EMAIL = 3  # teachers.csv: Identifiant, Nom, Prénom, Courriel
QUIT = ["Save the configuration", "Discard them and quit", "Cancel"]


def on_to_the_configuration(window: MainWindow) -> ConfigPage:
    """Next from where the wizard is up to the configuration page."""
    wizard = window.wizard
    while wizard.currentId() != CONFIG:
        wizard.next()
    return wizard.config_page


def back_to(window: MainWindow, page_id: int) -> None:
    """Back until the wizard shows ``page_id``."""
    while window.wizard.currentId() != page_id:
        window.wizard.back()


def as_opened(window: MainWindow, sample: Path) -> None:
    """The configuration page shows the sample's configuration as its file has it, with no
    change of it to undo."""
    page = on_to_the_configuration(window)
    assert page.editor.toPlainText() == (sample / "sample-config.xml").read_text(encoding="utf-8")
    assert not page.editor.document().isUndoAvailable()


def closed_then_saved_as_it_was(window: MainWindow, sample: Path, questions: Questions) -> None:
    """Quitting asks nothing, and the configuration saved then is its file byte for byte."""
    assert window.close()
    assert questions.asked == []
    assert window.wizard.config_page.save_config_as(sample / "again.xml")
    window.wizard.config_page.finish_saving()
    assert (sample / "again.xml").read_bytes() == (sample / "sample-config.xml").read_bytes()


def test_back_and_next_through_the_mapping_rewrite_nothing(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    sample_preview(window, sample, qtbot)
    back_to(window, MAPPING)
    window.wizard.back()
    window.wizard.next()
    as_opened(window, sample)
    closed_then_saved_as_it_was(window, sample, questions)


def test_walking_through_each_of_many_imports_rewrites_nothing(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    sample_preview(window, sample, qtbot)
    for index in range(6):
        back_to(window, OPEN)
        window.wizard.open_page.import_combo.setCurrentIndex(index)
        as_opened(window, sample)
        assert window.wizard.mapping_page.import_line.text().endswith(f"(import {index + 1} of 6)")
    closed_then_saved_as_it_was(window, sample, questions)


def test_a_column_mapped_otherwise_is_written_with_the_headers(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    sample_preview(window, sample, qtbot)
    back_to(window, MAPPING)
    window.wizard.mapping_page.set_field(EMAIL, IGNORED_COLUMN)
    text = on_to_the_configuration(window).editor.toPlainText()
    assert ('          <teacherLogin ia:header="Identifiant"/>\n'
            '          <teacherName ia:header="Nom"/>\n'
            '          <teacherFirstname ia:header="Prénom"/>\n'
            '          <ignoredColumn ia:header="Courriel"/>\n') in text
    questions.answers.append("Discard them and quit")
    assert window.close()
    assert [answers for _title, _text, answers in questions.asked] == [QUIT]
