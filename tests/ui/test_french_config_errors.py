"""A broken configuration opened in the French window reads in French, every English word of
ours gone (the line, "did you mean", the remedy); the guesses' reasons and the revert's
summary too."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from importer_gui.core import config_xml
from importer_gui.core.errors import ConfigError
from importer_gui.core.guess import (
    DATE_FIX,
    guess_date_format,
    guess_delimiter,
    guess_encoding,
    guess_header,
)
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.messages_text import message_text
from importer_gui.ui.revert_dialog import RevertDialog
from tests.builders import TEACHER_COLUMNS, write_csv
from tests.ui.conftest import Questions
from tests.ui.test_revert_dialog import committed, moved_session  # noqa: F401 - the fixture

NBSP = "\u00a0"
COLUMNS = "".join(f"<{c}/>" for c in TEACHER_COLUMNS)
# A teachers' configuration, one element a line: line 6 is <fileName>, 7 <skipFirstLine>,
# 13 the action's <fields>.
TEACHERS = f"""<?xml version="1.0" encoding="UTF-8"?>
<import-config>
<import>
<providers>
<fileSystemSourceProvider>
<fileName>teachers.csv</fileName>
<skipFirstLine>yes</skipFirstLine>
<columnsMapping>{COLUMNS}</columnsMapping>
</fileSystemSourceProvider>
</providers>
<actions>
<createOrUpdateTeacherAction>
<fields>{COLUMNS}</fields>
</createOrUpdateTeacherAction>
</actions>
</import>
</import-config>
"""

# (what is changed, into what, the French the open page shows after "path: ").
BROKEN = [
    ("<skipFirstLine>yes</skipFirstLine>", "<skipFirstLines>yes</skipFirstLines>",
     f"Option inconnue «{NBSP}skipFirstLines{NBSP}» dans <fileSystemSourceProvider> "
     f"(ligne 7){NBSP}; vouliez-vous dire «{NBSP}skipFirstLine{NBSP}»{NBSP}?"),
    ("<skipFirstLine>yes<", "<skipFirstLine>oui<",
     f"Valeur non valide «{NBSP}oui{NBSP}» dans <skipFirstLine> (ligne 7){NBSP}; valeur "
     f"attendue{NBSP}: yes ou no."),
    ("<skipFirstLine>yes</skipFirstLine>", "<delimiter>tab</delimiter>",
     f"Séparateur inconnu «{NBSP}tab{NBSP}» dans <delimiter> (ligne 7){NBSP}; séparateurs "
     f"possibles{NBSP}: semicolon, comma, pipe, tabulation."),
    ("<skipFirstLine>yes</skipFirstLine>", "<fileEncoding>MacRoman</fileEncoding>",
     f"Encodage de fichier inconnu «{NBSP}MacRoman{NBSP}» dans <fileEncoding> (ligne 7){NBSP}: "
     "ni la plateforme ni l'assistant ne lisent le Mac Roman (ce qu'Excel pour Mac enregistre "
     f"en «{NBSP}CSV{NBSP}»){NBSP}; enregistrez à nouveau le fichier en CSV UTF-8, puis "
     "indiquez UTF-8 ici."),
    ("<fields><teacherLogin/>", "<fields><sessionStartDate/><teacherLogin/>",
     f"Champ inconnu «{NBSP}sessionStartDate{NBSP}» dans <fields> de "
     f"<createOrUpdateTeacherAction> (ligne 13){NBSP}; seules les actions "
     "<createOrUpdateSessionAction> et <registerLearnerAction> ont ce champ."),
    ("<fields>", "<options><fullAccess>no</fullAccess></options>\n<fields>",
     f"Option inconnue «{NBSP}fullAccess{NBSP}» dans <options> de "
     f"<createOrUpdateTeacherAction> (ligne 13){NBSP}; cette action n'a aucune option."),
    ("<actions>\n<createOrUpdateTeacherAction>\n<fields>" + COLUMNS
     + "</fields>\n</createOrUpdateTeacherAction>\n</actions>\n", "",
     "<import> (ligne 3) n'a pas de <actions>."),
    # A data file named outside the folder is not an error there: the open page asks for the
    # file (test_someone_elses_configuration.py).
    ("</actions>", "</actions>\n<consolidators><timeStampedFileErrorLogger><location>../logs"
                   "</location></timeStampedFileErrorLogger></consolidators>",
     f"<location> «{NBSP}../logs{NBSP}» (ligne 16) mène hors du dossier de la "
     f"configuration{NBSP}; le journal d'erreurs s'écrit dans un dossier à l'intérieur de "
     "celui-ci."),
]


def broken(folder: Path, old: str, new: str) -> Path:
    """The teachers' configuration with ``old`` made ``new``, beside its data file."""
    write_csv(folder / "teachers.csv", [TEACHER_COLUMNS, ["jdoe", "Doe", "Jane", "j@x.org"]])
    assert old in TEACHERS
    path = folder / "teachers.xml"
    path.write_text(TEACHERS.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(("old", "new", "french_text"), BROKEN,
                         ids=[case[2][:30] for case in BROKEN])
def test_a_broken_configuration_reads_in_french_on_the_open_page(
        french: None, window: MainWindow, tmp_path: Path, questions: Questions,
        old: str, new: str, french_text: str) -> None:
    config = broken(tmp_path, old, new)
    questions.answers = ["Annuler"]  # "did you mean": keep the file as it is
    assert not window.open_file(config)
    assert window.wizard.open_page.error_label.text() == f"{config}{NBSP}: {french_text}"
    for asked in questions.texts():  # the question quotes the error in French as well
        assert asked.startswith(f"{config}{NBSP}: {french_text}\n\n")


def test_the_same_configurations_stay_in_english_in_the_english_window(
        window: MainWindow, tmp_path: Path, questions: Questions) -> None:
    config = broken(tmp_path, *BROKEN[0][:2])
    questions.answers = ["Cancel"]
    assert not window.open_file(config)
    assert window.wizard.open_page.error_label.text() == (
        f'{config}: Unknown option "skipFirstLines" in <fileSystemSourceProvider> (line 7); '
        'did you mean "skipFirstLine"?')


def failure(text: str) -> str:
    """The error reading ``text`` gives, as the window shows it."""
    with pytest.raises(ConfigError) as info:
        config_xml.loads(text)
    return message_text(info.value.message)


def sessions_with_codes(codes: str) -> str:
    """A sessions' configuration whose sessionAction column sets ``codes`` from line 15."""
    return TEACHERS.replace("TeacherAction>", "SessionAction>").replace(
        f"<fields>{COLUMNS}</fields>", "<fields><sessionTitle/>\n<sessionAction>\n"
        f"{codes}</sessionAction></fields>")


def test_a_code_meaning_two_things_names_its_lines_in_french(french: None) -> None:
    both = sessions_with_codes("<createUpdate>X</createUpdate>\n<cancel>X</cancel>\n")
    assert failure(both) == (
        f"Le code «{NBSP}X{NBSP}» de sessionAction signifie à la fois <createUpdate> (ligne 15) "
        f"et <cancel> (ligne 16){NBSP}; un code ne doit avoir qu'un sens.")
    one = sessions_with_codes("<cancel>M</cancel>\n")
    assert failure(one) == (
        f"Le code «{NBSP}M{NBSP}» de sessionAction signifie à la fois <createUpdate> (son code "
        f"par défaut) et <cancel> (ligne 15){NBSP}; un code ne doit avoir qu'un sens.")


def test_the_guesses_reasons_read_in_french(french: None) -> None:
    said = [guess_encoding("é".encode()).reason, guess_delimiter("a\tb\nc\td\n").reason,
            guess_delimiter("a\tb\tc\n").reason, guess_delimiter("a;b\nc;d\n").reason,
            guess_header(["sessionTitle"], [], 1).reason,
            guess_header(["sessionTitle", "sessionCode"], [], 2).reason,
            guess_date_format(["15/06/2027", "01/02/2027"]).reason,
            guess_date_format(["01/02/2027"]).reason]
    assert [message_text(reason) for reason in said] == [
        "ses lettres accentuées sont de l'UTF-8 valide",
        "chaque ligne contient 1 tabulation",
        "chaque ligne contient 2 tabulations",
        f"chaque ligne contient 1 «{NBSP};{NBSP}»",
        "1 cellule de la première ligne nomme un champ",
        "2 cellules de la première ligne nomment des champs",
        "15/06/2027 ne peut être que DD/MM/YYYY",
        f"toutes les dates se lisent comme DD/MM/YYYY ou MM/DD/YYYY{NBSP}; DD/MM/YYYY a été "
        "choisi"]


def test_the_open_pages_tooltip_gives_the_reasons_in_french(
        french: None, window: MainWindow, tmp_path: Path) -> None:
    data = write_csv(tmp_path / "teachers.csv", [TEACHER_COLUMNS, ["jdoe", "Doe", "Jane", "j"]])
    assert window.open_file(data)
    tip = window.wizard.open_page.applied_label.toolTip()
    assert f"UTF-8{NBSP}: le fichier ne contient aucune lettre accentuée" in tip


def test_the_revert_summary_reads_in_french(
        french: None, committed: tuple[Path, int, dict], qtbot: QtBot) -> None:  # noqa: F811
    store_path, run_id, _before = committed
    _session, later = moved_session(store_path)
    dialog = RevertDialog(store_path, run_id, synchronous=True)
    qtbot.addWidget(dialog)
    assert dialog.notice.text().splitlines() == [
        f"1 enregistrement en conflit sera ignoré (modifié depuis l'exécution {run_id}, ou "
        f"encore utilisé par d'autres enregistrements){NBSP}; les autres seront rétablis.",
        f"L'exécution suivante {later} a modifié à nouveau des enregistrements de l'exécution "
        f"{run_id}, ou des enregistrements liés à eux{NBSP}: défaites-la d'abord pour rétablir "
        "aussi ces enregistrements."]


def test_the_date_format_notice_gives_its_reason_in_french(french: None) -> None:
    fix = guess_date_format(["15/06/2027"])
    notice = DATE_FIX.format(file="s.csv", current="YYYY-MM-DD", fix=fix.value, reason=fix.reason)
    assert message_text(notice) == (
        f"s.csv{NBSP}: ses dates ne sont pas au format YYYY-MM-DD{NBSP}: elles se lisent comme "
        f"DD/MM/YYYY (15/06/2027 ne peut être que DD/MM/YYYY){NBSP}; indiquez "
        "<dateFormat>DD/MM/YYYY</dateFormat>.")
