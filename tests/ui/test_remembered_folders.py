"""Each file dialog starts, after a restart too, in the folder the user last chose that kind
of file in (data files, configurations, stores, keys, reports), and somewhere sensible when
that folder is gone since."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from importer_gui.core import paths
from importer_gui.ui.main_window import MainWindow


def started(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    """The main window as a start builds and shows it (the same settings every start)."""
    window = MainWindow(tmp_path / "store.sqlite3")
    qtbot.addWidget(window)
    window.show()
    return window


def opened(window: MainWindow, path: Path, qtbot: QtBot) -> None:
    """``path`` opened as the window's Open… would, once read."""
    page = window.wizard.open_page
    assert window.open_file(path)
    qtbot.waitUntil(lambda: not page.runner.busy, timeout=20_000)


def offered(monkeypatch: pytest.MonkeyPatch, name: str, ask: object) -> list[str]:
    """The folder (or path) each ``QFileDialog.name`` asked by ``ask()`` started in."""
    asked: list[str] = []

    def record(_parent: object, _title: str, start: str = "", *_a: object,
               **_k: object) -> tuple[str, str]:
        asked.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, name, staticmethod(record))
    ask()  # type: ignore[operator]
    return asked


def test_open_starts_in_the_data_files_folder_after_a_library_configuration_was_opened(
        qtbot: QtBot, tmp_path: Path, sample: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    exports = Path(shutil.copytree(sample, tmp_path / "may-exports"))
    library = paths.library_dir()
    library.mkdir(parents=True, exist_ok=True)
    shutil.copy(sample / "sample-config.xml", library / "monthly.xml")
    first = started(qtbot, tmp_path)
    opened(first, exports / "teachers.csv", qtbot)
    opened(first, library / "monthly.xml", qtbot)  # the library's list, on page 1
    first.close()
    again = started(qtbot, tmp_path)
    assert offered(monkeypatch, "getOpenFileName", again.wizard.open_page.choose_file) == [
        str(exports.resolve())]


def test_open_starts_in_the_home_folder_when_the_last_one_is_gone(
        qtbot: QtBot, tmp_path: Path, sample: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    exports = Path(shutil.copytree(sample, tmp_path / "stick"))
    first = started(qtbot, tmp_path)
    opened(first, exports / "teachers.csv", qtbot)
    first.close()
    shutil.rmtree(exports)  # the stick unplugged
    again = started(qtbot, tmp_path)
    assert offered(monkeypatch, "getOpenFileName", again.wizard.open_page.choose_file) == [
        str(Path.home())]
