"""Tools ▸ Refresh…: files chosen for only some of the exports; the files line names those
read from beside the configuration for the others."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from importer_gui.ui.refresh_dialog import RefreshDialog
from tests.conftest import SAMPLE

COUNT = "6 fichiers, chacun lu pour l'export dont sa première ligne nomme les colonnes"


@pytest.mark.usefixtures("french")
def test_the_files_read_from_beside_the_configuration_are_named(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        screenshots: Path) -> None:
    exports = Path(shutil.copytree(SAMPLE / "exports", tmp_path / "exports"))
    chosen = sorted(str(p) for p in exports.glob("*.csv") if p.name != "platform_tracking.csv")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *args, **kwargs: (chosen, "")))
    dialog = RefreshDialog(tmp_path / "store.sqlite3", config_path=exports / "export-config.xml",
                           synchronous=True)
    qtbot.addWidget(dialog)
    dialog.resize(1100, 650)
    dialog.show()
    dialog.choose_files()
    assert dialog.files_label.text() == (
        f"{COUNT}\nLu à côté de la configuration (1 export qu'aucun fichier choisi ne "
        "contient)\xa0: platform_tracking.csv")
    QApplication.processEvents()  # the files line laid out again, taller
    dialog.grab().save(str(screenshots / "refresh-dialog-beside.png"))
    chosen.remove(str(exports / "platform_sessions.csv"))
    dialog.choose_files()
    assert dialog.files_label.text() == (
        "5 fichiers, chacun lu pour l'export dont sa première ligne nomme les colonnes\n"
        "Lus à côté de la configuration (2 exports qu'aucun fichier choisi ne "
        "contient)\xa0: platform_sessions.csv, platform_tracking.csv")
