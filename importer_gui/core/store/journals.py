"""Another database's journal beside a store file, found before SQLite merges it.

SQLite merges the -wal beside the file it opens into it, and plays a hot -journal back into
it, whichever database wrote them: a journal copied beside a store (a sync tool, a copy made
file by file) would make the store that other database. What the file would become is seen
without writing anything: through a read-only connection for a -wal (which reads the log and
neither merges nor deletes it), from the journal's own copy of page 1 for a -journal (which
a read-only connection refuses to read past). Only page 1, which holds the store's
application_id, is compared.
"""

from __future__ import annotations

import sqlite3
import struct
from contextlib import closing, suppress
from pathlib import Path

from importer_gui.core.store.dialect import APPLICATION_ID, SQLITE, file_uri

JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")  # the head of a hot rollback journal
JOURNAL_HEADER = struct.Struct(">8s5I")  # magic, records, nonce, pages, sector, page sizes
ALL_RECORDS = 0xFFFFFFFF  # a journal written without syncing: records up to its end
APPLICATION_ID_AT = 68  # in the file's header, on page 1


def foreign_journal(path: Path, busy_timeout: float) -> Path | None:
    """The journal beside the store file ``path`` that would make it another database once
    SQLite merged it; None when there is none, or when the file is no store of ours."""
    if not _ours(_head(path)):
        return None
    journal = Path(f"{path}-journal")
    page_one = _page_one_played_back(journal)
    if page_one is not None and not _ours(page_one):
        return journal
    wal = Path(f"{path}-wal")
    if _holds_something(wal) and _seen_through_wal(path, busy_timeout) is False:
        return wal
    return None


def _ours(page_one: bytes) -> bool:
    """Whether a page 1 is an Import Assistant store's."""
    found = page_one[APPLICATION_ID_AT:APPLICATION_ID_AT + 4]
    return len(found) == 4 and int.from_bytes(found, "big") == APPLICATION_ID


def _head(path: Path) -> bytes:
    """The file's header (its first 100 bytes); nothing where it cannot be read."""
    with suppress(OSError), path.open("rb") as file:
        return file.read(100)
    return b""


def _holds_something(side: Path) -> bool:
    """Whether a file beside the store is there and not empty."""
    try:
        return side.stat().st_size > 0
    except OSError:
        return False


def _page_one_played_back(journal: Path) -> bytes | None:
    """The page 1 a hot ``journal`` would write back into the store; None where it writes
    none (no journal, one never synced and so never played back, one without page 1)."""
    try:
        with journal.open("rb") as file:
            head = file.read(JOURNAL_HEADER.size)
            if len(head) < JOURNAL_HEADER.size:
                return None
            magic, records, _nonce, _pages, sector, page = JOURNAL_HEADER.unpack(head)
            if magic != JOURNAL_MAGIC or not (_power_of_two(sector) and _power_of_two(page)):
                return None
            record = page + 8  # its page number, the page, a checksum
            if records == ALL_RECORDS:
                records = (journal.stat().st_size - sector) // record
            for index in range(records):
                file.seek(sector + index * record)
                number = file.read(4)
                if len(number) < 4:
                    return None
                if int.from_bytes(number, "big") == 1:
                    return file.read(page)
    except OSError:
        return None
    return None


def _power_of_two(size: int) -> bool:
    """A size SQLite gives a journal's sector or page (its sanity test)."""
    return 32 <= size <= 65536 and size & (size - 1) == 0


def _seen_through_wal(path: Path, busy_timeout: float) -> bool | None:
    """Whether the store read with its -wal is still ours, through a connection that
    cannot write (so cannot merge the log, nor delete it); None where it cannot be read."""
    try:
        conn = sqlite3.connect(f"{file_uri(path)}?mode=ro", uri=True, timeout=busy_timeout,
                               isolation_level=None)
        with closing(conn):
            return SQLITE.identity(conn).ours
    except sqlite3.Error:
        return None
