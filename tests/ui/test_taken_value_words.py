"""A commit refused for a unique value another commit wrote meanwhile: the window names the
record's kind and the field as it shows them elsewhere, in French and in English."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard

from importer_gui.core import pipeline
from importer_gui.core.config import Column
from importer_gui.core.errors import StoreError
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.revert import commit_revert, plan_revert
from importer_gui.core.store import Store
from importer_gui.core.store.runs import machine_name, os_user
from importer_gui.ui.messages_text import message_text
from importer_gui.ui.pages.commit_page import CommitPage
from importer_gui.ui.state import WizardState
from tests.builders import run_info, trainings_import
from tests.stores import taken_meanwhile
from tests.ui.wizards import preview_and_commit, shot

NBSP = "\u00a0"


def teachers_window(folder: Path, store_path: Path, qtbot: object) -> tuple[QWizard, CommitPage]:
    """A window's preview of one new teacher, mdupont, checked against ``store_path``."""
    folder.mkdir()
    data = folder / "teachers.csv"
    data.write_text("Login;Name\nmdupont;Dupont\n", encoding="utf-8")
    columns = [Column("teacherLogin", header="Login"), Column("teacherName", header="Name")]
    state = WizardState(store_path)
    state.session.set_config(pipeline.new_config(data, "createOrUpdateTeacherAction", columns),
                             [data])
    wizard, _preview, commit = preview_and_commit(state, qtbot)
    return wizard, commit


def second_window_refused(tmp_path: Path, qtbot: object) -> tuple[QWizard, CommitPage]:
    """Two windows check the same new teacher; the first commits, then the second: that
    second window and its commit page."""
    store_path = tmp_path / "store.sqlite3"
    first, first_commit = teachers_window(tmp_path / "one", store_path, qtbot)
    second, second_commit = teachers_window(tmp_path / "two", store_path, qtbot)
    for wizard, commit in ((first, first_commit), (second, second_commit)):
        wizard.next()
        qtbot.waitUntil(lambda c=commit: not c.is_running() and (  # type: ignore[attr-defined]
            c.result is not None or c.error_label.isVisible()), timeout=10_000)
    assert first_commit.result is not None and second_commit.result is None
    with Store.open(store_path) as store:
        assert len(store.history()) == 1
    return second, second_commit


def course_code_taken(tmp_path: Path) -> str:
    """A new course PC-1 checked, then written by another program: the commit's refusal."""
    return taken_meanwhile(tmp_path, trainings_import(tmp_path, [("PC-1", "One", "G-1")]),
                           "INSERT INTO training (path_code, title) VALUES ('PC-1', 'Elsewhere')")


def test_the_second_window_names_the_teacher_and_login_in_french(
        tmp_path: Path, french: None, qtbot: object, screenshots: Path) -> None:
    wizard, commit = second_window_refused(tmp_path, qtbot)
    assert commit.status.text() == "Rien n'a été écrit."
    assert commit.error_label.text() == (
        f"Un autre formateur a déjà «{NBSP}mdupont{NBSP}» pour identifiant du formateur, écrit "
        f"par l'exécution 1 ({os_user()} sur {machine_name()}) depuis la vérification{NBSP}; "
        f"vérifiez à nouveau{NBSP}: rien n'a été écrit dans {tmp_path / 'store.sqlite3'}.")
    shot(wizard, screenshots, "taken_login_fr")


def test_the_second_window_names_them_in_english_too(tmp_path: Path, qtbot: object) -> None:
    _wizard, commit = second_window_refused(tmp_path, qtbot)
    assert commit.error_label.text() == (
        f"Another teacher already has 'mdupont' as teacher's login, written by run 1 "
        f"({os_user()} on {machine_name()}) since the check; check again: nothing was written "
        f"to {tmp_path / 'store.sqlite3'}.")


def test_a_course_code_another_program_wrote_reads_in_french(tmp_path: Path,
                                                             french: None) -> None:
    assert message_text(course_code_taken(tmp_path)) == (
        f"Une autre formation a déjà «{NBSP}PC-1{NBSP}» pour code de la formation, écrit par "
        f"un autre programme depuis la vérification{NBSP}; vérifiez à nouveau{NBSP}: rien "
        f"n'a été écrit dans {tmp_path / 'store.sqlite3'}.")


def test_a_course_code_another_program_wrote_reads_in_english(tmp_path: Path,
                                                              qapp: object) -> None:
    said = course_code_taken(tmp_path)
    assert said.startswith("Another training has the trainingPathCode 'PC-1'")  # the command line's
    assert message_text(said) == (
        f"Another training course already has 'PC-1' as training course code, written by "
        f"another program since the check; check again: nothing was written to "
        f"{tmp_path / 'store.sqlite3'}.")


def login_taken_while_reverting(tmp_path: Path, *, by_run: bool) -> tuple[str, Path]:
    """A revert bringing back teacher login jdoe, refused because another teacher was given
    it after the revert was planned (by a run, or by another program); its words, its store."""
    path = tmp_path / "store.sqlite3"
    with Store.open(path) as store:
        store.apply([Change(Table.TEACHER, ChangeKind.CREATE, -1, {"login": "jdoe"})],
                    run_info(create=1))
        renamed = store.apply([Change(Table.TEACHER, ChangeKind.UPDATE, 1, {"login": "jd"},
                                      {"login": "jdoe"})], run_info(update=1))
        plan = plan_revert(store, renamed)  # as the window's preview waits for Revert
        if by_run:
            store.apply([Change(Table.TEACHER, ChangeKind.CREATE, -1, {"login": "jdoe"})],
                        run_info(create=1))
        else:
            other = sqlite3.connect(path)
            other.execute("INSERT INTO teacher (login) VALUES ('jdoe')")
            other.commit()
            other.close()
        with pytest.raises(StoreError) as refused:
            commit_revert(store, plan)
    return str(refused.value), path


def test_a_login_taken_while_a_revert_was_planned_reads_in_french(tmp_path: Path,
                                                                   french: None) -> None:
    said, path = login_taken_while_reverting(tmp_path, by_run=False)
    assert message_text(said) == (
        f"Un autre formateur a déjà «{NBSP}jdoe{NBSP}» pour identifiant du formateur, écrit "
        f"par un autre programme depuis l'aperçu de ce qui serait défait{NBSP}; refaites-le, "
        f"puis essayez à nouveau{NBSP}: rien n'a été écrit dans {path}.")


def test_a_login_a_run_took_while_a_revert_was_planned_reads_in_english(
        tmp_path: Path, qapp: object) -> None:
    said, path = login_taken_while_reverting(tmp_path, by_run=True)
    assert said.startswith("Another teacher has the teacherLogin 'jdoe'")  # the command line's
    assert message_text(said) == (
        f"Another teacher already has 'jdoe' as teacher's login, written by run 3 "
        f"({os_user()} on {machine_name()}) since the revert was planned; try the revert "
        f"again: nothing was written to {path}.")
