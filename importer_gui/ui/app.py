"""Starting the window: ``run_gui``, after checking that Qt can open one here.

Importing this module never loads Qt, so that a Qt that cannot load is one clear line.
"""

from __future__ import annotations

import ctypes.util
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importer_gui.ui.main_window import MainWindow
    from importer_gui.ui.settings import Settings

log = logging.getLogger(__name__)

EXIT_NO_DISPLAY = 2

# Libraries Qt's xcb platform plugin loads that pip does not bring: (soname stem, Debian package).
XCB_LIBRARIES = (
    ("xcb-cursor", "libxcb-cursor0"),
    ("xcb-icccm", "libxcb-icccm4"),
    ("xcb-keysyms", "libxcb-keysyms1"),
    ("xcb-image", "libxcb-image0"),
    ("xcb-render-util", "libxcb-render-util0"),
    ("xcb-randr", "libxcb-randr0"),
    ("xcb-shape", "libxcb-shape0"),
    ("xcb-xkb", "libxcb-xkb1"),
    ("xkbcommon-x11", "libxkbcommon-x11-0"),
)

# Libraries whose absence makes importing PySide6 itself fail, and their Debian packages.
QT_IMPORT_LIBRARIES = (
    ("libEGL", "libegl1"), ("libGL", "libgl1"), ("libxkbcommon", "libxkbcommon0"),
    ("libfontconfig", "libfontconfig1"), ("libglib", "libglib2.0-0"), ("libdbus", "libdbus-1-3"),
)


def missing_xcb_packages(find: object = ctypes.util.find_library) -> list[str]:
    """Debian packages of the xcb libraries that cannot be found ([] when we cannot tell)."""
    if find("c") is None:  # type: ignore[operator]
        return []  # no ldconfig: the lookup would report everything missing
    return [package for lib, package in XCB_LIBRARIES if find(lib) is None]  # type: ignore[operator]


def platform_problem(environ: dict[str, str] | None = None,
                     platform: str = sys.platform, find: object = ctypes.util.find_library,
                     reachable: Callable[[str], bool] | None = None) -> str | None:
    """Why Qt could not open a window here, as one line; None when it should work.

    Qt aborts the process when no platform plugin loads, so this is decided beforehand.
    """
    env = os.environ if environ is None else environ
    if env.get("QT_QPA_PLATFORM") or not platform.startswith("linux"):
        return None  # the user chose a platform, or not Linux: trust Qt
    wayland = bool(env.get("WAYLAND_DISPLAY"))
    if not env.get("DISPLAY") and not wayland:
        return ("no display found (neither DISPLAY nor WAYLAND_DISPLAY is set); run it from a "
                "desktop session, or use the command line (importer-gui --help).")
    if wayland and env.get("XDG_SESSION_TYPE") == "wayland":
        return None  # Qt uses its Wayland plugin there
    missing = missing_xcb_packages(find)
    if missing:
        return ("Qt cannot open a window: system libraries for its xcb platform plugin are "
                f"missing. Install them with: sudo apt-get install {' '.join(missing)}")
    if not wayland and not (reachable or display_reachable)(env["DISPLAY"]):
        return (f"cannot connect to the display {env['DISPLAY']} (DISPLAY); is the desktop "
                "session still running? The command line works without one "
                "(importer-gui --help).")
    return None


def display_reachable(display: str) -> bool:
    """True when an X server answers on ``display`` (or when we cannot tell).

    Qt aborts the process when its xcb plugin cannot connect, so ask libxcb first.
    """
    name = ctypes.util.find_library("xcb")
    if name is None:
        return True
    try:
        xcb = ctypes.CDLL(name)
        xcb.xcb_connect.restype = ctypes.c_void_p
        xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
        xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
        xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
        connection = xcb.xcb_connect(display.encode(), None)
        failed = xcb.xcb_connection_has_error(connection)
        xcb.xcb_disconnect(connection)
    except (OSError, AttributeError):
        return True
    return failed == 0


def qt_import_problem(error: ImportError) -> str:
    """One line for a PySide6 that cannot load, naming the package to install."""
    text = str(error)
    packages = [pkg for lib, pkg in QT_IMPORT_LIBRARIES if lib in text]
    hint = (f" Install it with: sudo apt-get install {' '.join(packages)}" if packages
            else " Reinstall the application (make clean run).")
    return f"Qt could not be loaded ({text}).{hint}"


