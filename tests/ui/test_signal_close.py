"""Ctrl+C in the terminal the wizard was started from, and SIGTERM, close the window as
File ▸ Quit does: at once when nothing is at stake, after the question when corrections
are not saved; nothing printed on the way out."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.signal_close import SignalClose
from tests.ui.conftest import Questions
from tests.ui.test_nothing_lost import correct_the_email
from tests.ui.wizards import sample_preview

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

ROOT = Path(__file__).parents[2]
READY = "The window speaks"  # logged once the signals close the window (ui/app.run_gui)


def _log_says(log: Path, text: str) -> bool:
    return log.is_file() and text in log.read_text(encoding="utf-8")


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_the_wizard_started_from_a_terminal_closes_on_a_signal(
        tmp_path: Path, number: signal.Signals) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "IMPORTER_GUI_CONFIG_DIR": str(tmp_path / "config"),
           "IMPORTER_GUI_DATA_DIR": str(tmp_path / "data")}
    log = tmp_path / "data" / "import-assistant.log"
    # Ctrl+C reaches a terminal's foreground job: not ignored, whatever ran these tests.
    wizard = subprocess.Popen(
        [sys.executable, "-m", "importer_gui", "--store", str(tmp_path / "store.sqlite3")],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        deadline = time.monotonic() + 60
        while not _log_says(log, READY) and wizard.poll() is None:
            assert time.monotonic() < deadline, "the window did not open"
            time.sleep(0.05)
        wizard.send_signal(number)
        out, err = wizard.communicate(timeout=60)
    finally:
        if wizard.poll() is None:
            wizard.kill()
            wizard.communicate()
    assert wizard.returncode == 0, err
    assert out == ""
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert _log_says(log, f"{number.name} came: the windows close as File > Quit closes them")
    # Closed by its own close: its size and place kept for the next start.
    assert "geometry" in (tmp_path / "config" / "settings.ini").read_text(encoding="utf-8")


@pytest.fixture
def on_signals(qapp: QApplication) -> Iterator[SignalClose]:
    """Ctrl+C and SIGTERM closing the windows, as the wizard has them."""
    closing = SignalClose(qapp)
    yield closing
    closing.detach()


def test_a_signal_asks_before_corrections_go_as_quitting_does(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions,
        on_signals: SignalClose) -> None:
    page = sample_preview(window, sample, qtbot)
    correct_the_email(page)
    asked = len(questions.asked)
    questions.answers.append("Cancel")
    os.kill(os.getpid(), signal.SIGTERM)
    qtbot.waitUntil(lambda: len(questions.asked) > asked)
    assert questions.asked[-1][0] == "Quit Import Assistant?"
    qtbot.wait(50)
    assert window.isVisible()  # kept, with its correction

    questions.answers.append("Discard it and quit")
    os.kill(os.getpid(), signal.SIGINT)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert questions.asked[-1][0] == "Quit Import Assistant?"
    assert len(questions.asked) == asked + 2
