"""The project's own error types: every failure a user can meet is one of these.

Their messages are English (the command line's language). A message the window shows in the
user's language is built from a template marked ``QT_TRANSLATE_NOOP("errors", …)`` and filled
with ``str.format``: lupdate reads the mark, and marking also records the template here, so
that the window can recognise a message by its template (``ui/messages_text.py``).
"""

from __future__ import annotations

import codecs
import errno
import os
import sys
from pathlib import Path

from importer_gui.core.paths import readable

_MARKED: dict[str, str] = {}  # template -> its translation context


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate reads
    """``text`` as it is, recorded as a template the window may translate in ``context``."""
    _MARKED.setdefault(text, context)
    return text


def marked_templates() -> dict[str, str]:
    """Every template marked so far, with its context (a module's are marked when it is
    imported)."""
    return dict(_MARKED)


def marked_count() -> int:
    """How many error templates are marked so far (cheap: asked for every message shown)."""
    return len(_MARKED)


CANCELLED = QT_TRANSLATE_NOOP("errors", "Cancelled; nothing was written.")
# A report or a copy that the system refused to write: {reason} is the system's
# (system_reason).
CANNOT_WRITE = QT_TRANSLATE_NOOP("errors", "Could not write {path}: {reason}")
# A file name with a character the system's encoding of names lacks (an accent under the C
# locale with Python's UTF-8 mode turned off): {encoding} is that encoding ("ASCII").
UNNAMABLE = QT_TRANSLATE_NOOP(
    "errors", "{path}: this file name cannot be given to the system, whose file names are "
              "{encoding} under the current locale; run with a UTF-8 locale (LC_ALL=C.UTF-8) "
              "or PYTHONUTF8=1.")


class ImporterError(Exception):
    """A failure to report to the user as one clear line; never a traceback. A file name in
    it whose bytes are no UTF-8 (a Latin-1 disk's) is written with escapes, d\\xe9: as lone
    surrogates, stderr would show d\\udce9 and Qt drops them from a window's text."""

    def __init__(self, message: str) -> None:
        message = readable(message)
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


def _by_number(*reasons: tuple[str, str]) -> dict[int, str]:
    """The reasons by the error's number on this system (a name it lacks is left out)."""
    return {getattr(errno, name): text for name, text in reasons if hasattr(errno, name)}


# The system's commonest reasons in our own words, so that the window can say them in the
# user's language: the system words them in English whatever the user speaks. The English is
# the GNU C library's, so that on Linux the command line reads as the system words them.
_SYSTEM_REASONS = _by_number(
    ("ENOENT", QT_TRANSLATE_NOOP("errors", "No such file or directory")),
    ("EACCES", QT_TRANSLATE_NOOP("errors", "Permission denied")),
    ("EPERM", QT_TRANSLATE_NOOP("errors", "Operation not permitted")),
    ("ENOSPC", QT_TRANSLATE_NOOP("errors", "No space left on device")),
    ("EDQUOT", QT_TRANSLATE_NOOP("errors", "Disk quota exceeded")),
    ("EFBIG", QT_TRANSLATE_NOOP("errors", "File too large")),
    ("EROFS", QT_TRANSLATE_NOOP("errors", "Read-only file system")),
    ("EISDIR", QT_TRANSLATE_NOOP("errors", "Is a directory")),
    ("ENOTDIR", QT_TRANSLATE_NOOP("errors", "Not a directory")),
    ("ENOTEMPTY", QT_TRANSLATE_NOOP("errors", "Directory not empty")),
    ("EEXIST", QT_TRANSLATE_NOOP("errors", "File exists")),
    ("EBUSY", QT_TRANSLATE_NOOP("errors", "Device or resource busy")),
    ("ENAMETOOLONG", QT_TRANSLATE_NOOP("errors", "File name too long")),
    ("ELOOP", QT_TRANSLATE_NOOP("errors", "Too many levels of symbolic links")),
    ("EXDEV", QT_TRANSLATE_NOOP("errors", "Invalid cross-device link")),
    ("EMFILE", QT_TRANSLATE_NOOP("errors", "Too many open files")),
    ("EIO", QT_TRANSLATE_NOOP("errors", "Input/output error")),
    ("EINVAL", QT_TRANSLATE_NOOP("errors", "Invalid argument")),
    ("EAGAIN", QT_TRANSLATE_NOOP("errors", "Resource temporarily unavailable")),
    ("ETIMEDOUT", QT_TRANSLATE_NOOP("errors", "Connection timed out")),
    ("ECONNREFUSED", QT_TRANSLATE_NOOP("errors", "Connection refused")),
    ("ECONNRESET", QT_TRANSLATE_NOOP("errors", "Connection reset by peer")),
    ("EHOSTUNREACH", QT_TRANSLATE_NOOP("errors", "No route to host")),
    ("EHOSTDOWN", QT_TRANSLATE_NOOP("errors", "Host is down")),
    ("ENETUNREACH", QT_TRANSLATE_NOOP("errors", "Network is unreachable")),
)


