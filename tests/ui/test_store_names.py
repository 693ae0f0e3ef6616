"""A PostgreSQL store named in the user's language (the recent stores, the window's title),
and a store URL that cannot be read said in words the window can translate."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from pytestqt.qtbot import QtBot

from importer_gui.core.errors import StoreError
from importer_gui.core.store import PostgresUrl, Store, location
from importer_gui.ui import store_dialog
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.messages_text import message_text

TEAM = PostgresUrl("postgresql://jdoe@db.example.org:5433/training?sslmode=require")


@pytest.fixture
def no_server(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stores are taken as opened: the menu and the title only name them."""
    monkeypatch.setattr(store_dialog, "connect", lambda parent, where: where)


def on_the_team_store(qtbot: QtBot, own: Path) -> MainWindow:
    """A window that worked on a file of its own, then on the team's store."""
    Store.open(own).close()  # the recent stores leave out a file that does not exist
    window = MainWindow(own)
    qtbot.addWidget(window)
    assert window.use_store(TEAM)
    return window


def test_a_postgresql_store_is_named_in_french(french: None, no_server: None, qtbot: QtBot,
                                                tmp_path: Path, screenshots: Path) -> None:
    own = tmp_path / "store.sqlite3"
    window = on_the_team_store(qtbot, own)
    assert window.windowTitle() == "Import Assistant — training sur db.example.org"
    window.show()
    window.stores_menu.popup(QPoint(0, 0))  # filled as it shows, as a click fills it
    qtbot.waitUntil(window.stores_menu.isVisible)
    stores = [a for a in window.stores_menu.actions() if a.isCheckable()]
    assert [(a.text(), a.toolTip(), a.isChecked()) for a in stores] == [
        ("&1 training sur db.example.org", str(TEAM), True),
        (f"&2 {own.name}", str(own), False)]
    window.stores_menu.grab().save(str(screenshots / "fr-recent-stores.png"))
    window.stores_menu.hide()


def test_in_english_the_window_names_it_as_the_command_line_does(
        no_server: None, qtbot: QtBot, tmp_path: Path) -> None:
    window = on_the_team_store(qtbot, tmp_path / "store.sqlite3")
    assert window.windowTitle() == f"Import Assistant — {TEAM.name}"
    assert TEAM.name == "training on db.example.org"
    assert window.store_name(PostgresUrl("postgresql://jdoe@/my%20db")) == "my db on localhost"


def test_a_url_that_cannot_be_read_fails_opening_with_its_templates_text(french: None) -> None:
    typed = "postgresql://jdoe:secret@db.example.org"
    with pytest.raises(StoreError) as raised:
        Store.open(typed)
    english = location.NO_DATABASE.format(url="postgresql://jdoe@db.example.org")
    assert raised.value.message == english
    assert message_text(raised.value.message) == (
        "postgresql://jdoe@db.example.org ne nomme aucune base de données "
        "(postgresql://UTILISATEUR@HÔTE/BASE)")


def test_a_store_file_named_in_latin1_is_named_with_its_escapes(tmp_path: Path) -> None:
    from importer_gui.ui.labels import store_name
    from tests.builders import latin1

    assert store_name(latin1(tmp_path, b"caf\xe9.sqlite3")) == "caf\\xe9.sqlite3"
    assert store_name(tmp_path / "café.sqlite3") == "café.sqlite3"
