"""XML typed on the configuration page, not valid yet, left by Back: kept when the earlier
pages' Next changes the configuration meanwhile (their changes go in where the user did not
type; where they did, the user's lines stay and the page says so), and opening another file
asks before it drops it, as quitting and starting anew do, offering only what can work."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from importer_gui.core import config_xml
from importer_gui.core.catalogue import IGNORED_COLUMN
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.wizard import ACTION, CONFIG, MAPPING, OPEN
from tests.ui.conftest import Questions, asked_on_screen
from tests.ui.test_another_import_shown import go_to
from tests.ui.test_config_editor_mistakes import configuration_page
from tests.ui.test_hand_edits_kept import type_over
from tests.ui.test_nothing_lost import correct_the_email
from tests.ui.test_unsaved_configuration import EMAIL
from tests.ui.wizards import sample_preview

NAMESPACE = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
WITH_IA = ('xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xmlns:ia="urn:import-assistant:extension:1">')
TYPED_COLUMNS = ("<teacherLogin/>\n          <teacherName/>\n          <teacherFirstname/>\n"
                 "          <teacherEmail>\n")
MISMATCH = ("The configuration is not well-formed XML (line 15): Opening and ending tag "
            "mismatch: teacherEmail line 14 and columnsMapping.")
OPEN_TITLE = "Open another file?"
DROPS = ("Your changes to the import of teachers.csv cannot be kept in the configuration "
         "yet, and opening another file drops them.")


def typed_then_round_trip(window: MainWindow, sample: Path, qtbot: QtBot,
                          old: str, new: str) -> str:
    """The sample opened, ``new`` typed over ``old`` in its XML, then Back to the action
    and Next to the configuration again, the e-mail column skipped on the mapping page on
    the way: its Next writes the mapping (the columns' headers recorded). The XML as
    typed."""
    sample_preview(window, sample, qtbot)
    wizard = window.wizard
    go_to(qtbot, wizard, CONFIG)
    type_over(qtbot, window, old, new)
    typed = wizard.config_page.editor.toPlainText()
    go_to(qtbot, wizard, ACTION)
    go_to(qtbot, wizard, MAPPING)
    wizard.mapping_page.set_field(EMAIL, IGNORED_COLUMN)
    go_to(qtbot, wizard, CONFIG)
    return typed


def with_the_mapping_change(typed: str) -> str:
    """The XML as typed with what the mapping page changed where the user did not type: our
    namespace declared, the e-mail gone from the action's fields."""
    return typed.replace(NAMESPACE, WITH_IA).replace("          <teacherEmail/>\n", "", 1)


def test_an_edit_apart_from_the_mapping_s_rewrite_is_kept_with_it(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    typed_then_round_trip(window, sample, qtbot, "</delimiter>", "</delimiter")
    page = window.wizard.config_page
    now = config_xml.dumps(window.state.session.choices.config)
    assert WITH_IA in now and 'ia:header="Courriel"' in now  # the rewrite
    assert page.editor.toPlainText() == now.replace("</delimiter>", "</delimiter", 1)
    assert page.status_label.text().startswith("The configuration is not well-formed XML")
    assert not page.isComplete() and questions.asked == []


def test_an_edit_on_lines_the_mapping_rewrote_is_kept_as_typed_and_said(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    typed = typed_then_round_trip(window, sample, qtbot, "<teacherEmail/>", "<teacherEmail>")
    page = window.wizard.config_page
    assert TYPED_COLUMNS in typed
    assert page.editor.toPlainText() == with_the_mapping_change(typed)
    assert page.status_label.text() == (
        f"{MISMATCH}\nKept as you typed it at line 11, where the earlier pages changed the "
        "configuration too: their change is not in it.")
    window.wizard.grab().save("/tmp/xh/kept.png")
    assert questions.asked == []


def test_opening_a_file_offers_only_to_drop_the_xml_not_valid_yet(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    typed = typed_then_round_trip(window, sample, qtbot, "<teacherEmail/>", "<teacherEmail>")
    wizard = window.wizard
    go_to(qtbot, wizard, OPEN)
    questions.answers.append("Cancel")
    assert not window.open_file(sample / "sample-config.xml")
    question = (OPEN_TITLE, f"{DROPS}\n\nThe XML: {MISMATCH}",
                ["Discard the changes and open", "Cancel"])
    assert questions.asked == [question]
    go_to(qtbot, wizard, CONFIG)
    assert wizard.config_page.editor.toPlainText() == with_the_mapping_change(typed)
    questions.answers.append("Discard the changes and open")
    assert window.open_file(sample / "sample-config.xml")
    assert questions.asked == [question, question]
    qtbot.waitUntil(lambda: wizard.currentId() >= CONFIG, timeout=20_000)
    go_to(qtbot, wizard, CONFIG)
    page = wizard.config_page
    assert page.editor.toPlainText() == config_xml.dumps(window.state.session.choices.config)
    assert "<teacherEmail>" not in page.editor.toPlainText()


def test_the_open_question_is_in_french(french: None, window: MainWindow, sample: Path,
                                        qtbot: QtBot, questions: Questions) -> None:
    typed_then_round_trip(window, sample, qtbot, "<teacherEmail/>", "<teacherEmail>")
    go_to(qtbot, window.wizard, OPEN)
    questions.answers.append("Annuler")
    assert not window.open_file(sample / "sample-config.xml")
    [(title, text, answers)] = questions.asked
    assert title == "Ouvrir un autre fichier\u00a0?"
    assert text.startswith(
        "Vos modifications de l'import de teachers.csv ne peuvent pas encore être gardées "
        "dans la configuration, et ouvrir un autre fichier les abandonne.\n\nLe XML\u00a0: ")
    assert answers == ["Abandonner les modifications et ouvrir", "Annuler"]


def test_new_import_drops_the_xml_not_valid_yet_for_good(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    configuration_page(window, sample)  # teachers.csv opened alone, no configuration
    type_over(qtbot, window, "<teacherEmail/>", "<teacherEmail>")
    wizard = window.wizard
    go_to(qtbot, wizard, ACTION)
    questions.answers.append("Discard them and start anew")
    assert wizard.new_import()
    assert questions.asked == [("Start a new import?", (
        "Your changes to the import of teachers.csv cannot be kept in the configuration "
        "yet, and starting anew drops them.\n\nThe XML: The configuration is not "
        "well-formed XML (line 27): Opening and ending tag mismatch: teacherEmail line 26 "
        "and fields."), ["Discard them and start anew", "Cancel"])]
    assert wizard.open_file(sample / "teachers.csv")  # the same file, alone again
    wizard.next()
    wizard.action_page.select("createOrUpdateTeacherAction")
    go_to(qtbot, wizard, CONFIG)
    page = wizard.config_page
    assert "<teacherEmail>" not in page.editor.toPlainText()
    assert page.editor.toPlainText() == config_xml.dumps(window.state.session.choices.config)
    assert page.isComplete()


def test_quitting_with_corrections_too_says_they_would_be_lost(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions,
        screenshots: Path) -> None:
    correct_the_email(sample_preview(window, sample, qtbot))
    wizard = window.wizard
    go_to(qtbot, wizard, CONFIG)
    type_over(qtbot, window, "<teacherEmail/>", "<teacherEmail>")
    go_to(qtbot, wizard, ACTION)
    window.resize(1280, 800)
    window.show()
    with asked_on_screen(screenshots / "quit-changes-not-kept.png",
                         lambda box: qtbot.keyClick(box, Qt.Key.Key_Escape)) as seen:
        assert not window.close()  # Escape: Cancel
    assert [(text, buttons) for _title, text, buttons in seen] == [(
        "Your changes to the import of teachers.csv cannot be kept in the configuration yet, "
        "and quitting drops them. 1 correction of the preview, neither committed nor "
        "saved in a corrected copy of its file, would be lost too.\n\nThe XML: "
        "The configuration is not well-formed XML (line 15): Opening and ending tag "
        "mismatch: teacherEmail line 14 and columnsMapping.",
        ["&Save the corrected copy, drop the changes", "Discard them and &quit", "Cancel"])]
    assert window.state.session.unsaved_corrections() == 1
    questions.answers.append("Discard them and quit")
    assert window.close()
    assert not (sample / "teachers-corrected.csv").exists()


def test_quitting_with_corrections_too_may_save_them_and_drop_the_changes(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    correct_the_email(sample_preview(window, sample, qtbot))
    go_to(qtbot, window.wizard, CONFIG)
    type_over(qtbot, window, "<teacherEmail/>", "<teacherEmail>")
    go_to(qtbot, window.wizard, ACTION)
    questions.answers.append("Save the corrected copy, drop the changes")
    assert not window.close()  # written in the background: the window goes once it is
    qtbot.waitUntil(lambda: not window.isVisible())
    assert (sample / "teachers-corrected.csv").exists()
    assert len(questions.asked) == 1  # the changes dropped as answered: nothing more to ask


def test_the_quit_question_is_in_french(french: None, window: MainWindow, sample: Path,
                                        qtbot: QtBot, questions: Questions) -> None:
    correct_the_email(sample_preview(window, sample, qtbot))
    go_to(qtbot, window.wizard, CONFIG)
    type_over(qtbot, window, "<teacherEmail/>", "<teacherEmail>")
    go_to(qtbot, window.wizard, ACTION)
    questions.answers.append("Annuler")
    assert not window.close()
    [(title, text, answers)] = questions.asked
    assert title == "Quitter Import Assistant\u00a0?"
    assert text.startswith(
        "Vos modifications de l'import de teachers.csv ne peuvent pas encore être gardées "
        "dans la configuration, et quitter les abandonne. 1 correction de l'aperçu, ni "
        "validée ni enregistrée dans une copie corrigée de son fichier, serait perdue "
        "aussi.\n\nLe XML\u00a0: ")
    assert answers == ["Enregistrer la copie corrigée, abandonner les modifications",
                       "Les abandonner et quitter", "Annuler"]
