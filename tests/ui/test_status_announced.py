"""What a screen reader announces without the user going to look: a status line's each step
and ending (not each tick), a message line as it appears; an error at once, the rest once
the screen reader is done. Heard through Qt's own call, each announcement noted on its way."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from importer_gui.core.store import Store
from importer_gui.ui.language import ENGLISH, FRENCH
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.config_page import ConfigPage
from importer_gui.ui.store_browser import StoreBrowser
from importer_gui.ui.styles import Look
from importer_gui.ui.widgets.progress import ProgressRow
from importer_gui.ui.widgets.rows import message_line
from tests.builders import teachers_import, write_config
from tests.faults import HANG_GUARD
from tests.ui.test_commit_waits_for_writer import WAITING
from tests.ui.test_config_editor_mistakes import configuration_page
from tests.ui.test_config_editor_typing import type_at, undo_until
from tests.ui.test_preview_commit import EMAIL, LOGIN, edit, teacher_state
from tests.ui.test_revert_after_store_switch import teachers
from tests.ui.test_tools_store_browser import opened
from tests.ui.wizards import preview_and_commit

POLITE = QAccessible.AnnouncementPoliteness.Polite
ASSERTIVE = QAccessible.AnnouncementPoliteness.Assertive
Heard = list[tuple[str, QAccessible.AnnouncementPoliteness]]


@pytest.fixture
def heard(monkeypatch: pytest.MonkeyPatch) -> Heard:
    """Each announcement made from now on: its text and politeness."""
    announced: Heard = []
    real = QAccessible.updateAccessibility

    def noting(event: QAccessibleEvent) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            announced.append((event.message(), event.politeness()))
        real(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", noting)
    return announced


def test_a_progress_row_says_each_step_and_the_ending_not_each_tick(
        qtbot: QtBot, heard: Heard) -> None:
    row = ProgressRow("Cancel")
    qtbot.addWidget(row)
    row.show()
    row.set_running(True)
    for done in range(0, 5000, 500):
        row.show_progress(done, 5000, "Writing to the store")
    row.show_progress(0, 0, "Checking teachers.csv")
    row.show_progress(10, 20, "Checking teachers.csv")
    row.set_running(False)
    row.status.setText("Cancelled: nothing was written.")
    assert heard == [("Writing to the store", POLITE), ("Checking teachers.csv", POLITE),
                     ("Cancelled: nothing was written.", POLITE)]


def test_an_error_line_is_said_at_once_a_notice_after_and_each_as_it_appears(
        qtbot: QtBot, heard: Heard) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    error, notice = (message_line(page, "error", Look.ERROR),
                     message_line(page, "notice", Look.NOTICE))
    layout.addWidget(error)
    layout.addWidget(notice)
    page.show()
    error.setText("The file <b>teachers.csv</b> cannot be read.")  # hidden: not yet said
    assert heard == []
    error.show()
    notice.setText("2 columns are not imported.")
    notice.setVisible(True)
    notice.setVisible(True)  # still in sight: said once
    assert heard == [("The file teachers.csv cannot be read.", ASSERTIVE),
                     ("2 columns are not imported.", POLITE)]


def test_the_commit_page_says_its_wait_for_another_writer_and_its_cancel(
        tmp_path: Path, qtbot: QtBot, heard: Heard) -> None:
    state = teacher_state(tmp_path, "Login;Name;E-mail\nt1;One;one@example.org\n")
    wizard, _preview, commit = preview_and_commit(state, qtbot)
    # The preview's check, ended.
    assert [said for said in heard if said[0].startswith("Checked at ")] == [heard[0]]
    heard.clear()
    other = sqlite3.connect(Path(state.session.store_path), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program writing, for as long as it likes
    try:
        wizard.next()
        qtbot.waitUntil(lambda: commit.status.text() == WAITING, timeout=HANG_GUARD * 1000)
        commit.progress_row.cancel_button.click()
        qtbot.waitUntil(lambda: not commit.runner.busy, timeout=HANG_GUARD * 1000)
    finally:
        other.close()
    # "Committing…" is set as the page comes, before it is in sight: the page is read then.
    assert heard == [(WAITING, POLITE), ("Cancelled: nothing was written.", POLITE)]


COMMITTED = {
    ENGLISH: [("Committed: run 1 is in the history.", POLITE),
              ("4 rows: 2 created, 0 updated, 0 deleted, 0 unchanged, 2 skipped with errors.",
               POLITE)],
    FRENCH: [("Validé\u00a0: l'exécution 1 figure dans l'historique.", POLITE),
             ("4 lignes\u00a0: 2 créées, 0 mise à jour, 0 supprimée, 0 inchangée, "
              "2 ignorées car en erreur.", POLITE)],
}


def test_the_commit_page_says_what_it_wrote_as_one_sentence(
        speaking: str, tmp_path: Path, qtbot: QtBot, heard: Heard) -> None:
    wizard, _preview, commit = preview_and_commit(teacher_state(tmp_path), qtbot)
    heard.clear()
    wizard.next()
    qtbot.waitUntil(lambda: commit.result is not None, timeout=HANG_GUARD * 1000)
    assert heard[-2:] == COMMITTED[speaking]  # after the steps of the writing
    assert commit.summary.accessibleName() == COMMITTED[speaking][1][0]


PREVIEWED = {
    ENGLISH: ["4 rows: 2 to create, 0 to update, 0 unchanged, 0 to delete, 2 with errors.",
              "4 rows: 3 to create, 0 to update, 0 unchanged, 0 to delete, 1 with errors."],
    FRENCH: ["4 lignes\u00a0: 2 à créer, 0 à mettre à jour, 0 inchangée, 0 à supprimer, "
             "2 en erreur.",
             "4 lignes\u00a0: 3 à créer, 0 à mettre à jour, 0 inchangée, 0 à supprimer, "
             "1 en erreur."],
}


def test_the_preview_says_its_counts_when_a_check_ends_and_when_a_correction_changes_them(
        speaking: str, tmp_path: Path, qtbot: QtBot, heard: Heard) -> None:
    _wizard, preview, _commit = preview_and_commit(teacher_state(tmp_path), qtbot)
    checked = preview.progress_label.text()
    assert heard == [(checked, POLITE), (PREVIEWED[speaking][0], POLITE)]
    heard.clear()
    edit(preview, 4, EMAIL, "adam@example.org")  # one row in error less
    edit(preview, 2, LOGIN + 1, "Zoey")  # re-checked, counted as before: not said again
    assert heard == [(PREVIEWED[speaking][1], POLITE)]
    assert preview.counts_label.accessibleName() == PREVIEWED[speaking][1]


def test_a_browser_on_the_store_left_says_so_aloud(
        window: MainWindow, qtbot: QtBot, tmp_path: Path, heard: Heard) -> None:
    left = window.state.store_path
    teachers(left, ["a1"])
    other = tmp_path / "other.sqlite3"
    teachers(other, ["b1"])
    browser = opened(window, qtbot)
    heard.clear()
    assert window.use_store(other)
    assert (browser.left_notice.text(), POLITE) in heard


def test_a_pages_error_is_said_at_once(window: MainWindow, tmp_path: Path,
                                       heard: Heard) -> None:
    path = tmp_path / "teachers.csv"
    assert not window.open_file(path)
    assert heard == [(f"{path}: the file does not exist", ASSERTIVE)]


def test_the_open_page_says_a_configurations_data_file_to_choose(
        window: MainWindow, tmp_path: Path, heard: Heard) -> None:
    config = write_config(tmp_path, teachers_import(tmp_path, [("zoe", "Zoe", "Z", "")]))
    (tmp_path / "teachers.csv").unlink()
    assert window.open_file(config)
    assert (window.wizard.open_page.unfound_label.text(), POLITE) in heard


def test_the_configuration_pages_check_is_said_an_error_at_once(
        window: MainWindow, sample: Path, heard: Heard) -> None:
    page = configuration_page(window, sample)
    valid = page.editor.toPlainText()
    heard.clear()
    page.editor.setPlainText(valid.replace('<teacherName ia:header="Nom"/>',
                                           '<teacherLogin ia:header="Nom"/>'))
    assert not page.parse_now()
    assert heard[-1] == (page.status_label.text(), ASSERTIVE)
    page.editor.setPlainText(valid)
    assert page.parse_now()
    assert heard[-1] == ("The configuration is valid.", POLITE)


def pause(page: ConfigPage, qtbot: QtBot) -> None:
    """The user stops typing: the page's typing pause ends, and its parse with it."""
    page._timer.stop()
    page._timer.timeout.emit()
    qtbot.waitUntil(lambda: not page._unparsed(), timeout=HANG_GUARD * 1000)


