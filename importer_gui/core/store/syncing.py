"""A large write's files pushed to the disk as it goes, in a thread of its own.

SQLite's COMMIT syncs the store's file (or its write-ahead log): everything the write put in
the system's cache, hundreds of megabytes for a million records, goes to the disk then, and
the COMMIT waits for all of it, for longer the busier the disk. Synced every ``INTERVAL``
meanwhile, the file reaches the disk while the write goes on, and the COMMIT's own sync has
only the last moments' pages left. An extra sync makes nothing less durable: what SQLite
syncs, and when, is as before.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path

INTERVAL = 0.5  # seconds between two syncs
SYNCED_FROM = 10_000  # changes in a write from which its files are synced as it goes
# The files a write into a SQLite store changes besides the store's own (SQLite's names).
_BESIDE = ("-wal", "-journal")
# The data alone, where the system tells it from the file's times (fsync elsewhere; where
# a file opened to read cannot be synced, as on Windows, it fails and is let be).
_SYNC = getattr(os, "fdatasync", os.fsync)


@contextlib.contextmanager
def synced_meanwhile(path: Path, changes: int) -> Iterator[None]:
    """Around a write of about ``changes`` changes into the SQLite store at ``path``: its
    files synced every INTERVAL until the block ends (a small write's are not)."""
    if changes < SYNCED_FROM:
        yield
        return
    stopped = threading.Event()
    thread = threading.Thread(target=_sync_until, args=(path, stopped), daemon=True,
                              name="store-sync")
    thread.start()
    try:
        yield
    finally:
        stopped.set()
        thread.join()


def _sync_until(path: Path, stopped: threading.Event) -> None:
    """Sync the store's files every INTERVAL until ``stopped``."""
    while not stopped.wait(INTERVAL):
        for name in (path, *(path.with_name(path.name + suffix) for suffix in _BESIDE)):
            _sync(name)


def _sync(name: Path) -> None:
    """Push one file's written pages to the disk; nothing when it is not there. A failure
    (a full disk, say) is SQLite's to meet and say at its own sync: the kernel reports it
    to every file description open on the file, SQLite's too."""
    try:
        handle = os.open(name, os.O_RDONLY)
    except OSError:
        return
    try:
        _SYNC(handle)
    except OSError:
        pass
    finally:
        os.close(handle)
