"""The windows beside the wizard's pages, in French at 1024x700: nothing cut off.

The pages, the first store tab, the history and the revert are looked at by
``test_screens_fit.py``; here every tab of the store browser (the learners' too), the refresh
and package dialogs and About. Screenshots go to ``screenshots/fit-fr-*.png``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from importer_gui.core import config_xml, pipeline
from importer_gui.core.store import Store
from importer_gui.ui.about import AboutDialog
from importer_gui.ui.package_dialog import PackageDialog
from importer_gui.ui.refresh_dialog import RefreshDialog
from importer_gui.ui.store_browser import StoreBrowser
from tests.ui.fit import clipped

SIZE = QSize(1024, 700)
SAMPLE_EXPORTS = Path(__file__).resolve().parents[2] / "resources" / "sample" / "exports"


def looked_at(widget: QWidget, name: str, screenshots: Path, *, natural: bool = False) -> list[str]:
    """What is cut off in ``widget`` shown at SIZE (or at its own size, which must fit in
    SIZE: a dialog that opens small); its screenshot saved."""
    if natural:
        widget.adjustSize()
        assert widget.width() <= SIZE.width() and widget.height() <= SIZE.height()
    else:
        widget.resize(SIZE)
    QApplication.processEvents()
    widget.grab().save(str(screenshots / f"fit-fr-{name}.png"))
    return [f"{name}: {problem}" for problem in clipped(widget)]


def test_every_store_tab_shows_whole_in_french(french: None, tmp_path: Path, qtbot: QtBot,
                                               screenshots: Path) -> None:
    problems: list[str] = []
    with Store.open(tmp_path / "store.sqlite3") as store:
        browser = StoreBrowser(store)
        qtbot.waitUntil(lambda: not browser.busy)  # the runs, read off the window's thread
        qtbot.addWidget(browser)
        browser.show()
        for n in range(browser.tabs.count()):
            browser.tabs.setCurrentIndex(n)
            page = browser.tabs.widget(n)
            inner = page if isinstance(page, QTabWidget) else None
            for m in range(inner.count() if inner is not None else 1):
                if inner is not None:
                    inner.setCurrentIndex(m)
                qtbot.waitUntil(lambda: not browser.busy)  # each table read once shown
                problems += looked_at(browser, f"store-tab-{n}-{m}", screenshots)
    assert problems == []


def test_the_refresh_and_package_dialogs_and_about_show_whole_in_french(
        french: None, sample: Path, tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    store = tmp_path / "store.sqlite3"
    refresh = RefreshDialog(store, config_path=SAMPLE_EXPORTS / "export-config.xml",
                            synchronous=True)
    qtbot.addWidget(refresh)
    refresh.show()
    problems = looked_at(refresh, "refresh", screenshots)
    with Store.open(store) as opened:
        plan = pipeline.check(config_xml.load(sample / "sample-config.xml"), opened)
    package = PackageDialog(plan, folder=tmp_path / "out", synchronous=True)
    qtbot.addWidget(package)
    package.show()
    problems += looked_at(package, "package", screenshots, natural=True)
    about = AboutDialog(store)
    qtbot.addWidget(about)
    about.show()
    problems += looked_at(about, "about", screenshots, natural=True)
    assert problems == []
