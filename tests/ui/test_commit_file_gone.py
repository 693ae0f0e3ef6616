"""The commit page when a data file moved or was deleted after the preview (QA 13 D6): it
says the file is no longer there, not that it changed; a file saved again is still said to
have changed. Real files, a real store."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from importer_gui.core.store import Store
from importer_gui.ui.pages.commit_page import CommitPage
from tests.ui.wizards import teacher_previewed

SHOT = Path("/tmp/team/w14-commit-file-gone.png")


def committed_after(tmp_path: Path, qtbot: QtBot, meanwhile: str,
                    ) -> tuple[QWizard, CommitPage, Path]:
    """A teacher file previewed, then moved away or saved again, then committed."""
    state, wizard, _preview, commit = teacher_previewed(tmp_path, qtbot)
    data = tmp_path / "teachers.csv"
    if meanwhile == "moved":
        data.rename(tmp_path / "teachers.moved")  # a colleague tidies the shared drive
    else:
        with data.open("a", encoding="utf-8") as handle:
            handle.write("mia;Mia;M;mia@example.org\n")
    wizard.next()
    qtbot.waitUntil(lambda: not commit.is_running(), timeout=20_000)
    with Store.open(state.store_path) as store:
        assert store.history() == []
    if SHOT.parent.is_dir() and meanwhile == "moved":
        wizard.grab().save(str(SHOT))
    return wizard, commit, data


def test_a_file_moved_after_the_preview_is_said_to_be_no_longer_there(
        tmp_path: Path, qtbot: QtBot) -> None:
    _wizard, commit, data = committed_after(tmp_path, qtbot, "moved")
    assert commit.status.text() == (
        "Nothing was written: a data file is no longer there (moved or deleted since it was "
        "checked). Put it back and check it again, or open it where it now is.")
    assert commit.error_label.text() == (
        f"{data}: the file is no longer there (moved or deleted since it was checked): put it "
        "back, or check it again where it now is (on the command line: --data).")
    assert commit.recheck_button.isVisible() and not commit.retry_button.isVisible()


def test_a_file_saved_again_after_the_preview_is_still_said_to_have_changed(
        tmp_path: Path, qtbot: QtBot) -> None:
    _wizard, commit, _data = committed_after(tmp_path, qtbot, "saved")
    assert commit.status.text() == ("Nothing was written: a data file changed since it was "
                                    "checked. Check it again, then commit.")
