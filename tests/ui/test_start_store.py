"""The window starts on the store opened last (QA D3), as the README says: started as
``run_gui`` starts it, on real stores and the real settings file."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from importer_gui.core.paths import default_store_path
from importer_gui.core.session import opened_store
from importer_gui.core.store import Store
from importer_gui.ui.app import start_window
from importer_gui.ui.settings import Settings
from tests.core.test_created_spans import store_at_version_5
from tests.core.test_store_postgres import version


def opened_before(*stores: Path) -> None:
    """The settings remember ``stores`` as opened, the last one given last."""
    settings = Settings()
    for store in stores:
        Store.open(store).close()
        settings.add_recent_store(store)


def test_the_window_starts_on_the_store_opened_last(qtbot: QtBot, tmp_path: Path) -> None:
    team = tmp_path / "team.sqlite3"
    opened_before(default_store_path(), team)
    window = start_window([])
    qtbot.addWidget(window)
    assert window.store_path == team
    assert window.state.session.store_path == team
    assert window.windowTitle() == "Import Assistant — team.sqlite3"
    assert window.statusBar().currentMessage() == ""


def test_a_store_given_wins_over_the_one_opened_last(qtbot: QtBot, tmp_path: Path) -> None:
    opened_before(tmp_path / "team.sqlite3")
    window = start_window([], tmp_path / "given.sqlite3")
    qtbot.addWidget(window)
    assert window.store_path == tmp_path / "given.sqlite3"
    assert window.windowTitle() == "Import Assistant — given.sqlite3"


def test_a_last_store_gone_starts_on_the_usual_one_and_says_so(
        qtbot: QtBot, tmp_path: Path) -> None:
    older, gone = tmp_path / "older.sqlite3", tmp_path / "gone.sqlite3"
    opened_before(older, gone)
    gone.unlink()
    window = start_window([])
    qtbot.addWidget(window)
    assert window.store_path == default_store_path()  # not the older one, unasked
    assert window.windowTitle() == "Import Assistant"
    assert window.statusBar().currentMessage() == (
        f"The store opened last, {gone}, is no longer there: this is the usual store, "
        f"{default_store_path()}. File ▸ Open store… opens another.")
    assert not gone.exists()  # not made again by starting


def test_with_nothing_opened_before_the_window_starts_on_the_usual_store(
        qtbot: QtBot) -> None:
    window = start_window([])
    qtbot.addWidget(window)
    assert window.store_path == default_store_path()
    assert window.statusBar().currentMessage() == ""


def test_the_gone_store_is_said_once_and_not_after_another_is_opened(
        qtbot: QtBot, tmp_path: Path) -> None:
    gone, team = tmp_path / "gone.sqlite3", tmp_path / "team.sqlite3"
    opened_before(gone)
    gone.unlink()
    Store.open(team).close()
    window = start_window([])
    qtbot.addWidget(window)
    assert window.statusBar().currentMessage().startswith("The store opened last")
    assert window.use_store(team)
    assert window.statusBar().currentMessage() == ""  # it spoke of the other store
    window.close()
    again = start_window([])
    qtbot.addWidget(again)
    assert again.store_path == team and again.statusBar().currentMessage() == ""
    Settings().add_recent_store(default_store_path())
    last = start_window([])
    qtbot.addWidget(last)
    assert last.statusBar().currentMessage() == ""  # the usual store, opened last: nothing to say


def test_a_last_store_that_is_no_store_starts_on_the_usual_one_and_says_why(
        qtbot: QtBot, tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    opened_before(junk)
    junk.write_text("hello\n")
    window = start_window([])
    qtbot.addWidget(window)
    assert window.store_path == default_store_path()
    assert window.statusBar().currentMessage() == (
        f"The store opened last cannot be opened ({junk} is not an Import Assistant store): "
        f"this is the usual store, {default_store_path()}. File ▸ Open store… opens another.")
    assert junk.read_text() == "hello\n"


def test_a_last_store_an_older_version_wrote_is_started_on_before_it_is_upgraded(
        qtbot: QtBot, tmp_path: Path) -> None:
    older = tmp_path / "older.sqlite3"
    store_at_version_5(older)
    Settings().add_recent_store(older)
    window = start_window([])
    qtbot.addWidget(window)
    assert window.store_path == older
    assert window.statusBar().currentMessage() == ""
    assert version(older) == 5  # its upgrade is its first use's, on a worker
    with opened_store(older, create=False) as store:  # as the window's tasks open it
        assert [run.id for run in store.history()] == [2, 1]
    assert version(older) == 6
