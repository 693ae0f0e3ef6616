"""Recent files and stores, the library of saved configurations, where packages were last
sent, and the windows' sizes and tabs, remembered between runs.

Kept in an INI file under the configuration folder (readable, never pickled), so that the
IMPORTER_GUI_CONFIG_DIR override moves it along with the library. A store is remembered as
its path or URL, never with a password. A path is kept as its text, or as its bytes when its
name is no UTF-8 (a Latin-1 disk's): a text would lose them.
"""

from __future__ import annotations

import os
import re
import struct
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSplitter, QWidget

from importer_gui.core import paths
from importer_gui.core.store.location import StoreLocation, parse_location
from importer_gui.ui.widgets.screen_size import resize_within_screen

MAX_RECENT = 10
MAX_RECENT_STORES = 8
_RECENT_KEY = "files/recent"
_STORES_KEY = "stores/recent"
_SEND_ADDRESS_KEY = "send/address"
_SEND_KEY_FILE_KEY = "send/key_file"
_REFRESH_CONFIG_KEY = "refresh/config"
_GEOMETRY_KEY = "{window}/geometry"
_TAB_KEY = "{window}/tab"
_SPLITTER_KEY = "{window}/splitter"
_COLUMNS_KEY = "{window}/columns/{tab}"
_SORT_KEY = "{window}/sort/{tab}"
_DESCENDING = "descending"
_FOLDER_KEY = "folders/{kind}"
_PACKAGES_KEY = "packages"
MAX_PACKAGE_FOLDERS = 20
_UNSAFE = re.compile(r"[^\w\- .]+", re.UNICODE)
_TITLE_SHOWN = 100  # px of a window's top edge that must be on a screen to drag it by
_SPLITTER_HEAD = struct.Struct(">iiI")  # saveState's magic number, version, count of sizes
_SPLITTER_MAGIC = 0xFF