def run_gui(argv: list[str], store_path: Path | None = None) -> int:
    """Open the wizard on the store; the exit code (2 when no window can be opened)."""
    problem = platform_problem()
    if problem is not None:
        print(f"importer-gui: {problem}", file=sys.stderr)
        return EXIT_NO_DISPLAY
    try:
        from PySide6.QtWidgets import QApplication
    except ImportError as exc:
        print(f"importer-gui: {qt_import_problem(exc)}", file=sys.stderr)
        return EXIT_NO_DISPLAY
    from importer_gui.core import log as app_log
    from importer_gui.ui.language import install_translators
    from importer_gui.ui.signal_close import SignalClose

    app_log.configure()
    app = QApplication.instance() or QApplication(["importer-gui"])
    # From here a signal closes the window, once it is shown, rather than interrupting.
    closing = SignalClose(app)
    try:
        _setup_application(app)
        install_translators(app)  # before any window is built: pages set their texts once
        window = start_window(argv, store_path)
        window.show()
        return int(app.exec())
    finally:
        closing.detach()


def start_window(argv: list[str], store_path: Path | None = None,
                 settings: Settings | None = None) -> MainWindow:
    """The window on ``store_path``, else on the store opened last (the default one when
    that is gone or cannot be opened, said in the status bar), with the file named in
    ``argv`` opened."""
    from importer_gui.core.paths import default_store_path
    from importer_gui.ui.main_window import MainWindow
    from importer_gui.ui.settings import Settings

    settings = settings or Settings()
    last = None if store_path is not None else settings.last_store()
    why = _last_store_refused(last) if isinstance(last, Path) else ""
    window = MainWindow(store_path or (default_store_path() if why else last), settings)
    if why:
        # The usual store is the last one now: the next start says nothing again.
        settings.add_recent_store(default_store_path())
        window.statusBar().showMessage(why)
    for given in argv:
        if not given.startswith("-") and Path(given).is_file():
            window.wizard.open_file(Path(given))
            break
    return window


def _last_store_refused(last: Path) -> str:
    """Why the SQLite store opened last cannot be started on (gone, or not a store the
    program can open), in the status bar's words; "" when it can."""
    from importer_gui.core.errors import ImporterError
    from importer_gui.core.paths import default_store_path
    from importer_gui.core.store import Store
    from importer_gui.ui.i18n import arg, translate
    from importer_gui.ui.messages_text import message_text

    usual = default_store_path()
    if str(last) == str(usual):  # the usual store is made when first used
        return ""
    if not last.exists():
        return arg(translate(
            "MainWindow", "The store opened last, %1, is no longer there: this is the usual "
                          "store, %2. File ▸ Open store… opens another."), last, usual)
    try:
        # Read as it is: one an older version wrote is upgraded by its first use, on a
        # worker, not here before the window shows (an upgrade may read the whole history).
        with Store.open_as_it_is(last):
            return ""
    except ImporterError as exc:
        return arg(translate(
            "MainWindow", "The store opened last cannot be opened (%1): this is the usual "
                          "store, %2. File ▸ Open store… opens another."),
            message_text(exc.message).rstrip("."), usual)


def _setup_application(app: object) -> None:
    """Names (for QSettings and the desktop), the icon, and no tracebacks for users."""
    from importer_gui.about import APP_DISPLAY_NAME
    from importer_gui.ui.icons import app_icon

    app.setApplicationName("ImportAssistant")  # type: ignore[attr-defined]
    app.setOrganizationName("ImportAssistant")  # type: ignore[attr-defined]
    app.setApplicationDisplayName(APP_DISPLAY_NAME)  # type: ignore[attr-defined]
    app.setDesktopFileName("org.importassistant.ImportAssistant")  # type: ignore[attr-defined]
    app.setWindowIcon(app_icon())  # type: ignore[attr-defined]
    sys.excepthook = _unexpected


def _unexpected(kind: type[BaseException], error: BaseException,
                trace: TracebackType | None) -> None:
    """A bug in a slot: the traceback goes to the log, the user gets one clear line."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from importer_gui.core.log import log_path
    from importer_gui.ui.i18n import arg, translate

    log.error("Unexpected error", exc_info=(kind, error, trace))
    if QApplication.instance() is not None:
        QMessageBox.critical(
            QApplication.activeWindow(), translate("MainWindow", "Import Assistant"),
            arg(translate("MainWindow", "Something unexpected went wrong; nothing was "
                                        "written. Details are in the application log (%1)."),
                log_path()))
