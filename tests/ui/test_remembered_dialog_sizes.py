"""The revert, refresh and package dialogs open again at the size the user gave them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from importer_gui.core import config_xml, pipeline
from importer_gui.core.store import Store
from importer_gui.ui.package_dialog import PackageDialog
from importer_gui.ui.refresh_dialog import RefreshDialog
from importer_gui.ui.revert_dialog import RevertDialog

Opener = Callable[[Path, Path], QDialog]


def package(sample: Path, store_path: Path) -> QDialog:
    """File ▸ Package of the sample, checked on the store."""
    with Store.open(store_path) as store:
        plan = pipeline.check(config_xml.load(sample / "sample-config.xml"), store)
    return PackageDialog(plan, folder=sample.parent / "out", synchronous=True)


OPENERS: dict[str, Opener] = {
    "revert": lambda _sample, store_path: RevertDialog(store_path, 1, synchronous=True),
    "refresh": lambda _sample, store_path: RefreshDialog(store_path, synchronous=True),
    "package": package,
}


@pytest.mark.parametrize("name", OPENERS)
def test_a_dialog_resized_opens_at_that_size_the_next_time(
        qtbot: QtBot, sample: Path, tmp_path: Path, name: str) -> None:
    store_path = tmp_path / "store.sqlite3"
    Store.open(store_path).close()
    dialog = OPENERS[name](sample, store_path)
    qtbot.addWidget(dialog)
    dialog.show()
    usual = (dialog.width(), dialog.height())
    dialog.resize(usual[0] - 60, usual[1] + 40)
    dialog.reject()
    again = OPENERS[name](sample, store_path)
    qtbot.addWidget(again)
    again.show()
    assert (again.width(), again.height()) == (usual[0] - 60, usual[1] + 40)
