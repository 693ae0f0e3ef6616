"""Parts the dialogs and pages build alike: a field with its button, a list to pick from with
counts, a hidden message line."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from importer_gui.ui.i18n import arg, translate
from importer_gui.ui.styles import Look, set_look
from importer_gui.ui.widgets.spoken import SpokenLine


def add_edit_with_button(form: QFormLayout, label: str, edit: QLineEdit, button: str,
                         clicked: Callable[[], None]) -> None:
    """Add ``edit`` with a button beside it to ``form``, under a label whose shortcut
    focuses the edit."""
    parent = edit.parentWidget()
    push = QPushButton(button, parent)
    push.clicked.connect(clicked)
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(push)
    title = QLabel(label, parent)
    title.setBuddy(edit)
    form.addRow(title, row)


def picker_row(label: str, picker: QComboBox, counts: QLabel) -> QHBoxLayout:
    """A labelled list sized to its items, then a line of counts taking the rest."""
    title = QLabel(label, picker.parentWidget())
    picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    title.setBuddy(picker)
    row = QHBoxLayout()
    row.addWidget(title)
    row.addWidget(picker)
    row.addWidget(counts, 1)
    return row


def show_counts(counts: QLabel, parts: list[str]) -> None:
    """Show a picker row's counts ("delete: 3") spaced apart, and have a screen reader say
    them as a sentence: read as shown, they ran together into one string of numbers."""
    counts.setText("   ".join(parts))
    counts.setAccessibleName(arg(translate(
        "CountsLine", "%1.", "a picker row's counts as a screen reader says them"),
        ", ".join(parts)) if parts else "")


def message_line(parent: QWidget, name: str, look: Look) -> SpokenLine:
    """A wrapped line in ``look`` (an error, a notice), hidden until there is something to say,
    announced to a screen reader as it appears."""
    line = SpokenLine(parent)
    line.setObjectName(name)
    line.setWordWrap(True)
    set_look(line, look)
    line.hide()
    return line
