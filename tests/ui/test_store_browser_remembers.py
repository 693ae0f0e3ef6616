"""The store browser opens again on the tab it was closed on, at the size it was given."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from importer_gui.core.records import Table
from importer_gui.core.store import Store
from importer_gui.ui.store_browser import RecordTab, StoreBrowser


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """An empty store."""
    with Store.open(tmp_path / "store.sqlite3") as opened:
        yield opened


def opened(store: Store, qtbot: object) -> StoreBrowser:
    """A browser shown, as Tools ▸ Store browser… opens it."""
    browser = StoreBrowser(store)
    qtbot.waitUntil(lambda: not browser.busy)  # type: ignore[attr-defined]
    qtbot.addWidget(browser)  # type: ignore[attr-defined]
    browser.show()
    return browser


def shown_table(browser: StoreBrowser) -> Table | None:
    """The table whose tab is in front; None for the history."""
    current = browser.tabs.currentWidget()
    if current is browser.learner_tabs:
        current = browser.learner_tabs.currentWidget()
    return current.model.table if isinstance(current, RecordTab) else None


@pytest.mark.parametrize("table", [Table.ROOM, Table.REGISTRATION])
def test_the_table_shown_last_and_the_size_are_remembered(store: Store, qtbot: object,
                                                          table: Table) -> None:
    browser = opened(store, qtbot)
    browser.show_table(table)
    browser.resize(700, 520)  # within the offscreen screen
    browser.close()
    again = opened(store, qtbot)
    assert shown_table(again) is table
    assert (again.width(), again.height()) == (700, 520)


def test_the_history_shown_last_is_shown_again(store: Store, qtbot: object) -> None:
    browser = opened(store, qtbot)
    browser.show_history()
    browser.close()
    again = opened(store, qtbot)
    assert again.tabs.currentIndex() == again.tabs.count() - 1


def test_the_first_time_it_opens_on_the_teachers(store: Store, qtbot: object) -> None:
    browser = opened(store, qtbot)
    assert shown_table(browser) is Table.TEACHER
    assert (browser.width(), browser.height()) == (1100, 700)  # on a 1920x1080 desktop


def test_the_main_window_opens_again_at_the_size_it_was_left(tmp_path: Path,
                                                            qtbot: object) -> None:
    from importer_gui.ui.main_window import DEFAULT_SIZE, MainWindow

    window = MainWindow(tmp_path / "store.sqlite3")
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    assert (window.width(), window.height()) == DEFAULT_SIZE  # the first time
    window.show()
    window.resize(720, 540)  # within the offscreen screen
    assert window.close()
    again = MainWindow(tmp_path / "store.sqlite3")
    qtbot.addWidget(again)  # type: ignore[attr-defined]
    assert (again.width(), again.height()) == (720, 540)
