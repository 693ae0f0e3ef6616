"""The store browser reads a table's first page when its tab is first shown: opening it
reads the tab it shows (and the runs), not the ten tables at once."""

from __future__ import annotations

import re
from typing import Any

import pytest

from importer_gui.core.records import Table
from importer_gui.core.store import Store
from importer_gui.core.store.location import StoreLocation
from importer_gui.ui.store_browser import StoreBrowser
from tests.ui.test_store_browser_since import settle, statements
from tests.ui.test_store_browser_waits_on_nothing import (  # noqa: F401 - the fixture
    COURSES,
    SESSIONS,
    sessions,
)

READ_FROM = re.compile(r'FROM\s+"(\w+)"')


def tables_read(seen: list[tuple[str, bool]]) -> set[str]:
    """The store tables whose records the statements read."""
    tables = {table.value for table in Table}
    return {name for sql, _window in seen for name in READ_FROM.findall(sql) if name in tables}


@pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)
def test_opening_reads_the_tab_shown_and_another_tab_once_first_shown(
        sessions: StoreLocation, qtbot: Any) -> None:  # noqa: F811
    with Store.open(sessions) as store:
        seen = statements(store)
        browser = StoreBrowser(store)
        qtbot.addWidget(browser)
        browser.show()
        settle(browser, qtbot)
        assert browser.tabs.currentIndex() == 0  # Teachers: there are none
        assert browser.record_tabs[Table.TEACHER].count_label.text() == "0 records"
        assert tables_read(seen) == {"teacher"}

        browser.show_table(Table.SESSION)
        tab = browser.record_tabs[Table.SESSION]
        assert tab.count_label.text() == "Reading…"
        settle(browser, qtbot)
        assert tab.count_label.text() == f"{SESSIONS} records"
        assert tables_read(seen) == {"teacher", "session", "training"}  # the courses' names

        browser.show_table(Table.TRAINING)
        courses = browser.record_tabs[Table.TRAINING]
        settle(browser, qtbot)
        assert courses.count_label.text() == f"{COURSES} records"
        read = len(seen)
        browser.show_table(Table.SESSION)  # read once: shown again as it was
        assert not browser.busy
        assert tab.count_label.text() == f"{SESSIONS} records"
        assert len(seen) == read
        browser.refresh()  # F5: the tabs read so far, again; the others once shown
        settle(browser, qtbot)
        assert tables_read(seen[read:]) == {"teacher", "session", "training"}
        browser.close()
