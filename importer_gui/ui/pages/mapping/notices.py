"""The mapping page's notices: what the mapping lacks, and how a saved one met the file."""

from __future__ import annotations

from importer_gui.core.catalogue import IGNORED_COLUMN
from importer_gui.core.config import Column
from importer_gui.ui.i18n import arg
from importer_gui.ui.labels import field_title
from importer_gui.ui.widgets.signals import signals_blocked


class MappingNotices:
    """The page's warning, its saved mapping's changes and its field lists' notes."""

    def _show_changes(self) -> None:
        """Say how the saved mapping met this file's columns, when they are not as saved, and
        which new column is proposed for a missing one while the user has not chosen; once
        they have, what they chose: the column taken in its place, or none."""
        laid, proposed = self._laid, self._proposed
        if laid is None or not laid.changed:
            self.changes_label.hide()
            return
        lines = [self.tr("The saved mapping was matched to this file's columns by their "
                         "headers.")]
        if laid.moved:
            lines.append(arg(self.tr("Moved: %1."), ", ".join(
                arg(self.tr("“%1” (column %2 → %3)"), m.header, m.before + 1,
                    m.after + 1) for m in laid.moved)))
        # A new column mapped (by the user, or proposed for a missing one) is not skipped.
        new = [(place, header) for place, header in laid.new
               if self._field_at(place) == IGNORED_COLUMN]
        if new:
            lines.append(arg(self.tr("New, skipped unless you map them: %1.", "", len(new)),
                             ", ".join(arg(self.tr("“%1” (column %2)"), header, place + 1)
                                       for place, header in new)))
        taken = {c.field: self._feeding(c.field) for c in laid.missing}
        needed = self.needed_fields()
        missing = [c for c in laid.missing if taken[c.field] is None]
        for columns, text in (
                ([c for c in missing if c.field not in needed], self._missing_text),
                ([c for c in missing if c.field in needed], self._missing_needed_text)):
            if columns:
                lines.append(arg(text(len(columns)), ", ".join(
                    arg(self.tr("“%1” (%2)"), c.header or "", field_title(c.field))
                    for c in columns)))
        instead = [(place, c) for c in laid.missing if (place := taken[c.field]) is not None]
        if instead:
            lines.append(arg(self.tr("Fed now from another column: %1."),
                             ", ".join(arg(self.tr("“%1” (column %2) for “%3” (%4)"),
                                           self.rows[place].header or "", place + 1,
                                           c.header or "", field_title(c.field))
                                       for place, c in instead)))
        guessed = [(place, column) for place, column in sorted(proposed.items())
                   if place < len(self.rows) and self.rows[place].guessed]
        if guessed:
            lines.append(arg(self.tr("Perhaps renamed, proposed in italics: %1."), ", ".join(
                arg(self.tr("“%1” (column %2) for %3"), laid.columns[place].header or "",
                    place + 1, field_title(column.field))
                for place, column in guessed)))
        self.changes_label.setText("\n".join(lines))
        self.changes_label.show()

    def _missing_text(self, count: int) -> str:
        """The notice's line for the saved columns missing that no column feeds: what to do,
        or, once the user ticked Go on without it, that they go on without them."""
        if self.confirm_check.isChecked():
            return self.tr("Missing from this file: %1. The saved mapping fed them; you go on "
                           "without them.", "", count)
        return self.tr("Missing from this file: %1. The saved mapping fed them; map another "
                       "column to them or go on without them.", "", count)

    def _missing_needed_text(self, count: int) -> str:
        """The notice's line for the saved columns missing whose field the import cannot go
        on without: another column must feed it."""
        return self.tr("Missing from this file: %1. The saved mapping fed them, and the "
                       "import cannot go on without them: map other columns to them.", "",
                       count)

    def _field_at(self, place: int) -> str:
        """The field a column of the file feeds now."""
        return self.rows[place].field if place < len(self.rows) else ""

    def _feeding(self, field: str) -> int | None:
        """The place of the column feeding ``field`` now, if any; a guess the user has yet
        to look at is not taken."""
        return next((place for place, row in enumerate(self.rows)
                     if not row.guessed and row.field == field), None)

    def update_warning(self) -> None:
        """Say which mandatory fields are not fed and which are fed twice; nothing of the
        mapping when the file could not be read: its columns are not known."""
        if self._unread is not None:
            self.warning_label.hide()
            self.confirm_check.hide()
            self.changes_label.hide()
            self.completeChanged.emit()
            return
        lines: list[str] = []
        duplicates = self.duplicates()
        if duplicates:
            lines.append(arg(self.tr("Fed by more than one column: %1. Choose one column each."),
                             ", ".join(duplicates)))
        unnamed = self.columns_without_guid()
        if unnamed:
            lines.append(arg(self.tr("Give the GUID of the custom field fed by column %1."),
                             ", ".join(str(place) for place in unnamed)))
        missing = self.missing_mandatory()
        if missing:
            lines.append(arg(self.tr("No column feeds these mandatory fields: %1. Rows cannot "
                                     "be matched or checked on them.", "", len(missing)),
                             ", ".join(missing)))
        unfed = self.unfed()
        self.confirm_check.setVisible(bool(unfed))
        self.confirm_check.setText(self.tr("&Go on without them", "", len(unfed)))
        if unfed != self.session.missing_accepted():
            with signals_blocked(self.confirm_check):  # other fields missing: ask again
                self.confirm_check.setChecked(False)
        lines += self._needed_lines()
        # As check refuses the saved mapping on this file: no going on without a word.
        needed = self.needed_fields()
        lines += [self._unfed_line(c) for c in self.unfed_saved() if c.field not in needed]
        lines += self._show_unfed_lists()
        self.warning_label.setText("\n".join(lines))
        self.warning_label.setVisible(bool(lines))
        self._show_changes()  # its missing columns follow the box too
        self.completeChanged.emit()

    def _show_unfed_lists(self) -> list[str]:
        """Say at each field list the fields it names that no column feeds, in the check's
        words; the same lines for the warning above the columns."""
        said = self.unfed_lists() if self.spec is not None else {}
        for option, note in self.field_list_notes.items():
            note.setText("\n".join(said.get(option, [])))
            note.setVisible(option in said)
        return [line for lines in said.values() for line in lines]

    def _needed_lines(self) -> list[str]:
        """What the warning says of each field (or group) the import cannot go on without:
        that no column feeds it, from which saved column it was fed, and why it is needed."""
        return [self._needed_line(group, next((c for c in self.unfed_saved() if c.field in group),
                                              None))
                for group in self.problems().not_without]

    def _needed_line(self, group: tuple[str, ...], saved: Column | None) -> str:
        """The warning's line for a field, or a group of fields any one of which would do,
        that no column feeds; ``saved``: the column the saved mapping fed it from."""
        fields = self.tr(" or ").join(field_title(name) for name in group)
        if len(group) > 1:
            if saved is None:
                return arg(self.tr(
                    "No column feeds %1. The check finds each row's records by one of them, so "
                    "the import cannot go on with none: map a column to one of them."), fields)
            return arg(self.tr(
                "No column feeds %1 any more: the saved mapping fed %2 from the column “%3”, "
                "which this file lacks. The check finds each row's records by one of them, so "
                "the import cannot go on with none: map a column to one of them."),
                fields, field_title(saved.field), saved.header or "")
        if saved is None:
            return arg(self.tr(
                "No column feeds %1. The check finds each row's records by it, so the import "
                "cannot go on without it: map a column to it."), fields)
        return arg(self.tr(
            "No column feeds %1 any more: the saved mapping fed it from the column “%2”, which "
            "this file lacks. The check finds each row's records by it, so the import cannot "
            "go on without it: map a column to it."), fields, saved.header or "")

    def _unfed_line(self, column: Column) -> str:
        """What the warning says of a field the saved mapping fed that no column feeds now:
        what to do, or, once the user said so, that they go on without it."""
        if self.confirm_check.isChecked():
            return arg(self.tr("No column feeds %1 any more: the saved mapping fed it from the "
                               "column “%2”, which this file lacks. You go on without it."),
                       field_title(column.field), column.header or "")
        return arg(self.tr("No column feeds %1 any more: the saved mapping fed it from the "
                           "column “%2”, which this file lacks. Map a column to it, or go on "
                           "without it."), field_title(column.field), column.header or "")

    def _confirmed(self, checked: bool) -> None:
        """The user goes on without the missing fields: for this import and these fields;
        the notices say so at once."""
        self.session.accept_missing(self.unfed() if checked else None)
        self.update_warning()
