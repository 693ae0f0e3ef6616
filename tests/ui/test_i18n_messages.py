"""Our own messages reach the window in French; the platform's stay word for word in what is
written (``message_text``; the window's are in tests/ui/test_platform_messages_in_french.py)."""

from __future__ import annotations

import string
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import Qt

from importer_gui.core import revert
from importer_gui.core.catalogue import messages as msg
from importer_gui.core.issues import Level
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.revert import plan_revert
from importer_gui.core.store import Store, holders, writer
from importer_gui.ui import main_window  # noqa: F401 - its modules mark their templates
from importer_gui.ui.messages_text import message_text, os_error_words, recognise, templates
from importer_gui.ui.models.preview_model import issue_text
from importer_gui.ui.models.revert_model import OUTCOME_COLUMN, RevertModel
from tests.builders import run_info
from tests.core.test_revert import others_named_run

TS = Path(__file__).resolve().parents[2] / "importer_gui/ui/translations/import_assistant_fr.ts"
NBSP = "\u00a0"


def placeholders(text: str) -> list[str]:
    """The ``{names}`` of a template, sorted."""
    return sorted(name for _l, name, _s, _c in string.Formatter().parse(text) if name)


def ts_messages(context: str) -> dict[str, str]:
    """Source -> French of one context of the .ts."""
    found = {}
    for element in ElementTree.parse(TS).getroot().iter("context"):
        if element.findtext("name") == context:
            for message in element.iter("message"):
                found[message.findtext("source") or ""] = message.findtext("translation") or ""
    return found


def test_our_row_message_reads_in_french_with_its_values(french: None) -> None:
    message = msg.NOT_A_WHOLE_NUMBER.format(field="sessionId", value="12x")
    assert message_text(message) == f"Champ sessionId{NBSP}: 12x n'est pas un nombre entier."
    assert issue_text(Level.ERROR, message) == (
        f"Erreur{NBSP}: N° de la session — sessionId{NBSP}: 12x n'est pas un nombre "
        "entier.")


def test_a_message_naming_a_record_names_it_in_french(french: None) -> None:
    record = msg.A_SESSION.format(title="Mai")
    message = msg.NOT_CREATED_BY_IMPORT.format(record=record)
    assert message_text(message).startswith(f"fullAccess vaut no{NBSP}: la session Mai ne vient")


def test_the_platforms_messages_stay_word_for_word(french: None) -> None:
    for message in [msg.FIELD_EMPTY.format(field="sessionTitle"),
                    msg.TRAINING_PATH_CODE_UNKNOWN.format(code="PC-9"),
                    msg.INVALID_SESSION_ACTION.format(value="X")]:
        assert message_text(message) == message
    assert message_text("Something no template says.") == "Something no template says."


def test_english_is_the_message_itself(qapp: object) -> None:
    message = msg.NOT_A_WHOLE_NUMBER.format(field="sessionId", value="12x")
    assert message_text(message) == message


def test_an_error_line_keeps_its_place_and_translates_our_words(french: None) -> None:
    line = "sessions.csv:4: " + msg.NO_SESSION_NAMED.format(fields="sessionGuid, sessionTitle")
    assert message_text(line) == (f"sessions.csv:4{NBSP}: Les champs sessionGuid, sessionTitle "
                                  f"sont tous deux vides{NBSP}: l'un d'eux doit désigner la "
                                  "session.")


def test_revert_conflicts_read_in_french(tmp_path: Path, french: None, qtbot: object) -> None:
    with Store.open(tmp_path / "store.sqlite3") as store:
        store.apply([
            Change(Table.TRAINING, ChangeKind.CREATE, -1, {"path_code": "PC-1", "title": "S"}),
            Change(Table.SESSION, ChangeKind.CREATE, -1, {"training_id": -1, "title": "May",
                                                          "start_date": date(2024, 5, 2)}),
        ], run_info(create=2))
        run = store.apply([Change(Table.SESSION, ChangeKind.UPDATE, 1, {"title": "Mai"},
                                  {"title": "May"})], run_info(update=1))
        store.apply([Change(Table.SESSION, ChangeKind.UPDATE, 1, {"title": "Juin"},
                            {"title": "Mai"})], run_info(update=1))
        plan = plan_revert(store, run)
    model = RevertModel()
    model.show_table(plan.tables[0])
    tip = model.data(model.index(0, OUTCOME_COLUMN), Qt.ItemDataRole.ToolTipRole)
    assert tip == (f"sessionTitle - Erreur{NBSP}: Session «{NBSP}Mai{NBSP}»{NBSP}: modifiée après "
                   f"l'exécution {run} par l'exécution {run + 1} (sessionTitle vaut maintenant "
                   f"'Juin', l'exécution {run} avait laissé 'Mai'){NBSP}; ignorée.")


