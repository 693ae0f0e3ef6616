"""What the mapping chosen on the page feeds and lacks, as the core finds it."""

from __future__ import annotations

from importer_gui.core.binding import (
    MappingProblems,
    checked_field_lists,
    mapping_problems,
    option_not_fed,
)
from importer_gui.core.catalogue import IGNORED_COLUMN
from importer_gui.core.config import KEYED_FIELDS, Action, Column
from importer_gui.ui.messages_text import message_text
from importer_gui.ui.pages.base import first_action


class MappingChoices:
    """The fields the page's columns feed, and what the core finds wrong with that."""

    def mapped_fields(self) -> list[str]:
        """The fields the columns feed, in column order (ignored columns left out)."""
        return [f for f in self.column_fields() if f != IGNORED_COLUMN]

    def column_fields(self) -> list[str]:
        """The field each column feeds, in column order (ignored columns too)."""
        return [r.field for r in self.rows]

    def set_field(self, column: int, field: str) -> None:
        """Choose a column's field (as the user would in its combo)."""
        if self.rows[column].field != field:
            self._choose(column, field)

    def guid_of(self, column: int) -> str:
        """The custom-field GUID given for a column."""
        return self.rows[column].guid

    def set_guid(self, column: int, guid: str) -> None:
        """Give a column's custom-field GUID (as the user would type it)."""
        if self.rows[column].guid != guid:
            self._name(column, guid)

    def problems(self) -> MappingProblems:
        """What the core finds wrong with the mapping as chosen now (a custom field by its
        GUID: two columns with the same GUID feed it twice), field lists as Next writes
        them: one left unset is held to what the check holds it to."""
        if self.spec is None:
            return MappingProblems()
        action = first_action(self.current_import()) or Action(self.spec.name)
        ticked = Action(self.spec.name)  # the lists as Next writes them (_save_options)
        for option in self.spec.field_lists():
            chosen = self._ticked(option, action)
            ticked.set_option(option.name, self._written(action, option, chosen))
        return mapping_problems(self.spec, [r.bound() for r in self.rows],
                                checked_field_lists(self.spec, ticked))

    def unfed_lists(self) -> dict[str, list[str]]:
        """The check's words, by field-list option, for each field it names that no column
        feeds: no going on with them, as the check refuses the mapping before any row."""
        assert self.spec is not None
        said: dict[str, list[str]] = {}
        for option, field in self.problems().unfed_lists:
            said.setdefault(option, []).append(
                message_text(option_not_fed(self.spec.name, option, field)))
        return said

    def columns_without_guid(self) -> list[int]:
        """The places (1-based) of the columns feeding a custom field with no GUID given."""
        return [place for place, row in enumerate(self.rows, start=1)
                if row.field in KEYED_FIELDS and not row.guid.strip()]

    def missing_mandatory(self) -> list[str]:
        """Mandatory fields no column feeds that the import may go on without (a field
        another fed field makes unneeded is not missing: the catalogue says which)."""
        if self.spec is None:
            return []
        needed = self.needed_fields()
        return [name for name in self.spec.missing_mandatory(set(self.mapped_fields()))
                if name not in needed]

    def needed_fields(self) -> set[str]:
        """The fields no column feeds that the import cannot go on without (the check's
        rule: rows are found by them), each of a group that none of its fields feeds."""
        return {name for group in self.problems().not_without for name in group}

    def unfed_saved(self) -> list[Column]:
        """The saved mapping's columns this file lacks whose field no column feeds now."""
        mapped = set(self.mapped_fields())
        return [c for c in self.saved_missing if c.field not in mapped]

    def unfed(self) -> tuple[str, ...]:
        """What the user goes on without, if they say so: the mandatory fields no column
        feeds and the fields the saved mapping fed that no column feeds any more, but for
        those the import cannot go on without."""
        missing, needed = self.missing_mandatory(), self.needed_fields()
        return (*missing, *(c.field for c in self.unfed_saved()
                            if c.field not in missing and c.field not in needed))

    def duplicates(self) -> list[str]:
        """Fields fed by more than one column."""
        return self.problems().duplicates
