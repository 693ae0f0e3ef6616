"""--version text, resource lookup (source tree and frozen), the app icon and the About dialog."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from importer_gui import resources
from importer_gui.about import version_text

if TYPE_CHECKING:  # Qt is imported by the tests that need it
    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

ROOT = Path(__file__).resolve().parents[1]


def pyproject_version() -> str:
    """The version maintainers bump: pyproject.toml's."""
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["project"]["version"]


def test_version_text_names_version_python_qt_and_folders() -> None:
    from PySide6 import QtCore

    data = Path(os.environ["IMPORTER_GUI_DATA_DIR"])  # private to each test (conftest.py)
    config = Path(os.environ["IMPORTER_GUI_CONFIG_DIR"])
    lines = version_text().splitlines()
    assert lines[0] == f"Import Assistant {pyproject_version()}"
    assert lines[1].startswith(f"Python {platform.python_version()} ")
    assert lines[2].startswith(f"Qt {QtCore.qVersion()} (PySide6 ")
    assert lines[3] == f"Store: {data / 'store.sqlite3'}"
    assert lines[4] == f"Configurations: {config / 'configurations'}"
    assert lines[5] == f"Log: {data / 'import-assistant.log'}"


def test_version_text_shows_the_store_in_use(tmp_path: Path) -> None:
    store = tmp_path / "elsewhere" / "team.sqlite3"
    assert f"Store: {store}" in version_text(store).splitlines()


def run_python(code: str) -> str:
    """Run ``code`` in a fresh interpreter (so sys.modules is clean); return its stdout."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=ROOT)
    return done.stdout.strip()


def test_about_module_does_not_load_qt_on_import() -> None:
    out = run_python("import sys, importer_gui.about; "
                     "print(sorted(m for m in sys.modules if m.startswith('PySide6')))")
    assert out == "[]"


def test_version_text_without_pyside6_says_qt_is_missing() -> None:
    # sys.modules[name] = None makes "import PySide6" raise ImportError, as if not installed.
    out = run_python("import sys; sys.modules['PySide6'] = None; "
                     "from importer_gui.about import version_text; print(version_text())")
    assert "Qt not available (PySide6 is not installed)" in out.splitlines()
    assert out.splitlines()[0] == f"Import Assistant {pyproject_version()}"


def test_version_on_the_command_line_says_the_column_engine_last() -> None:
    from importlib import metadata

    out = run_python("from importer_gui.cli import main; main(['--version'])")
    assert out.splitlines()[:-1] == version_text().splitlines()
    assert out.splitlines()[-1] == f"Column engine: polars {metadata.version('polars')}"


def test_version_on_the_command_line_without_polars_says_rows_are_planned_one_by_one() -> None:
    out = run_python("import sys; sys.modules['polars'] = None; "
                     "from importer_gui.cli import main; main(['--version'])")
    assert out.splitlines()[-1] == (
        "Column engine: none here (large files are planned row by row)")


def test_resource_path_in_the_source_tree_is_the_repository_folder() -> None:
    assert resources.resource_path("icons", "import-assistant.svg") == (
        ROOT / "resources" / "icons" / "import-assistant.svg")
    assert resources.resource_path("icons", "import-assistant.svg").is_file()


def test_resource_path_when_frozen_is_inside_the_bundle(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resource_path("sample", "sample-config.xml") == (
        tmp_path / "resources" / "sample" / "sample-config.xml")


def test_app_icon_offers_every_rendered_size(qapp: QApplication) -> None:
    from PySide6.QtCore import QSize

    from importer_gui.ui.icons import ICON_SIZES, app_icon

    icon = app_icon()
    assert not icon.isNull()
    available = set(icon.availableSizes())
    for size in ICON_SIZES:
        assert QSize(size, size) in available
        assert icon.pixmap(size, size).size() == QSize(size, size)


def test_about_dialog_shows_version_text_selectably_and_closes(
        qtbot: QtBot, tmp_path: Path, screenshots: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox, QLabel

    from importer_gui.ui.about import AboutDialog

    store = tmp_path / "store.sqlite3"
    dialog = AboutDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    details = dialog.findChild(QLabel, "aboutDetails")
    assert details.text() == version_text(store)
    assert f"Import Assistant {pyproject_version()}" in details.text()
    assert details.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert dialog.windowTitle() == "About Import Assistant"
    assert not dialog.icon_label.pixmap().isNull()
    assert dialog.grab().save(str(screenshots / "about-dialog.png"))
    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_the_details_and_their_copy_are_reached_by_tab(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from importer_gui.ui.about import AboutDialog

    dialog = AboutDialog(tmp_path / "store.sqlite3")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    assert QApplication.focusWidget() is close  # Enter closes it at once, as before
    met = []
    for _ in range(3):  # round the dialog, back to Close
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        met.append(QApplication.focusWidget())
    assert met == [dialog.details_label, dialog.copy_button, close]
    qtbot.keyClick(close, Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.details_label, Qt.Key.Key_Return)  # Enter still closes it
    assert not dialog.isVisible()


def test_copy_details_puts_them_on_the_clipboard_for_a_support_request(
        qtbot: QtBot, tmp_path: Path, qapp: QApplication) -> None:
    from PySide6.QtCore import Qt

    from importer_gui.ui.about import AboutDialog

    store = tmp_path / "store.sqlite3"
    dialog = AboutDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    qapp.clipboard().clear()
    dialog.copy_button.setFocus()
    qtbot.keyClick(dialog.copy_button, Qt.Key.Key_Return)  # the keyboard's way to it
    assert qapp.clipboard().text() == version_text(store)
    assert dialog.isVisible()
