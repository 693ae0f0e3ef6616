"""The "preview, then apply" dialogs' shared parts: the work's progress, its failure, Close
cancelling it, and each dialog's own texts (in its own translation context) on them."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QTableView, QVBoxLayout
from pytestqt.qtbot import QtBot

from importer_gui.core.errors import Cancelled, ImporterError
from importer_gui.core.progress import Monitor
from importer_gui.ui.preview_apply_dialog import PreviewApplyDialog, preview_table
from importer_gui.ui.refresh_dialog import RefreshDialog
from importer_gui.ui.revert_dialog import RevertDialog


class Probe(PreviewApplyDialog):
    """The base alone: an empty table, the progress row, Close and Apply."""

    def __init__(self, *, synchronous: bool = True) -> None:
        super().__init__(Path("unused.sqlite3"), synchronous=synchronous)
        self.model = QStandardItemModel(self)
        self.applied: list[object] = []
        self.work = lambda monitor: "applied"
        layout = QVBoxLayout(self)
        self.view = preview_table(self, "probePreview", self.model)
        layout.addWidget(self.view, 1)
        self.apply_button = self._add_progress_and_buttons(layout, "probe", "C&ancel", "&Apply")

    def commit(self) -> None:
        """Run ``self.work``."""
        self._work("Applying…", self.work, self.applied.append)

    def _cancelled_text(self) -> str:
        return "Cancelled."

    def _can_apply(self) -> bool:
        return not self.applied


@pytest.fixture
def probe(qtbot: QtBot) -> Probe:
    """A shown probe, its action button enabled as a preview would."""
    dialog = Probe()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.apply_button.setEnabled(True)
    return dialog


def test_the_work_shows_its_progress_then_hands_over_its_result(probe: Probe) -> None:
    seen: list[tuple] = []

    def work(monitor: Monitor) -> str:
        monitor.progress(1, 4, "Writing to the store")
        row = probe.progress_row
        seen.append((probe.apply_button.isEnabled(), row.bar.isVisible(),
                     row.cancel_button.isVisible(), row.bar.value(), row.bar.maximum(),
                     probe.status.text()))
        return "written"

    probe.work = work
    probe.apply_button.click()
    assert seen == [(False, True, True, 1, 4, "Writing to the store")]
    assert probe.applied == ["written"]
    assert not probe.progress_row.bar.isVisible()
    assert not probe.progress_row.cancel_button.isVisible()
    assert probe.status.text() == "" and not probe.apply_button.isEnabled()


def test_a_failure_is_shown_and_the_action_offered_again(probe: Probe) -> None:
    def fails(monitor: Monitor) -> None:
        raise ImporterError("The store is locked by another program.")

    probe.work = fails
    probe.apply_button.click()
    assert probe.error.isVisible()
    assert probe.error.text() == "The store is locked by another program."
    assert probe.apply_button.isEnabled() and probe.applied == []
    probe.work = lambda monitor: "written"
    probe.apply_button.click()  # the next work hides the old error
    assert not probe.error.isVisible() and probe.applied == ["written"]


def test_close_while_the_work_runs_cancels_it(qtbot: QtBot) -> None:
    dialog = Probe(synchronous=False)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.apply_button.setEnabled(True)

    def until_cancelled(monitor: Monitor) -> str:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            monitor.check_cancelled()
            time.sleep(0.005)
        return "never cancelled"

    dialog.work = until_cancelled
    dialog.apply_button.click()
    assert dialog.runner.busy and dialog.status.text() == "Applying…"
    dialog.buttons.button(QDialogButtonBox.StandardButton.Close).click()
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.runner.busy, timeout=5000)
    assert dialog.applied == [] and dialog.status.text() == "Cancelled."
    assert not dialog.error.isVisible() and dialog.apply_button.isEnabled()


@pytest.mark.parametrize("name", ["refresh", "revert"])
def test_each_dialog_says_its_own_texts_on_the_shared_parts_in_french(
        french: None, name: str, tmp_path: Path, qtbot: QtBot) -> None:
    store = tmp_path / "store.sqlite3"
    dialog = (RefreshDialog(store, synchronous=True) if name == "refresh"
              else RevertDialog(store, 1, synchronous=True))
    qtbot.addWidget(dialog)
    for widget, suffix in ((QTableView, "Preview"), (QLabel, "Status"), (QLabel, "Error"),
                           (QLabel, "Notice")):
        assert dialog.findChild(widget, name + suffix) is not None, name + suffix
    # A&nnuler beside &Actualiser: Alt+A is the refresh's.
    assert dialog.progress_row.cancel_button.text() == {"refresh": "A&nnuler",
                                                        "revert": "&Annuler"}[name]
    assert dialog.action_button.text() == {"refresh": "&Actualiser",
                                           "revert": "&Défaire"}[name]

    def cancelled(monitor: Monitor) -> None:
        raise Cancelled()

    dialog._work("…", cancelled, lambda result: None)
    assert dialog.status.text() == "Annulé\u00a0: rien n'a été écrit."