def test_revert_conflicts_agree_with_a_masculine_record_in_french(
        tmp_path: Path, french: None) -> None:
    with Store.open(tmp_path / "store.sqlite3") as store:
        store.apply([Change(Table.TEACHER, ChangeKind.CREATE, -1, {"login": "zoe"})],
                    run_info(create=1))
        run = store.apply([Change(Table.TEACHER, ChangeKind.DELETE, 1)], run_info(delete=1))
        store.apply([Change(Table.TEACHER, ChangeKind.CREATE, -1, {"login": "zoe"})],
                    run_info(create=1))
        plan = plan_revert(store, run)
    assert [message_text(i.message) for row in plan.rows() for i in row.issues] == [
        f"Formateur «{NBSP}zoe{NBSP}»{NBSP}: impossible de le rétablir, un autre formateur a "
        f"maintenant teacherLogin 'zoe'{NBSP}; ignoré."]


def test_a_value_taken_by_a_feminine_record_labelled_by_it_reads_once_in_french(
        tmp_path: Path, french: None) -> None:
    """The other training course's label is the code itself: « une autre formation »."""
    with Store.open(tmp_path / "store.sqlite3") as store:
        store.apply([Change(Table.TRAINING, ChangeKind.CREATE, -1,
                            {"path_code": "PC-1", "title": "S"})], run_info(create=1))
        run = store.apply([Change(Table.TRAINING, ChangeKind.UPDATE, 1, {"path_code": "PC-2"},
                                  {"path_code": "PC-1"})], run_info(update=1))
        store.apply([Change(Table.TRAINING, ChangeKind.CREATE, -1,
                            {"path_code": "PC-1", "title": "S"})], run_info(create=1))
        plan = plan_revert(store, run)
    assert [message_text(i.message) for row in plan.rows() for i in row.issues] == [
        f"Formation «{NBSP}PC-2{NBSP}»{NBSP}: impossible de la rétablir, une autre formation a "
        f"maintenant trainingPathCode 'PC-1'{NBSP}; ignorée."]


def test_revert_conflicts_name_other_records_by_label_in_french(
        tmp_path: Path, french: None) -> None:
    """A label holding ", " and " and " is still one record; each is in French quotes."""
    with Store.open(tmp_path / "store.sqlite3") as store:
        run = others_named_run(store)
        plan = plan_revert(store, run)
    assert [message_text(i.message) for row in plan.rows() for i in row.issues] == [
        f"Formation «{NBSP}PC-9{NBSP}»{NBSP}: créée par l'exécution {run}, mais la session "
        f"«{NBSP}Lyon, and Paris{NBSP}» (exécution {run + 1}) y fait référence{NBSP}; non "
        "supprimée.",
        f"Salle «{NBSP}Blue{NBSP}»{NBSP}: impossible de la rétablir, la salle «{NBSP}New{NBSP}» "
        f"a maintenant roomGuid 'R-8'{NBSP}; ignorée.",
        f"Intervention «{NBSP}I-8{NBSP}»{NBSP}: impossible de la rétablir, elle a pour "
        f"référence la salle «{NBSP}Blue{NBSP}», qui n'est pas dans la base{NBSP}; ignorée."]


