"""Three dialogs in words an administrator knows: the refresh names the files it reads and
each export's records (the platform's name of the export in a tooltip), the package dialog
says what its key file and Package and send need, and the history names the revert
column and every run's kind, in English and in French."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from importer_gui.core import config_xml, pipeline
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.revert import commit_revert, plan_revert
from importer_gui.core.store import RunInfo, Store
from importer_gui.ui.package_dialog import PackageDialog
from importer_gui.ui.refresh_dialog import RefreshDialog
from importer_gui.ui.store_browser import StoreBrowser
from tests.conftest import SAMPLE

NBSP = "\u00a0"


def refresh_previewed(tmp_path: Path, qtbot: QtBot) -> RefreshDialog:
    """The refresh dialog, before and after previewing the sample's exports."""
    exports = Path(shutil.copytree(SAMPLE / "exports", tmp_path / "exports"))
    dialog = RefreshDialog(tmp_path / "store.sqlite3", synchronous=True)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 600)
    dialog.show()
    dialog.config_edit.set_path(exports / "export-config.xml")
    return dialog


def listed(dialog: RefreshDialog, role: Qt.ItemDataRole) -> list[str]:
    """What the Export list shows of each export (its text, or its tooltip)."""
    return [dialog.exports.itemData(i, role) for i in range(dialog.exports.count())]


