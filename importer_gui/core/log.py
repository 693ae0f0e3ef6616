"""The application's log: one rotating file in the data folder, for the window and the CLI.

Tracebacks go here, never to the user's screen; messages that say "details are in the log"
name ``log_path()``.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from importer_gui.core import paths

LOG_NAME = "import-assistant.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

_configured: logging.Handler | None = None


def log_path() -> Path:
    """The current log file."""
    return paths.data_dir() / LOG_NAME


def configure(*, echo_errors: bool = False) -> Path | None:
    """Send the ``importer_gui`` loggers to the rotating file; return its path.

    Called once by each entry point (the window, the CLI). A folder that cannot be written
    leaves logging to stderr rather than stopping the application. ``echo_errors`` also
    prints ERROR records on stderr (for a terminal user).
    """
    global _configured
    logger = logging.getLogger("importer_gui")
    if _configured is not None:
        return log_path()
    logger.setLevel(logging.INFO)
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # A name that is not UTF-8 (a Latin-1 file name, given on the command line) is
        # logged escaped: strict UTF-8 would lose the whole record, traceback and all.
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True,
            errors="backslashreplace")
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
        path = None
    handler.setFormatter(logging.Formatter(FORMAT))
    logger.addHandler(handler)
    if echo_errors and path is not None:
        echo = logging.StreamHandler(sys.stderr)
        echo.setLevel(logging.ERROR)
        echo.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(echo)
    _configured = handler
    return path


def details_hint() -> str:
    """The end of a "something went wrong" message: where the details are."""
    return f"details are in the log ({log_path()})"