def system_reason(exc: BaseException) -> str:
    """Why the system refused: a common reason in our words (see above), any other as the
    system words it."""
    if isinstance(exc, OSError):
        return _SYSTEM_REASONS.get(exc.errno or 0) or exc.strerror or str(exc)
    return str(exc)


def errno_reason(number: int) -> str:
    """The system's reason for the error ``number``, as ``system_reason`` words it."""
    return system_reason(OSError(number, os.strerror(number)))


def os_error_text(exc: BaseException) -> str | None:
    """"FILE: reason." for a system error naming its file (a name too long, say), where no
    message of ours names it; None for any other error."""
    if not isinstance(exc, OSError) or exc.filename is None or not exc.strerror:
        return None
    return f"{exc.filename}: {system_reason(exc)}."


def unnamable_text(exc: BaseException) -> str | None:
    """"FILE: reason." for a file name the system's encoding of names cannot hold; None for
    any other error."""
    names_in = sys.getfilesystemencoding()
    if not isinstance(exc, UnicodeEncodeError) or not isinstance(exc.object, str) \
            or codecs.lookup(exc.encoding).name != codecs.lookup(names_in).name \
            or codecs.lookup(names_in).name == "utf-8":  # holds any name: not one that failed
        return None
    return UNNAMABLE.format(path=exc.object, encoding=names_in.upper())


def unnamable_name_text(name: str) -> str | None:
    """UNNAMABLE for a name the system gave with bytes its encoding of names does not hold
    (kept as lone surrogates), shown as paths.readable shows it; None for any other."""
    names_in = sys.getfilesystemencoding()
    shown = readable(name)  # the same text for a name the locale could read
    if codecs.lookup(names_in).name == "utf-8" or shown == name:
        return None
    return UNNAMABLE.format(path=shown, encoding=names_in.upper())


def refused_path_text(exc: BaseException) -> str | None:
    """"FILE: reason." for a path the system refused or could not be given (the two rules
    above); None for any other error."""
    return os_error_text(exc) or unnamable_text(exc)


def _located(path: Path | str | None, where: str | None, message: str) -> str:
    """Prefix a message with the file and the place in it, when known."""
    if path is None:
        return message
    place = f"{path}:{where}" if where else f"{path}"
    return f"{place}: {message}"


class ConfigError(ImporterError):
    """The configuration document is unreadable or invalid."""

    def __init__(self, message: str, *, path: Path | str | None = None,
                 line: int | None = None, suggestion: tuple[str, str] | None = None) -> None:
        self.path = path
        self.line = line
        self.detail = message
        # (the name as written, the valid name meant): what the window offers to apply at
        # ``line`` ("did you mean"); None when the message suggests nothing.
        self.suggestion = suggestion
        # "config.xml: ... (line 5)" rather than "config.xml:5: ... (line 5)".
        super().__init__(_located(path, None if self.names_its_line else str(line), message))

    @property
    def names_its_line(self) -> bool:
        """True when there is no line, or the message itself says which line it is."""
        return self.line is None or f"line {self.line}" in self.detail.lower()


class DataFileError(ImporterError):
    """A data file (CSV or workbook) is missing, unreadable or malformed."""

    def __init__(self, message: str, *, path: Path | str | None = None,
                 line: int | None = None, cell: str | None = None) -> None:
        self.path = path
        self.line = line
        self.cell = cell
        self.detail = message
        where = cell or (str(line) if line else None)
        super().__init__(_located(path, where, message))


class StoreError(ImporterError):
    """The store could not be opened, read or written; nothing was changed."""


class StoreLockedError(StoreError):
    """Another program kept the store locked longer than the wait for it."""


class StoreGoneError(StoreError):
    """A store opened before is no longer where it was (moved or deleted): trying again
    fails again until it is put back or opened where it now is."""


class StoreChangedError(StoreError):
    """Another program changed what the check (or a revert's plan) read of the store: a value
    taken, a record changed or gone. The same plan is refused again: check (or plan) again."""


class RevertedMeanwhileError(StoreChangedError):
    """The run a revert was planned for was wholly reverted since, by ``reverted_by``:
    planning again cannot help (the run is reverted); its revert may be reverted instead."""

    def __init__(self, message: str, reverted_by: int) -> None:
        super().__init__(message)
        self.reverted_by = reverted_by


class StoreReplacedError(StoreError):
    """Another store is where the one opened before was (``Store.reopen``); nothing was done
    in it. ``found``: the identity of the store there now."""

    def __init__(self, message: str, found: str | None) -> None:
        super().__init__(message)
        self.found = found


class Cancelled(ImporterError):  # noqa: N818 - the user asked; not an error
    """The user cancelled long work; nothing was written."""

    def __init__(self) -> None:
        super().__init__(CANCELLED)
