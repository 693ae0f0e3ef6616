"""Tools ▸ Refresh… with "Also delete what the store holds and the exports lack" ticked: its
notices and rows speak of that choice in the window's words (the window has no --prune), and
each deletion names its record."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt

from importer_gui.core.platform_io import export_config, refresh
from importer_gui.core.store import Store
from importer_gui.ui.refresh_dialog import RefreshDialog
from tests.conftest import SAMPLE


def test_the_deletions_name_their_records_and_no_command_line_option(
        qtbot: object, tmp_path: Path, screenshots: Path) -> None:
    exports = Path(shutil.copytree(SAMPLE / "exports", tmp_path / "exports"))
    store = tmp_path / "store.sqlite3"
    with Store.open(store) as opened:
        refresh.commit_refresh(refresh.plan_refresh(
            export_config.load(exports / "export-config.xml"), opened), opened)
    trainings = exports / "platform_trainings.csv"
    lines = trainings.read_text(encoding="utf-8").splitlines(keepends=True)
    trainings.write_text("".join([lines[0], lines[1], lines[4]]), encoding="utf-8")
    dialog = RefreshDialog(store, config_path=exports / "export-config.xml", synchronous=True)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.resize(1100, 650)
    dialog.show()
    dialog.prune_check.setChecked(True)
    assert dialog.prune_check.text() == "Also &delete what the store holds and the exports lack"
    assert dialog.notice.text() == (
        "Deleting what the exports lack leaves the interventions platform_events.csv does not "
        "match: without a GUID, an export cannot say which are gone.")
    model = dialog.model
    deleted = [model.index(row, 1).data(Qt.ItemDataRole.ToolTipRole)
               for row in range(model.rowCount())
               if model.index(row, 1).data() == "delete"]
    assert deleted == [
        "WARNING: Not in the export: training course MGT-200 \"Management d'équipe\", deleted.",
        "WARNING: Not in the export: training course XLS-300 \"Excel avancé\", deleted."]
    # A deletion is no line of the file: its line cell says nothing, its tooltip why.
    assert [(model.index(row, 0).data(), model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole))
            for row in range(model.rowCount())] == [(2, None), (3, None)] + [(
        "", "Not a line of the file: a record the store holds that the file lacks")] * 2
    dialog.grab().save(str(screenshots / "refresh-prune-named.png"))
    shown = "\n".join(str(model.index(row, 1).data(Qt.ItemDataRole.ToolTipRole))
                      for row in range(model.rowCount()))
    assert "--prune" not in dialog.notice.text() + shown


def test_a_deletion_in_a_later_export_is_shown_before_refresh(
        qtbot: object, tmp_path: Path, screenshots: Path) -> None:
    exports = Path(shutil.copytree(SAMPLE / "exports", tmp_path / "exports"))
    objects = exports / "platform_learning_objects.csv"
    listed = objects.read_text(encoding="utf-8")
    objects.write_text(listed + "LO-X;3E9A1B2C-4D5E-4F60-8A7B-C8D9E0F1A299;Extra;CK;SCORM\n",
                       encoding="utf-8")
    store = tmp_path / "store.sqlite3"
    with Store.open(store) as opened:
        refresh.commit_refresh(refresh.plan_refresh(
            export_config.load(exports / "export-config.xml"), opened), opened)
    objects.write_text(listed, encoding="utf-8")  # the platform no longer has LO-X
    dialog = RefreshDialog(store, config_path=exports / "export-config.xml", synchronous=True)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.resize(1100, 650)
    dialog.show()
    dialog.prune_check.setChecked(True)
    # The first export changes nothing: what Refresh would delete is shown, not left to find.
    assert dialog.exports.currentText() == (
        "platform_learning_objects.csv (learning objects)")
    assert dialog.counts.text() == "unchanged: 2   delete: 1"
    assert dialog.status.text() == "Over every export: 0 to create, 0 to update, 1 to delete."
    dialog.grab().save(str(screenshots / "refresh-prune-later-export.png"))


def test_the_totals_in_french(french: None, qtbot: object, tmp_path: Path) -> None:
    dialog = RefreshDialog(tmp_path / "store.sqlite3",
                           config_path=SAMPLE / "exports" / "export-config.xml",
                           synchronous=True)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    assert dialog.status.text() == (
        "Sur l'ensemble des exports\u00a0: 15 à créer, 0 à mettre à jour, 0 à supprimer.")
