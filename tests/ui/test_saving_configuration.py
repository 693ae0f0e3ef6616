"""Saving the configuration where it cannot go: said on the page, never raised."""

from __future__ import annotations

from pathlib import Path

import pytest

from importer_gui.ui.main_window import MainWindow
from tests.ui.test_config_editor_mistakes import configuration_page


def test_a_library_folder_that_cannot_be_made_is_said(
        window: MainWindow, sample: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    page = configuration_page(window, sample)
    blocker = tmp_path / "settings"  # a file where the settings folder should be
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("IMPORTER_GUI_CONFIG_DIR", str(blocker))
    assert page.save_to_library("Teachers") is None
    target = blocker / "configurations" / "Teachers.xml"
    assert page.error_label.text() == f"{target}: could not save (Not a directory)."
    assert page.status_label.text() == "The configuration is valid."
