"""A window's commit refused because a colleague's command changed or deleted, since the
check, a record the preview updates: the commit page names the colleague's run, user and
machine, and offers Check again; on both engines, the colleague a real process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from importer_gui.core import config_xml
from importer_gui.core.store import Store, StoreLocation
from importer_gui.core.store.runs import machine_name, os_user
from importer_gui.ui.pages.commit_page import CommitPage
from importer_gui.ui.state import WizardState
from tests.builders import teachers_import, write_config
from tests.ui.wizards import preview_and_commit, shot


def colleague(*args: str) -> None:
    """A colleague's command on the same store, in a process of its own."""
    subprocess.run([sys.executable, "-m", "importer_gui", *args], check=True,
                   capture_output=True)


def teacher_file(folder: Path, name: str) -> Path:
    """A configuration importing teacher zoe, named ``name``, from folder/teachers.csv."""
    folder.mkdir(exist_ok=True)
    return write_config(folder, teachers_import(folder, [("zoe", name, "Z", "zoe@x.org")]))


def renaming_previewed(tmp_path: Path, qtbot: QtBot, store: StoreLocation
                       ) -> tuple[QWizard, CommitPage]:
    """Zoe committed as run 1, then the window's preview renaming her Zoey, checked: the
    wizard, on its preview, and its commit page."""
    colleague("commit", str(teacher_file(tmp_path / "first", "Zoe")), "--store", str(store))
    config = teacher_file(tmp_path / "window", "Zoey")
    state = WizardState(store)  # type: ignore[arg-type]
    state.session.set_config(config_xml.load(config), [tmp_path / "window" / "teachers.csv"])
    wizard, _preview, commit = preview_and_commit(state, qtbot)
    return wizard, commit


def committed(wizard: QWizard, commit: CommitPage, qtbot: QtBot) -> str:
    """Press Commit; what the commit page says once it has ended."""
    wizard.next()
    qtbot.waitUntil(lambda: not commit.is_running(), timeout=20_000)
    assert commit.status.text() == "Nothing was written."
    assert commit.recheck_button.isVisible()
    assert not commit.retry_button.isVisible()
    return commit.error_label.text()


def test_a_record_a_colleague_deleted_since_the_check_names_their_revert(
        tmp_path: Path, qtbot: QtBot, store_url: StoreLocation, screenshots: Path) -> None:
    wizard, commit = renaming_previewed(tmp_path, qtbot, store_url)
    colleague("revert", "1", "--store", str(store_url))
    assert committed(wizard, commit, qtbot) == (
        f"Teacher 'zoe' was deleted by run 2 ({os_user()} on {machine_name()}) since the check; "
        f"check again: nothing was written to {store_url}.")
    shot(wizard, screenshots, "commit-refused-colleague-revert")
    with Store.open(store_url) as store:
        assert [run.id for run in store.history()] == [2, 1]


def test_a_record_a_colleague_changed_since_the_check_names_their_commit(
        tmp_path: Path, qtbot: QtBot, store_url: StoreLocation) -> None:
    wizard, commit = renaming_previewed(tmp_path, qtbot, store_url)
    colleague("commit", str(teacher_file(tmp_path / "colleague", "Zed")),
              "--store", str(store_url))
    assert committed(wizard, commit, qtbot) == (
        f"Teacher 'zoe' was changed by run 2 ({os_user()} on {machine_name()}) since the check "
        f"(teacher's last name is now 'Zed'); check again: nothing was written to {store_url}.")
    with Store.open(store_url) as store:
        assert [run.id for run in store.history()] == [2, 1]
