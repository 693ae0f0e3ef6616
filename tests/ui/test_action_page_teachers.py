"""The action page says, where the teachers' action is chosen, that teachers are back-office
users the platform imports none of, and that learners are kept apart (issue 15)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.wizard import ACTION
from tests.builders import write_csv
from tests.ui.fit import clipped

NOTE = ("Teachers are back-office users, for whom the platform has no import: this action is "
        "Import Assistant's own. It tells the store who the teachers are (sessions and "
        "interventions name them by login) and stays out of the package sent to the "
        "platform. Learners are kept apart: import them with the learners' action.")


def test_choosing_teachers_says_they_are_back_office_users_kept_apart_from_learners(
        window: MainWindow, tmp_path: Path, screenshots: Path) -> None:
    data = write_csv(tmp_path / "teachers.csv", [["Identifiant", "Nom", "Prénom", "Courriel"],
                                                 ["mdupont", "Dupont", "Marie", "m@x.org"]])
    wizard = window.wizard
    assert wizard.open_file(data)
    wizard.next()
    assert wizard.currentId() == ACTION
    page = wizard.action_page
    assert page.selected() == "createOrUpdateTeacherAction"  # names alone: the teachers'
    assert page.teacher_note.isVisible() and page.teacher_note.text() == NOTE
    window.resize(QSize(1024, 700))
    QApplication.processEvents()
    window.grab().save(str(screenshots / "action-teachers-note.png"))
    assert clipped(window) == []
    page.select("createOrUpdateLearnerAction")
    assert not page.teacher_note.isVisible()
    page.select("createOrUpdateTeacherAction")
    assert page.teacher_note.isVisible()


def test_a_sheet_with_a_learners_column_is_offered_as_learners(
        window: MainWindow, tmp_path: Path) -> None:
    data = write_csv(tmp_path / "people.csv", [["Login", "Nom", "Prénom", "Email", "Matricule"],
                                               ["cbernard", "Bernard", "Claire", "c@x.org",
                                                "E1001"]])
    wizard = window.wizard
    assert wizard.open_file(data)
    wizard.next()
    page = wizard.action_page
    assert page.selected() == "createOrUpdateLearnerAction"
    assert not page.teacher_note.isVisible()
    wizard.next()
    assert wizard.mapping_page.mapped_fields() == [
        "candidateLogin", "candidateName", "candidateFirstname", "candidateEmail",
        "candidateRefNumber"]
