"""The window and the package dialog on a 1366x768 laptop (728 px above its task bar) at
200 % scale, where 683x364 is all there is: each page scrolls rather than making the window
taller than the screen, and the wizard's buttons stay on the screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from importer_gui.ui.widgets.screen_size import FRAME_ALLOWANCE
from tests.conftest import ROOT, offscreen_on
from tests.ui.test_small_screens import screen_file

WIDTH, HEIGHT = 683, 364  # 1366x728 at 200 %

SHOWN_SCALED = """
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QGroupBox, QWizard
from importer_gui.core import config_xml, pipeline
from importer_gui.core.store import Store
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.package_dialog import PackageDialog
from importer_gui.ui.wizard import PREVIEW
app = QApplication([])
store, sample, shots = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
window = MainWindow(store)
window.show()
wizard = window.wizard
seen = {}

def look(name, button):
    app.processEvents()
    window.grab().save(str(shots / f"scaled-200-{name}.png"))
    shown = wizard.button(button)
    corner = shown.mapToGlobal(QPoint(shown.width(), shown.height()))
    hint = window.minimumSizeHint()
    seen[name] = {"minimum": [hint.width(), hint.height()],
                  "size": [window.width(), window.height()],
                  "button": [shown.isVisible(), corner.x(), corner.y()]}

assert wizard.open_file(sample / "sessions.xlsx")
look("open", QWizard.WizardButton.NextButton)
box = wizard.open_page.findChild(QGroupBox)
seen["reading box"] = [box.height(), box.minimumSizeHint().height()]
assert window.open_file(sample / "sample-config.xml")
end = time.monotonic() + 30
while not (wizard.currentId() == PREVIEW and wizard.preview_page.isComplete()):
    assert time.monotonic() < end
    app.processEvents()
look("preview", QWizard.WizardButton.NextButton)
with Store.open(store) as opened:
    plan = pipeline.check(config_xml.load(sample / "sample-config.xml"), opened)
dialog = PackageDialog(plan, window, folder=store.parent / "out", synchronous=True)
dialog.show()
app.processEvents()
seen["package"] = [dialog.width(), dialog.height()]
print(json.dumps(seen))
"""


def test_the_window_and_the_package_dialog_fit_a_laptop_at_200_percent(
        sample: Path, tmp_path: Path, screenshots: Path) -> None:
    screen = screen_file(tmp_path, 1366, 728)
    environment = {**os.environ, "QT_QPA_PLATFORM": offscreen_on(screen),
                   "QT_SCALE_FACTOR": "2"}
    shown = subprocess.run(
        [sys.executable, "-c", SHOWN_SCALED, str(tmp_path / "store.sqlite3"), str(sample),
         str(screenshots)], env=environment, cwd=ROOT, capture_output=True, text=True,
        check=True, timeout=120).stdout
    seen = json.loads(shown.strip().splitlines()[-1])
    tallest = HEIGHT - FRAME_ALLOWANCE  # below a title bar
    for page in ("open", "preview"):
        width, height = seen[page]["minimum"]
        assert width <= WIDTH and height <= tallest, (page, seen[page])
        assert seen[page]["size"][0] <= WIDTH and seen[page]["size"][1] <= tallest, (
            page, seen[page])
        visible, right, bottom = seen[page]["button"]
        assert visible and right <= WIDTH and bottom <= tallest, (page, seen[page])
    height, wanted = seen["reading box"]
    assert height >= wanted  # its rows laid out whole, not drawn over one another
    width, height = seen["package"]
    assert width <= WIDTH and height <= tallest
