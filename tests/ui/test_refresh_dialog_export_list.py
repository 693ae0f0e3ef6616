"""Tools ▸ Refresh…: the Export list shows each export's file and records whole, however
narrow the dialog and however long the counts beside it (the list is filled once the
exports are read, after the dialog is laid out)."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from importer_gui.ui.refresh_dialog import RefreshDialog
from tests.conftest import SAMPLE

SHOT = Path("/tmp/team/w14-refresh-export-list.png")


def test_the_export_list_is_as_wide_as_its_longest_export(
        qtbot: QtBot, tmp_path: Path) -> None:
    exports = Path(shutil.copytree(SAMPLE / "exports", tmp_path / "exports"))
    store = tmp_path / "store.sqlite3"
    first = RefreshDialog(store, config_path=exports / "export-config.xml", synchronous=True)
    qtbot.addWidget(first)
    first.refresh_button.click()  # the store holds the exports: the next shows changes
    trainings = exports / "platform_trainings.csv"
    lines = trainings.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("Sécurité incendie", "Sécurité incendie (2025)")
    lines.append("CPT-900;0B6E2F3A-1C44-4D2B-9A51-7E0F1D2C3B09;Comptabilité;campus;")
    trainings.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dialog = RefreshDialog(store, synchronous=True)  # laid out with an empty list
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    dialog.config_edit.setText(str(exports / "export-config.xml"))
    dialog.preview()
    dialog.resize(200, 600)  # as narrow as it goes
    QApplication.processEvents()
    assert dialog.counts.text() == "create: 1   update: 1   unchanged: 3"
    items = [dialog.exports.itemText(i) for i in range(dialog.exports.count())]
    metrics = dialog.exports.fontMetrics()
    longest = max(items, key=metrics.horizontalAdvance)
    assert longest == "platform_learning_objects.csv (learning objects)"
    assert dialog.exports.width() >= metrics.horizontalAdvance(longest)
    assert dialog.exports.currentText() == "platform_trainings.csv (training courses)"
    if SHOT.parent.is_dir():
        dialog.grab().save(str(SHOT))
