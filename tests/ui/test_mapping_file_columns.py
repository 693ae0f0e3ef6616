"""The mapping page shows this month's file's columns, however many the saved mapping had: a
file with fewer columns gets no extra "Column 3" row without header or samples, and the
configuration written gets no <ignoredColumn/> for a column the file does not have. The saved
mapping's fields no column feeds any more are said missing, as they were."""

from __future__ import annotations

import re
from pathlib import Path

from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.mapping_page import MappingPage
from importer_gui.ui.wizard import CONFIG
from tests.builders import write_csv
from tests.ui.wizards import TEACHERS_BY_HEADER, next_month_mapping, shot, teachers_config

BY_PLACE = "<teacherLogin/><teacherName/><teacherEmail/>"
EMAIL = "Teacher's e-mail address — teacherEmail"


def june_mapping(window: MainWindow, tmp_path: Path, qtbot: QtBot, columns: str,
                 may: list[list[str]], june: list[list[str]], skip: str = "yes"
                 ) -> MappingPage:
    """May's configuration (``columns`` its columnsMapping) opened on May's file, then June's
    file, on the mapping page."""
    write_csv(tmp_path / "may.csv", may)
    (tmp_path / "may.xml").write_text(teachers_config(columns, skip),
                                      encoding="utf-8")
    return next_month_mapping(window, qtbot, tmp_path / "may.xml",
                              write_csv(tmp_path / "june.csv", june))


def titles(page: MappingPage) -> list[tuple[str | None, str]]:
    """Each row of the page: its column's header and the field chosen."""
    return list(zip([row.header for row in page.rows], page.column_fields(), strict=True))


def written_columns(window: MainWindow) -> list[str]:
    """The columnsMapping's lines in the XML the configuration page shows (and saves)."""
    text = window.wizard.config_page.editor.toPlainText()
    inside = text[text.index("<columnsMapping>") + 16:text.index("</columnsMapping>")]
    return re.findall(r"<[^<>]+/>", inside)


def test_a_column_dropped_from_the_file_leaves_no_row_and_no_ignored_column(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    page = june_mapping(window, tmp_path, qtbot, TEACHERS_BY_HEADER,
                        [["Identifiant", "Nom", "Courriel"], ["zoe", "Zola", "z@example.org"]],
                        [["Identifiant", "Nom"], ["zoe", "Zola"], ["hugo", "Hugo"]])
    assert titles(page) == [("Identifiant", "teacherLogin"), ("Nom", "teacherName")]
    assert page.changes_label.text().splitlines()[1:] == [
        f"Missing from this file: “Courriel” ({EMAIL}). The saved mapping fed it; map another "
        "column to it or go on without it."]
    shot(window, screenshots, "file-columns-1-dropped")
    page.confirm_check.setChecked(True)
    window.wizard.next()
    assert window.wizard.currentId() == CONFIG
    assert written_columns(window) == ['<teacherLogin ia:header="Identifiant"/>',
                                       '<teacherName ia:header="Nom"/>']


def test_a_phantom_ignored_column_saved_before_is_not_shown_nor_written_again(
        window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    page = june_mapping(window, tmp_path, qtbot,
                        '<teacherLogin ia:header="Identifiant"/><teacherName ia:header="Nom"/>'
                        "<ignoredColumn/>",
                        [["Identifiant", "Nom"], ["zoe", "Zola"]],
                        [["Identifiant", "Nom"], ["hugo", "Hugo"]])
    assert titles(page) == [("Identifiant", "teacherLogin"), ("Nom", "teacherName")]
    window.wizard.next()
    assert written_columns(window) == ['<teacherLogin ia:header="Identifiant"/>',
                                       '<teacherName ia:header="Nom"/>']


def test_an_ignored_column_the_file_has_is_kept(
        window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    page = june_mapping(window, tmp_path, qtbot,
                        TEACHERS_BY_HEADER + '<ignoredColumn ia:header="Notes"/>',
                        [["Identifiant", "Nom", "Courriel", "Notes"],
                         ["zoe", "Zola", "z@example.org", "new"]],
                        [["Identifiant", "Nom", "Courriel", "Notes"],
                         ["hugo", "Hugo", "h@example.org", ""]])
    assert titles(page) == [("Identifiant", "teacherLogin"), ("Nom", "teacherName"),
                            ("Courriel", "teacherEmail"), ("Notes", "ignoredColumn")]
    window.wizard.next()
    assert written_columns(window)[-1] == '<ignoredColumn ia:header="Notes"/>'


def test_a_headerless_file_shows_its_widest_rows_and_says_the_field_gone(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    page = june_mapping(window, tmp_path, qtbot, BY_PLACE,
                        [["zoe", "Zola", "z@example.org"]],
                        [["zoe", "Zola"], ["hugo", "Hugo"]], skip="no")
    assert titles(page) == [(None, "teacherLogin"), (None, "teacherName")]
    assert page.warning_label.text() == (
        f"No column feeds {EMAIL} any more: the saved mapping fed it from the column "
        "“Column 3”, which this file lacks. Map a column to it, or go on without it.")
    assert not page.isComplete()
    shot(window, screenshots, "file-columns-2-headerless")
    page.confirm_check.setChecked(True)
    window.wizard.next()
    assert window.wizard.currentId() == CONFIG
    assert written_columns(window) == ["<teacherLogin/>", "<teacherName/>"]
