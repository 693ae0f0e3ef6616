"""What a screen reader says of the controls that show more, or other, than their text:
the preview's count badges as a sentence, the File box and the file lists whole."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtGui import QAccessible, QStandardItemModel
from PySide6.QtWidgets import QListView, QWidget
from pytestqt.qtbot import QtBot

from importer_gui.ui.language import ENGLISH, FRENCH
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.refresh_dialog import RefreshDialog
from importer_gui.ui.revert_dialog import RevertDialog
from importer_gui.ui.widgets.elided_combo import ElidedCombo
from importer_gui.ui.widgets.file_entries import FileEntries, file_entry
from tests.conftest import SAMPLE
from tests.ui.test_alt_letters import shown  # noqa: F401  (a fixture: the window, in a language)
from tests.ui.test_elided_texts import LONG
from tests.ui.test_revert_dialog import committed  # noqa: F401  (a fixture: a run to revert)
from tests.ui.wizards import sample_preview

NBSP = "\u00a0"
COUNTS = {
    ENGLISH: "4 rows: 3 to create, 0 to update, 0 unchanged, 0 to delete, 1 with errors.",
    FRENCH: "4 lignes\u00a0: 3 à créer, 0 à mettre à jour, 0 inchangée, 0 à supprimer, "
            "1 en erreur.",
}


def said(widget: QWidget, text: QAccessible.Text = QAccessible.Text.Name) -> str:
    """What a screen reader reads for ``widget``: its name, or ``text``."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(text)


def test_the_preview_counts_are_said_as_a_sentence(
        speaking: str, shown: MainWindow, sample: Path, qtbot: QtBot) -> None:  # noqa: F811
    page = sample_preview(shown, sample, qtbot)
    assert said(page.counts_label) == COUNTS[speaking]


def test_a_narrow_file_box_and_recent_list_are_said_whole(qtbot: QtBot) -> None:
    box = ElidedCombo()
    qtbot.addWidget(box)
    box.addItem(LONG)
    box.setFixedWidth(box.minimumSizeHint().width() + 40)
    box.show()
    assert box.shown_text() != LONG
    assert said(box, QAccessible.Text.Value) == LONG
    folder = "/srv/imports/2025/spring term/Lyon and Grenoble"
    model = QStandardItemModel()
    model.appendRow(file_entry(Path(folder, "teachers of the second term.csv"), folder))
    recent = QListView()
    qtbot.addWidget(recent)
    recent.setModel(model)
    recent.setItemDelegate(FileEntries(recent))
    recent.resize(160, 100)  # the folder elided where drawn
    recent.show()
    entry = QAccessible.queryAccessibleInterface(recent).child(0)
    assert entry.text(QAccessible.Text.Name) == f"teachers of the second term.csv — {folder}"


REVERT_COUNTS = {
    ENGLISH: ("recreate: 1   restore: 1   delete: 1", "recreate: 1, restore: 1, delete: 1."),
    FRENCH: (f"recréation{NBSP}: 1   rétablissement{NBSP}: 1   suppression{NBSP}: 1",
             f"recréation{NBSP}: 1, rétablissement{NBSP}: 1, suppression{NBSP}: 1."),
}


def test_the_revert_counts_are_said_with_a_stop_between_them(
        speaking: str, committed: tuple[Path, int, dict], qtbot: QtBot) -> None:  # noqa: F811
    store_path, run_id, _before = committed
    dialog = RevertDialog(store_path, run_id, synchronous=True)
    qtbot.addWidget(dialog)
    assert (dialog.counts.text(), said(dialog.counts)) == REVERT_COUNTS[speaking]


def test_the_refresh_counts_are_said_as_a_sentence(
        tmp_path: Path, qtbot: QtBot) -> None:
    exports = Path(shutil.copytree(SAMPLE / "exports", tmp_path / "exports"))
    dialog = RefreshDialog(tmp_path / "store.sqlite3", config_path=exports / "export-config.xml",
                           synchronous=True)
    qtbot.addWidget(dialog)
    assert (dialog.counts.text(), said(dialog.counts)) == ("create: 4", "create: 4.")
