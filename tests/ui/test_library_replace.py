"""Save to library asks before replacing another configuration of the same name (QA D4):
the one saved last month is kept, byte for byte, unless the user says to replace it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from importer_gui.core import config_xml
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.config_page import ConfigPage
from importer_gui.ui.widgets import ask
from importer_gui.ui.wizard import CONFIG
from tests.ui.conftest import Questions
from tests.ui.test_wizard_pages import click_next, go_to_mapping
from tests.ui.wizards import shot

QUESTION = ("A configuration named learners is already in your library: Learners "
            "(createOrUpdateLearnerAction) from learners.csv.\n\nReplace it with this one? "
            "The one in the library would be lost.")


def config_page(window: MainWindow, data: Path) -> ConfigPage:
    """``data`` opened, on the configuration page with the suggested choices."""
    go_to_mapping(window, data)
    click_next(window.wizard)
    assert window.wizard.currentId() == CONFIG
    return window.wizard.config_page


def actions(path: Path) -> list[str]:
    """The actions a saved configuration runs."""
    return [action.name for imp in config_xml.load(path).imports for action in imp.actions]


def test_save_to_library_asks_before_replacing_one_of_the_same_name(
        window: MainWindow, sample: Path, questions: Questions, screenshots: Path) -> None:
    first = config_page(window, sample / "learners.csv")
    saved = first.save_to_library("learners")
    assert saved is not None and questions.asked == []
    assert first.status_label.text() == f"Saving to {saved}…"
    first.finish_saving()
    assert first.status_label.text() == f"Saved to {saved}."
    assert actions(saved) == ["createOrUpdateLearnerAction"]
    before = saved.read_bytes()
    window.wizard.new_import()
    questions.asked.clear()

    page = config_page(window, sample / "teachers.csv")
    questions.answers = ["Cancel"]
    assert page.save_to_library("learners") is None
    assert questions.asked == [("Replace the saved configuration?", QUESTION,
                                ["Cancel", "Replace it"])]
    assert saved.read_bytes() == before
    assert page.status_label.text() == ("Not saved: your library keeps its configuration "
                                        "learners. Save under another name.")

    questions.answers = ["Replace it"]
    assert page.save_to_library("learners") == saved
    page.finish_saving()
    assert actions(saved) == ["createOrUpdateTeacherAction"]
    assert page.status_label.text() == f"Saved to {saved}."
    # Saved again from here, it is this configuration: nothing to ask.
    questions.asked.clear()
    assert page.save_to_library("learners") == saved and questions.asked == []
    shot(window, screenshots, "library-replaced")


def test_the_question_keeps_the_saved_one_on_enter(
        window: MainWindow, sample: Path, qtbot: QtBot, screenshots: Path) -> None:
    first = config_page(window, sample / "learners.csv")
    saved = first.save_to_library("learners")
    assert saved is not None
    first.finish_saving()
    before = saved.read_bytes()
    window.wizard.new_import()
    page = config_page(window, sample / "teachers.csv")
    seen: list[str] = []

    def press_enter() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        box.adjustSize()
        box.grab().save(str(screenshots / "library-replace-question.png"))
        seen.append(box.defaultButton().text())
        QTest.keyClick(box, Qt.Key.Key_Return)

    before_asker = ask.answer_with(ask._message_box)  # the real question, on the screen
    try:
        QTimer.singleShot(0, press_enter)
        assert page.save_to_library("learners") is None
    finally:
        ask.answer_with(before_asker)
    assert seen == ["Cancel"]
    assert saved.read_bytes() == before


def test_a_saved_configuration_that_cannot_be_read_is_said_so(
        window: MainWindow, sample: Path, questions: Questions) -> None:
    page = config_page(window, sample / "teachers.csv")
    broken = page.settings.library_path("old")
    broken.parent.mkdir(parents=True, exist_ok=True)
    broken.write_bytes(b"<import-config><import>")
    questions.answers = ["Cancel"]
    assert page.save_to_library("old") is None
    assert questions.texts()[-1].startswith(
        "A configuration named old is already in your library: a configuration that cannot "
        "be read.")
    assert broken.read_bytes() == b"<import-config><import>"


def test_a_name_in_another_case_is_the_same_saved_configuration(
        window: MainWindow, sample: Path, questions: Questions) -> None:
    first = config_page(window, sample / "learners.csv")
    saved = first.save_to_library("learners")
    assert saved is not None
    first.finish_saving()
    before = saved.read_bytes()
    window.wizard.new_import()
    questions.asked.clear()
    page = config_page(window, sample / "teachers.csv")
    questions.answers = ["Cancel"]
    assert page.save_to_library("Learners") is None
    assert [title for title, *_ in questions.asked] == ["Replace the saved configuration?"]
    assert saved.read_bytes() == before
    assert [p.name for p in saved.parent.glob("*.xml")] == ["learners.xml"]
