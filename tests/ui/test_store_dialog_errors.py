"""File ▸ Open store… with a URL that cannot be read: the core's sentence (location.py's),
in English as the command line says it, in French in the French window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from importer_gui.core.store import location
from importer_gui.ui.i18n import translate
from importer_gui.ui.messages_text import message_text
from importer_gui.ui.store_dialog import StoreDialog

FRENCH_EXAMPLE = "(postgresql://UTILISATEUR@HÔTE/BASE)"

# (what was typed, what the window says in English, in French)
BAD = [
    ("postgresql://jdoe:secret@db.example.org",
     "postgresql://jdoe@db.example.org names no database (postgresql://USER@HOST/DATABASE)",
     f"postgresql://jdoe@db.example.org ne nomme aucune base de données {FRENCH_EXAMPLE}"),
    ("postgresql://jdoe:secret@db.example.org:54x2/training",
     "postgresql://jdoe@db.example.org:54x2/training names a port that is not a number from "
     "1 to 65535 (postgresql://USER@HOST:PORT/DATABASE)",
     "postgresql://jdoe@db.example.org:54x2/training nomme un port qui n'est pas un nombre "
     "de 1 à 65535 (postgresql://UTILISATEUR@HÔTE:PORT/BASE)"),
    ("postgresql://jdoe:secret@[::1/training",
     "postgresql://jdoe@[::1/training names a host that cannot be read (an IPv6 address goes "
     "in brackets: postgresql://USER@[::1]/DATABASE)",
     "postgresql://jdoe@[::1/training nomme un hôte illisible (une adresse IPv6 s'écrit "
     "entre crochets\u00a0: postgresql://UTILISATEUR@[::1]/BASE)"),
]


def refused(typed: str, tmp_path: Path, qtbot: QtBot) -> StoreDialog:
    """The dialog after Open with ``typed`` as the team's database."""
    dialog = StoreDialog(tmp_path / "mine.sqlite3")
    qtbot.addWidget(dialog)
    dialog.url_choice.setChecked(True)
    dialog.url_edit.setText(typed)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    return dialog


@pytest.mark.parametrize(("typed", "english_text", "french_text"), BAD,
                         ids=[typed for typed, _, _ in BAD])
def test_a_url_that_cannot_be_read_is_said_in_english(
        typed: str, english_text: str, french_text: str, tmp_path: Path, qtbot: QtBot,
        warnings: list[str]) -> None:
    refused(typed, tmp_path, qtbot)
    assert warnings == [english_text]


@pytest.mark.parametrize(("typed", "english_text", "french_text"), BAD,
                         ids=[typed for typed, _, _ in BAD])
def test_a_url_that_cannot_be_read_is_said_in_french(
        french: None, typed: str, english_text: str, french_text: str, tmp_path: Path,
        qtbot: QtBot, warnings: list[str]) -> None:
    refused(typed, tmp_path, qtbot)
    assert warnings == [french_text]


def test_every_url_message_has_its_french(french: None) -> None:
    for template in (location.NOT_A_URL, location.NO_DATABASE, location.BAD_HOST,
                     location.BAD_PORT, location.OTHER_URL):
        assert translate("errors", template) != template, template
    filled = location.NOT_A_URL.format(url="mysql://jdoe@db.example.org/training")
    assert message_text(filled) == ("mysql://jdoe@db.example.org/training n'est pas une URL "
                                    f"PostgreSQL {FRENCH_EXAMPLE}")
    other = location.OTHER_URL.format(url="mysql://jdoe@db.example.org/training")
    assert message_text(other) == ("mysql://jdoe@db.example.org/training ne peut pas accueillir "
                                   "une base\u00a0: donnez le chemin d'un fichier SQLite ou "
                                   "postgresql://UTILISATEUR@HÔTE/BASE")


def test_the_url_example_is_in_french_as_the_placeholder_and_in_the_refusal(
        french: None, tmp_path: Path, qtbot: QtBot, warnings: list[str]) -> None:
    dialog = refused("db.example.org/training", tmp_path, qtbot)
    assert dialog.url_edit.placeholderText() == "postgresql://utilisateur@hôte/base"
    assert warnings == ["db.example.org/training n'est pas une URL PostgreSQL "
                        "(postgresql://utilisateur@hôte/base)."]
