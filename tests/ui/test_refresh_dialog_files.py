"""Tools ▸ Refresh…: the exported files chosen in the file dialog's order are read for the
exports their first lines name."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from importer_gui.core.schema import Table
from importer_gui.core.store import Store
from importer_gui.ui.refresh_dialog import RefreshDialog
from tests.conftest import SAMPLE


def files_chosen(exports: Path, store: Path, qtbot: object,
                 monkeypatch: pytest.MonkeyPatch) -> RefreshDialog:
    """The dialog on the exports' configuration, every CSV file of their folder chosen in name
    order (as the file dialog gives them)."""
    chosen = sorted(str(p) for p in exports.glob("*.csv"))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *args, **kwargs: (chosen, "")))
    dialog = RefreshDialog(store, config_path=exports / "export-config.xml", synchronous=True)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.resize(900, 600)
    dialog.show()
    dialog.choose_files()
    return dialog


def test_files_chosen_in_name_order_are_laid_on_their_exports(
        qtbot: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        screenshots: Path) -> None:
    exports = Path(shutil.copytree(SAMPLE / "exports", tmp_path / "exports"))
    store = tmp_path / "store.sqlite3"
    dialog = files_chosen(exports, store, qtbot, monkeypatch)
    assert dialog.files_label.text() == (
        "7 files, each read for the export whose columns its first line names")
    listed = [dialog.exports.itemText(i) for i in range(dialog.exports.count())]
    assert listed[2:4] == ["platform_learners.csv (learners)",
                           "platform_learning_objects.csv (learning objects)"]
    dialog.grab().save(str(screenshots / "refresh-dialog-files.png"))
    dialog.refresh_button.click()
    with Store.open(store) as opened:
        logins = {learner.login for learner in opened.load_state([Table.LEARNER])
                  .table(Table.LEARNER).values()}  # type: ignore[attr-defined]
    assert "cbernard" in logins and "LO-SEC-02" not in logins


def test_two_files_of_one_export_among_eight_are_named(
        qtbot: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        screenshots: Path) -> None:
    exports = Path(shutil.copytree(SAMPLE / "exports", tmp_path / "exports"))
    copy = Path(shutil.copy(exports / "platform_learners.csv", exports / "learners-again.csv"))
    assert len(list(exports.glob("*.csv"))) == 8 and copy.exists()
    dialog = files_chosen(exports, tmp_path / "store.sqlite3", qtbot, monkeypatch)
    assert dialog.error.isVisible()
    assert dialog.error.text() == (
        f"{exports / 'export-config.xml'}: learners-again.csv and platform_learners.csv both "
        "hold the columns of the <platformCandidatesProvider> export; give one file for each "
        "export.")
    assert not dialog.refresh_button.isEnabled()
    dialog.grab().save(str(screenshots / "refresh-dialog-two-files.png"))
