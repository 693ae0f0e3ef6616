"""Where the window offers the platform's round trip: a menu entry and two buttons."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from importer_gui.ui import main_window, package_dialog
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages import commit_page
from tests.ui.test_preview_commit import teacher_state
from tests.ui.wizards import preview_and_commit


def action(window: MainWindow, menu: str, text: str) -> object:
    """The action ``text`` of the menu titled ``menu``."""
    bar = next(a for a in window.menuBar().actions() if a.text().replace("&", "") == menu)
    return next(a for a in bar.menu().actions() if a.text().replace("&", "") == text)


def test_tools_refresh_opens_the_refresh_dialog_on_the_windows_store(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[object] = []
    monkeypatch.setattr(main_window.RefreshDialog, "exec",
                        lambda dialog: opened.append(dialog.store_path) or 0)
    action(window, "Tools", "Refresh from the platform's exports…").trigger()
    assert opened == [window.store_path]


@pytest.mark.parametrize(("button", "sends"), [("package_button", False), ("send_button", True)])
def test_the_commit_page_packages_the_checked_rows(tmp_path: Path, qtbot: QtBot,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   button: str, sends: bool) -> None:
    shown: list[tuple[object, bool]] = []
    real_init = package_dialog.PackageDialog.__init__

    def remember(dialog: package_dialog.PackageDialog, plan: object, parent: object = None,
                 *, send: bool = False, **kwargs: object) -> None:
        real_init(dialog, plan, parent, send=send, **kwargs)
        shown.append((plan, send))

    monkeypatch.setattr(commit_page.PackageDialog, "__init__", remember)
    monkeypatch.setattr(commit_page.PackageDialog, "exec", lambda dialog: 0)
    state = teacher_state(tmp_path)
    wizard, _preview, commit = preview_and_commit(state, qtbot)
    assert not getattr(commit, button).isEnabled()  # packaged once committed
    wizard.next()
    qtbot.waitUntil(lambda: commit.result is not None, timeout=20_000)
    getattr(commit, button).click()
    assert shown == [(state.choices.plan, sends)]
