"""What ``--version`` and the About dialog say: versions and where the user's data lives.

Qt-free at import, so the command line can print it without loading Qt unless asked.
"""

from __future__ import annotations

import platform
from typing import TYPE_CHECKING

from importer_gui import __version__
from importer_gui.core import paths
from importer_gui.core.log import log_path

if TYPE_CHECKING:
    from importer_gui.core.store.location import StoreLocation

APP_DISPLAY_NAME = "Import Assistant"
APP_ID = "org.importassistant.ImportAssistant"  # the .desktop / AppStream / bundle id


def qt_versions() -> str:
    """'Qt 6.x.y (PySide6 6.x.y)', or a note that Qt is not available."""
    try:
        # Imported here: the command line must work (and stay fast) without Qt.
        import PySide6
        from PySide6 import QtCore
    except ImportError:
        return "Qt not available (PySide6 is not installed)"
    return f"Qt {QtCore.qVersion()} (PySide6 {PySide6.__version__})"


def version_text(store_path: StoreLocation | None = None) -> str:
    """Several lines: name and version, Python, Qt, the store (a file, or a PostgreSQL URL
    without its password), the configuration library and the log."""
    store = store_path if store_path is not None else paths.default_store_path()
    lines = [
        f"{APP_DISPLAY_NAME} {__version__}",
        f"Python {platform.python_version()} ({platform.python_implementation()})",
        qt_versions(),
        f"Store: {store}",
        f"Configurations: {paths.library_dir()}",
        f"Log: {log_path()}",
    ]
    return "\n".join(lines)
