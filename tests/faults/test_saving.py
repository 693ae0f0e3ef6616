"""Saving never leaves a half-written file, and never overwrites what it has not seen."""

from __future__ import annotations

import gc
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from importer_gui.core import atomic, config_xml, pipeline, reports
from importer_gui.core.errors import ConfigError, ImporterError
from importer_gui.core.issues import Outcome
from importer_gui.core.store import Store
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.state import WizardState
from importer_gui.ui.widgets import ask
from tests.builders import TEACHER_COLUMNS, teachers_import, write_config
from tests.faults import HANG_GUARD, ROOT
from tests.ui.conftest import Questions
from tests.ui.wizards import preview_and_commit

OLD = "<!-- the configuration as it was -->\n"


def saved_config(folder: Path) -> tuple[Path, object]:
    """A teacher configuration on disk, loaded."""
    path = write_config(folder, teachers_import(folder, [("zoe", "Zoe", "Z", "z@example.org")]))
    return path, config_xml.load(path)


def failing(name: str) -> Callable[..., None]:
    """A stand-in for an os call that fails the way a full or vanished disk does."""
    def fail(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")
    fail.__name__ = name
    return fail


# --------------------------------------------------------------------------- configurations


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_a_configuration_save_that_fails_keeps_the_old_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str) -> None:
    _path, config = saved_config(tmp_path)
    target = tmp_path / "saved.xml"
    target.write_text(OLD, encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    monkeypatch.setattr(atomic.os, step, failing(step))
    with pytest.raises(ConfigError) as failure:
        config_xml.save(config, target)
    assert str(failure.value) == (f"{target}: The configuration could not be saved: No space "
                                  "left on device.")
    assert target.read_text(encoding="utf-8") == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no temporary file left


_KILLED_WHILE_SAVING = """
import os, signal, sys
from pathlib import Path
from importer_gui.core import atomic, config_xml

def die(*args):
    os.kill(os.getpid(), signal.SIGKILL)  # the laptop dies between the write and the rename

config = config_xml.load(Path(sys.argv[1]))
config.imports[0].provider.delimiter = "comma"
atomic.os.replace = die
config_xml.save(config, Path(sys.argv[1]))
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_crash_while_saving_leaves_the_old_configuration_whole(tmp_path: Path) -> None:
    path, _config = saved_config(tmp_path)
    original = path.read_bytes()
    done = subprocess.run([sys.executable, "-c", _KILLED_WHILE_SAVING, str(path)], cwd=ROOT,
                          capture_output=True, timeout=HANG_GUARD, check=False)
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert path.read_bytes() == original
    assert config_xml.load(path).imports[0].provider.delimiter == "semicolon"


# --------------------------------------------------------------------------- reports


@pytest.fixture
def plan(tmp_path: Path) -> object:
    """A checked plan with one row in error."""
    data = tmp_path / "data"
    data.mkdir()
    spec = teachers_import(data, [("zoe", "Zoe", "Z", "z@example.org"), ("", "No", "", "")])
    config = config_xml.load(write_config(data, spec))
    with Store.open(tmp_path / "store.sqlite3") as store:
        return pipeline.check(config, store)


# openpyxl's write-only sheet generators complain when collected after the injected failure.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("report", ["log", "workbook"])
@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
def test_a_report_that_fails_midway_keeps_the_old_report(
        tmp_path: Path, plan: object, monkeypatch: pytest.MonkeyPatch, report: str,
        step: str) -> None:
    target = tmp_path / ("errors.log" if report == "log" else "issues.xlsx")
    target.write_bytes(b"the report of yesterday")
    before = sorted(p.name for p in tmp_path.iterdir())
    write = reports.write_error_log if report == "log" else reports.write_issues_workbook
    if step in ("fsync", "replace"):
        monkeypatch.setattr(atomic.os, step, failing(step))
    else:  # the disk fills up after part of the file is written
        real = reports.error_log_lines if report == "log" else reports.issue_rows

        def half_then_full(*args: object) -> object:
            yield next(iter(real(*args)))  # type: ignore[operator]
            raise OSError(28, "No space left on device")

        name = "error_log_lines" if report == "log" else "issue_rows"
        monkeypatch.setattr(reports, name, half_then_full)
    with pytest.raises(ImporterError) as failure:
        write(plan, target)  # type: ignore[operator]
    assert str(failure.value) == f"Could not write {target}: No space left on device"
    assert target.read_bytes() == b"the report of yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no temporary file left
    gc.collect()  # finalise the abandoned sheet generator here, where its warning is expected


# --------------------------------------------------------------------------- the wizard


@pytest.fixture
def questions() -> Iterator[Questions]:
    """The window's questions, answered as the window's tests answer them (tests/ui)."""
    recorder = Questions()
    before = ask.answer_with(recorder)
    yield recorder
    ask.answer_with(before)


def open_configuration(window: MainWindow, tmp_path: Path) -> Path:
    """Open a saved configuration in the wizard."""
    path, _config = saved_config(tmp_path)
    assert window.wizard.open_page.open_path(path)
    return path


def test_saving_over_a_configuration_nobody_changed_asks_nothing(
        window: MainWindow, tmp_path: Path, questions: Questions) -> None:
    path = open_configuration(window, tmp_path)
    assert window.wizard.config_page.save_config_as(path)
    assert window.wizard.config_page.save_config_as(path)  # our own save is not a change
    assert questions.asked == []


def test_a_configuration_changed_on_disk_is_not_overwritten_unasked(
        window: MainWindow, tmp_path: Path, questions: Questions) -> None:
    path = open_configuration(window, tmp_path)
    opened = window.state.choices.config_stamp  # the file as it was read
    theirs = path.read_text(encoding="utf-8").replace("<import-config>",
                                                      "<import-config><!-- a colleague -->")
    path.write_text(theirs, encoding="utf-8")
    page = window.wizard.config_page
    assert not page.save_config_as(path)  # the first answer, the one Enter gives: keep it
    assert questions.asked == [("The configuration changed on disk", (
        f"{path} was changed by another program since it was opened here. Replace it with "
        "this configuration? (Its changes would be lost.)"), ["Keep it", "Replace it"])]
    assert path.read_text(encoding="utf-8") == theirs
    assert page.status_label.text() == (f"Not saved: {path} was changed on disk. Open it "
                                        "again or save under another name.")
    assert page.save_config_as(tmp_path / "elsewhere.xml")  # another name: nothing to ask
    page.finish_saving()  # written in the background, as opening a file waits for it to be
    assert len(questions.asked) == 1
    questions.answers.append("Replace it")
    page.session.open_configuration(path, page.session.choices.config, opened)  # back to it
    assert page.save_config_as(path)
    page.finish_saving()
    assert len(questions.asked) == 2
    assert "a colleague" not in path.read_text(encoding="utf-8")


def test_a_data_file_changed_after_the_preview_is_checked_again(
        tmp_path: Path, qtbot: QtBot) -> None:
    data = tmp_path / "teachers.csv"
    data.write_text(";".join(TEACHER_COLUMNS) + "\nzoe;Zoe;Z;zoe@example.org\n",
                    encoding="utf-8")
    config = config_xml.load(write_config(tmp_path, teachers_import(tmp_path, [])))
    data.write_text(";".join(TEACHER_COLUMNS) + "\nzoe;Zoe;Z;zoe@example.org\n",
                    encoding="utf-8")
    state = WizardState(tmp_path / "store.sqlite3")
    state.session.set_config(config, [data])
    wizard, preview, commit = preview_and_commit(state, qtbot)
    with data.open("a", encoding="utf-8") as handle:  # a colleague adds a row meanwhile
        handle.write("mia;Mia;M;mia@example.org\n")
    wizard.next()
    qtbot.waitUntil(lambda: not commit.is_running(), timeout=20_000)
    assert commit.status.text() == ("Nothing was written: a data file changed since it was "
                                    "checked. Check it again, then commit.")
    assert commit.error_label.text() == (f"{data}: the file changed since it was checked; "
                                         "check it again before committing.")
    assert commit.recheck_button.isVisible() and not commit.retry_button.isVisible()
    with Store.open(state.store_path) as store:
        assert store.history() == []
    commit.recheck_button.click()
    assert wizard.currentPage() is preview
    qtbot.waitUntil(lambda: state.choices.plan is not None and preview.isComplete(),
                    timeout=20_000)
    assert preview.model.rowCount() == 2  # the file as it now is
    wizard.next()
    qtbot.waitUntil(lambda: commit.result is not None, timeout=20_000)
    assert commit.count_labels[Outcome.CREATE].text() == "2"
