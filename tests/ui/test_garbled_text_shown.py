"""The preview shows a warning for text garbled by an earlier wrong decoding (as Windows-1252
or Mac Roman), with what it reads repaired, and for a letter a program lost (U+FFFD); the row
can still be committed as it is. In English and in French."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from importer_gui.core import config_xml
from importer_gui.ui.state import WizardState
from tests.builders import teachers_import, write_config
from tests.ui.wizards import preview_and_commit, shot

NBSP = "\u00a0"
ROWS = [["emartin", "Martin", "Ã‰mile", "emartin@example.org"],
        ["hmartin", "Martin", "H√©l√®ne", "hmartin@example.org"],
        ["fdurand", "Durand", "Fran\ufffdois", "fdurand@example.org"],
        ["cbernard", "Bernard", "Claire", "cb@example.org"]]


def _summary(tmp_path: Path, qtbot: QtBot, screenshots: Path, name: str) -> list[str]:
    """The preview's list of messages for ROWS, photographed as ``name``."""
    config = config_xml.load(write_config(tmp_path, teachers_import(tmp_path, ROWS)))
    state = WizardState(tmp_path / "store.sqlite3")
    state.session.set_config(config, [tmp_path / "teachers.csv"])
    wizard, page, _commit = preview_and_commit(state, qtbot)
    assert page.isComplete()  # warnings: the rows may still be committed
    shot(wizard, screenshots, name)
    return page.summary()


def test_the_preview_warns_about_garbled_text(
        tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    summary = _summary(tmp_path, qtbot, screenshots, "preview-garbled-text")
    for value, encoding, fixed in [("Ã‰mile", "Windows-1252", "Émile"),
                                   ("H√©l√®ne", "Mac Roman", "Hélène")]:
        assert (f"1 × WARNING: Teacher's first name — teacherFirstname: {value} looks like "
                f"UTF-8 text that was read as {encoding} before it was saved; once repaired it "
                f"reads {fixed}. Correct the file unless the text is meant.") in summary
    assert ("1 × WARNING: Teacher's first name — teacherFirstname: Fran\ufffdois holds \ufffd, "
            "the sign a program puts where it could not read a letter: the letter was lost before "
            "the file reached us and cannot be guessed. Take the file again from its source."
            ) in summary


def test_the_preview_warns_in_french(
        tmp_path: Path, french: None, qtbot: QtBot, screenshots: Path) -> None:
    summary = _summary(tmp_path, qtbot, screenshots, "preview-garbled-text-fr")
    for value, encoding, fixed in [("Ã‰mile", "Windows-1252", "Émile"),
                                   ("H√©l√®ne", "Mac Roman", "Hélène")]:
        assert (f"1 × Avertissement{NBSP}: Prénom du formateur — teacherFirstname{NBSP}: "
                f"{value} ressemble à un texte UTF-8 lu comme du {encoding} avant d'être "
                f"enregistré{NBSP}; réparé, il se lit {fixed}. Corrigez le fichier, sauf si ce "
                "texte est voulu.") in summary
    assert (f"1 × Avertissement{NBSP}: Prénom du formateur — teacherFirstname{NBSP}: "
            f"Fran\ufffdois contient \ufffd, le signe qu'un programme met là où il n'a pas pu "
            f"lire une lettre{NBSP}: la lettre a été perdue avant que le fichier nous parvienne "
            "et ne peut pas être devinée. Reprenez le fichier à sa source.") in summary
