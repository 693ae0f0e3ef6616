"""Recent files and the library of saved configurations, remembered between runs.

Kept in an INI file under the configuration folder (readable, never pickled), so that the
IMPORTER_GUI_CONFIG_DIR override moves it along with the library.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSettings

from importer_gui.core import paths

MAX_RECENT = 10
_RECENT_KEY = "files/recent"
_UNSAFE = re.compile(r"[^\w\- .]+", re.UNICODE)


def settings_path() -> Path:
    """The INI file the settings live in."""
    return paths.config_dir() / "settings.ini"


def library_file_name(name: str) -> str:
    """A safe file name for a configuration saved in the library as ``name``."""
    stem = _UNSAFE.sub("_", name).strip(" ._")
    if stem.lower().endswith(".xml"):
        stem = stem[:-4]
    return f"{stem or 'configuration'}.xml"


class Settings:
    """The user's recent files and saved configurations."""

    def __init__(self, path: Path | None = None) -> None:
        self._path = path or settings_path()
        self._path.parent.mkdir(parents=True, exist_ok=True)
        self._qs = QSettings(str(self._path), QSettings.Format.IniFormat)

    def recent_files(self) -> list[Path]:
        """Recently opened files that still exist, newest first."""
        return [p for p in self._stored_recent() if p.exists()]

    def add_recent(self, path: Path) -> None:
        """Put ``path`` first in the recent files."""
        path = path.resolve()
        recent = [path] + [p for p in self._stored_recent() if p != path]
        self._qs.setValue(_RECENT_KEY, [str(p) for p in recent[:MAX_RECENT]])
        self._qs.sync()

    def clear_recent(self) -> None:
        """Forget every recent file."""
        self._qs.remove(_RECENT_KEY)
        self._qs.sync()

    def _stored_recent(self) -> list[Path]:
        """The recent files as stored; QSettings gives a bare string for a list of one."""
        value = self._qs.value(_RECENT_KEY, [])
        if isinstance(value, str):
            value = [value]
        return [Path(v) for v in value or [] if v]

    @staticmethod
    def library() -> list[Path]:
        """The saved configurations, by name."""
        folder = paths.library_dir()
        if not folder.is_dir():
            return []
        return sorted(folder.glob("*.xml"), key=lambda p: p.stem.casefold())

    @staticmethod
    def library_path(name: str) -> Path:
        """Where a configuration saved in the library as ``name`` goes."""
        return paths.library_dir() / library_file_name(name)
