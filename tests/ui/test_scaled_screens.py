"""The window and the package dialog on a 1366x768 laptop (728 px above its task bar) at
200 % scale, where 683x364 is all there is: each page scrolls rather than making the window
taller than the screen, and the wizard's buttons stay on the screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from importer_gui.ui.widgets.screen_size import FRAME_ALLOWANCE
from tests.conftest import ROOT, offscreen_on
from tests.ui.test_small_screens import screen_file

WIDTH, HEIGHT = 683, 364  # 1366x728 at 200 %

SHOWN_SCALED = """
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QGroupBox, QStyleOptionViewItem, QWizard
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
recent = wizard.open_page.recent_view
first = recent.model().index(0, 0)
option = QStyleOptionViewItem()
option.initFrom(recent)
drawn = recent.visualRect(first)
drawn.setWidth(recent.viewport().width())  # as the list paints it: as wide as it shows
option.rect, option.widget = drawn, recent
recent.itemDelegate().initStyleOption(option, first)
said = QAccessible.queryAccessibleInterface(recent).child(0).text(QAccessible.Text.Name)
seen["recent"] = {"drawn": option.text, "room": option.rect.width(),
                  "drawn width": option.fontMetrics.horizontalAdvance(option.text),
                  "tooltip": first.data(Qt.ItemDataRole.ToolTipRole), "said": said}
assert window.open_file(sample / "sample-config.xml")
end = time.monotonic() + 30
while not (wizard.currentId() == PREVIEW and wizard.preview_page.isComplete()):
    assert time.monotonic() < end
    app.processEvents()
look("preview", QWizard.WizardButton.NextButton)
preview = wizard.preview_page
files = preview.import_box
seen["files"] = {"width": files.width(), "wanted": files.sizeHint().width(),
                 "text": files.currentText(), "tooltip": files.toolTip()}
counts = preview.counts_label
seen["counts"] = {"height": counts.height(), "line": counts.fontMetrics().lineSpacing(),
                  "table": preview.table.height(),
                  "row": preview.table.verticalHeader().defaultSectionSize()}
with Store.open(store) as opened:
    plan = pipeline.check(config_xml.load(sample / "sample-config.xml"), opened)
dialog = PackageDialog(plan, window, folder=store.parent / "out", synchronous=True)
dialog.show()
app.processEvents()
seen["package"] = [dialog.width(), dialog.height()]
print(json.dumps(seen))
"""


def shown_at_200_percent(sample: Path, tmp_path: Path, screenshots: Path) -> dict[str, Any]:
    """What the open and preview pages and the package dialog showed at 200 %."""
    screen = screen_file(tmp_path, 1366, 728)
    environment = {**os.environ, "QT_QPA_PLATFORM": offscreen_on(screen),
                   "QT_SCALE_FACTOR": "2"}
    shown = subprocess.run(
        [sys.executable, "-c", SHOWN_SCALED, str(tmp_path / "store.sqlite3"), str(sample),
         str(screenshots)], env=environment, cwd=ROOT, capture_output=True, text=True,
        check=True, timeout=120).stdout
    seen: dict[str, Any] = json.loads(shown.strip().splitlines()[-1])
    return seen


def test_the_window_and_the_package_dialog_fit_a_laptop_at_200_percent(
        sample: Path, tmp_path: Path, screenshots: Path) -> None:
    seen = shown_at_200_percent(sample, tmp_path, screenshots)
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


def test_at_200_percent_the_preview_and_open_pages_say_their_texts_whole(
        sample: Path, tmp_path: Path, screenshots: Path) -> None:
    seen = shown_at_200_percent(sample, tmp_path, screenshots)
    # The five counts wrap as a flow of badges (one line here), not one badge a line, and
    # the table below keeps room for the file's four rows.
    counts = seen["counts"]
    assert counts["height"] <= 2 * counts["line"], counts
    assert counts["table"] >= 5 * counts["row"], counts
    # The File box shows "teachers.csv (1 with errors)" whole, or its whole in a tooltip.
    files = seen["files"]
    assert files["text"] == "teachers.csv (1 with errors)"
    assert files["width"] >= files["wanted"] or files["tooltip"] == files["text"], files
    # The recent file keeps its name whole where its folder does not fit; its whole path
    # is in its tooltip and said by a screen reader.
    recent, path = seen["recent"], str(sample.resolve() / "sessions.xlsx")
    assert recent["drawn"].startswith("sessions.xlsx — "), recent
    assert recent["drawn width"] <= recent["room"], recent
    assert recent["tooltip"] == path, recent
    assert recent["said"].startswith("sessions.xlsx — ") and recent["said"].endswith(
        str(sample.resolve())), recent
