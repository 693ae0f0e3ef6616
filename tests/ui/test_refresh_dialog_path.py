"""Tools ▸ Refresh…: Refresh applies the preview of the export configuration the path box
shows; a path typed since the preview is previewed before anything is refreshed."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from importer_gui.core.schema import Table
from importer_gui.core.store import Store
from importer_gui.ui.refresh_dialog import RefreshDialog
from tests.conftest import SAMPLE


def logins(store: Path) -> set[str]:
    """The logins of the store's learners (none when it was never made)."""
    if not store.exists():
        return set()
    with Store.open(store) as opened:
        return {learner.login for learner in opened.load_state([Table.LEARNER])
                .table(Table.LEARNER).values()}  # type: ignore[attr-defined]


def test_a_path_typed_since_the_preview_is_previewed_before_it_is_refreshed(
        qtbot: QtBot, tmp_path: Path, screenshots: Path) -> None:
    old = Path(shutil.copytree(SAMPLE / "exports", tmp_path / "old"))
    new = Path(shutil.copytree(SAMPLE / "exports", tmp_path / "new"))
    learners = new / "platform_learners.csv"
    learners.write_text(learners.read_text(encoding="utf-8").replace("cbernard;", "cdurand;", 1),
                        encoding="utf-8")
    store = tmp_path / "store.sqlite3"
    dialog = RefreshDialog(store, config_path=old / "export-config.xml", synchronous=True)
    qtbot.addWidget(dialog)
    dialog.resize(1100, 650)
    dialog.show()
    assert dialog.refresh_button.isEnabled()
    dialog.config_edit.selectAll()
    qtbot.keyClicks(dialog.config_edit, str(new / "export-config.xml"))  # no Enter
    assert not dialog.refresh_button.isEnabled()
    assert dialog.status.text() == ("The export configuration was changed since the preview: "
                                    "press Enter or Preview to see what it refreshes.")
    dialog.grab().save(str(screenshots / "refresh-dialog-path-typed.png"))
    dialog.refresh_button.click()
    assert logins(store) == set()  # the old path's preview was not written
    qtbot.keyClick(dialog.config_edit, Qt.Key.Key_Return)
    assert dialog.refresh_button.isEnabled()
    dialog.refresh_button.click()
    assert "cdurand" in logins(store) and "cbernard" not in logins(store)
