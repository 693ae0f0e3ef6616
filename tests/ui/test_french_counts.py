"""Counts in the French window's summaries are written as French writes numbers (12 345),
as the preview's counts are, whichever dialog says them."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from importer_gui.core import config_xml, pipeline
from importer_gui.core.package import LeftOut, PackagedFile, PackageResult
from importer_gui.core.store import Store
from importer_gui.ui.package_dialog import PackageDialog

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
                           [PackagedFile(out / "learners.csv", sample / "learners.csv", 12345)],
                           left_out)
    dialog._show_summary(result, [])
    assert dialog.summary.text().splitlines()[2:] == [
        f"learners.csv{NBSP}: 12{GROUP}345 lignes de learners.csv",
        f"1{GROUP}520 lignes en erreur ont été laissées de côté.",
        f"Autres lignes laissées hors du paquet, non listées ici{NBSP}: 1{GROUP}500."]
