"""A tab whose records cannot be read (the team's server stopped, then Refresh) says why on
wrapped lines of its own under the search row, and the history above its runs, each ending
as the browser says it of a store it cannot open (Refresh (F5) tries again): the server's
reason is read whole, the search box keeps its width, the window the size it was given."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from importer_gui.core.records import Table
from importer_gui.core.store import PostgresUrl, Store
from importer_gui.ui.store_browser import DEFAULT_SIZE, StoreBrowser
from tests.postgres import Cluster
from tests.ui.fit import clipped
from tests.ui.test_store_browser_since import run, settle, teachers

NARROW = 700  # a window put beside another on a small screen
SEARCH_WIDTH = 200  # room for a few words typed in the search box
REFUSED = "is not currently accepting connections."



@pytest.fixture
def serving(postgres_cluster: Cluster,
            postgres_store: PostgresUrl) -> Iterator[Callable[[bool], None]]:
    """Stops the store's database (its connections ended, new ones refused with the
    server's reason) or starts it again, when called; started again once the test ends."""
    database = postgres_store.database

    def serve(on: bool) -> None:
        postgres_cluster.sql(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS {on}')
        if not on:
            postgres_cluster.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                                 f" WHERE datname = '{database}'")

    yield serve
    serve(True)


def readable(said: QLabel, page: QWidget) -> None:
    """``said`` is shown, wraps its text, and ``page`` shows all its texts whole."""
    assert said.isVisible() and said.wordWrap()
    assert said.text().endswith(("Refresh (F5) tries again.", "Relire (F5) essaie à nouveau."))
    assert clipped(page) == []


@pytest.mark.parametrize("width", [DEFAULT_SIZE[0], NARROW])
def test_a_tab_that_cannot_be_read_says_why_whole_under_its_search_box(
        speaking: str, width: int, postgres_store: PostgresUrl, serving: Callable[[bool], None],
        qtbot: Any, screenshots: Path) -> None:
    with Store.open(postgres_store) as store:
        store.apply(teachers(["ada", "bob"]), run(2))
        browser = StoreBrowser(store)
        qtbot.addWidget(browser)
        browser.resize(width, DEFAULT_SIZE[1])
        browser.show()
        qtbot.waitExposed(browser)
        settle(browser, qtbot)
        serving(False)
        browser.refresh()  # F5: the runs, then every tab, cannot be read
        settle(browser, qtbot)
        browser.grab().save(str(screenshots / f"store-browser-unread-{speaking}-{width}.png"))
        tab = browser.record_tabs[Table.TEACHER]
        said = tab.read_error
        assert said.text().startswith((f"The store {postgres_store} could not be read: ",
                                       f"La base {postgres_store} n'a pas pu être lue"))
        assert REFUSED in said.text()  # the server's reason, whole
        readable(said, tab)
        assert said.geometry().top() >= tab.search.geometry().bottom()  # under the search row
        assert tab.search.width() >= SEARCH_WIDTH
        assert tab.count_label.text() == ""
        assert browser.width() == width  # no message widens the window past its screen

        browser.show_history()
        browser.grab().save(str(screenshots / f"store-browser-unread-history-{speaking}-"
                                              f"{width}.png"))
        readable(browser.history_error, browser.history_error.parentWidget())
        assert browser.width() == width

        serving(True)
        browser.refresh()  # F5 again, the server back: the messages go
        settle(browser, qtbot)
        assert not browser.history_error.isVisible()
        browser.show_table(Table.TEACHER)
        assert not said.isVisible() and tab.count_label.text() != ""
        browser.close()
