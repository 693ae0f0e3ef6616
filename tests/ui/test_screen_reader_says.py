"""What a screen reader says of the controls that show more, or other, than their text:
the preview's count badges as a sentence, the File box and the file lists whole."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from importer_gui.ui.language import ENGLISH, FRENCH
from importer_gui.ui.main_window import MainWindow
from tests.ui.test_alt_letters import shown  # noqa: F401  (a fixture: the window, in a language)
from tests.ui.wizards import sample_preview

COUNTS = {
    ENGLISH: "4 row(s): 3 to create, 0 to update, 0 unchanged, 0 to delete, 1 with errors.",
    FRENCH: "4 lignes\u00a0: 3 à créer, 0 à mettre à jour, 0 inchangée, 0 à supprimer, "
            "1 en erreur.",
}


def said(widget: QWidget) -> str:
    """The name a screen reader reads for ``widget``."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(QAccessible.Text.Name)


def test_the_preview_counts_are_said_as_a_sentence(
        speaking: str, shown: MainWindow, sample: Path, qtbot: QtBot) -> None:  # noqa: F811
    page = sample_preview(shown, sample, qtbot)
    assert said(page.counts_label) == COUNTS[speaking]
