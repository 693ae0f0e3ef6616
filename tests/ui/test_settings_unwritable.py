"""A settings folder that cannot be written (a read-only profile, a full disk) leaves the
window's sizes, columns and sorts unremembered, never the window unstarted or a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from importer_gui.ui.app import start_window
from importer_gui.ui.language import SYSTEM, chosen_language
from importer_gui.ui.settings import Settings


def test_a_settings_folder_that_cannot_be_made_still_starts_the_window(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As on a profile whose folder is read-only: here a file stands where the folder's
    parent would be, which stops root too."""
    blocked = tmp_path / "profile"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("IMPORTER_GUI_CONFIG_DIR", str(blocked / "ImportAssistant"))
    assert chosen_language() == SYSTEM  # asked before the window is built
    window = start_window([], tmp_path / "store.sqlite3")
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == "Import Assistant — store.sqlite3"
    window.close()  # remembering its size, in vain
    settings = Settings()
    settings.save_sort_orders("preview", {"teachers": ("teacherLogin", True)})
    assert blocked.read_text(encoding="utf-8") == "not a folder"
