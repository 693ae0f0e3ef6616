"""The window's small shared pieces: translation with placeholders, and signal blocking."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from importer_gui.ui.i18n import arg, tr
from importer_gui.ui.widgets.signals import signals_blocked


def test_arg_fills_markers_lowest_first_and_never_twice() -> None:
    assert arg("%1: no such file.", "/tmp/a.csv") == "/tmp/a.csv: no such file."
    assert arg("Configuration: %1\nFile: %2", "c.xml", "d.csv") == (
        "Configuration: c.xml\nFile: d.csv")
    assert arg("%2 before %1", "one", "two") == "two before one"
    assert arg("%1 and %3", "a", "b") == "a and b"  # as QString::arg: the next lowest marker
    assert arg("%1", "%2 stays", "x") == "%2 stays"  # a value is never filled again
    assert arg("%1 of %2", 3) == "3 of %2"  # markers beyond the arguments stay
    assert arg("100% sure, %n row(s)") == "100% sure, %n row(s)"


def test_tr_fills_counts_and_markers(qtbot: QtBot) -> None:
    assert tr("Test", "Column %1", 4) == "Column 4"
    assert tr("Test", "%1 (%n with errors)", "a.csv", n=2) == "a.csv (2 with errors)"


def test_signals_blocked_restores_what_each_object_had(qtbot: QtBot) -> None:
    combo, other = QComboBox(), QComboBox()
    qtbot.addWidget(combo)
    qtbot.addWidget(other)
    changes: list[int] = []
    combo.currentIndexChanged.connect(changes.append)
    other.blockSignals(True)
    with signals_blocked(combo, other):
        combo.addItems(["a", "b"])
        combo.setCurrentIndex(1)
    assert changes == [] and not combo.signalsBlocked() and other.signalsBlocked()
    combo.setCurrentIndex(0)
    assert changes == [0]
