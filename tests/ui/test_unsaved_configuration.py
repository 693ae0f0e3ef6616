"""No change to the configuration is lost unasked: a column mapped by hand, the XML typed in
the editor. Closing, New import and Open ask as they do for corrections; the window's own
guesses, and a configuration saved, are nothing to ask about."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from importer_gui.core import config_xml
from importer_gui.core.catalogue import IGNORED_COLUMN
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.mapping_page import MappingPage
from importer_gui.ui.settings import Settings
from importer_gui.ui.wizard import CONFIG, MAPPING, OPEN
from tests.ui.conftest import Questions, asked_on_screen
from tests.ui.test_config_editor_mistakes import configuration_page, mapping_page
from tests.ui.test_nothing_lost import correct_the_email
from tests.ui.wizards import sample_preview

EMAIL = 3  # teachers.csv: Identifiant, Nom, Prénom, Courriel
SAVE_TO_LIBRARY = ("Your changes to the configuration (its reading, action, mapping or XML) "
                   "are not saved. Save the configuration in your library as “teachers”, to "
                   "use it again?")
QUIT = ["Save the configuration", "Discard them and quit", "Cancel"]


def hand_mapped(window: MainWindow, sample: Path) -> MappingPage:
    """The sample's teachers opened, their e-mail column skipped by hand on the mapping page."""
    page = mapping_page(window, sample)
    assert page.column_fields()[EMAIL] == "teacherEmail"  # the guess
    page.set_field(EMAIL, IGNORED_COLUMN)
    return page


def closed_once_saved(window: MainWindow, qtbot: QtBot) -> None:
    """The window closed, answered to save the configuration: it stays while the
    configuration is saved in the background, and goes once it is saved."""
    assert not window.close() and window.wizard.config_page.saving
    qtbot.waitUntil(lambda: not window.isVisible())


def saved_on_quit(window: MainWindow, qtbot: QtBot, questions: Questions) -> Path:
    """The window closed, asked to save the configuration in the library and saving it
    there (the question's first answer); the configuration saved."""
    closed_once_saved(window, qtbot)
    assert questions.asked == [("Quit Import Assistant?", SAVE_TO_LIBRARY, QUIT)]
    [saved] = Settings.library()
    return saved


def fields(path: Path) -> list[str]:
    """The fields a saved configuration's first import maps its columns to."""
    return [column.field for column in config_xml.load(path).imports[0].provider.columns]


def test_closing_asks_before_a_column_mapped_by_hand_goes(
        window: MainWindow, sample: Path, questions: Questions) -> None:
    page = hand_mapped(window, sample)
    questions.answers.append("Cancel")
    assert not window.close()
    assert window.isVisible() and window.wizard.currentId() == MAPPING
    assert page.column_fields()[EMAIL] == IGNORED_COLUMN
    assert questions.asked == [("Quit Import Assistant?", SAVE_TO_LIBRARY, QUIT)]
    questions.answers.append("Discard them and quit")
    assert window.close()
    assert Settings.library() == []


