"""File ▸ Recent files and Recent stores: numbered for the keyboard up to 9, the full path in
the tooltip, a click opens, Clear the list empties it."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from importer_gui.core.store import Store
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.settings import MAX_RECENT, Settings


def test_recent_files_are_numbered_up_to_nine_and_open_when_chosen(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = [tmp_path / f"f{i}.csv" for i in range(MAX_RECENT)]
    for path in files:
        path.write_text("a\n", encoding="utf-8")
        window.settings.add_recent(path)
    opened: list[Path] = []
    monkeypatch.setattr(window, "open_file", opened.append)
    window._fill_recent()
    actions = window.recent_menu.actions()
    newest_first = [p.resolve() for p in reversed(files)]
    assert [a.text() for a in actions[:MAX_RECENT]] == [
        *(f"&{n} {p.name}" for n, p in enumerate(newest_first[:9], start=1)),
        newest_first[9].name]
    assert [a.toolTip() for a in actions[:MAX_RECENT]] == [str(p) for p in newest_first]
    assert actions[MAX_RECENT].isSeparator()
    assert [a.text() for a in actions[MAX_RECENT + 1:]] == ["&Clear the list"]
    actions[2].trigger()
    assert opened == [newest_first[2]]
    actions[-1].trigger()
    window._fill_recent()
    assert [(a.text(), a.isEnabled()) for a in window.recent_menu.actions()] == [
        ("(none yet)", False)]


def test_recent_stores_are_checked_switched_and_cleared(window: MainWindow,
                                                        tmp_path: Path) -> None:
    window._fill_recent_stores()
    assert [(a.text(), a.isEnabled()) for a in window.stores_menu.actions()] == [
        ("(none yet)", False)]
    first, other = window.store_path, tmp_path / "other.sqlite3"
    for path in (first, other):  # the recent stores leave out a file that does not exist
        Store.open(path).close()
    assert window.use_store(other)
    window._fill_recent_stores()
    actions = window.stores_menu.actions()
    assert [(a.text(), a.toolTip(), a.isChecked()) for a in actions[:2]] == [
        (f"&1 {other.name}", str(other.resolve()), True),
        (f"&2 {first.name}", str(first), False)]
    assert actions[2].isSeparator() and actions[3].text() == "&Clear the list"
    actions[1].trigger()
    assert window.store_path == first
    actions[3].trigger()
    assert Settings().recent_stores() == []


def test_in_french_empty_recent_lists_agree_with_files_and_stores(
        tmp_path: Path, qtbot: QtBot, french: None) -> None:
    window = MainWindow(tmp_path / "store.sqlite3")  # built once French is installed
    qtbot.addWidget(window)
    window._fill_recent()
    window._fill_recent_stores()
    assert [a.text() for a in window.recent_menu.actions()] == ["(aucun pour l'instant)"]
    assert [a.text() for a in window.stores_menu.actions()] == ["(aucune pour l'instant)"]


def test_a_recent_store_gone_since_the_menu_showed_is_said_gone_and_not_made_again(
        window: MainWindow, tmp_path: Path) -> None:
    moved = tmp_path / "moved.sqlite3"
    Store.open(moved).close()
    window.settings.add_recent_store(moved)
    window._fill_recent_stores()
    moved.unlink()  # its share unmounted while the menu was open
    window.stores_menu.actions()[0].trigger()
    assert not moved.exists()
    assert window.store_path != moved
    assert window.statusBar().currentMessage() == (
        f"The store {moved} is no longer there. File ▸ Open store… opens another.")