def _kept(text: str) -> str | QByteArray:
    """A text as the file keeps it: itself, or its bytes when it holds a name whose bytes
    are no UTF-8 (lone surrogates, which Qt drops from a text); plain names stay texts."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return QByteArray(os.fsencode(text))
    return text


def _given(value: object) -> str:
    """A value as the file gave it back, as the text that was kept (see _kept)."""
    return os.fsdecode(value.data()) if isinstance(value, QByteArray) else str(value)


def settings_path() -> Path:
    """The INI file the settings live in."""
    return paths.config_dir() / "settings.ini"


def library_file_name(name: str) -> str:
    """A safe file name for a configuration saved in the library as ``name``."""
    stem = _UNSAFE.sub("_", name).strip(" ._")
    if stem.lower().endswith(".xml"):
        stem = stem[:-4]
    # A file name holds 255 bytes on most systems: a longer name is cut (never mid-letter).
    stem = stem.encode("utf-8")[:_NAME_BYTES].decode("utf-8", "ignore").rstrip(" ._")
    return f"{stem or 'configuration'}.xml"


_NAME_BYTES = 200

# A date in a data file's name ("learners-2024-05", "inscriptions_03_2025", "tracking 2025"):
# a year of four digits, with a month or a day beside it, and the separators around it.
_DATED = re.compile(r"[ _.-]*(?<!\d)(?:\d{1,2}[ _.-]){0,2}(?:19|20)\d{2}"
                    r"(?:[ _.-]\d{1,2}){0,2}(?!\d)")


def library_name_for(data_file: Path | None) -> str:
    """The name a configuration is offered under in the library: its data file's, without
    a date in it, so that next month's file finds the same entry ("learners-2024-05" and
    "learners-2024-06" are both "learners")."""
    if data_file is None:
        return ""
    stem = data_file.stem
    return _DATED.sub("", stem).strip(" _.-") or stem

# The kinds of file whose dialogs each start where the user last chose one of that kind.
DATA_FILES = "data"
CONFIGURATIONS = "configurations"
STORES = "stores"
KEYS = "keys"
REPORTS = "reports"
CORRECTED_COPIES = "copies"


class Settings:
    """The user's recent files and saved configurations, and how windows were left."""

    def __init__(self, path: Path | None = None) -> None:
        self._path = path or settings_path()
        # QSettings makes the folder when it first writes: one that cannot be made (a
        # read-only profile) leaves the settings unkept, never the window unstarted.
        self._qs = QSettings(str(self._path), QSettings.Format.IniFormat)

    def recent_files(self) -> list[Path]:
        """Recently opened files that still exist, newest first."""
        return [p for p in self._stored_recent() if p.exists()]

    def add_recent(self, path: Path) -> None:
        """Put ``path`` first in the recent files."""
        path = paths.resolved(path)
        recent = [path] + [p for p in self._stored_recent() if p != path]
        self._qs.setValue(_RECENT_KEY, [_kept(str(p)) for p in recent[:MAX_RECENT]])
        self._qs.sync()

    def clear_recent(self) -> None:
        """Forget every recent file."""
        self._qs.remove(_RECENT_KEY)
        self._qs.sync()

    def _stored_recent(self) -> list[Path]:
        """The recent files as stored."""
        return [Path(v) for v in self._list(_RECENT_KEY)]

    def _list(self, key: str) -> list[str]:
        """A list of texts as stored; QSettings gives a bare string for a list of one."""
        value = self._qs.value(key, [])
        if isinstance(value, str):
            value = [value]
        return [text for text in map(_given, value or []) if text]

    def _text(self, key: str) -> str:
        """A text as stored; "" when none is, or when the file holds something else there (a
        list, say: a settings file edited by hand), never that thing written as a text."""
        value = self._qs.value(key, "")
        return _given(value) if isinstance(value, str | QByteArray) else ""

    def recent_stores(self) -> list[StoreLocation]:
        """Stores opened before, the last one first (a file that is gone is left out)."""
        return [location for location in self._stores()
                if not isinstance(location, Path) or location.exists()]

    def last_store(self) -> StoreLocation | None:
        """The store opened last, even a file that is gone since; None when none was."""
        return next(self._stores(), None)

    def _stores(self) -> Iterator[StoreLocation]:
        """Every store remembered, the last opened first (a text that names none skipped)."""
        for text in self._list(_STORES_KEY):
            try:
                yield parse_location(text)
            except ValueError:
                continue

    def add_recent_store(self, location: StoreLocation) -> None:
        """Put a store first in the recent stores: its path or URL (the URL has no
        password: it is held apart, and never written here)."""
        text = str(paths.resolved(location) if isinstance(location, Path) else location)
        stores = [text] + [s for s in self._list(_STORES_KEY) if s != text]
        self._qs.setValue(_STORES_KEY, [_kept(s) for s in stores[:MAX_RECENT_STORES]])
        self._qs.sync()

    def clear_recent_stores(self) -> None:
        """Forget every recent store."""
        self._qs.remove(_STORES_KEY)
        self._qs.sync()

    def send_to(self) -> tuple[str, str]:
        """The SFTP address and key file a package was last sent with ("" when none): an
        address holds no password (the sending refuses one)."""
        return self._text(_SEND_ADDRESS_KEY), self._text(_SEND_KEY_FILE_KEY)

    def remember_send_to(self, address: str, key_file: str) -> None:
        """Keep where a package was sent, and with which key file, for the next one."""
        self._qs.setValue(_SEND_ADDRESS_KEY, address)
        self._qs.setValue(_SEND_KEY_FILE_KEY, _kept(key_file))
        self._qs.sync()

    def refresh_config(self) -> Path | None:
        """The export configuration the store was last refreshed from; None when none was,
        or when that file is gone (never offered as if it were there)."""
        text = self._text(_REFRESH_CONFIG_KEY)
        return Path(text) if text and Path(text).is_file() else None

    def remember_refresh_config(self, path: Path) -> None:
        """Keep the export configuration a refresh was made from, for next month's."""
        self._qs.setValue(_REFRESH_CONFIG_KEY, _kept(str(paths.resolved(path))))
        self._qs.sync()

    def geometry(self, window: str) -> QByteArray | None:
        """A window's size and place as it was closed last (``saveGeometry``), or None."""
        value = self._qs.value(_GEOMETRY_KEY.format(window=window))
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def restore_geometry(self, window: str, widget: QWidget, size: tuple[int, int], *,
                         within_screen: bool = False) -> None:
        """Put ``widget`` where and at the size it was closed last; at ``size`` (no larger
        than the screen, ``within_screen``), on the main screen, when nothing was kept or
        what was kept would leave it out of reach: its top edge off every screen, or smaller
        than its contents (a settings file damaged or edited by hand; Qt itself brings back a
        window left on a screen since unplugged)."""
        geometry = self.geometry(window)
        if geometry is not None and widget.restoreGeometry(geometry) and _within_reach(widget):
            return
        widget.setWindowState(Qt.WindowState.WindowNoState)  # nor maximized by it
        if within_screen:
            resize_within_screen(widget, *size)
        else:
            widget.resize(*size)
        screen = QGuiApplication.primaryScreen()
        if geometry is not None and screen is not None:  # restoreGeometry may have moved it
            widget.move(screen.availableGeometry().topLeft())

    def save_geometry(self, window: str, geometry: QByteArray) -> None:
        """Remember a window's size and place."""
        self._qs.setValue(_GEOMETRY_KEY.format(window=window), geometry)
        self._qs.sync()

    def last_tab(self, window: str) -> str:
        """The name of the tab a window was closed on ("" before it ever was)."""
        return self._text(_TAB_KEY.format(window=window))

    def save_last_tab(self, window: str, name: str) -> None:
        """Remember the tab a window is closed on."""
        self._qs.setValue(_TAB_KEY.format(window=window), name)
        self._qs.sync()

    def restore_splitter(self, window: str, splitter: QSplitter) -> bool:
        """Put a splitter's panes at the sizes the user left them, when the user could have
        left them so in the splitter as it is now: no pane smaller than its least, the panes
        that do not stretch leaving those that do theirs; False, the sizes as they were,
        otherwise (a window narrower since, a settings file damaged or edited by hand)."""
        value = self._qs.value(_SPLITTER_KEY.format(window=window))
        state = value if isinstance(value, QByteArray) else QByteArray()
        sizes = _splitter_sizes(bytes(state.data()))
        if sizes is None or not _fits(splitter, sizes):
            return False
        return splitter.restoreState(state)

    def save_splitter(self, window: str, splitter: QSplitter) -> None:
        """Remember the sizes of a splitter's panes."""
        self._qs.setValue(_SPLITTER_KEY.format(window=window), splitter.saveState())
        self._qs.sync()

    def column_widths(self, window: str, tab: str) -> dict[str, int]:
        """The widths the user gave a table's columns, by column name ({} when none)."""
        self._qs.beginGroup(_COLUMNS_KEY.format(window=window, tab=tab))
        try:
            stored = {name: self._qs.value(name) for name in self._qs.childKeys()}
        finally:
            self._qs.endGroup()
        widths = {}
        for name, value in stored.items():
            try:
                widths[name] = int(value)
            except (TypeError, ValueError):  # a settings file edited by hand
                continue
        return widths

    def save_column_widths(self, window: str, by_tab: dict[str, dict[str, int]]) -> None:
        """Remember the widths the user gave each tab's columns (those alone), by tab."""
        for tab, widths in by_tab.items():
            key = _COLUMNS_KEY.format(window=window, tab=tab)
            self._qs.remove(key)
            for name, width in widths.items():
                self._qs.setValue(f"{key}/{name}", width)
        self._qs.sync()

    def sort_order(self, window: str, tab: str) -> tuple[str, bool] | None:
        """The column a table was last sorted by, by name, and whether downwards; None when
        it was left in its own order (or the file holds something else there)."""
        value = self._list(_SORT_KEY.format(window=window, tab=tab))
        if not value or len(value) > 2:
            return None
        return value[0], value[1:] == [_DESCENDING]

    def save_sort_orders(self, window: str, by_tab: dict[str, tuple[str, bool] | None]) -> None:
        """Remember the column each tab's table is sorted by, and whether downwards (None:
        its own order, nothing kept)."""
        for tab, order in by_tab.items():
            key = _SORT_KEY.format(window=window, tab=tab)
            if order is None:
                self._qs.remove(key)
            else:
                self._qs.setValue(key, [order[0], _DESCENDING if order[1] else "ascending"])
        self._qs.sync()

    def last_folder(self, kind: str, usual: Path | None = None) -> Path:
        """Where a file dialog for ``kind`` starts: the folder the user last chose such a
        file in; when none was, or it is gone since (a stick unplugged, a share renamed),
        ``usual`` (the dialog's own place, beside the file worked on), else the home folder."""
        text = self._text(_FOLDER_KEY.format(kind=kind))
        for folder in (Path(text) if text else None, usual):
            if folder is not None and folder.is_dir():
                return folder
        return Path.home()

    def remember_folder(self, kind: str, chosen: Path) -> None:
        """Keep the folder of a file (or the folder itself) the user chose, for the next
        dialog of its kind; a configuration of the library is chosen by name, not there."""
        folder = paths.resolved(chosen if chosen.is_dir() else chosen.parent)
        if folder == paths.resolved(paths.library_dir()):
            return
        self._qs.setValue(_FOLDER_KEY.format(kind=kind), _kept(str(folder)))
        self._qs.sync()

    def package_folder(self, config: Path) -> Path | None:
        """The folder the last package of the configuration ``config`` was written in; None
        when none was, or the folder it was made in is gone since."""
        wanted = str(paths.resolved(config))
        folder = next((Path(f) for c, f in self._package_folders() if c == wanted), None)
        return folder if folder is not None and folder.parent.is_dir() else None

    def remember_package_folder(self, config: Path, folder: Path) -> None:
        """Keep where a configuration's package was written, for its next one."""
        kept = str(paths.resolved(config))
        pairs = [(kept, str(folder))] + [p for p in self._package_folders() if p[0] != kept]
        self._qs.remove(_PACKAGES_KEY)
        self._qs.beginWriteArray(_PACKAGES_KEY, min(len(pairs), MAX_PACKAGE_FOLDERS))
        for index, (source, written) in enumerate(pairs[:MAX_PACKAGE_FOLDERS]):
            self._qs.setArrayIndex(index)
            self._qs.setValue("config", _kept(source))
            self._qs.setValue("folder", _kept(written))
        self._qs.endArray()
        self._qs.sync()

    def _package_folders(self) -> list[tuple[str, str]]:
        """Each configuration packaged and its package's folder, the last packaged first."""
        pairs = []
        for index in range(self._qs.beginReadArray(_PACKAGES_KEY)):
            self._qs.setArrayIndex(index)
            pair = (self._text("config"), self._text("folder"))
            if all(pair):
                pairs.append(pair)
        self._qs.endArray()
        return pairs

    @staticmethod
    def library() -> list[Path]:
        """The saved configurations, by name."""
        folder = paths.library_dir()
        if not folder.is_dir():
            return []
        return sorted(folder.glob("*.xml"), key=lambda p: p.stem.casefold())

    @staticmethod
    def library_path(name: str) -> Path:
        """Where a configuration saved in the library as ``name`` goes: the one saved under
        that name in another case, if any ("Learners" is "learners", as on Windows)."""
        wanted = library_file_name(name)
        folder = paths.library_dir()
        if folder.is_dir():
            for saved in folder.glob("*.xml"):
                if saved.name.casefold() == wanted.casefold():
                    return saved
        return folder / wanted


