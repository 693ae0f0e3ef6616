"""Names holding a non-breaking space (French spreadsheets write "N°\u00a0de session",
files are named "Formateurs\u00a02024.csv") go through the configuration's XML editor as
they are: after a typed edit elsewhere the file is still found, the column still mapped by
its header, and Save as… writes the characters back."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.config_page import ConfigPage
from importer_gui.ui.wizard import CONFIG, PREVIEW
from tests.builders import write_csv
from tests.ui.test_config_editor_typing import type_at


def configuration(folder: Path, file_name: str, header: str) -> Path:
    """Teachers from ``file_name``, their name found by the header ``header``."""
    path = folder / "teachers.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<import-config xmlns:ia="urn:import-assistant:extension:1">\n'
        "<import><providers><fileSystemSourceProvider>\n"
        f"<fileName>{file_name}</fileName><skipFirstLine>yes</skipFirstLine>\n"
        '<columnsMapping><teacherLogin ia:header="Identifiant"/>'
        f'<teacherName ia:header="{header}"/><teacherEmail ia:header="Courriel"/>'
        "</columnsMapping>\n<delimiter>semicolon</delimiter>\n"
        "</fileSystemSourceProvider></providers>\n"
        "<actions><createOrUpdateTeacherAction/></actions></import>\n</import-config>\n",
        encoding="utf-8")
    return path


def edited_by_hand(window: MainWindow, folder: Path, qtbot: QtBot, file_name: str,
                   header: str) -> ConfigPage:
    """The configuration opened on ``file_name`` whose second header is ``header``, on to
    the preview and back, a comment typed at its end: the page once it has parsed it."""
    write_csv(folder / file_name, [["Identifiant", header, "Courriel"],
                                   ["zoe", "Zola", "zoe@example.org"]])
    wizard = window.wizard
    assert window.open_file(configuration(folder, file_name, header))
    qtbot.waitUntil(lambda: wizard.currentId() == PREVIEW, timeout=20_000)
    wizard.back()
    assert wizard.currentId() == CONFIG
    page = wizard.config_page
    qtbot.waitUntil(lambda: not page.runner.busy, timeout=20_000)
    end = page.editor.document().characterCount() - 1
    type_at(page, qtbot, end, "<!-- checked -->")
    qtbot.waitUntil(lambda: page.isComplete() or page.error_text() != "", timeout=3000)
    return page


@pytest.mark.parametrize(("file_name", "header"), [
    ("teachers.csv", "Nom\u00a0de famille"),
    ("teachers.csv", "Nom\u2028de famille"),
    ("Formateurs\u00a02024.csv", "Nom"),
], ids=["header, no-break space", "header, line separator", "file name, no-break space"])
def test_a_special_space_survives_a_typed_edit_and_is_saved(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, file_name: str, header: str) -> None:
    page = edited_by_hand(window, tmp_path, qtbot, file_name, header)
    assert page.status_label.text() == "The configuration is valid."
    provider = page.session.choices.config.imports[0].provider
    assert provider.file_name == file_name
    assert [column.header for column in provider.columns] == ["Identifiant", header, "Courriel"]
    assert page.save_config_as(tmp_path / "saved.xml")
    page.finish_saving()  # written in the background
    text = (tmp_path / "saved.xml").read_text(encoding="utf-8")
    assert f"<fileName>{file_name}</fileName>" in text
    assert f'ia:header="{header}"' in text
