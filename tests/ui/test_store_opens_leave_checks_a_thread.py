"""A team's server that never answers holds only the opening of its store: two store
browsers waiting for it leave the threads of the user's checks free."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from importer_gui.core.session import Session
from importer_gui.core.store import PostgresUrl
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.store_browser import session_browser
from tests.ui.wizards import sample_preview


def test_a_check_completes_while_two_browsers_wait_for_a_silent_server(
        window: MainWindow, silent_server: PostgresUrl, sample: Path, qtbot: QtBot) -> None:
    slow = PostgresUrl(silent_server.url.replace("connect_timeout=2", "connect_timeout=15"))
    browsers = [session_browser(Session(slow), window) for _ in range(2)]
    for browser in browsers:
        browser.show()
    page = sample_preview(window, sample, qtbot)
    assert page.shows_plan()
    assert [browser.busy for browser in browsers] == [True, True]  # still connecting
    for browser in browsers:
        browser.reject()