ROOM = "Room 'Blue'"
# Each message of a revert about a record, for a room (« la salle », feminine): the
# conflicts of its preview, then the refusals of a revert planned before another wrote.
REVERT_FAMILY = [
    (revert.DELETED_AFTER.format(subject=ROOM, run=3, later=" by run 5"),
     f"Salle «{NBSP}Blue{NBSP}»{NBSP}: supprimée après l'exécution 3 par l'exécution 5{NBSP}; "
     "ignorée."),
    (revert.BACK_SINCE.format(subject=ROOM, run=3, later=" by runs 5 and 6"),
     f"Salle «{NBSP}Blue{NBSP}»{NBSP}: à nouveau dans la base depuis l'exécution 3 par les "
     f"exécutions 5 et 6{NBSP}; ignorée."),
    (revert.CHANGED_AFTER.format(subject=ROOM, run=3, later="", field="roomCapacity",
                                 now="12", left="empty"),
     f"Salle «{NBSP}Blue{NBSP}»{NBSP}: modifiée après l'exécution 3 (roomCapacity vaut "
     f"maintenant 12, l'exécution 3 avait laissé vide){NBSP}; ignorée."),
    (revert.VALUE_TAKEN.format(subject=ROOM, kind="room", holder="'New'", field="roomGuid",
                               value="'R-8'"),
     f"Salle «{NBSP}Blue{NBSP}»{NBSP}: impossible de la rétablir, la salle «{NBSP}New{NBSP}» a "
     f"maintenant roomGuid 'R-8'{NBSP}; ignorée."),
    (revert.VALUE_TAKEN_BY_ANOTHER.format(subject=ROOM, kind="room", field="roomGuid",
                                          value="'R-8'"),
     f"Salle «{NBSP}Blue{NBSP}»{NBSP}: impossible de la rétablir, une autre salle a maintenant "
     f"roomGuid 'R-8'{NBSP}; ignorée."),
    (revert.STILL_REFERRED.format(subject=ROOM, run=3, referrers="intervention 'I-1' (run 5)",
                                  verb="refers"),
     f"Salle «{NBSP}Blue{NBSP}»{NBSP}: créée par l'exécution 3, mais l'intervention "
     f"«{NBSP}I-1{NBSP}» (exécution 5) y fait référence{NBSP}; non supprimée."),
    (revert.REFERENCE_GONE.format(subject=ROOM, kind="entity", ref="'Acme'"),
     f"Salle «{NBSP}Blue{NBSP}»{NBSP}: impossible de la rétablir, elle a pour référence "
     f"l'entité «{NBSP}Acme{NBSP}», qui n'est pas dans la base{NBSP}; ignorée."),
    (revert.REFERENCE_DELETED.format(subject=ROOM, kind="entity", ref="'Acme'", run=4),
     f"Salle «{NBSP}Blue{NBSP}»{NBSP}: impossible de la rétablir, elle a pour référence "
     f"l'entité «{NBSP}Acme{NBSP}», qui n'est plus dans la base depuis l'exécution 4 (défaites "
     f"d'abord l'exécution 4 pour l'y remettre){NBSP}; ignorée."),
    (writer.GONE_REVERTING.format(subject=ROOM, path="s.db"),
     f"Salle «{NBSP}Blue{NBSP}» n'est plus dans la base (elle a changé depuis l'aperçu de ce qui "
     f"serait défait{NBSP}; refaites-le, puis essayez à nouveau){NBSP}: rien n'a été écrit dans "
     "s.db."),
    (writer.GONE_REVERTING_BY_RUN.format(subject=ROOM, run=4, path="s.db"),
     f"L'exécution 4 a supprimé la salle «{NBSP}Blue{NBSP}» depuis l'aperçu de ce qui serait "
     f"défait{NBSP}; refaites l'aperçu, puis essayez à nouveau{NBSP}: rien n'a été écrit dans "
     "s.db."),
    (writer.CHANGED_REVERTING.format(subject=ROOM, field="roomCapacity", value="12",
                                     path="s.db"),
     f"Salle «{NBSP}Blue{NBSP}» a changé depuis l'aperçu de ce qui serait défait (capacité de la "
     f"salle{NBSP}: maintenant 12){NBSP}; refaites l'aperçu, puis essayez à nouveau{NBSP}: rien "
     "n'a été écrit dans s.db."),
    (writer.CHANGED_REVERTING_BY_RUN_OF.format(subject=ROOM, run=4, who="jo",
                                               field="roomCapacity", value="12", path="s.db"),
     f"L'exécution 4 (jo) a modifié la salle «{NBSP}Blue{NBSP}» depuis l'aperçu de ce qui serait "
     f"défait (capacité de la salle{NBSP}: maintenant 12){NBSP}; refaites "
     f"l'aperçu, puis essayez à nouveau{NBSP}: rien n'a été écrit dans s.db."),
    (writer.BACK_REVERTING.format(subject=ROOM, path="s.db"),
     f"Salle «{NBSP}Blue{NBSP}» est de retour dans la base depuis l'aperçu de ce qui serait "
     f"défait{NBSP}; refaites-le, puis essayez à nouveau{NBSP}: rien n'a été écrit dans s.db."),
    (writer.BACK_REVERTING_BY_USER_ON.format(subject=ROOM, run=4, user="jo", machine="pc-1",
                                             path="s.db"),
     f"L'exécution 4 (jo sur pc-1) a remis la salle «{NBSP}Blue{NBSP}» dans la base depuis "
     f"l'aperçu de ce qui serait défait{NBSP}; refaites l'aperçu, puis essayez à nouveau{NBSP}: "
     "rien n'a été écrit dans s.db."),
]


