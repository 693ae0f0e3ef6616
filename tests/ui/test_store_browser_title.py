"""The store browser's title names its store, as the window's title does: a browser left open
after File ▸ Open store says it still shows the store left (never a password of the team's)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from importer_gui.core.store import Store
from importer_gui.core.store.location import postgres_url
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.store_browser import StoreBrowser
from tests.builders import latin1
from tests.ui.test_revert_after_store_switch import teachers


def shown_on(store: Path, qtbot: QtBot) -> StoreBrowser:
    """A browser over the store file ``store``, its reads done."""
    with Store.open(store) as opened:
        browser = StoreBrowser(opened)
        qtbot.addWidget(browser)
        qtbot.waitUntil(lambda: not browser.busy)
        return browser


def test_the_title_names_the_store_file(qtbot: QtBot, tmp_path: Path) -> None:
    browser = shown_on(tmp_path / "team.sqlite3", qtbot)
    assert browser.windowTitle() == "Store browser — team.sqlite3"


def test_a_store_file_named_in_latin1_is_named_with_its_byte_escaped(
        qtbot: QtBot, tmp_path: Path) -> None:
    browser = shown_on(latin1(tmp_path, b"caf\xe9.sqlite3"), qtbot)
    assert browser.windowTitle() == "Store browser — caf\\xe9.sqlite3"


def test_in_french(french: None, qtbot: QtBot, tmp_path: Path) -> None:
    browser = shown_on(tmp_path / "team.sqlite3", qtbot)
    assert browser.windowTitle() == "Explorateur de la base — team.sqlite3"


def test_a_postgresql_store_is_named_as_the_window_names_it_without_its_password(
        qtbot: QtBot) -> None:
    # Port 1 of this machine: nothing answers, the opening fails at once and says so.
    team = postgres_url("postgresql://jdoe:s3cret@127.0.0.1:1/training")
    browser = StoreBrowser(None, location=team)
    qtbot.addWidget(browser)
    assert browser.windowTitle() == "Store browser — training on 127.0.0.1"
    qtbot.waitUntil(lambda: not browser.busy, timeout=30_000)
    assert browser.windowTitle() == "Store browser — training on 127.0.0.1"


def test_a_browser_left_open_after_open_store_names_the_store_it_shows(
        window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    left = window.state.store_path
    teachers(left, ["a1"])
    other = tmp_path / "other.sqlite3"
    teachers(other, ["b1"])
    browser = window.wizard.commit_page.open_browser()
    assert browser is not None
    qtbot.waitUntil(lambda: not browser.busy, timeout=30_000)
    assert window.use_store(other)
    assert window.windowTitle() == "Import Assistant — other.sqlite3"
    assert browser.windowTitle() == "Store browser — store.sqlite3"
