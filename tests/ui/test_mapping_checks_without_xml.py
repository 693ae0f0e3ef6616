"""What the mapping page writes is checked as a configuration file's reader checks it, in the
user's language, without naming a line of an XML text the user never saw; nor is that text
written and parsed back on Next."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from importer_gui.core import config_xml
from importer_gui.ui.language import FRENCH
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.mapping_page import MappingPage
from importer_gui.ui.wizard import CONFIG, MAPPING
from tests.spies import counted
from tests.ui.test_mapping_custom_and_codes import mapping

TRACKING = "createOrUpdateConsolidatedTrackingAction"
NBSP = "\xa0"


def tracking_page(window: MainWindow, tmp_path: Path) -> MappingPage:
    """The mapping page of a consolidated tracking file, complete."""
    data = tmp_path / "tracking.csv"
    data.write_text("candidateLogin;sessionGuid;lovCode;trackingStatus\n"
                    "cbernard;S-1;LO-1;c\n", encoding="utf-8")
    page = mapping(window, data, TRACKING)
    page.confirm_check.setChecked(True)
    return page


def typed(widget: str, text: str) -> Callable[[MappingPage], None]:
    """Types ``text`` in the page's input named ``widget`` (an option, a parameter, the
    date format)."""
    def type_it(page: MappingPage) -> None:
        inputs: dict[str, Any] = {**page.option_inputs, **page.parameter_inputs,
                                  "dateFormat": page.date_format_edit}
        inputs[widget].setText(text)
    return type_it


def codes(**typed_codes: str) -> Callable[[MappingPage], None]:
    """Types trackingStatus codes."""
    def type_them(page: MappingPage) -> None:
        for meaning, code in typed_codes.items():
            page.code_edits["trackingStatus"][meaning].setText(code)
    return type_them


MISTAKES = {
    "date format": (
        typed("dateFormat", "DD/MM/YYYY à HH"),
        "the given date format DD/MM/YYYY à HH is not valid. It should only contain the "
        "following characters (case insensitive): 'YMDHIS /_.:;,-'",
        "the given date format DD/MM/YYYY à HH is not valid. It should only contain the "
        "following characters (case insensitive): 'YMDHIS /_.:;,-'"),
    "date part twice": (
        typed("dateTimeFormat", "YYYY-MM-DD HH:II:SS:HH"),
        "The date format YYYY-MM-DD HH:II:SS:HH gives HH twice; each of YYYY (or YY), MM, DD, "
        "HH, II and SS may appear once.",
        f"Le format de date YYYY-MM-DD HH:II:SS:HH donne HH deux fois{NBSP}; YYYY (ou YY), MM, "
        "DD, HH, II et SS peuvent chacun y figurer une fois."),
    "whole number": (
        typed("defaultScoreMax", "dix"),
        'Invalid value "dix" in <defaultScoreMax>; expected a whole number.',
        f"Valeur non valide «{NBSP}dix{NBSP}» dans <defaultScoreMax>{NBSP}; un nombre entier "
        "est attendu."),
    "time": (
        typed("defaultTime", "25h"),
        'Invalid value "25h" in <defaultTime>; expected a time as hh:ii:ss.',
        f"Valeur non valide «{NBSP}25h{NBSP}» dans <defaultTime>{NBSP}; une heure au format "
        "hh:ii:ss est attendue."),
    "two typed codes": (
        codes(completed="c", passed="c"),
        'The code "c" of trackingStatus means both <completed> and <passed>; a code must mean '
        "one thing.",
        f"Le code «{NBSP}c{NBSP}» de trackingStatus signifie à la fois <completed> et "
        f"<passed>{NBSP}; un code ne doit avoir qu'un sens."),
    "a typed code and a default": (
        codes(passed="completed"),
        'The code "completed" of trackingStatus means both <completed> (its default code) and '
        "<passed>; a code must mean one thing.",
        f"Le code «{NBSP}completed{NBSP}» de trackingStatus signifie à la fois <completed> "
        f"(son code par défaut) et <passed>{NBSP}; un code ne doit avoir qu'un sens."),
    "a character XML cannot hold": (
        typed("dateFormat", "DD/MM/YYYY\x01"),
        "The configuration cannot be written: DD/MM/YYYY\\x01 holds a character XML cannot "
        "hold (U+0001); rename the file or change the value that holds it.",
        f"La configuration ne peut pas être écrite{NBSP}: DD/MM/YYYY\\x01 contient un "
        f"caractère que XML ne peut pas contenir (U+0001){NBSP}; renommez le fichier ou "
        "changez la valeur qui le contient."),
}


@pytest.mark.parametrize("mistake", list(MISTAKES))
def test_a_mistake_typed_on_the_mapping_is_said_without_a_line(
        window: MainWindow, tmp_path: Path, speaking: str, mistake: str) -> None:
    make, english, french = MISTAKES[mistake]
    page = tracking_page(window, tmp_path)
    make(page)
    window.wizard.next()
    assert window.wizard.currentId() == MAPPING
    assert page.error_label.text() == (french if speaking == FRENCH else english)


def test_next_checks_the_mapping_without_writing_or_parsing_xml(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        qtbot: QtBot) -> None:
    page = tracking_page(window, tmp_path)
    dumped, loaded = (counted(monkeypatch, config_xml, name) for name in ("dumps", "loads"))
    assert page.validatePage()
    assert dumped == [] and loaded == []
    assert page.error_label.text() == ""
    window.wizard.next()
    assert window.wizard.currentId() == CONFIG
