"""On a store a team shares, what the window shows may be older than the store: the
preview's "Checked" line and the store browser's line beside Refresh say when the store was
read, on the user's clock, as the browser writes a run's time (the date too on another day)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from importer_gui.core.store import Store
from importer_gui.ui.locale_text import LocaleText
from importer_gui.ui.store_browser import StoreBrowser
from tests.ui.wizards import shot, teacher_previewed


def checked(tmp_path: Path, qtbot: QtBot) -> tuple[str, datetime, datetime]:
    """The preview's line once one teacher's file is checked, when the check was started, and
    when the check had ended."""
    before = datetime.now()
    _state, _wizard, preview, _commit = teacher_previewed(tmp_path, qtbot)
    return preview.progress_label.text(), before, datetime.now()


def test_the_preview_says_when_it_checked(tmp_path: Path, qtbot: QtBot) -> None:
    said, before, after = checked(tmp_path, qtbot)
    assert said in {f"Checked at {before:%H:%M}.", f"Checked at {after:%H:%M}."}


def test_the_preview_says_when_it_checked_in_french(
        french: None, tmp_path: Path, qtbot: QtBot) -> None:
    said, before, after = checked(tmp_path, qtbot)
    assert said in {f"Vérifié à {before:%H:%M}.", f"Vérifié à {after:%H:%M}."}


def test_a_reading_of_another_day_is_said_with_its_date() -> None:
    french = LocaleText(QLocale(QLocale.Language.French, QLocale.Country.France))
    assert french.clock(datetime(2024, 5, 2, 14, 32, 10)) == "02/05/2024 14:32"
    assert french.clock(datetime.now().replace(hour=14, minute=32)) == "14:32"
    assert LocaleText(QLocale.c()).clock(datetime(2024, 5, 2, 14, 32)) == "2024-05-02 14:32"


def test_the_store_browser_says_when_it_read_the_store_in_french(
        french: None, tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    with Store.open(tmp_path / "store.sqlite3") as store:
        browser = StoreBrowser(store)
        qtbot.addWidget(browser)
        browser.show_history()
        browser.show()
        qtbot.waitUntil(lambda: not browser.busy, timeout=20_000)
        before = datetime.now()
        QTest.keyClick(browser, Qt.Key.Key_F5)
        qtbot.waitUntil(lambda: not browser.busy and browser.read_status.text() != "",
                        timeout=20_000)
        assert browser.read_status.text() in {
            "Aucune exécution n'a été effectuée depuis la dernière lecture de la base\u00a0: "
            f"elle est telle qu'affichée. Base lue à {when}."
            for when in (f"{before:%H:%M}", f"{datetime.now():%H:%M}")}
        shot(browser, screenshots, "store-browser-read-at")
