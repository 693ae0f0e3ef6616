"""The workbook reader (calamine, a native library slow to load) is loaded in the background
as the window starts, so that opening a configuration naming a workbook never waits for it
(issue 18). Run in a process of its own: a process loads calamine only once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.builders import TRAINING_COLUMNS, ImportSpec, write_config, write_xlsx

ROOT = Path(__file__).resolve().parents[2]

# Starts the window as the app does, lets the user take a moment to choose a file, then opens
# the configuration: says which thread imported calamine, and where the wizard went.
OPEN_AFTER_START = """
import sys, threading, time
from pathlib import Path


class Watch:
    \"\"\"Notes the thread that imports calamine; finds nothing itself.\"\"\"

    def find_spec(self, name, path=None, target=None):
        if name == "python_calamine":
            window = threading.current_thread() is threading.main_thread()
            print("calamine imported on", "the window's thread" if window else "another")
        return None


sys.meta_path.insert(0, Watch())
from PySide6.QtWidgets import QApplication

app = QApplication(["importer-gui"])
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.wizard import PREVIEW

window = MainWindow(Path(sys.argv[1]))
window.show()
deadline = time.monotonic() + 60
while time.monotonic() < deadline and not all(  # the user choosing a file meanwhile
        t.daemon for t in threading.enumerate() if t is not threading.main_thread()):
    app.processEvents()
    time.sleep(0.01)
window.open_file(Path(sys.argv[2]))
page = window.wizard.preview_page
while time.monotonic() < deadline and (window.wizard.currentId() != PREVIEW
                                       or page.runner.busy):
    app.processEvents()
    time.sleep(0.01)
print("page", window.wizard.currentId())
window.close()
"""


def test_opening_a_configuration_naming_a_workbook_never_loads_calamine_on_the_window_thread(
        tmp_path: Path) -> None:
    write_xlsx(tmp_path / "trainings.xlsx", [TRAINING_COLUMNS, ("PRJ-1", "Safety", "")])
    config = write_config(tmp_path, ImportSpec("trainings.xlsx", TRAINING_COLUMNS,
                                               "createOrUpdateTrainingCourseAction"))
    done = subprocess.run(
        [sys.executable, "-c", OPEN_AFTER_START, str(tmp_path / "store.sqlite3"), str(config)],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=120)
    from importer_gui.ui.wizard import PREVIEW

    lines = done.stdout.splitlines()
    assert lines == ["calamine imported on another", f"page {PREVIEW}"], done.stderr
