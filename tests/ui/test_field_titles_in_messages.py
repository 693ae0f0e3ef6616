"""The window's row messages open with the field's title ("Session end date — sessionEndDate:
…"), as the rest of the window names fields, and say it once; what is written keeps the
core's words."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from importer_gui.core.catalogue import messages as msg
from importer_gui.core.issues import Issue, Level
from importer_gui.ui.language import ENGLISH
from importer_gui.ui.messages_text import platform_words, row_message_text, workbook_words
from tests.ui.test_preview_commit import EMAIL, LOGIN, TIP, teacher_state, view_row
from tests.ui.wizards import preview_and_commit, shot

NBSP = "\u00a0"
END_DATE = msg.NOT_A_DATE.format(field="sessionEndDate", value="31/02/2027",
                                 format="DD/MM/YYYY")

SAID = {  # (messages list, selected row panel, cell tooltips) of teacher_state's rows
    "en": (["Every row (no message chosen)",
            "1 × ERROR: Teacher's e-mail address — teacherEmail: adam-at-example is not an "
            "e-mail address.",
            "1 × ERROR: Teacher's login — teacherLogin is empty."],
           "Line 3 of teachers.csv: error\n"
           "ERROR: Teacher's login — teacherLogin is empty.",
           ("ERROR: Teacher's login — teacherLogin is empty.",
            "ERROR: Teacher's e-mail address — teacherEmail: adam-at-example is not an e-mail "
            "address.")),
    "fr": (["Toutes les lignes (aucun message choisi)",
            f"1 × Erreur{NBSP}: Courriel du formateur — teacherEmail{NBSP}: adam-at-example "
            "n'est pas une adresse électronique.",
            f"1 × Erreur{NBSP}: Identifiant du formateur — teacherLogin est vide."],
           "Ligne 3 du fichier teachers.csv : erreur\n"
           "Erreur : Identifiant du formateur — teacherLogin est vide.",
           (f"Erreur{NBSP}: Identifiant du formateur — teacherLogin est vide.",
            f"Erreur{NBSP}: Courriel du formateur — teacherEmail{NBSP}: adam-at-example n'est "
            "pas une adresse électronique.")),
}


def test_a_row_message_opens_with_its_field_s_title(qapp: object) -> None:
    assert row_message_text(END_DATE) == (
        "Session end date — sessionEndDate: 31/02/2027 is not a date in the format "
        "DD/MM/YYYY.")


def test_a_row_message_opens_with_its_field_s_title_in_french(french: None) -> None:
    assert row_message_text(END_DATE) == (
        f"Date de fin de la session — sessionEndDate{NBSP}: 31/02/2027 n'est pas une date au "
        "format DD/MM/YYYY.")
    # Its later mention names the field as the configuration writes it.
    later = msg.NO_SESSION_WITH_THAT_ID.format(field="sessionId", code="T1", id="9")
    assert row_message_text(later).startswith("N° de la session — sessionId\xa0: ")
    assert row_message_text(later).endswith("laissez donc sessionId vide pour en créer une.")


def test_a_field_without_a_title_keeps_the_words(qapp: object) -> None:
    message = msg.NOT_A_WHOLE_NUMBER.format(field="notAField", value="12x")
    assert row_message_text(message) == message


def test_the_platform_s_words_stay_a_tooltip_away_and_in_what_is_written(qapp: object) -> None:
    empty = msg.FIELD_EMPTY.format(field="teacherLogin")
    assert row_message_text(empty) == "Teacher's login — teacherLogin is empty."
    assert platform_words(empty) == "Platform's message: Field teacherLogin is empty."
    written = workbook_words().issue_text
    assert written(Issue(Level.ERROR, "sessionEndDate", END_DATE)) == f"ERROR sessionEndDate: " \
        f"{END_DATE}"


def test_the_preview_names_each_message_s_field_once(
        tmp_path: Path, qtbot: QtBot, speaking: str, screenshots: Path) -> None:
    _wizard, page, _commit = preview_and_commit(teacher_state(tmp_path), qtbot)
    listed, panel, (login_tip, email_tip) = SAID["en" if speaking == ENGLISH else "fr"]
    assert page.summary() == listed
    model = page.model
    page.table.setCurrentIndex(model.index(view_row(page, 3), LOGIN))
    assert page.details.toPlainText() == panel
    assert model.data(model.index(view_row(page, 3), LOGIN), TIP) == login_tip
    assert model.data(model.index(view_row(page, 3), 1), TIP) == login_tip  # the outcome's
    assert model.data(model.index(view_row(page, 4), EMAIL), TIP) == email_tip
    shot(page, screenshots, f"field-titles-{speaking}")


def test_a_row_s_tooltip_names_a_field_its_message_does_not_open_with_by_its_title(
        qapp: object) -> None:
    from importer_gui.core.issues import Outcome
    from importer_gui.core.plan import ActionResult, RowPlan
    from importer_gui.ui.models.preview_model import _RowIssues

    message = msg.SESSION_NEAR_MISS.format(title="Paris marss", code="XLS-200",
                                           near="Paris mars")
    row = RowPlan(2, ("Paris marss",), [ActionResult("registerLearnerAction", Outcome.CREATE, (
        Issue(Level.WARNING, "sessionTitle", message),))], [])
    assert _RowIssues(row, ["sessionTitle"]).row_tip == (
        f"WARNING: {message} (Session title — sessionTitle)")
