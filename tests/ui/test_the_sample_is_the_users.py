"""File ▸ Open sample works on a copy in the user's data folder: a commit writes its error
logs beside the configuration, and nothing is ever written inside the application's own
folder (read-only when installed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from importer_gui.core.paths import data_dir
from importer_gui.ui.main_window import MainWindow, user_sample
from importer_gui.ui.wizard import COMMIT
from tests.ui.wizards import sample_preview


def files(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder``, by its path inside it."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def shipped(sample: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The sample as the application ships it (a private copy standing for its folder)."""
    monkeypatch.setattr("importer_gui.ui.main_window.sample_config_path",
                        lambda: sample / "sample-config.xml")
    return sample


def test_committing_the_sample_writes_its_logs_in_the_users_copy_only(
        window: MainWindow, shipped: Path, qtbot: QtBot) -> None:
    before = files(shipped)
    window.open_sample()
    copy = data_dir() / "sample"
    assert window.state.choices.config_path == copy / "sample-config.xml"
    sample_preview(window, copy, qtbot)
    window.wizard.next()  # Commit; the rows with errors are left out, as asked
    commit = window.wizard.commit_page
    qtbot.waitUntil(lambda: commit.result is not None, timeout=30_000)
    assert window.wizard.currentId() == COMMIT
    assert commit.result.error_logs
    assert all(log.is_relative_to(copy / "logs") for log in commit.result.error_logs)
    assert files(shipped) == before  # not one byte written in the application's folder


def test_the_copy_is_refreshed_from_the_shipped_sample_and_keeps_what_was_written(
        shipped: Path) -> None:
    copy = user_sample(shipped)
    assert copy == data_dir() / "sample"
    assert files(copy) == files(shipped)
    (copy / "learners.csv").write_text("changed", encoding="utf-8")
    (copy / "logs").mkdir()
    (copy / "logs" / "errors.log").write_text("kept", encoding="utf-8")
    unchanged = (copy / "teachers.csv").stat().st_mtime_ns
    user_sample(shipped)
    assert (copy / "learners.csv").read_bytes() == (shipped / "learners.csv").read_bytes()
    assert (copy / "logs" / "errors.log").read_text(encoding="utf-8") == "kept"
    assert (copy / "teachers.csv").stat().st_mtime_ns == unchanged  # as shipped: untouched


def test_a_sample_that_cannot_be_copied_says_where(
        window: MainWindow, shipped: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = data_dir() / "sample"
    blocked.write_text("a file where the folder goes", encoding="utf-8")
    said: list[str] = []
    monkeypatch.setattr(window, "_error", said.append)
    assert not window.open_sample()
    assert len(said) == 1 and said[0].startswith(f"The sample could not be copied to {blocked}: ")
