"""The preview shows a warning for text garbled by an earlier wrong decoding, with what it
reads repaired, and the row can still be committed as it is."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from importer_gui.core import config_xml
from importer_gui.ui.state import WizardState
from tests.builders import teachers_import, write_config
from tests.ui.wizards import preview_and_commit, shot


def test_the_preview_warns_about_garbled_text(
        tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    spec = teachers_import(tmp_path, [["emartin", "Martin", "Ã‰mile", "emartin@example.org"],
                                      ["cbernard", "Bernard", "Claire", "cb@example.org"]])
    config = config_xml.load(write_config(tmp_path, spec))
    state = WizardState(tmp_path / "store.sqlite3")
    state.session.set_config(config, [tmp_path / "teachers.csv"])
    wizard, page, _commit = preview_and_commit(state, qtbot)
    warning = ("1 × WARNING: Teacher's first name — teacherFirstname: Ã‰mile looks like UTF-8 "
               "text that was read as Windows-1252 before it was saved; once repaired it reads "
               "Émile. Correct the file unless the text is meant.")
    assert warning in page.summary()
    assert page.isComplete()  # a warning: the row may still be committed
    shot(wizard, screenshots, "preview-garbled-text")