def test_each_revert_message_about_a_feminine_record_reads_in_french(french: None) -> None:
    """Its words agree with « la salle »; named inside a sentence, it takes its article."""
    assert [message_text(message) for message, _ in REVERT_FAMILY] == [
        french for _, french in REVERT_FAMILY]


# A field changed since the check, named by its label: a feminine one (« la capacité »)
# and a masculine one (« le titre ») read right, with no article to agree.
FIELD_CHANGED = [
    (writer.CHANGED.format(subject=ROOM, field="roomCapacity", value="12", path="s.db"),
     f"Salle «{NBSP}Blue{NBSP}» a changé depuis la vérification (capacité de la salle{NBSP}: "
     f"maintenant 12){NBSP}; vérifiez à nouveau{NBSP}: rien n'a été écrit dans s.db."),
    (writer.CHANGED_BY_RUN.format(subject="Session 'Mai'", run=4, field="sessionTitle",
                                  value="'Juin'", path="s.db"),
     f"L'exécution 4 a modifié la session «{NBSP}Mai{NBSP}» depuis la vérification (titre de "
     f"la session{NBSP}: maintenant «{NBSP}Juin{NBSP}»){NBSP}; vérifiez à nouveau{NBSP}: rien "
     "n'a été écrit dans s.db."),
    (writer.CHANGED_REVERTING_BY_USER_ON.format(subject="Teacher 'zoe'", run=4, user="jo",
                                                machine="pc-1", field="teacherLogin",
                                                value="'zed'", path="s.db"),
     f"L'exécution 4 (jo sur pc-1) a modifié le formateur «{NBSP}zoe{NBSP}» depuis l'aperçu de "
     f"ce qui serait défait (identifiant du formateur{NBSP}: maintenant «{NBSP}zed{NBSP}»)"
     f"{NBSP}; refaites l'aperçu, puis essayez à nouveau{NBSP}: rien n'a été écrit dans s.db."),
]


def test_a_field_changed_since_reads_in_french_whatever_its_gender(french: None) -> None:
    assert [message_text(message) for message, _ in FIELD_CHANGED] == [
        french for _, french in FIELD_CHANGED]


REGISTERED = {"path": "s.db", "run": 4, "user": "jo", "machine": "pc-1", "who": "jo"}
SINCE = {False: "depuis la vérification{0}; vérifiez à nouveau",
         True: "depuis l'aperçu de ce qui serait défait{0}; refaites-le, puis essayez à "
               "nouveau"}
BY = ["par l'exécution 4 (jo sur pc-1)", "par l'exécution 4 (jo)", "par l'exécution 4",
      "par un autre programme"]


@pytest.mark.parametrize("reverting", [False, True])
@pytest.mark.parametrize("by", range(4))
def test_a_registration_taken_meanwhile_quotes_its_records_in_french(
        french: None, reverting: bool, by: int) -> None:
    """Each of the family: labels in French quotes, ids as they are."""
    template = holders.REGISTERED[reverting][by]
    since = SINCE[reverting].format(NBSP)
    assert message_text(template.format(learner="'l0'", session="'Lyon'", **REGISTERED)) == (
        f"L'apprenant «{NBSP}l0{NBSP}» a été inscrit à la session «{NBSP}Lyon{NBSP}» {BY[by]} "
        f"{since}{NBSP}: rien n'a été écrit dans s.db.")
    assert message_text(template.format(learner="7", session="12", **REGISTERED)) == (
        f"L'apprenant 7 a été inscrit à la session 12 {BY[by]} {since}{NBSP}: rien n'a été "
        "écrit dans s.db.")


