"""A screen reader names every field and table of the dialogs: by its label when the label
is its buddy, else by an accessible name of its own (in French too)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from importer_gui.core.store import Store
from importer_gui.ui.refresh_dialog import RefreshDialog
from importer_gui.ui.revert_dialog import RevertDialog
from importer_gui.ui.store_browser import StoreBrowser
from importer_gui.ui.store_dialog import StoreDialog
from tests.ui.test_alt_letters import committed, each_tab


def nameless(dialog: QWidget) -> list[str]:
    """The object names of the fields, lists and tables shown that nothing names."""
    buddies = {label.buddy() for label in dialog.findChildren(QLabel)}
    return [field.objectName() or type(field).__name__
            for field in dialog.findChildren(QWidget)
            if isinstance(field, (QLineEdit, QComboBox, QAbstractItemView))
            and not isinstance(field.parent(), QComboBox)  # a list's own popup
            and not isinstance(field, QHeaderView)  # a table's, named with it
            and field.isVisible() and field not in buddies and not field.accessibleName()
            and not isinstance(field, QAbstractButton)]


@pytest.fixture(params=["English", "French"])
def speaking(request: pytest.FixtureRequest) -> str:
    if request.param == "French":
        request.getfixturevalue("french")
    return str(request.param)


def test_every_field_and_table_of_the_dialogs_is_named(
        speaking: str, sample: Path, tmp_path: Path, qtbot: QtBot) -> None:
    store_path, _plan, run_id = committed(sample, tmp_path)
    found: dict[str, list[str]] = {}
    with Store.open(store_path) as store:
        browser = StoreBrowser(store)
        qtbot.addWidget(browser)
        browser.show()
        for tab in each_tab(browser):
            found[f"browser {tab}"] = nameless(browser)
        browser.reject()
    store_dialog = StoreDialog(store_path)
    dialogs: dict[str, QWidget] = {"revert": RevertDialog(store_path, run_id, synchronous=True),
                                   "refresh": RefreshDialog(store_path, synchronous=True),
                                   "store": store_dialog}
    for name, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        dialog.show()
        found[name] = nameless(dialog)
    store_dialog.url_choice.setChecked(True)
    found["store, a URL"] = nameless(store_dialog)
    assert len(found) > 10
    assert found == {name: [] for name in found}
