"""A large sheet's workbook copied, uncompressed, for calamine to load its cells in one pass.

python-calamine reads a sheet's XML twice: once for its cells, then to the end again for its
merged cells (``<mergeCells>``, written after the cells), which nothing here uses. The sheet's
XML is decompressed anyway while it is measured; written out as it comes, with an empty
``<mergeCells></mergeCells>`` ahead of its cells (where that second reading stops at once,
and the cells' reading never looks), it is a copy calamine loads in about three fifths of
the time. The other parts calamine may read are copied as they are (the other sheets and
pictures left out), so the copy reads as the workbook does.

The copy is a temporary file that leaves nothing behind where the system allows (Linux: an
unnamed file, opened by calamine through /proc); elsewhere a named one, deleted after the
load. Anything that stops the copy (a full disk, an odd package) leaves the workbook to be
loaded as it is: the copy only ever saves time.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import tempfile
import weakref
import zipfile
from collections.abc import Collection
from typing import IO

from importer_gui.core.file_kind import LOCKED_PART, PACKAGE_DAMAGE

log = logging.getLogger(__name__)

# Bytes of a sheet's XML from which a copy saves more than it costs (writing it costs
# about a tenth of the second reading it spares).
COPIED_FROM = 4 << 20
# Opening the copy reads the workbook's shared strings again, at about twice the cost a byte
# of the second reading of the sheet spared: a sheet is copied when its XML outweighs its
# workbook's shared strings this many times.
OUTWEIGHS = 2.5

_CELLS = re.compile(rb"<sheetData[\s/>]")
_STOP = b"<mergeCells></mergeCells>"
_PROC_FDS = "/proc/self/fd"


class CalamineCopy:
    """The copy being written: the workbook's other parts first, then the sheet's XML a
    chunk at a time (``write``), in order; once ``finish`` says it is whole, calamine opens
    it by ``path``."""

    def __init__(self, package: zipfile.ZipFile, part: str, sheets: Collection[str]) -> None:
        self._file, self.path = _temporary()
        # A copy let go unclosed (a loader never called) is deleted with it all the same.
        self._discard = weakref.finalize(self, _discarded, self._file, self.path)
        self._read = 0  # bytes of the sheet's XML written, as the workbook holds them
        self._marked = False
        self._entry: IO[bytes] | None = None
        self._zip: zipfile.ZipFile | None = None
        try:
            self._zip = zipfile.ZipFile(self._file, "w", zipfile.ZIP_STORED)
            _copy_others(package, {part, *sheets}, self._zip)
            large = package.getinfo(part).file_size > 1 << 30
            self._entry = self._zip.open(part, "w", force_zip64=large)
        except BaseException:
            self.close()
            raise

    def write(self, data: bytes) -> None:
        """The next chunk of the sheet's XML, the first marked where the cells start. A
        failure to write (a full disk) gives the copy up, never the measure; so does a
        first chunk where no cells start (a prefixed tag, a preamble of unusual length):
        calamine would read such a copy twice all the same."""
        if self._entry is None:
            return
        self._read += len(data)
        if not self._marked:
            found = _CELLS.search(data)
            if found is None:
                self._given_up("its cells do not start in its first chunk of XML")
                return
            self._marked = True
            data = data[:found.start()] + _STOP + data[found.start():]
        try:
            self._entry.write(data)
        except Exception as exc:  # OSError, or zipfile's own refusals
            self._given_up(exc)

    def finish(self, size: int) -> bool:
        """Whether the copy is whole once the sheet's ``size`` bytes of XML are written:
        not when they are not all (the measure read the sheet otherwise) or it failed."""
        if self._entry is None or self._read != size:
            self.close()
            return False
        try:
            self._entry.close()
            self._entry = None
            assert self._zip is not None
            self._zip.close()
            self._zip = None
            self._file.flush()
        except Exception as exc:
            self._given_up(exc)
            return False
        return True

    def _given_up(self, why: Exception | str) -> None:
        """Stop copying: the workbook is loaded as it is."""
        log.info("the sheet is loaded from its workbook, uncopied: %s", why)
        self.close()

    def close(self) -> None:
        """Let the copy go (deleted where it has a name); safe to call again."""
        with contextlib.suppress(Exception):
            if self._entry is not None:
                self._entry.close()
            if self._zip is not None:
                self._zip.close()
        self._entry = self._zip = None
        self._discard()


def started(package: zipfile.ZipFile, part: str, sheets: Collection[str], shared: int = 0,
            ) -> CalamineCopy | None:
    """A copy of the workbook for calamine, its sheet ``part`` still to be written, the
    workbook's other ``sheets`` (their XML parts) left out: calamine reads a sheet only
    when it is loaded. None when the sheet is too small for a copy to pay (``shared``: bytes
    of the workbook's shared strings), or the copy cannot be made."""
    try:
        size = package.getinfo(part).file_size
        if size < COPIED_FROM or size < OUTWEIGHS * shared:
            return None
        return CalamineCopy(package, part, sheets)
    # A damaged or locked part (one calamine may never read) is not the copy's to refuse.
    except (*PACKAGE_DAMAGE, *LOCKED_PART, zipfile.LargeZipFile) as exc:
        log.info("the sheet %s is loaded from its workbook, uncopied: %s", part, exc)
        return None


def _discarded(file: IO[bytes], path: str) -> None:
    """Close the copy's file and delete it where it has a name."""
    with contextlib.suppress(OSError):
        file.close()
    if not path.startswith(_PROC_FDS):
        with contextlib.suppress(OSError):
            os.unlink(path)


def _temporary() -> tuple[IO[bytes], str]:
    """A new temporary file and the path calamine opens it by."""
    if os.path.isdir(_PROC_FDS):
        # The file outlives this call: CalamineCopy.close closes it.
        file = tempfile.TemporaryFile(prefix="importer-gui-", suffix=".xlsx")  # noqa: SIM115
        return file, f"{_PROC_FDS}/{file.fileno()}"
    named = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed by CalamineCopy.close
        prefix="importer-gui-", suffix=".xlsx", delete=False)
    return named, named.name


# Parts calamine never reads when it loads cells, and which may be large: pictures,
# embedded files, pivot tables' cached data, printer settings, macros.
_UNREAD = re.compile(r"/(?:media|embeddings|pivotCache|printerSettings)/|\.bin$")


def _copy_others(package: zipfile.ZipFile, left_out: Collection[str],
                 into: zipfile.ZipFile) -> None:
    """Every part of the workbook calamine may read but those ``left_out``, uncompressed."""
    for info in package.infolist():
        name = info.filename
        if name in left_out or info.is_dir() or _UNREAD.search(name):
            continue
        with package.open(info) as source, into.open(name, "w") as target:
            shutil.copyfileobj(source, target, 1 << 20)