def test_saving_from_the_question_puts_the_hand_mapping_in_the_library(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    hand_mapped(window, sample)
    questions.answers.append("Save the configuration")
    closed_once_saved(window, qtbot)
    [saved] = Settings.library()
    assert saved.name == "teachers.xml"
    assert fields(saved) == ["teacherLogin", "teacherName", "teacherFirstname", IGNORED_COLUMN]


def test_an_option_typed_on_the_mapping_page_is_a_change_saved_when_asked(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    wizard = window.wizard
    assert wizard.open_file(sample / "teachers.csv")
    wizard.next()
    wizard.action_page.select("createOrUpdateTeacherAction")
    wizard.next()
    edit = wizard.mapping_page.date_format_edit
    assert edit is not None and not window.state.session.unsaved_config()  # filled in
    edit.selectAll()
    qtbot.keyClicks(edit, "DD/MM/YYYY")
    closed_once_saved(window, qtbot)  # the first answer: save
    assert questions.asked == [("Quit Import Assistant?", SAVE_TO_LIBRARY, QUIT)]
    [saved] = Settings.library()
    assert config_xml.load(saved).imports[0].provider.date_format == "DD/MM/YYYY"


def test_the_windows_own_guesses_and_a_saved_configuration_are_nothing_to_ask_about(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    sample_preview(window, sample, qtbot)  # a saved configuration, checked
    assert window.wizard.new_import()
    page = configuration_page(window, sample)  # the guesses, taken as they are
    assert window.open_file(sample / "learners.csv")
    hand_mapped(window, sample)
    window.wizard.next()
    assert page.save_to_library("Teachers") is not None
    page.finish_saving()
    assert window.close()
    assert questions.asked == []


def test_an_xml_edit_not_valid_yet_is_asked_about_and_not_offered_to_be_saved(
        window: MainWindow, sample: Path, questions: Questions) -> None:
    page = configuration_page(window, sample)
    edited = page.editor.toPlainText().replace("<teacherEmail/>", "<teacherEmail>", 1)
    page.editor.setPlainText(edited)  # as typed
    questions.answers.append("Cancel")
    assert not window.close()
    assert questions.asked == [("Quit Import Assistant?", (
        "Your changes to the import of teachers.csv cannot be kept in the configuration yet, "
        "and quitting drops them.\n\nThe XML: The configuration is not well-formed XML "
        "(line 27): Opening and ending tag mismatch: teacherEmail line 26 and fields."),
        ["Discard them and quit", "Cancel"])]
    assert window.isVisible() and page.editor.toPlainText() == edited
    assert Settings.library() == []
    questions.answers.append("Discard them and quit")
    assert window.close()


def test_new_import_asks_before_a_hand_mapping_goes(
        window: MainWindow, sample: Path, questions: Questions) -> None:
    page = hand_mapped(window, sample)
    questions.answers.append("Cancel")
    assert not window.wizard.new_import()
    assert window.wizard.currentId() == MAPPING
    assert page.column_fields()[EMAIL] == IGNORED_COLUMN
    assert questions.asked == [("Start a new import?", SAVE_TO_LIBRARY, [
        "Save the configuration", "Discard them and start anew", "Cancel"])]
    questions.answers.append("Discard them and start anew")
    assert window.wizard.new_import()
    assert window.wizard.currentId() == OPEN and window.state.choices.data_files == []
    assert window.close() and len(questions.asked) == 2  # nothing left to lose


def test_opening_another_file_asks_and_saves_under_a_name_the_library_has_not(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    taken = Settings.library_path("teachers")  # someone's "teachers" already there
    taken.parent.mkdir(parents=True)
    taken.write_text("<import-config/>", encoding="utf-8")
    page = hand_mapped(window, sample)
    questions.answers.append("Cancel")
    assert not window.open_file(sample / "learners.csv")
    assert window.wizard.currentId() == MAPPING
    assert page.column_fields()[EMAIL] == IGNORED_COLUMN
    assert questions.asked == [("Open another file?", (
        "Your changes to the configuration (its reading, action, mapping or XML) are not "
        "saved, and opening another file drops them. Save the configuration in your library as "
        "“teachers 2” first?"), ["Save the configuration and open",
                                 "Discard the changes and open", "Cancel"])]
    questions.answers.append("Save the configuration and open")
    assert not window.open_file(sample / "learners.csv")  # opened once saved
    qtbot.waitUntil(lambda: not window.wizard.config_page.saving)
    assert taken.read_text(encoding="utf-8") == "<import-config/>"
    assert fields(taken.with_name("teachers 2.xml"))[EMAIL] == IGNORED_COLUMN
    assert window.state.choices.data_files == [(sample / "learners.csv").resolve()]
    assert not window.state.session.unsaved_config()  # learners: guesses only, as yet


def test_the_open_pages_own_open_asks_and_next_months_file_keeps_the_changes(
        window: MainWindow, sample: Path, tmp_path: Path, qtbot: QtBot, questions: Questions,
        monkeypatch: pytest.MonkeyPatch) -> None:
    page = configuration_page(window, sample)
    saved = page.save_to_library("teachers")
    assert saved is not None
    window.wizard.back()  # once saved
    qtbot.waitUntil(lambda: window.wizard.currentId() == MAPPING)
    window.wizard.mapping_page.set_field(EMAIL, IGNORED_COLUMN)
    june = tmp_path / "teachers-june.csv"
    shutil.copyfile(sample / "teachers.csv", june)
    # Read by the saved configuration, the hand mapping with it: nothing is lost.
    assert window.open_file(june)
    assert questions.asked == []
    session = window.state.session
    assert session.unsaved_config()
    assert session.choices.config.imports[0].provider.columns[EMAIL].ignored
    chosen = str(sample / "sample-config.xml")  # another configuration: it would go
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (chosen, ""))
    questions.answers.append("Cancel")
    window.wizard.open_page.choose_file()  # the page's own Open… button
    assert questions.asked[-1][0] == "Open another file?"
    assert session.choices.data_files == [june.resolve()]
    assert fields(saved)[EMAIL] == "teacherEmail"  # as saved before


def test_corrections_and_the_configuration_unsaved_are_asked_about_once(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    preview = sample_preview(window, sample, qtbot)
    correct_the_email(preview)
    wizard = window.wizard
    wizard.back()
    assert wizard.currentId() == CONFIG
    editor = wizard.config_page.editor
    editor.setPlainText(editor.toPlainText().replace(
        "<delimiter>semicolon</delimiter>",
        "<delimiter>semicolon</delimiter>\n<dateFormat>DD/MM/YYYY</dateFormat>", 1))
    questions.answers.append("Save the copy and the configuration")
    assert not window.close() and wizard.copy_runner.busy  # the copies first, then the rest
    qtbot.waitUntil(lambda: not window.isVisible())
    assert questions.asked == [("Quit Import Assistant?", (
        "1 correction of the preview is neither committed nor saved in a corrected copy "
        "of its file, and your changes to the configuration (its reading, action, mapping "
        "or XML) are not saved either. Save the correction in teachers-corrected.csv, "
        "beside the file it corrects, and the configuration in sample-config.xml?"),
        ["Save the copy and the configuration", "Discard them and quit", "Cancel"])]
    assert (sample / "teachers-corrected.csv").is_file()
    teachers = config_xml.load(sample / "sample-config.xml").imports[0].provider
    assert teachers.date_format == "DD/MM/YYYY"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_question_is_a_message_box_the_keyboard_answers(
        language: str, request: pytest.FixtureRequest, qtbot: QtBot, tmp_path: Path,
        sample: Path, screenshots: Path) -> None:
    if language == "fr":
        request.getfixturevalue("french")
    window = MainWindow(tmp_path / "store.sqlite3")
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    hand_mapped(window, sample)
    with asked_on_screen(screenshots / f"unsaved-configuration-question-{language}.png",
                         lambda box: qtbot.keyClick(box, Qt.Key.Key_Escape)) as seen:
        assert not window.close()  # Escape: Cancel
    assert window.isVisible()
    [(_title, text, buttons)] = seen
    if language == "fr":
        assert text == (
            "Vos modifications de la configuration (sa lecture, son action, sa correspondance "
            "ou son XML) ne sont pas enregistrées. Enregistrer la configuration dans votre "
            "bibliothèque sous le nom «\u00a0teachers\u00a0», pour la réutiliser\u00a0?")
        assert buttons == ["&Enregistrer la configuration", "Les abandonner et &quitter",
                           "Annuler"]
    else:
        assert text == SAVE_TO_LIBRARY
        assert buttons == ["&Save the configuration", "Discard them and &quit", "Cancel"]


def test_a_delimiter_chosen_by_hand_is_asked_about_and_saved_in_its_configuration(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    config = sample / "sample-config.xml"
    wizard = window.wizard
    assert wizard.open_file(config)
    wizard.back()  # from the preview the saved configuration opened on, to the open page
    while wizard.currentPage() is not wizard.open_page:
        wizard.back()
    combo = wizard.open_page.delimiter_combo
    assert combo.currentData() == "semicolon" and not window.state.session.unsaved_config()
    combo.setFocus()
    qtbot.keyClicks(combo, "c")  # chosen from the keyboard: "comma (,)"
    assert combo.currentData() == "comma"
    questions.answers.append("Cancel")
    assert not window.close()
    assert questions.asked == [("Quit Import Assistant?", (
        "Your changes to the configuration (its reading, action, mapping or XML) are not "
        "saved. Save the configuration in sample-config.xml, to use it again?"), QUIT)]
    closed_once_saved(window, qtbot)  # the first answer: save
    assert config_xml.load(config).imports[0].provider.delimiter == "comma"


def test_an_encoding_chosen_by_hand_for_a_new_file_is_saved_once_it_has_an_action(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, questions: Questions) -> None:
    data = tmp_path / "teachers.csv"
    data.write_text("teacherLogin;teacherName;teacherFirstname;teacherEmail\n"
                    "t1;Doe;John;j@example.org\n", encoding="ascii")
    wizard = window.wizard
    assert wizard.open_file(data)
    combo = wizard.open_page.encoding_combo
    assert combo.currentText() == "UTF-8"
    combo.setFocus()
    qtbot.keyClicks(combo, "I")  # the export is Latin-1, as the user knows: "ISO-8859-1"
    assert combo.currentText() == "ISO-8859-1"
    wizard.next()
    wizard.action_page.select("createOrUpdateTeacherAction")
    wizard.next()  # the mapping page, every column guessed
    saved = saved_on_quit(window, qtbot, questions)
    assert config_xml.load(saved).imports[0].provider.file_encoding == "ISO-8859-1"


def test_reading_options_detected_or_brought_by_a_configuration_are_nothing_to_ask_about(
        window: MainWindow, sample: Path, tmp_path: Path, questions: Questions) -> None:
    data = tmp_path / "nohead.txt"  # no header line, tabs, Latin-1: all detected
    data.write_bytes("j.doe\tJohn\tDoe\tj@x.org\nm.m\tHélène\tMartin\tm@x.org\n"
                     .encode("latin-1"))
    wizard = window.wizard
    assert wizard.open_file(data)
    page = wizard.open_page
    assert (page.encoding_combo.currentText(), page.delimiter_combo.currentData(),
            page.header_check.isChecked()) == ("ISO-8859-1", "tabulation", False)
    assert wizard.open_file(sample / "sample-config.xml")  # its own options, set on the page
    assert window.close()
    assert questions.asked == []
