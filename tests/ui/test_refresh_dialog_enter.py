"""Tools ▸ Refresh…: Enter in the configuration's path box previews the path typed; it never
opens a file chooser nor refreshes the store (QA12 D8)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QPushButton

from importer_gui.core.store import Store
from importer_gui.ui.refresh_dialog import RefreshDialog
from tests.conftest import SAMPLE
from tests.stores import existing_store


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The titles of the file dialogs the dialog opened (none is shown: they are recorded)."""
    titles: list[str] = []

    def record(_parent: object, title: str, *args: object) -> tuple[object, str]:
        titles.append(title)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(record))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(
        lambda parent, title, *args: (titles.append(title), ([], ""))[1]))
    return titles


def typed(dialog: RefreshDialog, path: Path) -> None:
    """Type ``path`` in the empty path box, then press Enter, as a user does."""
    dialog.config_edit.setFocus()
    dialog.config_edit.selectAll()
    QTest.keyClick(dialog.config_edit, Qt.Key.Key_Delete)
    QTest.keyClicks(dialog.config_edit, str(path))
    QTest.keyClick(dialog.config_edit, Qt.Key.Key_Return)


def listed(dialog: RefreshDialog) -> list[str]:
    """The exports the Export list names, once previewed."""
    return [dialog.exports.itemText(i) for i in range(dialog.exports.count())]


def test_enter_in_the_path_box_previews_the_path_typed(
        qtbot: object, tmp_path: Path, opened: list[str], screenshots: Path) -> None:
    exports = Path(shutil.copytree(SAMPLE / "exports", tmp_path / "exports"))
    store = existing_store(tmp_path / "store.sqlite3")
    dialog = RefreshDialog(store, synchronous=True)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.resize(1000, 600)
    dialog.show()
    typed(dialog, exports / "export-config.xml")
    assert opened == []
    assert len(listed(dialog)) == 7
    assert listed(dialog)[0] == "platform_trainings.csv (training courses)"
    assert dialog.refresh_button.isEnabled()
    dialog.grab().save(str(screenshots / "refresh-dialog-enter.png"))

    # With a preview shown, Enter on another path previews it: it never refreshes the store.
    other = Path(shutil.copytree(exports, tmp_path / "other"))
    (other / "platform_events.csv").unlink()
    typed(dialog, other / "export-config.xml")
    assert opened == []
    assert dialog.result is None
    with Store.open(store) as reopened:
        assert reopened.history() == []
    assert dialog.error.isVisible()
    assert "platform_events.csv" in dialog.error.text()


def test_no_button_of_the_choice_rows_takes_enter(qtbot: object, tmp_path: Path) -> None:
    dialog = RefreshDialog(tmp_path / "store.sqlite3", synchronous=True)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.show()
    buttons = {b.text(): b for b in dialog.findChildren(QPushButton)}
    for text in ("&Browse…", "Choose the &files…", "&Preview"):
        assert not buttons[text].autoDefault(), text
        assert not buttons[text].isDefault(), text
