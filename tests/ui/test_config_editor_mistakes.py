"""The configuration typed by hand: a mistake is said at its line, and kept to be fixed."""

from __future__ import annotations

from pathlib import Path

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.config_page import ConfigPage
from importer_gui.ui.pages.mapping_page import MappingPage
from importer_gui.ui.wizard import CONFIG, MAPPING


def mapping_page(window: MainWindow, sample: Path) -> MappingPage:
    """The sample's teachers opened as teachers, on the mapping page (every column guessed)."""
    wizard = window.wizard
    assert wizard.open_file(sample / "teachers.csv")
    wizard.next()
    wizard.action_page.select("createOrUpdateTeacherAction")
    wizard.next()
    return wizard.mapping_page


def configuration_page(window: MainWindow, sample: Path) -> ConfigPage:
    """The sample's teachers opened and mapped as suggested, on the configuration page."""
    wizard = window.wizard
    mapping_page(window, sample)
    wizard.next()
    assert wizard.currentId() == CONFIG
    return wizard.config_page


def line_of(text: str, part: str) -> int:
    """The number of the first line of ``text`` holding ``part``."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if part in line)


def test_a_field_fed_twice_by_hand_is_said_at_its_line_on_the_page(
        window: MainWindow, sample: Path) -> None:
    page = configuration_page(window, sample)
    text = page.editor.toPlainText().replace('<teacherName ia:header="Nom"/>',
                                             '<teacherLogin ia:header="Nom"/>')
    page.editor.setPlainText(text)
    assert not page.parse_now()
    number = line_of(text, "<columnsMapping>")
    assert page.status_label.text() == (
        f"Line {number}: Field teacherLogin is mapped to two columns (1 and 2) in "
        "<columnsMapping>.")
    assert [s.cursor.blockNumber() + 1 for s in page.editor.extraSelections()] == [number]
    assert not page.isComplete()  # not on to a preview that would only fail


def test_an_edit_not_yet_valid_is_still_there_after_a_look_at_the_mapping(
        window: MainWindow, sample: Path) -> None:
    page = configuration_page(window, sample)
    typed = page.editor.toPlainText().replace(
        "</import-config>", "<!-- to check with Anne -->\n<import>\n</import-config>")
    page.editor.setPlainText(typed)
    assert not page.parse_now()
    error = page.status_label.text()
    window.wizard.back()
    assert window.wizard.currentId() == MAPPING
    window.wizard.next()
    assert window.wizard.currentId() == CONFIG
    assert page.editor.toPlainText() == typed
    assert page.status_label.text() == error and not page.isComplete()
