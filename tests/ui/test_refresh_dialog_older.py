"""Tools ▸ Refresh… from an export older than the store's last refresh: the preview says so,
and Refresh asks first; kept, nothing is written."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from importer_gui.core.platform_io import export_config, refresh
from importer_gui.core.store import Store
from importer_gui.ui.refresh_dialog import RefreshDialog
from tests.conftest import SAMPLE
from tests.core.test_refresh_older import NEW, OLD, email
from tests.ui.conftest import Questions


def refreshed_then_older(tmp_path: Path) -> tuple[Path, Path, str]:
    """A store refreshed from the sample's exports with Claire's new address, then the older
    learners' export put back; the configuration, the store, and what the dialog says."""
    exports = Path(shutil.copytree(SAMPLE / "exports", tmp_path / "exports"))
    learners = exports / "platform_learners.csv"
    older = learners.read_bytes()
    learners.write_bytes(older.replace(OLD.encode(), NEW.encode()))
    store = tmp_path / "store.sqlite3"
    with Store.open(store) as opened:
        refresh.commit_refresh(refresh.plan_refresh(
            export_config.load(exports / "export-config.xml"), opened), opened)
        started = opened.history()[0].started.astimezone()
    learners.write_bytes(older)
    moment = time.mktime((2025, 1, 4, 10, 30, 0, 0, 0, -1))
    os.utime(learners, (moment, moment))
    said = ("platform_learners.csv was last changed on 2025-01-04 10:30, before the store's "
            f"last refresh (run 1, on {started:%Y-%m-%d %H:%M}): refreshing from it may put "
            "older data back in the store.")
    return exports / "export-config.xml", store, said


def test_an_older_export_is_said_and_refreshed_only_once_agreed(
        tmp_path: Path, qtbot: QtBot, questions: Questions, screenshots: Path) -> None:
    config, store, said = refreshed_then_older(tmp_path)
    dialog = RefreshDialog(store, config_path=config, synchronous=True)
    qtbot.addWidget(dialog)
    dialog.resize(1100, 650)
    dialog.show()
    assert dialog.notice.isVisible() and dialog.notice.text().endswith(said)
    dialog.grab().save(str(screenshots / "refresh-older-export.png"))
    questions.answers = ["Keep the store as it is"]
    dialog.refresh_button.click()
    assert questions.asked == [("Refresh from an older export?",
                                f"{said}\n\nRefresh from it all the same?",
                                ["Keep the store as it is", "Refresh all the same"])]
    assert dialog.status.text() == ("Nothing was written: the store keeps what its last "
                                    "refresh and the imports since wrote.")
    assert dialog.result is None and email(store) == NEW
    questions.answers = ["Refresh all the same"]
    dialog.refresh_button.click()
    assert dialog.result is not None and dialog.result.run_id == 2
    assert email(store) == OLD


def test_the_question_is_asked_in_french(tmp_path: Path, qtbot: QtBot, questions: Questions,
                                         french: None) -> None:
    config, store, _said = refreshed_then_older(tmp_path)
    dialog = RefreshDialog(store, config_path=config, synchronous=True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.refresh_button.click()
    [(title, text, answers)] = questions.asked
    assert (title, answers) == ("Actualiser depuis un export plus ancien\u00a0?",
                                ["Garder la base telle quelle", "Actualiser quand même"])
    assert text.startswith("platform_learners.csv a été modifié pour la dernière fois le "
                           "2025-01-04 10:30, avant la dernière actualisation de la base")
    assert email(store) == NEW
