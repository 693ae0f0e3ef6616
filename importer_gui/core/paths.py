"""Where the store, the configuration library and the settings live.

Environment variables move each folder, so that tests and portable installs never touch the
user's real data (IMPORTER_GUI_DATA_DIR, IMPORTER_GUI_CONFIG_DIR).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "ImportAssistant"
APP_AUTHOR = "ImportAssistant"


def data_dir() -> Path:
    """The folder holding the store."""
    override = os.environ.get("IMPORTER_GUI_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def config_dir() -> Path:
    """The folder holding settings and the library of saved configurations."""
    override = os.environ.get("IMPORTER_GUI_CONFIG_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def default_store_path() -> Path:
    """The embedded SQLite store used when no --store is given."""
    return data_dir() / "store.sqlite3"


def library_dir() -> Path:
    """Saved configurations offered on the wizard's first page."""
    return config_dir() / "configurations"


def readable(text: str | Path) -> str:
    """A path (or a text naming one) as it is shown or kept as text: the bytes of a name that
    are no UTF-8 (a file named in Latin-1 on Linux, which Python reads as lone surrogates) as
    their escapes, caf\\xe9.csv, which every store's text holds and Qt does not drop."""
    text = str(text)
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no byte gave (an unpaired one of Windows')
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def resolved(path: Path | str) -> Path:
    """``path`` absolute, its links followed as far as they lead: a loop of links is left as
    named (pathlib's resolve() raises RuntimeError there, which no caller expects), so that
    reading it says why."""
    return Path(os.path.realpath(path))
