"""The package dialog offers, next month, the folder the configuration's last package went to
(an administrator packaging into a shared folder every month), and starts choosing a key file
where the last one was chosen."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from importer_gui.core import config_xml, pipeline
from importer_gui.core.store import Store
from importer_gui.ui.package_dialog import DEFAULT_FOLDER_NAME, PackageDialog
from tests.ui.test_remembered_folders import offered
from tests.ui.wizards import shot


def checked(config: Path, store: Path) -> pipeline.Plan:
    """The configuration checked on the store."""
    with Store.open(store) as opened:
        return pipeline.check(config_xml.load(config), opened)


def shown(qtbot: QtBot, plan: pipeline.Plan) -> PackageDialog:
    """The dialog as the commit page's Package… shows it."""
    dialog = PackageDialog(plan, synchronous=True)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def packaged_in(qtbot: QtBot, plan: pipeline.Plan, folder: Path) -> None:
    """A package of ``plan`` written in ``folder``, the dialog then closed."""
    dialog = shown(qtbot, plan)
    dialog.folder_edit.setText(str(folder))
    dialog.package_button.click()
    assert dialog.result is not None and dialog.result.folder == folder
    dialog.close()


def test_next_month_the_package_goes_to_the_folder_the_last_went_to(
        qtbot: QtBot, tmp_path: Path, sample: Path, screenshots: Path) -> None:
    store = tmp_path / "store.sqlite3"
    plan = checked(sample / "sample-config.xml", store)
    assert shown(qtbot, plan).folder_edit.text() == str(sample / DEFAULT_FOLDER_NAME)
    share = tmp_path / "share" / "platform"
    packaged_in(qtbot, plan, share)
    next_month = shown(qtbot, checked(sample / "sample-config.xml", store))
    assert next_month.folder_edit.text() == str(share)
    shot(next_month, screenshots, "package-folder-remembered")
    other = Path(shutil.copytree(sample, tmp_path / "other"))
    assert shown(qtbot, checked(other / "sample-config.xml", store)).folder_edit.text() == str(
        other / DEFAULT_FOLDER_NAME)  # each configuration its own folder


def test_a_shared_folder_gone_since_offers_the_configurations_again(
        qtbot: QtBot, tmp_path: Path, sample: Path) -> None:
    store = tmp_path / "store.sqlite3"
    plan = checked(sample / "sample-config.xml", store)
    packaged_in(qtbot, plan, tmp_path / "share" / "platform")
    shutil.rmtree(tmp_path / "share")  # the share is not mounted today
    assert shown(qtbot, plan).folder_edit.text() == str(sample / DEFAULT_FOLDER_NAME)


def test_a_key_file_is_chosen_from_the_folder_the_last_one_was(
        qtbot: QtBot, tmp_path: Path, sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    keys = tmp_path / "keys"
    keys.mkdir()
    (keys / "platform_ed25519").write_text("key", encoding="utf-8")
    plan = checked(sample / "sample-config.xml", tmp_path / "store.sqlite3")
    first = shown(qtbot, plan)
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName", staticmethod(
        lambda *_a, **_k: (str(keys / "platform_ed25519"), "")))
    first.choose_key()
    assert first.key_edit.text() == str(keys / "platform_ed25519")
    first.close()
    again = shown(qtbot, plan)
    assert again.key_edit.text() == ""  # never sent with it: not in the box
    assert offered(monkeypatch, "getOpenFileName", again.choose_key) == [str(keys.resolve())]
