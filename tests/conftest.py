"""The fixtures tests share: private folders for every test, the sample, a main window, the
window's translations.

Qt is imported inside the Qt fixtures only: collecting a core test never loads it.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.disks import tiny_disk_at
from tests.postgres import Cluster, start_cluster

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

    from importer_gui.core.store import PostgresUrl, StoreLocation
    from importer_gui.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]

# The tests play a terminal's Ctrl-C, in this process and in the commands they start. A
# suite started in the background (``make test &``) inherits SIGINT ignored, which Python
# and those commands keep, as they should: the Ctrl-C would go unheard. A terminal's is put
# back, for this process and (a handler, not ignored, is not inherited) its children.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)
# The screen tests open windows on: an administrator's desktop, not Qt's offscreen 800x600.
DESKTOP_SCREEN = ROOT / "tests" / "desktop_screen.json"


def offscreen_on(screens: Path) -> str:
    """The QT_QPA_PLATFORM that shows windows on no display, on the screens a file describes."""
    return f"offscreen:configfile={screens}"


# Before any QApplication exists: tests never need (or open) a real display. A plain
# "offscreen" (the Makefile's) gets the desktop screen too; another platform is left alone.
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = offscreen_on(DESKTOP_SCREEN)

SAMPLE = ROOT / "resources" / "sample"
WINDOW_TESTS = ROOT / "tests" / "ui"
SCREENSHOTS = ROOT / "screenshots"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[object]:
    """The test's windows held from the end of its body until its teardown deleted them.

    A window a test leaves without a parent is a garbage cycle once the body ends, and the
    window's collector (``ui/collector.py``, on a timer) may collect it in the events
    pytest-qt processes next: the collector empties each Python object of the cycle before
    Qt deletes the windows, and a view then asked its emptied model for its headers (an
    AttributeError inside Qt, in whichever test ran then). Held, they are closed and deleted
    by Qt first (pytest-qt's teardown, then ours), as the app deletes its own dialogs.
    """
    try:
        return (yield)
    finally:
        widgets = sys.modules.get("PySide6.QtWidgets")
        app = widgets.QApplication.instance() if widgets else None
        item.windows_held = list(app.topLevelWidgets()) if app else []  # type: ignore[attr-defined]


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[object]:
    """The windows ``pytest_runtest_call`` held, deleted by Qt after the teardown, then let go."""
    try:
        return (yield)
    finally:
        held = getattr(item, "windows_held", [])
        if held:
            from PySide6.QtCore import QCoreApplication, QEvent
            from shiboken6 import isValid

            for window in held:  # a window with a parent goes with it
                if isValid(window) and window.parent() is None:
                    window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        item.windows_held = []  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def private_folders(tmp_path_factory: pytest.TempPathFactory,
                    monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never the user's real store or settings: data/ and config/ under a private base."""
    base = tmp_path_factory.mktemp("user")
    for name, variable in (("data", "IMPORTER_GUI_DATA_DIR"),
                           ("config", "IMPORTER_GUI_CONFIG_DIR")):
        (base / name).mkdir()
        monkeypatch.setenv(variable, str(base / name))
    return base


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB file system (root only: a tmpfs), unmounted afterwards: a new store takes 720 KB
    of it."""
    with tiny_disk_at(tmp_path / "tiny") as disk:
        yield disk


@pytest.fixture
def screenshots() -> Path:
    """The (gitignored) folder where tests save screenshots to be looked at."""
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A private copy of the shipped sample (configuration and data files) in tmp_path."""
    target = tmp_path / "sample"
    shutil.copytree(SAMPLE, target, ignore=shutil.ignore_patterns("*.py"))
    return target


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    """The main window at the size the app must work at, on a private store."""
    from importer_gui.ui.main_window import MainWindow

    win = MainWindow(tmp_path / "store.sqlite3")
    # Closed at the test's end, it writes no corrected copy of what the test corrected: in
    # the background, its outcome would come after the test's questions are answered.
    qtbot.addWidget(win, before_close_func=lambda w: w.state.session.discard_corrections())
    win.resize(1280, 800)
    win.show()
    return win


@pytest.fixture(scope="session")
def translations(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the window's translations, compiled from the .ts as the set-up does."""
    folder = tmp_path_factory.mktemp("translations")
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    for ts in sorted((ROOT / "importer_gui" / "ui" / "translations").glob("*.ts")):
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(folder / f"{ts.stem}.qm")],
                       check=True)
    return folder


@pytest.fixture
def english(qapp: QApplication, translations: Path) -> Iterator[None]:
    """The window speaks English as the app starts it, its plural forms included ("1 record",
    "2 records"); after the test, its source texts ("%n record(s)") as before."""
    from importer_gui.ui.language import ENGLISH, install_translators, remove_translators

    assert install_translators(qapp, ENGLISH, translations) == ENGLISH
    try:
        yield
    finally:
        remove_translators(qapp)


@pytest.fixture(autouse=True)
def english_as_started(request: pytest.FixtureRequest) -> None:
    """Every window test sees the English the app shows: "1 record", never "1 record(s)".

    A window test is one of tests/ui, or one elsewhere that starts Qt's application (``qapp``,
    which ``qtbot`` and ``window`` build on); the others never load Qt.
    """
    if WINDOW_TESTS in request.path.parents or "qapp" in request.fixturenames:
        request.getfixturevalue("english")


@contextmanager
def spoken(app: QApplication, language: str, translations: Path) -> Iterator[None]:
    """The window speaks ``language`` inside, then English again as the app starts it."""
    from importer_gui.ui.language import ENGLISH, install_translators

    assert install_translators(app, language, translations) == language
    try:
        yield
    finally:
        install_translators(app, ENGLISH, translations)


@pytest.fixture
def french(english: None, qapp: QApplication, translations: Path) -> Iterator[None]:
    """The window speaks French, dates and numbers included, for one test (build it after),
    then English as the app starts it."""
    from importer_gui.ui.language import FRENCH

    with spoken(qapp, FRENCH, translations):
        yield


# ---------------------------------------------------------------- PostgreSQL

@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[Cluster]:
    """One PostgreSQL cluster for the whole test session (skipped where none can start)."""
    try:
        cluster = start_cluster()
    except RuntimeError as exc:
        pytest.skip(str(exc))
    yield cluster
    cluster.stop()


@pytest.fixture
def postgres_store(postgres_cluster: Cluster) -> Iterator[PostgresUrl]:
    """The URL of a new, empty database of the session's cluster."""
    from importer_gui.core.store.location import PostgresUrl

    name = postgres_cluster.new_database()
    yield PostgresUrl(postgres_cluster.url(name))
    postgres_cluster.drop_database(name)


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> StoreLocation:
    """Where a new store goes, on each engine: a file path, or an empty database's URL."""
    if request.param == "sqlite":
        return tmp_path / "store.sqlite3"
    return request.getfixturevalue("postgres_store")
