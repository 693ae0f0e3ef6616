"""A first start, on an empty store: the window says how to try it before the user's own
files."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from tests.ui.wizards import shot

SAMPLE_HINT = ("New here? File ▸ Open sample opens a sample configuration and its files, to "
               "see every page before opening your own.")


def test_the_first_start_points_to_the_sample_until_a_file_is_opened(
        window: MainWindow, qtbot: QtBot, screenshots: Path) -> None:
    page = window.wizard.open_page
    assert page.first_start_label.isVisible()
    assert page.first_start_label.text() == SAMPLE_HINT
    shot(window, screenshots, "first-start")
    assert window.open_sample()
    qtbot.waitUntil(lambda: window.wizard.currentId() != 0, timeout=20_000)
    window.wizard.new_import()  # back on the first page: a recent file now, no hint
    assert not page.first_start_label.isVisible()


def test_no_hint_when_the_sample_is_not_installed(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("importer_gui.ui.pages.open_page.sample_config_path",
                        lambda: tmp_path / "nowhere.xml")
    window = MainWindow(tmp_path / "store.sqlite3")
    qtbot.addWidget(window)
    window.show()
    assert not window.wizard.open_page.first_start_label.isVisible()


def test_the_hint_in_french(french: None, window: MainWindow) -> None:
    assert window.wizard.open_page.first_start_label.text() == (
        "Première fois\xa0? Fichier ▸ Ouvrir l'exemple ouvre une configuration d'exemple et "
        "ses fichiers, pour voir chaque page avant d'ouvrir les vôtres.")


LIBRARY_EMPTY = {
    "en": ("None yet: a configuration you save with “Save to library…”, on the page “The "
           "configuration”, is listed here to open again."),
    "fr": ("Aucune pour l'instant : une configuration enregistrée avec « Enregistrer dans la "
           "bibliothèque… », à la page « La configuration », est listée ici pour être rouverte."),
}


def test_an_empty_library_says_what_it_would_list_and_how(
        speaking: str, window: MainWindow, sample: Path, screenshots: Path) -> None:
    from importer_gui.core.paths import library_dir

    page = window.wizard.open_page
    assert page.library_empty.isVisible()
    assert page.library_empty.text() == LIBRARY_EMPTY[speaking].replace(" :", "\u00a0:").replace(
        "« ", "«\u00a0").replace(" »", "\u00a0»")
    shot(window, screenshots, f"library-empty-{speaking}")
    library_dir().mkdir(parents=True, exist_ok=True)
    (library_dir() / "Sessions.xml").write_bytes((sample / "sample-config.xml").read_bytes())
    page.refresh_lists()
    assert page.library_model.stringList() == ["Sessions"]
    assert not page.library_empty.isVisible()