NAMED = ", ".join(f"la session «{NBSP}S{n}{NBSP}» (exécution 2)" for n in range(4))
REFERRED = {6: f"{NAMED}, la session «{NBSP}S4{NBSP}» (exécution 2) et la session «{NBSP}S5"
               f"{NBSP}» (exécution 2)",
            7: f"{NAMED}, la session «{NBSP}S4{NBSP}» (exécution 2) et 2 autres"}


@pytest.mark.parametrize("sessions", [6, 7])
def test_records_still_referring_are_named_or_counted_never_one_more(
        tmp_path: Path, french: None, sessions: int) -> None:
    """« et 2 autres », never « et 1 autres »: a sixth record is named in its place."""
    with Store.open(tmp_path / "store.sqlite3") as store:
        run = store.apply([Change(Table.TRAINING, ChangeKind.CREATE, -1,
                                  {"path_code": "PC-1", "title": "S"})], run_info(create=1))
        store.apply([Change(Table.SESSION, ChangeKind.CREATE, -1 - n,
                            {"training_id": 1, "title": f"S{n}"}) for n in range(sessions)],
                    run_info(create=sessions))
        plan = plan_revert(store, run)
    assert [message_text(i.message) for row in plan.rows() for i in row.issues] == [
        f"Formation «{NBSP}PC-1{NBSP}»{NBSP}: créée par l'exécution 1, mais "
        f"{REFERRED[sessions]} y font référence{NBSP}; non supprimée."]


def test_every_template_of_ours_is_marked_and_no_platform_one() -> None:
    marked = {**ts_messages("messages"), **ts_messages("errors")}
    platform, ours = templates()
    assert sorted(t.text for t in ours if t.text not in marked) == []
    assert sorted(t.text for t in platform if t.text in marked) == []


def test_french_templates_keep_every_placeholder() -> None:
    both = {**ts_messages("messages"), **ts_messages("errors")}
    wrong = [(source, french) for source, french in both.items()
             if french and placeholders(source) != placeholders(french)]
    assert wrong == []


def test_about_names_the_places_in_french(tmp_path: Path, french: None, qtbot: object) -> None:
    from importer_gui.ui.about import AboutDialog

    dialog = AboutDialog(tmp_path / "store.sqlite3")
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    lines = dialog.details_label.text().splitlines()
    assert lines[3] == f"Base{NBSP}: {tmp_path / 'store.sqlite3'}"
    assert lines[4].startswith(f"Configurations{NBSP}: ")
    assert lines[5].startswith(f"Journal{NBSP}: ")


def test_the_issues_workbook_speaks_french(tmp_path: Path, french: None) -> None:
    from openpyxl import load_workbook

    from importer_gui.core.config import ImportConfig
    from importer_gui.core.issues import Issue, Outcome
    from importer_gui.core.plan import ActionResult, ImportPlan, Plan, RowPlan
    from importer_gui.core.reports import write_issues_workbook
    from importer_gui.ui.messages_text import workbook_words

    action = "createOrUpdateSessionAction"
    message = msg.NOT_A_WHOLE_NUMBER.format(field="sessionId", value="12x")
    row = RowPlan(2, ("12x",), [ActionResult(action, Outcome.ERROR, (
        Issue.error("sessionId", message), Issue.error("", msg.FIELD_EMPTY.format(
            field="sessionTitle"))))], [])
    imp = ImportPlan(0, tmp_path / "sessions.csv", ["sessionId"], ["Identifiant"], [action], [row])
    book = write_issues_workbook(Plan(ImportConfig(), [imp]), tmp_path / "issues.xlsx",
                                 workbook_words())
    sheet = load_workbook(book).active
    assert [c.value for c in sheet[1]] == ["Ligne", "Résultat", "Identifiant", "Messages"]
    assert [c.value for c in sheet[2]] == [
        2, "erreur", "12x", f"ERREUR sessionId{NBSP}: Champ sessionId{NBSP}: 12x n'est pas un "
                            f"nombre entier.\nERREUR{NBSP}: Field sessionTitle is empty."]
    assert workbook_words().cut.format(length=40000) == (
        f"… [coupé{NBSP}: le texte entier a 40000{NBSP}caractères, plus qu'une cellule n'en "
        "contient]")
    assert workbook_words().columns_cut.format(first=16382, last=16400, limit=16384) == (
        f"Messages (les colonnes 16382 à 16400 du fichier sont omises{NBSP}: une feuille en "
        "contient au plus 16384)")


