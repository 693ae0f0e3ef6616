"""Someone else's configuration in the window: a data file it names outside its folder (a path
of another computer, a Windows path), a file that is missing or no file at all is asked for on
the open page, in the window's words, with a button; the file chosen serves that import as
the command line's --data would."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.wizard import CONFIG, OPEN, PREVIEW
from tests.builders import TEACHER_COLUMNS, write_csv
from tests.ui.wizards import shot

NBSP = "\u00a0"
COLUMNS = "".join(f"<{c}/>" for c in TEACHER_COLUMNS)


def configuration(folder: Path, *providers: str) -> Path:
    """A configuration of one teachers' import per provider text (fileName and path)."""
    imports = "".join(f"""<import><providers><fileSystemSourceProvider>{provider}
<skipFirstLine>yes</skipFirstLine><columnsMapping>{COLUMNS}</columnsMapping>
</fileSystemSourceProvider></providers><actions><createOrUpdateTeacherAction>
<fields>{COLUMNS}</fields></createOrUpdateTeacherAction></actions></import>"""
                      for provider in providers)
    path = folder / "theirs.xml"
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n<import-config>{imports}'
                    "</import-config>\n", encoding="utf-8")
    return path


def teachers(path: Path) -> Path:
    """A teachers' file of one row."""
    return write_csv(path, [TEACHER_COLUMNS, ["jdoe", "Doe", "Jane", "j@x.org"]])


@dataclass
class FileDialog:
    """The files the file dialog answers with, in order, and what it was asked."""

    answers: list[Path] = field(default_factory=list)
    asked: list[tuple[str, str]] = field(default_factory=list)

    def append(self, path: Path) -> None:
        """Answer the next question with ``path``."""
        self.answers.append(path)

    def __call__(self, _parent: object, title: str, folder: str, _filter: str,
                 ) -> tuple[str, str]:
        self.asked.append((title, folder))
        return (str(self.answers.pop(0)) if self.answers else "", "")


@pytest.fixture
def chosen(monkeypatch: pytest.MonkeyPatch) -> FileDialog:
    """The file dialog, answering as the test says (cancelled when it says nothing)."""
    dialog = FileDialog()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(dialog))
    return dialog


def shown(window: MainWindow) -> tuple[str, bool]:
    """The open page's word on the file to choose, and whether its button shows."""
    page = window.wizard.open_page
    return (page.unfound_label.text() if page.unfound_label.isVisible() else "",
            page.choose_data_button.isVisible())


def test_a_path_of_another_computer_asks_for_the_file_then_checks_it(
        window: MainWindow, tmp_path: Path, chosen: FileDialog, qtbot: QtBot,
        screenshots: Path) -> None:
    config = configuration(tmp_path, "<fileName>teachers.csv</fileName>"
                                     "<path>/home/bob/exports</path>")
    mine = teachers(tmp_path / "mine.csv")
    assert window.open_file(config)
    wizard, page = window.wizard, window.wizard.open_page
    assert wizard.currentId() == OPEN  # not an empty, failed preview
    assert shown(window) == (
        "The configuration reads teachers.csv from /home/bob/exports, a folder outside its "
        "own (perhaps on another computer): a file from there is read only once you choose "
        "it. Choose the file to read for this import.", True)
    assert page.choose_data_button.text() == "&Choose the file…"
    assert not page.error_label.isVisible()
    assert not page.isComplete() and not page.validatePage()
    shot(window, screenshots, "open-someone-elses-configuration")
    chosen.append(mine)
    assert page.choose_data_file()
    assert chosen.asked == [("Choose the data file", str(tmp_path))]
    qtbot.waitUntil(lambda: wizard.currentId() == PREVIEW
                    and window.state.choices.plan is not None, timeout=20_000)
    assert window.state.choices.data_files == [mine]
    assert [row.line for row in window.state.choices.plan.imports[0].rows] == [2]
    assert shown(window) == ("", False)


