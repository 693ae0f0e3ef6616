"""The platform's messages read in French in the French window, its own words a tooltip away;
the English window and what is written to files keep the platform's words."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from importer_gui.core.catalogue import messages as msg
from importer_gui.core.issues import Issue, Level
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.messages_text import (
    message_text,
    platform_words,
    row_message_text,
    workbook_words,
)
from importer_gui.ui.models.preview_model import issue_text
from importer_gui.ui.pages.preview_page import PreviewPage
from tests.ui.wizards import sample_preview, shot

NBSP = "\u00a0"
UNKNOWN = msg.TRAINING_CODE_UNKNOWN.format(code="XX-00042")


def test_a_platform_message_reads_in_french_its_words_a_step_away(french: None) -> None:
    assert issue_text(Level.ERROR, UNKNOWN) == (
        f"Erreur{NBSP}: Aucune formation trouvée avec le code de parcours de formation "
        "XX-00042.")
    assert platform_words(UNKNOWN) == (
        f"Message de la plateforme{NBSP}: Training with training path code XX-00042 is not "
        "found.")
    status = msg.INVALID_STATUS.format(value="X", expected="A, B or C")
    assert row_message_text(status) == (
        f"Le statut a une valeur invalide, X{NBSP}; A, B ou C attendu.")


def test_what_is_written_keeps_the_platform_s_words(french: None) -> None:
    assert message_text(UNKNOWN) == UNKNOWN
    issue = workbook_words().issue_text
    assert issue(Issue(Level.ERROR, "trainingCode", UNKNOWN)).endswith(UNKNOWN)


def test_the_english_window_shows_the_platform_s_words_alone(qapp: object) -> None:
    assert issue_text(Level.ERROR, UNKNOWN) == f"ERROR: {UNKNOWN}"
    assert platform_words(UNKNOWN) is None


def teacher_row(window: MainWindow, sample: Path, qtbot: QtBot) -> PreviewPage:
    """The sample's interventions, the row whose teacher nothing has selected."""
    page = sample_preview(window, sample, qtbot)
    page.import_box.setCurrentIndex(page.import_box.findData(3))  # the interventions
    page.summary_list.setCurrentIndex(page.messages.index(4))  # the teacher's message
    page.table.setCurrentIndex(page.model.index(0, 2))
    QApplication.processEvents()
    return page


def second_line_tip(page: PreviewPage) -> str | None:
    """The tooltip over the selected row panel's second line (its first message)."""
    block = page.details.document().findBlockByNumber(1)
    cursor = page.details.textCursor()
    cursor.setPosition(block.position() + 2)
    spot = page.details.cursorRect(cursor).center()
    return page.details.tip_at(QPoint(spot.x(), spot.y()))


def test_the_preview_shows_the_platform_s_message_in_french(
        french: None, window: MainWindow, sample: Path, qtbot: QtBot,
        screenshots: Path) -> None:
    page = teacher_row(window, sample, qtbot)
    words = f"Message de la plateforme{NBSP}: Teacher with login inconnu is not found."
    assert page.messages.text(4) == (
        f"1 × Erreur{NBSP}: Aucun formateur trouvé avec l'identifiant inconnu. "
        "(Identifiant du formateur — teacherLogin)")
    tip = page.messages.data(page.messages.index(4), Qt.ItemDataRole.ToolTipRole)
    assert tip.endswith("\n" + words)
    assert page.details.toPlainText().splitlines()[1] == (  # the panel's text: plain spaces
        "Erreur : Aucun formateur trouvé avec l'identifiant inconnu. "
        "(Identifiant du formateur — teacherLogin)")
    assert second_line_tip(page) == words
    shot(window, screenshots, "platform-message-in-french")


def test_the_english_preview_shows_the_platform_s_words_without_a_second_tip(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    page = teacher_row(window, sample, qtbot)
    message = "ERROR: Teacher with login inconnu is not found. (Teacher's login — teacherLogin)"
    assert page.messages.text(4) == f"1 × {message}"
    assert page.messages.data(page.messages.index(4), Qt.ItemDataRole.ToolTipRole) == \
        f"1 × {message}"
    assert page.details.toPlainText().splitlines()[1] == message
    assert second_line_tip(page) is None