def test_a_data_file_error_reads_in_french_after_its_file(tmp_path: Path, french: None) -> None:
    from importer_gui.core.errors import DataFileError
    from importer_gui.core.readers.table import check_file

    missing = tmp_path / "sessions.csv"
    with pytest.raises(DataFileError) as raised:
        check_file(missing)
    assert message_text(raised.value.message) == f"{missing}{NBSP}: le fichier n'existe pas"


def test_cancelled_reads_in_french(french: None) -> None:
    from importer_gui.core.errors import Cancelled

    assert message_text(Cancelled().message) == f"Annulé{NBSP}; rien n'a été écrit."


def test_a_refresh_message_reads_in_french(french: None) -> None:
    from importer_gui.core.catalogue import exports

    message = exports.NO_LO_NAMED.format(fields="learningObjectCode, learningObjectGuid")
    assert message_text(message) == (
        f"Les champs learningObjectCode, learningObjectGuid sont tous deux vides{NBSP}: l'un "
        "d'eux doit désigner l'objet pédagogique.")


def test_the_stores_errors_read_in_french(tmp_path: Path, french: None) -> None:
    import sqlite3

    from importer_gui.core.errors import StoreError

    path = tmp_path / "store.sqlite3"
    with Store.open(path) as store:
        run = store.apply([Change(Table.TRAINING, ChangeKind.CREATE, -1, {
            "path_code": "PC-1", "title": "S"})], run_info(create=1))
        with pytest.raises(StoreError) as raised:
            plan_revert(store, run + 5)
        assert message_text(raised.value.message) == (
            f"La base {path} ne contient pas d'exécution {run + 5}.")
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE notes (text TEXT)")
    db.close()
    with pytest.raises(StoreError) as raised:
        Store.open(other)
    assert message_text(raised.value.message) == (
        f"{other} n'est pas une base d'Import Assistant.")


def test_the_most_precise_template_wins(french: None) -> None:
    # "no learner has {value}" fits too, with "the login bob" as its value.
    message = msg.NO_MANAGER_WITH_LOGIN.format(field="managerLogin", value="bob")
    assert message_text(message) == (
        f"Champ managerLogin{NBSP}: aucun apprenant n'a l'identifiant bob.")


def test_each_template_recognises_its_own_messages() -> None:
    platform, ours = templates()
    wrong = []
    # Placeholders that hold one shape of value: a record's id or quoted label, one word, a
    # run's number.
    shaped = {"holder": "'zoe'", "ref": "12", "verb": "refers", "run": "5"}
    for template in [*platform, *ours]:
        message = template.text.format(**{name: shaped.get(name, f"‹{name}›")
                                          for name in template.names})
        found = recognise(message)
        expected = None if template in platform else template.text
        if (found[0].text if found else None) != expected:
            wrong.append((template.text, found[0].text if found else None))
    assert wrong == []


def test_a_phrase_of_ours_inside_a_message_is_translated_too(french: None) -> None:
    from importer_gui.core.catalogue import exports

    message = exports.EVENT_NOT_MATCHED.format(
        session="S-1", start="2027-06-15 09:00", room=exports.EVENT_IN_ROOM.format(room="B12"))
    assert message_text(message).startswith(
        f"Aucune intervention de la session S-1 ne commence le 2027-06-15 09:00 dans la salle "
        f"B12{NBSP}: non créée")


