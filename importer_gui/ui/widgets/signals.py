"""Filling widgets from the state without their signals taking it for the user's doing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit


@contextmanager
def signals_blocked(*objects: QObject) -> Iterator[None]:
    """Block the objects' signals inside the block; each gets back what it had before."""
    before = [obj.blockSignals(True) for obj in objects]
    try:
        yield
    finally:
        for obj, blocked in zip(objects, before, strict=True):
            obj.blockSignals(blocked)


def follow_hand(widget: QComboBox | QLineEdit | QCheckBox, slot: Callable[[], None]) -> None:
    """Call ``slot`` when the user changes ``widget`` (chooses, types, clicks), never when
    the program fills it in."""
    signal = (widget.activated if isinstance(widget, QComboBox)
              else widget.textEdited if isinstance(widget, QLineEdit) else widget.clicked)
    signal.connect(lambda *_: slot())
