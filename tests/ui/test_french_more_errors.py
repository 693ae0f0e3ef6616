"""A configuration that cannot be read or saved, a broken export configuration, a damaged workbook,
a commit refused by the store and an error log it could not write read in French in the French
window, every English word of ours gone (lxml's own words inside a message stay as lxml writes
them, said to be its words, in English); the command line's error line reads in French through
message_text too."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from importer_gui.cli import main
from importer_gui.core import config_xml, pipeline
from importer_gui.core.config import Column
from importer_gui.core.errors import CANNOT_WRITE, ConfigError, StoreError
from importer_gui.core.package import NOT_VALID
from importer_gui.core.readers.text import UNKNOWN_ENCODING
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import RunInfo, Store
from importer_gui.core.store.runs import machine_name, os_user
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.messages_text import message_text
from importer_gui.ui.refresh_dialog import RefreshDialog
from importer_gui.ui.state import WizardState
from tests.builders import TEACHER_COLUMNS, rewrite_package, write_xlsx
from tests.conftest import SAMPLE
from tests.ui.conftest import Questions
from tests.ui.wizards import preview_and_commit, sample_preview

NBSP = "\u00a0"
NOT_XML = "La configuration n'est pas du XML bien formé"
LXML = f"(message du lecteur XML, en anglais{NBSP}: "  # lxml's words follow, as it writes them

# (the configuration's bytes, the French the open page shows after "path: ").
BROKEN = [
    (b"<import-config>\n<import>",
     f"{NOT_XML}, ligne 2 {LXML}Premature end of data in tag import line 2)."),
    (b"<import-config>" + b"<x>" * 60 + b"</x>" * 60 + b"</import-config>",
     "La configuration a plus de 50 niveaux d'imbrication (ligne 1)."),
    (b"<?xml version='1.0' encoding='klingon'?>\n<import-config/>",
     f"La configuration déclare un encodage qui ne peut pas être lu, ligne 1 {LXML}"
     "Unsupported encoding: klingon)."),
    (b"<?xml version='1.0' encoding='UTF-8'?>\n<import-config>\xe9</import-config>",
     f"La configuration contient des octets qui ne sont pas valides en UTF-8, ligne 2 {LXML}"
     "Invalid bytes in character encoding)."),
]


@pytest.mark.parametrize(("text", "french_text"), BROKEN, ids=[c[1][:45] for c in BROKEN])
def test_a_configuration_that_is_not_xml_reads_in_french_on_the_open_page(
        french: None, window: MainWindow, tmp_path: Path, text: bytes,
        french_text: str) -> None:
    config = tmp_path / "broken.xml"
    config.write_bytes(text)
    assert not window.open_file(config)
    assert window.wizard.open_page.error_label.text() == f"{config}{NBSP}: {french_text}"


def test_a_stray_end_tag_asks_in_french(
        french: None, window: MainWindow, tmp_path: Path, questions: Questions) -> None:
    config = tmp_path / "stray.xml"
    # The registration page's example: an empty element written as an end tag.
    config.write_text("<import-config>\n<import>\n<fields>\n</registrationDate>\n</fields>\n"
                      "</import>\n</import-config>\n", encoding="utf-8")
    questions.answers = ["Annuler"]  # keep the file as it is
    assert not window.open_file(config)
    french_text = (f"{config}{NBSP}: {NOT_XML}, ligne 4 {LXML}Opening and ending tag mismatch: "
                   f"fields line 3 and registrationDate){NBSP}; vouliez-vous dire "
                   f"«{NBSP}<registrationDate/>{NBSP}»{NBSP}?")
    assert window.wizard.open_page.error_label.text() == french_text
    assert [asked.startswith(f"{french_text}\n\n") for asked in questions.texts()] == [True]


def test_a_configuration_file_that_is_missing_reads_in_french(
        french: None, window: MainWindow, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.xml"
    assert not window.open_file(missing)
    assert window.wizard.open_page.error_label.text() == (
        f"{missing}{NBSP}: Le fichier de configuration n'existe pas.")
    # The command line's error line, as the window would show it.
    assert main(["check", str(missing)]) == 2
    line = capsys.readouterr().err.strip()
    assert line.endswith(f"{missing}: The configuration file does not exist.")
    assert message_text(line) == line.replace(": The configuration file does not exist.",
                                              f"{NBSP}: Le fichier de configuration n'existe "
                                              "pas.")
    with pytest.raises(ConfigError) as info:
        config_xml.load(tmp_path)
    assert message_text(info.value.message) == (
        f"{tmp_path}{NBSP}: C'est un dossier, pas un fichier de configuration.")


def test_a_configuration_that_cannot_be_saved_says_why_in_french(
        french: None, tmp_path: Path) -> None:
    data = tmp_path / "teachers.csv"
    data.write_text("Login\njdoe\n", encoding="utf-8")
    config = pipeline.new_config(data, "createOrUpdateTeacherAction",
                                 [Column("teacherLogin", header="Login")])
    target = tmp_path / "gone" / "teachers.xml"
    with pytest.raises(ConfigError) as info:
        config_xml.save(config, target)
    assert message_text(info.value.message) == (
        f"{target}{NBSP}: La configuration n'a pas pu être enregistrée{NBSP}: Aucun fichier ou "
        "dossier de ce nom.")
    config.imports[0].provider.columns.append(Column("teacherLogn"))
    with pytest.raises(ConfigError) as info:
        config_xml.save(config, tmp_path / "teachers.xml")
    said = message_text(info.value.message)
    assert said.startswith(f"{tmp_path / 'teachers.xml'}{NBSP}: La configuration n'a pas été "
                           f"enregistrée{NBSP}: Champ inconnu «{NBSP}teacherLogn{NBSP}» dans "
                           "<columnsMapping> (ligne "), said
    assert said.endswith(f"vouliez-vous dire «{NBSP}teacherLogin{NBSP}»{NBSP}?"), said


EXPORT = (SAMPLE / "exports" / "export-config.xml").read_text(encoding="utf-8")

# (a name in the sample's export configuration, what it is changed into everywhere, the French
# the refresh dialog shows after "path: "; {line}: where the new name first is).
BROKEN_EXPORTS = [
    ("export-config", "exports-config",
     "L'élément racine est <exports-config> (ligne {line}){NBSP}; une configuration d'export "
     "commence par <export-config>."),
    ("moveToFolder>", "moveToFoldr>",
     "Consolidateur inconnu «{NBSP}moveToFoldr{NBSP}» dans <consolidators> (ligne {line})"
     "{NBSP}; vouliez-vous dire «{NBSP}moveToFolder{NBSP}»{NBSP}?"),
    ("trainingCourseMetadataProvider>", "trainingCourseMetaProvider>",
     "Fournisseur d'export inconnu «{NBSP}trainingCourseMetaProvider{NBSP}» dans <providers> "
     "(ligne {line}){NBSP}; vouliez-vous dire «{NBSP}trainingCourseMetadataProvider{NBSP}»"
     "{NBSP}?"),
    ("<title/>", "<titel/>",
     "Colonne inconnue «{NBSP}titel{NBSP}» dans <trainingCourseMetadataProvider> "
     "(ligne {line}){NBSP}; vouliez-vous dire «{NBSP}title{NBSP}»{NBSP}?"),
    ("columns>", "colums>",
     "Élément inconnu «{NBSP}colums{NBSP}» dans <trainingCourseMetadataProvider> "
     "(ligne {line}){NBSP}; vouliez-vous dire «{NBSP}columns{NBSP}»{NBSP}?"),
]


def line_of(text: str, part: str) -> int:
    """The line ``part`` is first on."""
    return text[:text.index(part)].count("\n") + 1


def refresh_error(config: Path, tmp_path: Path, qtbot: QtBot) -> str:
    """What the refresh dialog says of the export configuration ``config``."""
    dialog = RefreshDialog(tmp_path / "store.sqlite3", config_path=config, synchronous=True)
    qtbot.addWidget(dialog)
    assert not dialog.refresh_button.isEnabled()
    return dialog.error.text()


@pytest.mark.parametrize(("old", "new", "french_text"), BROKEN_EXPORTS,
                         ids=[case[1] for case in BROKEN_EXPORTS])
def test_a_broken_export_configuration_reads_in_french_in_the_refresh_dialog(
        french: None, qtbot: QtBot, tmp_path: Path, old: str, new: str,
        french_text: str) -> None:
    assert old in EXPORT
    text = EXPORT.replace(old, new)
    config = tmp_path / "export-config.xml"
    config.write_text(text, encoding="utf-8")
    assert refresh_error(config, tmp_path, qtbot) == f"{config}{NBSP}: " + french_text.format(
        line=line_of(text, new), NBSP=NBSP)


def test_an_export_with_two_actions_reads_in_french(
        french: None, qtbot: QtBot, tmp_path: Path) -> None:
    text = EXPORT.replace("<fileExportAction>", "<fileExportAction/><fileExportAction>", 1)
    config = tmp_path / "export-config.xml"
    config.write_text(text, encoding="utf-8")
    # The error is at <actions>; its message names the <export>.
    assert refresh_error(config, tmp_path, qtbot) == (
        f"{config}:{line_of(text, '<actions>')}{NBSP}: <export> "
        f"(ligne {line_of(text, '<export>')}) "
        "doit avoir une seule action d'export dans <actions>, et en a 2.")


def test_a_missing_export_configuration_reads_in_french(
        french: None, qtbot: QtBot, tmp_path: Path) -> None:
    missing = tmp_path / "export-config.xml"
    dialog = RefreshDialog(tmp_path / "store.sqlite3", config_path=missing, synchronous=True)
    qtbot.addWidget(dialog)
    assert dialog.error.text() == f"{missing}{NBSP}: La configuration d'export n'existe pas."


TEACHERS = "Login;Name;E-mail\nzoe;Zoe;zoe@example.org\n"


def test_a_commit_refused_for_a_record_changed_since_the_check_says_so_in_french(
        french: None, tmp_path: Path, qtbot: QtBot) -> None:
    data = tmp_path / "teachers.csv"
    data.write_text(TEACHERS, encoding="utf-8")
    columns = [Column("teacherLogin", header="Login"), Column("teacherName", header="Name"),
               Column("teacherEmail", header="E-mail")]
    state = WizardState(tmp_path / "store.sqlite3")
    with Store.open(state.store_path) as store:
        store.apply([Change(Table.TEACHER, ChangeKind.CREATE, -1, {
            "login": "zoe", "name": "Zo", "email": "zoe@example.org"})],
                    RunInfo("t.xml", "<import-config/>", [], {"create": 1}))
    state.session.set_config(pipeline.new_config(data, "createOrUpdateTeacherAction", columns),
                             [data])
    _wizard, _preview, commit = preview_and_commit(state, qtbot)
    with Store.open(state.store_path) as store:  # a colleague's run, after the check
        store.apply([Change(Table.TEACHER, ChangeKind.UPDATE, 1, {"name": "Zoé"},
                            {"name": "Zo"})],
                    RunInfo("other.xml", "<import-config/>", [], {"update": 1}))
    commit.runner.synchronous = True
    commit.start()
    assert commit.error_label.text() == (
        f"L'exécution 2 ({os_user()} sur {machine_name()}) a modifié le formateur "
        f"«{NBSP}zoe{NBSP}» depuis la vérification (nom du formateur{NBSP}: maintenant "
        f"«{NBSP}Zoé{NBSP}»){NBSP}; vérifiez à nouveau{NBSP}: rien n'a été écrit dans "
        f"{state.store_path}.")


SESSION = {"training_id": 1, "title": "May", "guid": "S-1", "start_date": date(2027, 5, 3),
           "end_date": date(2027, 5, 4)}


@pytest.mark.parametrize(("user", "machine", "by"), [
    ("", "", "l'exécution 2"), ("jdoe", "", "l'exécution 2 (jdoe)"),
    ("jdoe", "pc-12", "l'exécution 2 (jdoe sur pc-12)")])
def test_a_session_created_meanwhile_reads_in_french(
        french: None, tmp_path: Path, user: str, machine: str, by: str) -> None:
    with Store.open(tmp_path / "store.sqlite3") as store:
        store.apply([Change(Table.TRAINING, ChangeKind.CREATE, -1, {"path_code": "PC-1",
                                                                    "title": "T"})],
                    RunInfo("t.xml", "<import-config/>", [], {"create": 1}))
        store.apply([Change(Table.SESSION, ChangeKind.CREATE, -1, SESSION)],
                    RunInfo("a.xml", "<import-config/>", [], {"create": 1}, user_name=user,
                            machine=machine))
        with pytest.raises(StoreError) as info:  # planned before the first was written
            store.apply([Change(Table.SESSION, ChangeKind.CREATE, -1, SESSION)],
                        RunInfo("b.xml", "<import-config/>", [], {"create": 1}))
        assert message_text(info.value.message) == (
            f"La session 'May' a été créée par {by} depuis la vérification{NBSP}; vérifiez à "
            f"nouveau{NBSP}: rien n'a été écrit dans {store.path}.")


def test_a_session_created_by_another_program_reads_in_french(french: None) -> None:
    from importer_gui.core.store import writer

    said = writer._CREATED_MEANWHILE[Table.SESSION].by_program.format(name="'May'", path="s.db")
    assert message_text(said) == (
        f"La session 'May' a été créée par un autre programme depuis la vérification{NBSP}; "
        f"vérifiez à nouveau{NBSP}: rien n'a été écrit dans s.db.")


def test_the_refresh_notes_of_prune_read_in_french(
        french: None, qtbot: QtBot, tmp_path: Path) -> None:
    dialog = RefreshDialog(tmp_path / "store.sqlite3",
                           config_path=SAMPLE / "exports" / "export-config.xml", synchronous=True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.prune_check.setChecked(True)  # the sample's classroom events cannot be pruned
    notes = dialog.notice.text().splitlines()
    assert notes and all(note.startswith("La suppression de ce que les exports n'ont pas ")
                         for note in notes)
    assert not any("leaves the" in note for note in notes), notes


def test_a_store_that_fails_otherwise_says_so_in_french(french: None) -> None:
    from importer_gui.core.store import FAILED_DOING

    english = FAILED_DOING["written"].format(path="/data/store.db", detail="I/O error")
    assert message_text(english) == (
        f"La base /data/store.db n'a pas pu être écrite{NBSP}: I/O error.")


def test_a_workbook_refused_as_damaged_reads_in_french_on_the_open_page(
        french: None, window: MainWindow, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "teachers.xlsx",
                      [TEACHER_COLUMNS, ("zoe", "Zoe", "Z", "zoe@example.org")])
    rewrite_package(path, {"xl/worksheets/sheet1.xml": lambda data: data.replace(
        b"</sheetData>", b'<row r="9"><c r="ZZZZ9" t="inlineStr"><is><t>x</t></is></c></row>'
                         b"</sheetData>")})
    assert not window.open_file(path)
    assert window.wizard.open_page.error_label.text() == (
        f"{path}{NBSP}: la cellule ZZZZ9 se trouve au-delà de la dernière cellule qu'une feuille "
        f"peut avoir (XFD1048576){NBSP}; le classeur est endommagé")


def test_an_error_log_not_written_after_a_commit_reads_in_french(
        french: None, window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    (sample / "logs").write_text("a file where the log folder should be", encoding="utf-8")
    sample_preview(window, sample, qtbot)
    window.wizard.next()  # Commit; the rows with errors are left out, as asked
    page = window.wizard.commit_page
    qtbot.waitUntil(lambda: page.result is not None, timeout=30_000)
    assert page.error_label.text() == (
        f"Le dossier du journal d'erreurs {sample / 'logs'} ne peut pas être créé (Le fichier "
        f"existe déjà){NBSP}; les lignes ont été validées dans l'exécution 1.")


@pytest.mark.parametrize(("said", "french_text"), [
    (UNKNOWN_ENCODING.format(encoding="'UTF-9'", known="UTF-8, UTF-16LE"),
     f"encodage de fichier inconnu 'UTF-9'{NBSP}; utilisez l'un de UTF-8, UTF-16LE"),
    (NOT_VALID.format(problem=CANNOT_WRITE.format(path="c.xml", reason="Permission denied")),
     f"La configuration du paquet ne serait pas valide{NBSP}: Impossible d'écrire c.xml{NBSP}: "
     "Permission refusée"),
])
def test_our_rarer_errors_read_in_french(french: None, said: str, french_text: str) -> None:
    assert message_text(said) == french_text


@pytest.mark.parametrize(("user", "machine", "by"), [
    ("jdoe", "pc-12", " (jdoe sur pc-12)"), ("", "pc-12", " (pc-12)"), ("", "", "")])
def test_a_run_reverted_meanwhile_names_who_reverted_it_in_french(
        french: None, tmp_path: Path, user: str, machine: str, by: str) -> None:
    with Store.open(tmp_path / "store.sqlite3") as store:
        run = store.apply([Change(Table.ROOM, ChangeKind.CREATE, -1, {"guid": "R-1"})],
                          RunInfo("a.xml", "<import-config/>", [], {"create": 1}))
        revert = RunInfo("a.xml", "<import-config/>", [], {"delete": 1}, kind="revert",
                         reverts_run=run, user_name=user, machine=machine)
        store.apply([Change(Table.ROOM, ChangeKind.DELETE, 1)], revert)
        with pytest.raises(StoreError) as info:  # a colleague's revert, planned before
            store.apply([], revert)
        assert message_text(info.value.message) == (
            f"L'exécution {run} a été défaite par l'exécution {run + 1}{by} depuis l'aperçu de "
            f"ce qui serait défait{NBSP}: rien n'a été écrit dans {store.path}.")