def test_the_mappings_errors_read_in_french(french: None) -> None:
    from importer_gui.core.binding import bind_action
    from importer_gui.core.catalogue import INTERVENTION_ACTION, TEACHER_ACTION
    from importer_gui.core.config import Action, Column
    from importer_gui.core.errors import ConfigError

    twice = [Column("teacherLogin"), Column("teacherName"), Column("teacherLogin")]
    with pytest.raises(ConfigError) as raised:
        bind_action(Action(TEACHER_ACTION.name), twice, "YYYY-MM-DD")
    assert message_text(raised.value.message) == (
        "Le champ teacherLogin est associé à deux colonnes (1 et 3) dans <columnsMapping>.")
    fields = ["interventionGuid", "sessionTitle", "interventionDate", "interventionDuration",
              "roomGuid", "roomLabel", "teacherLogin", "interventionStatus"]
    with pytest.raises(ConfigError) as raised:
        bind_action(Action(INTERVENTION_ACTION.name), [Column(f) for f in fields], "YYYY-MM-DD")
    assert message_text(raised.value.message) == (
        "<createOrUpdateInterventionAction> a besoin d'une colonne pour trainingGuid ou "
        "trainingPathCode, et le fichier n'en a pas.")


def test_the_stores_conflicts_and_copy_read_in_french(tmp_path: Path, french: None) -> None:
    from importer_gui.core.errors import StoreError

    path = tmp_path / "store.sqlite3"
    store = Store.open(path)
    training = {"path_code": "PC-1", "title": "S"}
    first = run_info(create=1)
    store.apply([Change(Table.TRAINING, ChangeKind.CREATE, -1, training)], first)
    with pytest.raises(StoreError) as raised:
        store.apply([Change(Table.TRAINING, ChangeKind.CREATE, -1, training)], run_info(create=1))
    assert message_text(raised.value.message) == (
        f"Une autre formation a déjà «{NBSP}PC-1{NBSP}» pour code de la formation, écrit par "
        f"l'exécution 1 ({first.user_name} sur {first.machine}) depuis la vérification{NBSP}; "
        f"vérifiez à nouveau{NBSP}: rien n'a été écrit dans {path}.")
    with Store.open(tmp_path / "copy.sqlite3") as target:
        store.copy_into(target)
        with pytest.raises(StoreError) as raised:
            store.copy_into(target)
    assert message_text(raised.value.message) == (
        f"La base {target.path} n'est pas vide{NBSP}: rien n'a été copié (une copie va dans une "
        "base nouvelle ou vide).")
    store.close()
    with pytest.raises(StoreError) as raised:
        store.history()
    assert message_text(raised.value.message) == f"La base {path} est fermée."


def test_a_revert_with_nothing_to_revert_reads_in_french(tmp_path: Path, french: None) -> None:
    from importer_gui.core.errors import ImporterError
    from importer_gui.core.revert import commit_revert

    with Store.open(tmp_path / "store.sqlite3") as store:
        store.apply([Change(Table.TRAINING, ChangeKind.CREATE, -1, {"path_code": "PC-1",
                                                                    "title": "S"})],
                    run_info(create=1))
        run = store.apply([Change(Table.TRAINING, ChangeKind.UPDATE, 1, {"title": "T"},
                                  {"title": "S"})], run_info(update=1))
        store.apply([Change(Table.TRAINING, ChangeKind.UPDATE, 1, {"title": "U"},
                            {"title": "T"})], run_info(update=1))
        plan = plan_revert(store, run)
        issues = [i for table in plan.tables for row in table.rows for i in row.issues]
        with pytest.raises(ImporterError) as raised:
            commit_revert(store, plan)
    assert message_text(raised.value.message) == (
        f"Rien n'a été défait{NBSP}: l'exécution {run} n'a que 1 enregistrement, qui a changé "
        f"depuis ou est nécessaire à d'autres enregistrements{NBSP}; rien n'a été écrit.")
    assert [message_text(i.message) for i in issues] == [
        f"Formation «{NBSP}PC-1{NBSP}»{NBSP}: modifiée après l'exécution {run} par l'exécution "
        f"{run + 1} (trainingTitle vaut maintenant 'U', l'exécution {run} avait laissé "
        f"'T'){NBSP}; ignorée."]


def test_more_of_the_mappings_errors_read_in_french(french: None) -> None:
    from importer_gui.core.binding import bind_action
    from importer_gui.core.config import Action, Column
    from importer_gui.core.errors import ConfigError

    with pytest.raises(ConfigError) as raised:
        bind_action(Action("frobnicateAction"), [Column("teacherLogin")], "YYYY-MM-DD")
    assert message_text(raised.value.message) == "Action inconnue <frobnicateAction>."


