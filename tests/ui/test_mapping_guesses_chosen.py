"""A guess on the mapping page the user chose, the field guessed or another, is theirs: no
longer in italics, noted or listed as a guess."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.mapping_page import MappingPage
from tests.ui.test_renamed_column import LAST_NAME, june_mapping
from tests.ui.wizards import editor, in_italics, note, shot

PROPOSED = f"Perhaps renamed, proposed in italics: “Nom” (column 4) for {LAST_NAME}."


def marked(page: MappingPage, place: int) -> tuple[bool, str]:
    """How the table shows a column's field: in italics or not, and its note."""
    return in_italics(page, place), note(page, place)


def choose_in_list(page: MappingPage, place: int, field: str, qtbot: QtBot) -> None:
    """Open a column's list by keyboard and choose ``field`` in it, as the user does."""
    combo = editor(page, place)
    assert isinstance(combo, QComboBox)
    qtbot.keyClick(combo, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # the list opens
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    view.setCurrentIndex(combo.model().index(combo.findData(field), 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible())
    QApplication.processEvents()


def page_of(window: MainWindow) -> MappingPage:
    return window.wizard.mapping_page


def test_a_renamed_column_accepted_as_guessed_is_no_longer_a_guess(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    june_mapping(window, tmp_path, qtbot)
    page = page_of(window)
    assert marked(page, 3) == (True, "guessed (was “Nom de l'apprenant”)")
    assert PROPOSED in page.changes_label.text().splitlines()
    choose_in_list(page, 3, "candidateName", qtbot)  # the field guessed, chosen by the user
    assert page.column_fields()[3] == "candidateName"
    assert marked(page, 3) == (False, "")
    assert PROPOSED not in page.changes_label.text().splitlines()
    shot(window, screenshots, "mapping-guess-accepted")


def test_a_renamed_column_given_another_field_is_no_longer_listed_as_proposed(
        window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    june_mapping(window, tmp_path, qtbot)
    page = page_of(window)
    choose_in_list(page, 3, "candidateFirstname", qtbot)
    assert marked(page, 3) == (False, "")
    assert PROPOSED not in page.changes_label.text().splitlines()


def test_the_notice_says_the_renamed_column_taken_once_the_user_takes_it(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    june_mapping(window, tmp_path, qtbot)
    page = page_of(window)
    choose_in_list(page, 3, "candidateName", qtbot)
    assert page.changes_label.text().splitlines()[2:] == [
        "New, skipped unless you map it: “Service” (column 6).",
        f"Fed now from another column: “Nom” (column 4) for “Nom de l'apprenant” "
        f"({LAST_NAME})."]
    shot(window, screenshots, "renamed-4-taken")


def test_the_notice_says_the_renamed_column_is_skipped_once_the_user_leaves_it(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    june_mapping(window, tmp_path, qtbot)
    page = page_of(window)
    choose_in_list(page, 3, "ignoredColumn", qtbot)
    assert page.changes_label.text().splitlines()[2:] == [
        "New, skipped unless you map them: “Nom” (column 4), “Service” (column 6).",
        f"Missing from this file: “Nom de l'apprenant” ({LAST_NAME}). The saved mapping fed "
        "it; map another column to it or go on without it."]
    shot(window, screenshots, "renamed-5-left")
