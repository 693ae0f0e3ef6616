"""Tools ▸ Refresh…: next month, the export configuration refreshed from last time is in the
box (the platform writes its exports to the same place each month); one since deleted is not."""

from __future__ import annotations

import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from importer_gui.ui.refresh_dialog import RefreshDialog
from tests.conftest import SAMPLE


def opened(qtbot: QtBot, store: Path, config: Path | None = None) -> RefreshDialog:
    """The dialog as Tools ▸ Refresh… shows it."""
    dialog = RefreshDialog(store, config_path=config, synchronous=True)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_configuration_refreshed_from_last_is_offered_next_time(
        qtbot: QtBot, tmp_path: Path) -> None:
    exports = Path(shutil.copytree(SAMPLE / "exports", tmp_path / "exports"))
    store = tmp_path / "store.sqlite3"
    first = opened(qtbot, store)
    assert first.config_edit.text() == ""  # never refreshed yet
    first.config_edit.setText(str(exports / "export-config.xml"))
    first.preview()
    first.refresh_button.click()
    assert first.result is not None
    first.close()
    again = opened(qtbot, store)
    assert again.config_edit.text() == str((exports / "export-config.xml").resolve())
    assert not again.refresh_button.isEnabled()  # previewed only when the user says so
    again.preview()
    assert again.planned is not None


def test_a_configuration_since_deleted_is_not_offered(qtbot: QtBot, tmp_path: Path) -> None:
    exports = Path(shutil.copytree(SAMPLE / "exports", tmp_path / "exports"))
    store = tmp_path / "store.sqlite3"
    first = opened(qtbot, store, exports / "export-config.xml")
    first.refresh_button.click()
    assert first.result is not None
    first.close()
    shutil.rmtree(exports)
    assert opened(qtbot, store).config_edit.text() == ""


def test_a_preview_not_refreshed_is_not_remembered(qtbot: QtBot, tmp_path: Path) -> None:
    exports = Path(shutil.copytree(SAMPLE / "exports", tmp_path / "exports"))
    store = tmp_path / "store.sqlite3"
    opened(qtbot, store, exports / "export-config.xml").close()
    assert opened(qtbot, store).config_edit.text() == ""
