"""The options' field lists: a box per field, custom fields' boxes following the columns."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from importer_gui.core.catalogue import OptionDef
from importer_gui.core.config import KEYED_FIELDS
from importer_gui.ui.labels import field_title
from importer_gui.ui.styles import Text, text_colour
from importer_gui.ui.widgets.signals import signals_blocked


def check_text(name: str) -> str:
    """A field list's box as people read it: the field's title, then ``:GUID`` if any."""
    field, colon, guid = name.partition(":")
    return field_title(field) + colon + guid


class FieldLists:
    """The options box's field lists, a box per field each may name."""

    def _field_list(self, option: OptionDef, value: object, box: QWidget) -> QWidget:
        """A check box per field the option may name, the chosen ones checked; a custom field
        only as the configuration names it (custom:GUID), a GUID being nothing to tick."""
        chosen = list(value) if isinstance(value, list) else []
        first = not self.field_list_checks
        checks = self.field_list_checks[option.name] = {}
        holder = QWidget(box)
        outer = QVBoxLayout(holder)
        outer.setContentsMargins(0, 0, 0, 0)
        boxes = QWidget(holder)  # custom fields' boxes are added to it, above the note
        column = QVBoxLayout(boxes)
        column.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(boxes)
        keyed = [name for name in chosen if name.split(":")[0] in KEYED_FIELDS and ":" in name]
        for name in [*(c for c in option.choices if c not in KEYED_FIELDS), *keyed]:
            check = self._add_check(option.name, name, first, column)
            with signals_blocked(check):  # filled in, not ticked: warnings follow once built
                check.setChecked(name in chosen)
        if first:
            self.search_checks = checks
        if any(c in KEYED_FIELDS for c in option.choices):
            self._keyed_lists[option.name] = column
        note = self.field_list_notes[option.name] = QLabel(holder)
        note.setObjectName(f"notFed_{option.name}")
        note.setWordWrap(True)
        note.setTextFormat(Qt.TextFormat.PlainText)
        text_colour(note, Text.WARNING)
        note.hide()
        outer.addWidget(note)
        return holder

    def _add_check(self, option: str, name: str, first: bool, column: QVBoxLayout) -> QCheckBox:
        """A field list's box for one field (``custom:GUID`` read "Custom field:GUID")."""
        check = QCheckBox(check_text(name), column.parentWidget())
        check.setObjectName(f"search_{name}" if first else f"search_{option}_{name}")
        column.addWidget(check)
        self.field_list_checks[option][name] = check
        self._follow_hand(check)
        check.toggled.connect(lambda *_: self.update_warning())  # ticked or not, Next follows
        return check

    def _update_keyed_checks(self) -> None:
        """A box in each field list that may name one for every custom field a column feeds
        (custom:GUID); an unticked box for one no column feeds any more goes."""
        fed = [name for name in (r.bound() for r in self.rows) if ":" in name]
        first = next(iter(self.field_list_checks), None)
        for option, column in self._keyed_lists.items():
            checks = self.field_list_checks[option]
            for name in [n for n in checks if ":" in n and n not in fed]:
                if not checks[name].isChecked():
                    checks.pop(name).deleteLater()
            for name in fed:
                if name not in checks:
                    self._add_check(option, name, option == first, column)

    def _rename_keyed_check(self, before: str, after: str | None) -> None:
        """The boxes for ``before`` now name ``after`` (ticked as they were); gone for None."""
        for option in self._keyed_lists:
            checks = self.field_list_checks[option]
            check = checks.pop(before, None)
            if check is None:
                continue
            if after is None or after in checks:
                check.deleteLater()
                continue
            check.setText(check_text(after))
            first = option == next(iter(self.field_list_checks))
            check.setObjectName(f"search_{after}" if first else f"search_{option}_{after}")
            checks[after] = check
