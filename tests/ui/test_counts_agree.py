"""A count's words agree with it, in French as in English: « 1 supprimé », « 2 supprimés »,
never « supprimé(s) »; a record's, whatever its gender, never « créé(e) »."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from pytestqt.qtbot import QtBot

from importer_gui.core.catalogue import messages as msg
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import Store
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.messages_text import message_text
from importer_gui.ui.revert_dialog import RevertDialog
from tests.builders import run_info

NBSP = "\u00a0"


def run_to_revert(path: Path, count: int) -> int:
    """A run that created ``count`` teachers, renamed ``count`` others and deleted as many:
    reverting it deletes, restores and recreates ``count`` of each."""
    with Store.open(path) as store:
        store.apply([Change(Table.TEACHER, ChangeKind.CREATE, -n, {"login": f"t{n}"})
                     for n in range(1, 2 * count + 1)], run_info(create=2 * count))
        renamed = [Change(Table.TEACHER, ChangeKind.UPDATE, n, {"name": "New"}, {"name": None})
                   for n in range(1, count + 1)]
        deleted = [Change(Table.TEACHER, ChangeKind.DELETE, n)
                   for n in range(count + 1, 2 * count + 1)]
        created = [Change(Table.TEACHER, ChangeKind.CREATE, -n, {"login": f"n{n}"})
                   for n in range(1, count + 1)]
        return store.apply([*renamed, *deleted, *created],
                           run_info(create=count, update=count, delete=count))


def reverted_status(tmp_path: Path, qtbot: QtBot, count: int) -> str:
    """What the revert dialog says once it reverted that run."""
    store = tmp_path / "store.sqlite3"
    run = run_to_revert(store, count)
    dialog = RevertDialog(store, run, synchronous=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.revert_button.isEnabled, timeout=10_000)
    dialog.revert_button.click()
    qtbot.waitUntil(lambda: bool(dialog.results), timeout=10_000)
    return dialog.status.text()


@pytest.mark.parametrize(("count", "said"), [
    (1, f"L'exécution 3 a défait l'exécution 2{NBSP}: 1 supprimé, 1 rétabli, 1 recréé."),
    (2, f"L'exécution 3 a défait l'exécution 2{NBSP}: 2 supprimés, 2 rétablis, 2 recréés.")])
def test_a_revert_says_its_counts_in_french_each_word_agreeing(
        french: None, tmp_path: Path, qtbot: QtBot, count: int, said: str) -> None:
    assert reverted_status(tmp_path, qtbot, count) == said


@pytest.mark.parametrize("count", [1, 2])
def test_a_revert_says_its_counts_in_english(
        english: None, tmp_path: Path, qtbot: QtBot, count: int) -> None:
    assert reverted_status(tmp_path, qtbot, count) == (
        f"Run 3 reverted run 2: {count} deleted, {count} restored, {count} recreated.")


def after_empty_sheets(path: Path, empty: list[str]) -> Path:
    """A workbook whose data is on its sheet Data, after the ``empty`` sheets."""
    book = Workbook()
    book.remove(book.active)
    for name in empty:
        book.create_sheet(name)
    data = book.create_sheet("Data")
    for row in (["trainingPathCode", "trainingTitle"], ["J6", "June"]):
        data.append(row)
    book.save(path)
    return path


def sheet_reason(window: MainWindow, path: Path) -> str:
    """Why the open page says it read the sheet it read (the detected guesses' tooltip)."""
    page = window.wizard.open_page
    assert page.open_path(path)
    [reason] = [line for line in page.applied_label.toolTip().splitlines()
                if line.startswith("Data")]
    return reason


@pytest.mark.parametrize(("empty", "said"), [
    (["Notes"], f"Data{NBSP}: la première qui contient des données{NBSP}; Notes vide"),
    (["Notes", "Vide"],
     f"Data{NBSP}: la première qui contient des données{NBSP}; Notes, Vide vides")])
def test_the_sheet_read_after_empty_ones_says_them_empty_in_french(
        french: None, window: MainWindow, tmp_path: Path, empty: list[str], said: str) -> None:
    assert sheet_reason(window, after_empty_sheets(tmp_path / "june.xlsx", empty)) == said


@pytest.mark.parametrize(("empty", "said"), [
    (["Notes"], "Data: the first one holding data; Notes is empty"),
    (["Notes", "Blank"], "Data: the first one holding data; Notes, Blank are empty")])
def test_the_sheet_read_after_empty_ones_says_them_empty_in_english(
        english: None, window: MainWindow, tmp_path: Path, empty: list[str], said: str) -> None:
    assert sheet_reason(window, after_empty_sheets(tmp_path / "june.xlsx", empty)) == said


@pytest.mark.parametrize(("record", "french_record"), [
    (msg.A_SESSION.format(title="Manuelle"), "la session Manuelle"),
    (msg.A_LEARNER.format(name="R9"), "l'apprenant R9")])
def test_a_record_no_import_created_reads_in_french_whatever_its_gender(
        french: None, record: str, french_record: str) -> None:
    assert message_text(msg.NOT_CREATED_BY_IMPORT.format(record=record)) == (
        f"fullAccess vaut no{NBSP}: {french_record} ne vient d'aucun import, cet import ne "
        "peut donc rien y changer.")
