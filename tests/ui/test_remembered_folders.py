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
from importer_gui.ui.store_dialog import StoreDialog
from importer_gui.ui.wizard import CONFIG
from tests.ui.test_nothing_lost import correct_the_email
from tests.ui.test_preview_saving import offered_folder
from tests.ui.wizards import sample_preview


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


def test_save_as_offers_the_folder_a_configuration_was_last_saved_in(
        qtbot: QtBot, tmp_path: Path, sample: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    configs = Path(shutil.copytree(sample, tmp_path / "configurations"))
    exports = Path(shutil.copytree(sample, tmp_path / "june-exports"))
    first = started(qtbot, tmp_path)
    opened(first, configs / "sample-config.xml", qtbot)
    first.close()
    again = started(qtbot, tmp_path)
    opened(again, exports / "teachers.csv", qtbot)
    wizard = again.wizard
    while wizard.currentId() != CONFIG:
        wizard.next()
    qtbot.waitUntil(lambda: not wizard.config_page.runner.busy, timeout=20_000)
    assert offered(monkeypatch, "getSaveFileName", wizard.config_page._ask_save_as) == [
        str(configs.resolve() / "teachers.xml")]


@pytest.mark.parametrize(("button", "save"), [("log_button", "save_error_log"),
                                              ("copy_button", "save_corrected_copy")])
def test_a_report_or_copy_is_offered_where_the_last_went_before_the_restart(
        qtbot: QtBot, tmp_path: Path, sample: Path, button: str, save: str) -> None:
    kept = tmp_path / "kept"
    kept.mkdir()
    first = started(qtbot, tmp_path)
    page = sample_preview(first, sample, qtbot)
    correct_the_email(page)
    getattr(page, save)(kept / "saved.csv")
    qtbot.waitUntil(lambda: page.export_runner.busy is False, timeout=20_000)
    assert page.progress_label.text() == f"Saved {kept / 'saved.csv'}."
    first.close()
    again = started(qtbot, tmp_path)
    page = sample_preview(again, sample, qtbot)
    correct_the_email(page)
    assert offered_folder(page, button) == str(kept.resolve())


def test_browse_for_a_store_starts_in_the_folder_the_last_one_was_chosen_in(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    team = tmp_path / "team-stores"
    team.mkdir()
    first = started(qtbot, tmp_path)
    dialog = StoreDialog(first.store_path, first, first.settings)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *_a, **_k: (str(team / "training.sqlite3"), "")))
    dialog.browse_button.click()
    assert dialog.path_edit.text() == str(team / "training.sqlite3")
    dialog.reject()  # the store chosen is not opened: where it was looked for is kept
    first.close()
    again = started(qtbot, tmp_path)
    dialog = StoreDialog(again.store_path, again, again.settings)
    assert offered(monkeypatch, "getSaveFileName", dialog.browse_button.click) == [
        str(team.resolve())]
