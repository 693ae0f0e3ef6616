"""A settings folder that cannot be written (a read-only profile, a full disk) leaves the
window's sizes, columns and sorts unremembered, never the window unstarted or a traceback;
a language chosen then is said not to be remembered, and why."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from importer_gui.ui import language
from importer_gui.ui.app import start_window
from importer_gui.ui.language import (
    ENGLISH,
    FRENCH,
    LANGUAGES,
    SYSTEM,
    chosen_language,
    language_menu,
    not_kept_notice,
)
from importer_gui.ui.settings import Settings, settings_path
from tests.disks import fill_up


def test_a_settings_folder_that_cannot_be_made_still_starts_the_window(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As on a profile whose folder is read-only: here a file stands where the folder's
    parent would be, which stops root too."""
    blocked = tmp_path / "profile"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("IMPORTER_GUI_CONFIG_DIR", str(blocked / "ImportAssistant"))
    assert chosen_language() == SYSTEM  # asked before the window is built
    window = start_window([], tmp_path / "store.sqlite3")
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == "Import Assistant — store.sqlite3"
    window.close()  # remembering its size, in vain
    settings = Settings()
    settings.save_sort_orders("preview", {"teachers": ("teacherLogin", True)})
    assert blocked.read_text(encoding="utf-8") == "not a folder"


@pytest.mark.parametrize("chosen", [FRENCH, ENGLISH])
def test_a_language_that_cannot_be_remembered_is_said_so_with_why(
        chosen: str, qtbot: QtBot, translations: Path, tiny_disk: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """On a full disk: said in the language chosen, as the next start's notice would be."""
    folder = tiny_disk / "ImportAssistant"
    monkeypatch.setenv("IMPORTER_GUI_CONFIG_DIR", str(folder))
    Settings().add_recent(tiny_disk)  # the file as the window left it
    before = settings_path().read_bytes()
    fill_up(tiny_disk)
    monkeypatch.setattr(language, "translation_file",
                        lambda code: translations / f"import_assistant_{code}.qm")
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: said.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: said.append(text))
    parent = QWidget()
    qtbot.addWidget(parent)
    choices = language_menu(parent).actions()
    choices[[SYSTEM, *LANGUAGES].index(chosen)].trigger()
    assert said == [
        f"Import Assistant ne peut pas retenir cette langue pour son prochain démarrage\u00a0: "
        f"son fichier de réglages {settings_path()} ne peut pas être écrit (Plus d'espace "
        "libre sur le périphérique)." if chosen == FRENCH else
        "Import Assistant cannot remember this language for its next start: its settings "
        f"file {settings_path()} cannot be written (No space left on device)."]
    assert settings_path().read_bytes() == before
    assert chosen_language() == SYSTEM
    assert [choice.isChecked() for choice in choices] == [True, False, False]
    assert sorted(p.name for p in folder.iterdir()) == ["settings.ini"]  # nothing left


def test_a_language_chosen_on_a_read_only_medium_is_said_not_remembered(
        qtbot: QtBot, tiny_disk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IMPORTER_GUI_CONFIG_DIR", str(tiny_disk / "ImportAssistant"))
    Settings().add_recent(tiny_disk)
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_disk)], check=True)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: said.append(text))
    parent = QWidget()
    qtbot.addWidget(parent)
    language_menu(parent).actions()[1].trigger()  # English, which the window speaks
    assert said == ["Import Assistant cannot remember this language for its next start: its "
                    f"settings file {settings_path()} cannot be written (Read-only file "
                    "system)."]
    assert chosen_language() == SYSTEM


def test_a_refusal_the_system_does_not_explain_is_said_without_a_reason(
        tmp_path: Path) -> None:
    settings = tmp_path / "settings.ini"  # writable after all: Qt's failure left unexplained
    assert not_kept_notice(ENGLISH, settings) == (
        "Import Assistant cannot remember this language for its next start: its settings "
        f"file {settings} cannot be written.")
    assert list(tmp_path.iterdir()) == []
