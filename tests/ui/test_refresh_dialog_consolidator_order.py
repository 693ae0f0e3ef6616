"""Tools ▸ Refresh… from an export configuration whose consolidators are out of the
documented order: previewed and refreshed, the warning said above the preview, in French."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from importer_gui.ui.refresh_dialog import RefreshDialog
from tests.conftest import SAMPLE
from tests.core.test_refresh_consolidator_order import out_of_order, trainings


@pytest.mark.usefixtures("french")
def test_consolidators_out_of_order_are_warned_of_in_french_and_refreshed(
        tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    shutil.copytree(SAMPLE / "exports", tmp_path / "exports")
    config, store = out_of_order(tmp_path), tmp_path / "store.sqlite3"
    dialog = RefreshDialog(store, config_path=config, synchronous=True)
    qtbot.addWidget(dialog)
    dialog.resize(1100, 650)
    dialog.show()
    assert dialog.notice.isVisible()
    assert dialog.notice.text() == (
        "<moveToFolder> (ligne 30) vient après <cleanFolder> (ligne 29) dans "
        "<consolidators>\N{NO-BREAK SPACE}: la documentation de la plateforme les déclare dans "
        "cet ordre pour qu'ils fonctionnent correctement\N{NO-BREAK SPACE}: timeLogger, "
        "moveToFolder, emailReport, archive, generateEndFile, cleanFolder. La configuration "
        "est lue malgré tout.")
    dialog.grab().save(str(screenshots / "refresh-consolidators-out-of-order.png"))
    assert dialog.refresh_button.isEnabled()
    dialog.refresh_button.click()
    assert dialog.result is not None and trainings(store) == 4