def typed_key_by_key(page: ConfigPage, qtbot: QtBot, typed: str) -> None:
    """Type ``typed`` at the cursor a key at a time, pausing after each (as a user listening
    to each key's echo does)."""
    for key in typed:
        qtbot.keyClicks(page.editor, key)
        pause(page, qtbot)


TYPING_SAID = {
    ENGLISH: ["The configuration is not well-formed XML (line 14): StartTag: invalid element "
              "name.",
              'Unknown field "teacherPhone" in <columnsMapping> (line 14); did you mean '
              '"teacherName"?',
              "The configuration is valid."],
    FRENCH: ["La configuration n'est pas du XML bien formé, ligne 14 (message du lecteur XML, "
             "en anglais\u00a0: StartTag: invalid element name).",
             "Champ inconnu «\u00a0teacherPhone\u00a0» dans <columnsMapping> (ligne 14)\u00a0; "
             "vouliez-vous dire «\u00a0teacherName\u00a0»\u00a0?",
             "La configuration est valide."],
}


def test_typing_in_the_configuration_says_only_a_change_of_outcome(
        speaking: str, window: MainWindow, sample: Path, qtbot: QtBot, heard: Heard) -> None:
    page = configuration_page(window, sample)
    text = page.editor.toPlainText()
    type_at(page, qtbot, text.index("</columnsMapping>"), "")
    heard.clear()
    # Each key another wording of one mistake ("value for attribute h", "…he"): said once.
    typed_key_by_key(page, qtbot, '<teacherPhone ia:header="Tel"/>')
    shown = page.status_label.text()
    undo_until(page, qtbot, text)
    pause(page, qtbot)
    assert heard == [(said, POLITE) for said in TYPING_SAID[speaking]]
    assert shown == TYPING_SAID[speaking][1]  # what is seen follows each key


def test_the_browser_says_what_it_read_when_asked(
        qtbot: QtBot, tmp_path: Path, heard: Heard) -> None:
    with Store.open(tmp_path / "store.sqlite3") as store:
        browser = StoreBrowser(store)
        qtbot.addWidget(browser)
        browser.show_history()
        browser.show()
        qtbot.waitUntil(lambda: not browser.busy, timeout=HANG_GUARD * 1000)
        heard.clear()
        QTest.keyClick(browser, Qt.Key.Key_F5)
        qtbot.waitUntil(lambda: not browser.busy and browser.read_status.text() != "",
                        timeout=HANG_GUARD * 1000)
        assert heard == [(browser.read_status.text(), POLITE)]
