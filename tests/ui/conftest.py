"""Shared fixtures for the Qt tests: offscreen, and never the user's real folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Before any QApplication exists: tests never need (or open) a real display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


@pytest.fixture(autouse=True)
def private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the data and configuration folders at tmp_path for every test."""
    data = tmp_path / "data"
    config = tmp_path / "config"
    data.mkdir()
    config.mkdir()
    monkeypatch.setenv("IMPORTER_GUI_DATA_DIR", str(data))
    monkeypatch.setenv("IMPORTER_GUI_CONFIG_DIR", str(config))
    return tmp_path


@pytest.fixture
def screenshots() -> Path:
    """The (gitignored) folder where tests save page screenshots to be looked at."""
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS
