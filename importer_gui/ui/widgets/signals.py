"""Filling widgets from the state without their signals taking it for the user's doing."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject


@contextmanager
def signals_blocked(*objects: QObject) -> Iterator[None]:
    """Block the objects' signals inside the block; each gets back what it had before."""
    before = [obj.blockSignals(True) for obj in objects]
    try:
        yield
    finally:
        for obj, blocked in zip(objects, before, strict=True):
            obj.blockSignals(blocked)
