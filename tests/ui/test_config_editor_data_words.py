"""The configuration editor shows the core's refusals of a data path typed in it: they name
--data as the command line's, and the French window leaves it out."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.wizard import CONFIG, PREVIEW
from tests.ui.test_someone_elses_configuration import configuration, teachers
from tests.ui.wizards import shot

NBSP = "\u00a0"


def typed(window: MainWindow, qtbot: QtBot, tmp_path: Path, old: str, new: str) -> str:
    """What the configuration editor says once ``old`` is replaced by ``new`` in its text."""
    teachers(tmp_path / "teachers.csv")
    assert window.open_file(configuration(tmp_path, "<fileName>teachers.csv</fileName>"))
    qtbot.waitUntil(lambda: window.wizard.currentId() == PREVIEW, timeout=20_000)
    window.wizard.back()
    assert window.wizard.currentId() == CONFIG
    page = window.wizard.config_page
    page.editor.setPlainText(page.editor.toPlainText().replace(old, new))
    assert not page.parse_now()
    return page.status_label.text()


def test_a_path_leading_outside(window: MainWindow, qtbot: QtBot, tmp_path: Path,
                                screenshots: Path) -> None:
    said = typed(window, qtbot, tmp_path, "<fileName>teachers.csv</fileName>",
                 "<fileName>../teachers.csv</fileName>")
    shot(window, screenshots, "config-editor-data-outside")
    assert said.endswith('<fileName> "../teachers.csv" (line 2) leads outside the '
                         "configuration's folder; a data file outside it is read only when "
                         "you choose it yourself (on the command line: --data).")


def test_a_name_no_file_matches(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    said = typed(window, qtbot, tmp_path, "teachers.csv<", "nobody*.csv<")
    assert said == (f"{tmp_path / 'nobody*.csv'}: fileName nobody*.csv matches no file in "
                    f"{tmp_path}; correct it, or choose the data file yourself (on the command "
                    "line: --data).")


def test_in_french_the_window_has_no_flag(french: None, window: MainWindow, qtbot: QtBot,
                                          tmp_path: Path) -> None:
    (tmp_path / "a-2.csv").write_text("x")
    (tmp_path / "a-1.csv").write_text("x")
    said = typed(window, qtbot, tmp_path, "teachers.csv<", "a-*.csv<")
    assert said == (f"{tmp_path / 'a-*.csv'}{NBSP}: fileName a-*.csv correspond à 2 fichiers "
                    f"dans {tmp_path}{NBSP}; faites-le correspondre à un seul, ou choisissez "
                    "vous-même le fichier de données.")
