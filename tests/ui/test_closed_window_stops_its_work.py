"""A window deleted while its work runs stops that work at its next step: nobody will see
its outcome, and it would hold one of the two shared threads (and a processor) until its
end, keeping the user's next check waiting."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QThreadPool
from pytestqt.qtbot import QtBot

from importer_gui.ui.refresh_dialog import RefreshDialog
from tests.conftest import SAMPLE

TRAININGS = 200_000  # a second or more of reading: deleted at its first report, far from its end


def large_export(folder: Path) -> Path:
    """The sample export with ``TRAININGS`` more training courses; its configuration."""
    shutil.copytree(SAMPLE / "exports", folder)
    with (folder / "platform_trainings.csv").open("a", encoding="utf-8") as out:
        out.writelines(f"TR-{n:06d};;Formation {n};campus;\n" for n in range(TRAININGS))
    return folder / "export-config.xml"


def test_a_refresh_dialog_deleted_while_it_reads_the_exports_stops_reading(
        tmp_path: Path, qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="importer_gui.ui.tasks")
    dialog = RefreshDialog(tmp_path / "store.sqlite3",
                           config_path=large_export(tmp_path / "export"))
    runner = dialog.runner
    dialog.show()
    with qtbot.waitSignal(runner.progressed, timeout=30_000):  # the exports being read
        pass
    dialog.deleteLater()  # as with the window that owns it (a store browser), no Close pressed
    qtbot.waitUntil(lambda: not shiboken6.isValid(runner))
    assert QThreadPool.globalInstance().waitForDone(60_000)
    QCoreApplication.processEvents()  # a result handed over is dropped on this thread
    said = [r.getMessage() for r in caplog.records if r.name == "importer_gui.ui.tasks"]
    assert any("stopped at a cancel" in line for line in said), said
    assert not any("ran to its end for nobody" in line for line in said), said
