"""Counts in the French window's summaries are written as French writes numbers (12 345),
as the preview's counts are, whichever dialog says them."""

from __future__ import annotations

import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from importer_gui.core import config_xml, pipeline
from importer_gui.core.package import LeftOut, PackagedFile, PackageResult
from importer_gui.core.store import Store
from importer_gui.ui.package_dialog import PackageDialog
from importer_gui.ui.refresh_dialog import RefreshDialog
from tests.conftest import SAMPLE

NBSP = "\u00a0"
GROUP = "\u202f"  # French writes 12 345 with a narrow no-break space


def test_the_package_summary_groups_thousands_in_french(
        french: None, sample: Path, tmp_path: Path, qtbot: QtBot) -> None:
    with Store.open(tmp_path / "store.sqlite3") as store:
        plan = pipeline.check(config_xml.load(sample / "sample-config.xml"), store)
    dialog = PackageDialog(plan, folder=tmp_path / "out", synchronous=True)
    qtbot.addWidget(dialog)
    out = tmp_path / "out"
    left_out = [LeftOut(sample / "learners.csv", line, ()) for line in range(2, 1522)]
    result = PackageResult(out, out / "sample-config.xml",
                           [PackagedFile(out / "learners.csv", sample / "learners.csv", 12345, 3)],
                           left_out)
    dialog._show_summary(result, [])
    assert dialog.summary.text().splitlines()[2:] == [
        f"learners.csv{NBSP}: 12{GROUP}345 lignes de learners.csv",
        f"1{GROUP}520 lignes en erreur ont été laissées de côté.",
        f"Autres lignes laissées hors du paquet, non listées ici{NBSP}: 1{GROUP}500."]


def test_the_refresh_counts_group_thousands_in_french(
        french: None, tmp_path: Path, qtbot: QtBot) -> None:
    exports = Path(shutil.copytree(SAMPLE / "exports", tmp_path / "exports"))
    learners = exports / "platform_learners.csv"
    with learners.open("a", encoding="utf-8") as out:
        for n in range(1500):
            out.write(f"l{n:04d};7C1E0A2B-3D4F-4A5B-8C6D-{n:012d};E{n};l{n}@example.org;"
                      f"Nom{n};Prénom;Agence de Lyon;;Y;;;fr-FR;Europe/Paris\n")
    dialog = RefreshDialog(tmp_path / "store.sqlite3", config_path=exports / "export-config.xml",
                           synchronous=True)
    qtbot.addWidget(dialog)
    assert dialog.status.text() == (
        f"Sur l'ensemble des exports{NBSP}: 1{GROUP}515 à créer, 0 à mettre à jour, "
        "0 à supprimer.")
    dialog.exports.setCurrentIndex(2)  # the learners'
    assert dialog.counts.text() == f"création{NBSP}: 1{GROUP}502"
    dialog.refresh_button.click()
    assert dialog.status.text() == (
        f"Actualisé par l'exécution 1{NBSP}: 1{GROUP}515 créés, 0 mis à jour, 0 supprimé"
        f"{NBSP}; elle peut être défaite depuis l'historique.")