def test_a_windows_path_reads_in_french(french: None, window: MainWindow,
                                        tmp_path: Path) -> None:
    config = configuration(tmp_path, r"<fileName>teachers.csv</fileName>"
                                     r"<path>C:\Users\bob\Documents</path>")
    teachers(tmp_path / "teachers.csv")  # beside it, yet not what it names: never read
    assert window.open_file(config)
    assert window.wizard.currentId() == OPEN
    assert shown(window) == (
        rf"La configuration lit teachers.csv dans C:\Users\bob\Documents, un dossier hors du "
        f"sien (peut-être sur un autre ordinateur){NBSP}: un fichier de ce dossier n'est lu "
        "qu'une fois que vous l'avez choisi. Choisissez le fichier à lire pour cet import.",
        True)
    assert window.wizard.open_page.choose_data_button.text() == "C&hoisir le fichier…"
    assert window.wizard.open_page.head_model.rowCount() == 0


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_missing_file_is_named_and_chosen_instead_of_a_failed_preview(
        request: pytest.FixtureRequest, window: MainWindow, tmp_path: Path,
        chosen: FileDialog, qtbot: QtBot, language: str) -> None:
    if language == "fr":
        request.getfixturevalue("french")
    config = configuration(tmp_path, "<fileName>missing.csv</fileName>")
    assert window.open_file(config)
    assert window.wizard.currentId() == OPEN
    assert shown(window)[0] == {
        "en": f"The configuration's data file missing.csv is not in {tmp_path}. Choose the "
              "file to read for this import.",
        "fr": f"Le fichier de données de la configuration, missing.csv, n'est pas dans "
              f"{tmp_path}. Choisissez le fichier à lire pour cet import."}[language]
    assert "--data" not in shown(window)[0]
    chosen.append(teachers(tmp_path / "found.csv"))
    assert window.wizard.open_page.choose_data_file()
    qtbot.waitUntil(lambda: window.wizard.currentId() == PREVIEW, timeout=20_000)


def test_no_file_name_is_said_and_a_cancelled_dialog_keeps_the_question(
        window: MainWindow, tmp_path: Path, chosen: FileDialog) -> None:
    config = configuration(tmp_path, "<fileName></fileName>")
    assert window.open_file(config)
    assert shown(window) == ("The configuration names no data file for this import (its "
                             "fileName is empty). Choose the file to read.", True)
    assert not window.wizard.open_page.choose_data_file()  # the dialog cancelled
    assert window.wizard.currentId() == OPEN and shown(window)[1]


def test_a_file_that_is_not_a_spreadsheet_keeps_the_configuration_open(
        window: MainWindow, tmp_path: Path, chosen: FileDialog) -> None:
    config = configuration(tmp_path, "<fileName>missing.csv</fileName>")
    assert window.open_file(config)
    picture = tmp_path / "photo.csv"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    chosen.append(picture)
    assert not window.wizard.open_page.choose_data_file()
    page = window.wizard.open_page
    assert page.error_label.text() == (f"{picture}: not a spreadsheet: it is a PNG image; "
                                       "choose a workbook or a CSV file")
    assert window.state.choices.config_path == config and shown(window)[1]


def test_each_import_to_choose_is_shown_in_turn(
        window: MainWindow, tmp_path: Path, chosen: FileDialog, qtbot: QtBot) -> None:
    here = teachers(tmp_path / "here.csv")
    config = configuration(tmp_path, "<fileName>gone.csv</fileName>",
                           "<fileName>here.csv</fileName>",
                           "<fileName>../elsewhere.csv</fileName>")
    assert window.open_file(config)
    page = window.wizard.open_page
    assert page.import_combo.currentIndex() == 0
    assert shown(window)[0].startswith("The configuration's data file gone.csv is not in")
    chosen.append(teachers(tmp_path / "first.csv"))
    assert page.choose_data_file()
    assert page.import_combo.currentIndex() == 2  # the next one to choose
    assert shown(window)[0].startswith("The configuration reads elsewhere.csv from ..,")
    page.import_combo.setCurrentIndex(1)  # found: its rows, nothing to choose
    assert shown(window) == ("", False) and page.head_model.rowCount() == 1
    assert not page.validatePage()  # back to the one still to choose
    assert page.import_combo.currentIndex() == 2
    chosen.append(teachers(tmp_path / "third.csv"))
    assert page.choose_data_file()
    qtbot.waitUntil(lambda: window.wizard.currentId() == PREVIEW, timeout=20_000)
    assert window.state.choices.data_files == [tmp_path / "first.csv", here,
                                               tmp_path / "third.csv"]


def test_the_file_chosen_keeps_serving_when_the_configuration_is_edited(
        window: MainWindow, tmp_path: Path, chosen: FileDialog, qtbot: QtBot) -> None:
    config = configuration(tmp_path, "<fileName>teachers.csv</fileName>"
                                     "<path>/home/bob/exports</path>")
    (tmp_path / "elsewhere").mkdir()
    mine = teachers(tmp_path / "elsewhere" / "mine.csv")
    assert window.open_file(config)
    chosen.append(mine)
    assert window.wizard.open_page.choose_data_file()
    qtbot.waitUntil(lambda: window.wizard.currentId() == PREVIEW, timeout=20_000)
    window.wizard.back()
    assert window.wizard.currentId() == CONFIG
    page = window.wizard.config_page
    page.editor.appendPlainText("<!-- checked with my file -->")
    assert page.parse_now(), page.status_label.text()
    assert window.state.choices.data_files == [mine]
