"""Every test runs offscreen with private data and configuration folders."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _private_folders(tmp_path_factory: pytest.TempPathFactory,
                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the user's real store or settings."""
    base = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("IMPORTER_GUI_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("IMPORTER_GUI_CONFIG_DIR", str(base / "config"))