def test_each_address_s_reason_for_a_failed_connection_reads_in_french(french: None) -> None:
    from importer_gui.core import sftp

    message = sftp.CANNOT_CONNECT.format(host="drop.example.org", port=22,
                                         reason=f"Connection refused; {sftp.NO_ANSWER}")
    assert message_text(message) == (
        f"Impossible de se connecter à drop.example.org port 22{NBSP}: Connexion refusée{NBSP}; "
        "pas de réponse à temps.")


def test_a_password_missing_or_refused_reads_in_french(french: None) -> None:
    from importer_gui.core import store

    url = "postgresql://keeper@db.example.org/team"
    detail = 'FATAL: password authentication failed for user "keeper"'
    assert message_text(store.WRONG_PASSWORD.format(path=url, detail=detail)) == (
        f"La base {url} a refusé le mot de passe donné ({detail}){NBSP}; corrigez-le dans "
        "~/.pgpass, PGPASSWORD ou l'URL, ou saisissez-le à nouveau quand il est demandé.")
    detail = "fe_sendauth: no password supplied"
    assert message_text(store.PASSWORD.format(path=url, detail=detail)) == (
        f"La base {url} demande un mot de passe ({detail}){NBSP}; indiquez-le dans ~/.pgpass "
        "ou PGPASSWORD, ou saisissez-le quand il est demandé.")


def test_a_user_the_server_refuses_reads_in_french(french: None) -> None:
    from importer_gui.core import store

    url = "postgresql://guest@db.example.org/team"
    detail = 'FATAL: pg_hba.conf rejects connection for host "10.0.0.9"'
    assert message_text(store.NOT_ALLOWED.format(path=url, detail=detail)) == (
        f"Le serveur de la base {url} ne laisse pas cet utilisateur se connecter à cette base "
        f"depuis cet ordinateur ({detail}){NBSP}; demandez à son administrateur de "
        "l'autoriser, ou vérifiez l'utilisateur et la base dans l'URL.")
    detail = 'FATAL: role "guest" does not exist'
    assert message_text(store.NO_SUCH_USER.format(path=url, detail=detail)) == (
        f"Le serveur de la base {url} ne connaît pas cet utilisateur ({detail}){NBSP}; "
        "corrigez le nom d'utilisateur dans l'URL, ou demandez à son administrateur de créer "
        "cet utilisateur.")


def too_long(tmp_path: Path) -> OSError:
    """The system's refusal of a file name longer than it allows."""
    try:
        (tmp_path / ("n" * 300)).write_text("", encoding="utf-8")
    except OSError as exc:
        return exc
    raise AssertionError("a 300-letter name was accepted")


def test_the_system_s_reason_naming_its_file_reads_in_french(
        french: None, tmp_path: Path) -> None:
    refused = too_long(tmp_path)
    assert os_error_words(refused) == f"{refused.filename}{NBSP}: Nom de fichier trop long."
    assert os_error_words(ValueError("no file")) is None


def test_the_system_s_reason_naming_its_file_in_english(qapp: object, tmp_path: Path) -> None:
    refused = too_long(tmp_path)
    assert os_error_words(refused) == f"{refused.filename}: File name too long."


def test_each_feminine_wording_is_one_of_the_reverts_templates() -> None:
    """A revert template reworded in the core leaves no feminine wording behind."""
    from importer_gui.ui.messages_text import _AGREEING

    feminine = {m.findtext("source") for element in ElementTree.parse(TS).getroot().iter("context")
                if element.findtext("name") == "messages" for m in element.iter("message")
                if m.findtext("comment") == "feminine"}
    assert feminine == set(_AGREEING)


def test_a_boolean_cell_holding_no_boolean_reads_in_french_after_its_cell(
        tmp_path: Path, french: None) -> None:
    from importer_gui.core.readers.guards import refused_value

    path = tmp_path / "teachers.xlsx"
    refused = refused_value(path, "Sheet1", b"b", "B2", "yes")
    assert message_text(refused.message) == (
        f"{path}:B2{NBSP}: la feuille 'Sheet1' ne peut pas être lue{NBSP}: cette cellule est "
        f"marquée comme VRAI ou FAUX mais contient «{NBSP}yes{NBSP}»{NBSP}; le classeur est "
        f"endommagé{NBSP}: saisissez à nouveau VRAI ou FAUX dans un tableur et enregistrez-le")
