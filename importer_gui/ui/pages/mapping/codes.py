"""The mapping page's value mappings: a box of codes per coded field, and where Next writes them."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit

from importer_gui.core.binding import configured_codes
from importer_gui.core.catalogue import FieldDef
from importer_gui.core.catalogue.actions import PARAMETER_MAPPINGS
from importer_gui.core.config import Action
from importer_gui.ui.i18n import arg
from importer_gui.ui.labels import code_title, field_title
from importer_gui.ui.pages.mapping.options import wrapping_form


class CodesBoxes:
    """The page's boxes of codes, one per coded field."""

    def _parameter_mappings(self) -> tuple[str, ...]:
        """The action's fields whose value mappings go in its <parameters> block."""
        return PARAMETER_MAPPINGS.get(self.spec.name, ()) if self.spec is not None else ()

    def _codes_box(self, field: FieldDef, action: Action) -> QGroupBox:
        """One code per meaning for a coded field, as a check would read them now."""
        box = QGroupBox(arg(self.tr("Codes in the file for %1"), field_title(field.name)),
                        self.side_widget)
        box.setObjectName(f"codes_{field.name}")
        form = wrapping_form(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        current = configured_codes(field, action, self.current_import().provider.columns)
        # Said while no column feeds the field: its codes are greyed out for that reason.
        note = QLabel(arg(self.tr("Not used: no column feeds %1. Choose it for a column above "
                                  "to set its codes."), field_title(field.name)), box)
        note.setObjectName(f"codes_note_{field.name}")
        note.setWordWrap(True)
        form.addRow(note)
        self.code_notes[field.name] = note
        edits: dict[str, QLineEdit] = {}
        for meaning, default in field.codes:
            edit = QLineEdit(current.get(meaning, default), box)
            edit.setPlaceholderText(default)
            edit.setObjectName(f"code_{field.name}_{meaning}")
            edit.setToolTip(arg(self.tr("Default: %1"), default))
            self._follow_hand(edit)
            # A default that is the meaning's own name (trackingStatus) is not said twice.
            shown = "" if default == meaning else default
            form.addRow(self._option_label(code_title(meaning), shown), edit)
            edits[meaning] = edit
        self.code_edits[field.name] = edits
        return box

    def _update_codes_enabled(self) -> None:
        """Value mappings only matter for a field some column feeds."""
        mapped = set(self.mapped_fields())
        for name, edits in self.code_edits.items():
            for edit in edits.values():
                edit.setEnabled(name in mapped)
            self.code_notes[name].setVisible(name not in mapped)

    def _save_parameter_codes(self, action: Action) -> None:
        """The codes of a field whose value mappings go in <parameters> (trackingStatus), as
        typed: a meaning whose code is what the document gives below <parameters> (defaults,
        columns) is left empty there, kept only where the document had it."""
        assert self.spec is not None
        columns = self.current_import().provider.columns
        for name in self._parameter_mappings():
            edits = self.code_edits.get(name)
            definition = self.spec.by_name[name]
            if edits is None:
                continue
            codes = {m: e.text().strip() or e.placeholderText() for m, e in edits.items()}
            if codes == configured_codes(definition, action, columns):
                continue  # as the document has them: left as written
            below = configured_codes(definition, Action(action.name), columns)
            before = action.parameter_codes.get(name, {})
            mapping = {m: (codes[m] if codes[m] != below[m] else "") for m in codes
                       if m in before or codes[m] != below[m]}
            if any(mapping.values()) or before:
                action.parameter_codes[name] = mapping
            for entry in action.fields or []:  # <fields> would override <parameters>
                if entry.name == name and entry.options.codes:
                    entry.options = replace(entry.options, codes={})
