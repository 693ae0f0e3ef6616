"""A change made by hand is kept however the user moves through the wizard, and saved only
where the user says: a configuration changed on disk is replaced only when asked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from importer_gui.core.catalogue import IGNORED_COLUMN
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.wizard import CONFIG, MAPPING, Wizard
from tests.ui.conftest import Questions
from tests.ui.test_unsaved_configuration import EMAIL, fields


def click(qtbot: QtBot, wizard: Wizard, button: QWizard.WizardButton) -> None:
    """Click one of the wizard's buttons (Back, Next) as the user does."""
    qtbot.mouseClick(wizard.button(button), Qt.MouseButton.LeftButton)


def test_saving_over_a_configuration_changed_on_disk_asks_replace_or_keep(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    path = sample / "sample-config.xml"
    assert window.open_file(path)
    qtbot.waitUntil(lambda: window.wizard.currentId() > CONFIG, timeout=20_000)
    click(qtbot, window.wizard, QWizard.WizardButton.BackButton)
    click(qtbot, window.wizard, QWizard.WizardButton.BackButton)
    assert window.wizard.currentId() == MAPPING
    window.wizard.mapping_page.set_field(EMAIL, IGNORED_COLUMN)
    theirs = path.read_text(encoding="utf-8").replace(
        "<import-config>", "<import-config><!-- a colleague's -->", 1)
    path.write_text(theirs, encoding="utf-8")
    questions.answers += ["Save the configuration", "Keep it"]
    assert not window.close()
    assert questions.asked[1] == ("The configuration changed on disk", (
        f"{path} was changed by another program since it was opened here. Replace it with "
        "this configuration? (Its changes would be lost.)"), ["Keep it", "Replace it"])
    assert path.read_text(encoding="utf-8") == theirs and window.isVisible()
    questions.answers += ["Save the configuration", "Replace it"]
    assert window.close()
    assert fields(path)[EMAIL] == IGNORED_COLUMN


def test_in_french_the_file_changed_on_disk_is_kept_or_replaced_in_words(
        french: None, window: MainWindow, sample: Path, questions: Questions) -> None:
    path = sample / "sample-config.xml"
    assert window.wizard.open_page.open_path(path)
    path.write_text(path.read_text(encoding="utf-8") + "<!-- a colleague's -->\n",
                    encoding="utf-8")
    assert not window.wizard.config_page.save_config_as(path)
    assert questions.asked == [("La configuration a changé sur le disque", (
        f"{path} a été modifié par un autre programme depuis son ouverture ici. Le remplacer "
        "par cette configuration\u00a0? (Ses modifications seraient perdues.)"),
        ["Le garder", "Le remplacer"])]