def test_the_refresh_names_its_files_and_exports_for_people(
        tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    dialog = refresh_previewed(tmp_path, qtbot)
    assert dialog.config_edit.placeholderText() == (
        "The export configuration scheduled on the platform (.xml)")
    assert dialog.files_label.text() == "those the export configuration names, in its folder"
    dialog.preview()
    assert listed(dialog, Qt.ItemDataRole.DisplayRole) == [
        "platform_trainings.csv (training courses)", "platform_sessions.csv (sessions)",
        "platform_learners.csv (learners)", "platform_learning_objects.csv (learning objects)",
        "platform_registrations.csv (registrations)", "platform_tracking.csv (tracking)",
        "platform_events.csv (interventions)"]
    assert listed(dialog, Qt.ItemDataRole.ToolTipRole)[0] == (
        "The platform's export trainingCourseMetadataProvider")
    QApplication.processEvents()  # the list laid out again, as wide as its exports
    dialog.grab().save(str(screenshots / "refresh-dialog-wording.png"))


def test_the_refresh_names_its_files_and_exports_in_french(
        french: None, tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    dialog = refresh_previewed(tmp_path, qtbot)
    assert dialog.config_edit.placeholderText() == (
        "La configuration d'export planifiée sur la plateforme (.xml)")
    assert dialog.files_label.text() == (
        "ceux que nomme la configuration d'export, dans son dossier")
    dialog.preview()
    shown = listed(dialog, Qt.ItemDataRole.DisplayRole)
    assert shown[0] == "platform_trainings.csv (formations)"
    assert shown[3] == "platform_learning_objects.csv (objets pédagogiques)"
    assert listed(dialog, Qt.ItemDataRole.ToolTipRole)[2] == (
        "Export de la plateforme platformCandidatesProvider")
    QApplication.processEvents()  # the list laid out again, as wide as its exports
    dialog.grab().save(str(screenshots / "refresh-dialog-wording-fr.png"))


@pytest.fixture
def plan(sample: Path, tmp_path: Path) -> pipeline.Plan:
    """The sample checked on an empty store."""
    with Store.open(tmp_path / "store.sqlite3") as store:
        return pipeline.check(config_xml.load(sample / "sample-config.xml"), store)


def package_shown(plan: pipeline.Plan, tmp_path: Path, qtbot: QtBot) -> PackageDialog:
    """The Send to the platform dialog, no address given yet, active."""
    dialog = PackageDialog(plan, folder=tmp_path / "out", send=True, synchronous=True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_package_and_send_says_it_needs_an_address_and_takes_the_user_there(
        plan: pipeline.Plan, tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    dialog = package_shown(plan, tmp_path, qtbot)
    assert dialog.key_edit.placeholderText() == (
        "Optional: your usual SSH key, else a password is asked for")
    assert dialog.key_edit.toolTip() == (
        "When empty, the keys of your SSH agent or of your .ssh folder are tried")
    assert dialog.send_button.toolTip() == (
        "Give the platform's SFTP address in Send to (SFTP) first")
    dialog.send_button.setFocus()
    dialog.send_button.click()
    assert dialog.error.text() == ("Give the platform's SFTP address "
                                   "(sftp://user@host/folder) to send the package to.")
    assert QApplication.focusWidget() is dialog.url_edit
    assert not (tmp_path / "out").exists()
    dialog.grab().save(str(screenshots / "package-dialog-no-address.png"))
    dialog.url_edit.setText("sftp://jdoe@lms.example.com/drop")
    assert dialog.send_button.toolTip() == (
        "Write the package, then send it to sftp://jdoe@lms.example.com/drop")


def test_package_dialog_texts_in_french(
        french: None, plan: pipeline.Plan, tmp_path: Path, qtbot: QtBot,
        screenshots: Path) -> None:
    dialog = package_shown(plan, tmp_path, qtbot)
    assert dialog.key_edit.placeholderText() == (
        f"Facultatif{NBSP}: votre clé SSH habituelle, sinon un mot de passe est demandé")
    assert dialog.key_edit.toolTip() == (
        "S'il est vide, les clés de votre agent SSH ou de votre dossier .ssh sont essayées")
    assert dialog.send_button.toolTip() == (
        "Indiquez d'abord l'adresse SFTP de la plateforme dans Envoyer à (SFTP)")
    dialog.grab().save(str(screenshots / "package-dialog-wording-fr.png"))


@pytest.fixture
def history(tmp_path: Path, qtbot: QtBot) -> Iterator[StoreBrowser]:
    """The store browser's History tab on an import, its revert and a refresh."""
    with Store.open(tmp_path / "store.sqlite3") as store:
        store.apply([Change(Table.TEACHER, ChangeKind.CREATE, -1, {"login": "ada"})],
                    RunInfo("teachers.xml", "<import-config/>", ["teachers.csv"],
                            {"create": 1}))
        commit_revert(store, plan_revert(store, 1))
        store.apply([Change(Table.TEACHER, ChangeKind.CREATE, -1, {"login": "bob"})],
                    RunInfo("export-config.xml", "<export-config/>", ["t.csv"],
                            {"create": 1}, kind="refresh"))
        browser = StoreBrowser(store)
        qtbot.addWidget(browser)
        browser.resize(1100, 500)
        browser.show()
        browser.tabs.setCurrentIndex(browser.tabs.count() - 1)
        qtbot.waitUntil(lambda: browser.history_model.rowCount() == 3, timeout=20_000)
        yield browser


def history_texts(browser: StoreBrowser) -> tuple[str, list[tuple[str, str]]]:
    """The revert column's title, and each run's kind and revert cell, newest first."""
    model = browser.history_model
    kind, reverts = model.COLUMNS.index("kind"), model.COLUMNS.index("reverts")
    return (model.headerData(reverts, Qt.Orientation.Horizontal),
            [(model.index(row, kind).data(), model.index(row, reverts).data())
             for row in range(model.rowCount())])


def test_the_history_names_its_revert_column_and_run_kinds(
        history: StoreBrowser, screenshots: Path) -> None:
    browser = history
    assert history_texts(browser) == ("Reverted by / reverts", [
        ("refresh", ""), ("revert", "reverts run 1"), ("import", "reverted by run 2")])
    browser.grab().save(str(screenshots / "history-wording.png"))


def test_the_history_names_its_revert_column_and_run_kinds_in_french(
        french: None, history: StoreBrowser, screenshots: Path) -> None:
    browser = history
    assert history_texts(browser) == ("Défaite par / défait", [
        ("actualisation", ""), ("défaire", "défait l'exécution 1"),
        ("import", "défaite par l'exécution 2")])
    browser.grab().save(str(screenshots / "history-wording-fr.png"))