def _within_reach(widget: QWidget) -> bool:
    """Whether a window shows enough of its top edge on a screen to be dragged, at no less
    than the size its contents need."""
    shown = widget.geometry()
    needed = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    if shown.width() < needed.width() or shown.height() < needed.height():
        return False
    top = QRect(shown.left(), shown.top(), shown.width(), 1)
    return any(screen.availableGeometry().intersected(top).width()
               >= min(_TITLE_SHOWN, shown.width())
               for screen in QGuiApplication.screens())


def _splitter_sizes(state: bytes) -> list[int] | None:
    """The panes' sizes a ``QSplitter.saveState`` holds; None when it holds none."""
    if len(state) < _SPLITTER_HEAD.size:
        return None
    magic, _version, count = _SPLITTER_HEAD.unpack_from(state)
    end = _SPLITTER_HEAD.size + 4 * count
    if magic != _SPLITTER_MAGIC or len(state) < end:
        return None
    return list(struct.unpack_from(f">{count}i", state, _SPLITTER_HEAD.size))


def _fits(splitter: QSplitter, sizes: list[int]) -> bool:
    """Whether a user could have left ``splitter``'s panes at ``sizes`` as wide (or high) as
    it is: each at least its least, and the panes that do not stretch no more than the room
    the stretching ones leave (these take what is left)."""
    if len(sizes) != splitter.count():
        return False
    horizontal = splitter.orientation() == Qt.Orientation.Horizontal
    room = (splitter.width() if horizontal else splitter.height()) \
        - splitter.handleWidth() * (splitter.count() - 1)
    taken = 0
    for index, size in enumerate(sizes):
        pane = splitter.widget(index)
        least = pane.minimumSizeHint().expandedTo(pane.minimumSize())
        least_size = least.width() if horizontal else least.height()
        if size < max(least_size, 1):
            return False
        policy = pane.sizePolicy()
        stretches = policy.horizontalStretch() if horizontal else policy.verticalStretch()
        taken += least_size if stretches else size
    return taken <= room
