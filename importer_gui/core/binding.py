"""Binding an import's columns to each action's fields, once per check.

The result says, for every field an action uses, which column holds it, whether it must be
filled and which codes mean what. A configuration that cannot work with its file (a key field
no column holds, a field mapped twice) is a ConfigError here, before any row is read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from importer_gui.core.catalogue import ACTIONS, IGNORED_COLUMN, ActionSpec, FieldDef
from importer_gui.core.config import Action, Column, FieldOptions, Import
from importer_gui.core.errors import ConfigError
from importer_gui.core.values import date_pattern


@dataclass(frozen=True, slots=True)
class BoundField:
    """A field an action reads from one column of the file."""

    name: str
    index: int
    spec: FieldDef
    mandatory: bool
    codes: dict[str, str]  # meaning -> code in the file
    meanings: dict[str, str]  # code in the file -> meaning


@dataclass
class BoundAction:
    """An action ready to run on rows: its fields, options and date pattern."""

    spec: ActionSpec
    config: Action
    fields: dict[str, BoundField]
    date_pattern: str
    date_format: str
    search_fields: list[str] = field(default_factory=list)
    full_access: bool = True
    # Cells a row needs to hold every field; shorter rows are read as if padded with "".
    width: int = 0
    # Each field's (name, column, mandatory, limit, converter, known values), built by the
    # row reader on first use.
    readers: list[tuple[str, int, bool, int, Any, dict[Any, Any]]] | None = field(
        default=None, repr=False, compare=False)

    @property
    def name(self) -> str:
        """The action's XML name."""
        return self.spec.name

    def has(self, name: str) -> bool:
        """True when the file holds the field for this action."""
        return name in self.fields


def _column_positions(columns: list[Column]) -> dict[str, int]:
    """field -> column index; a field mapped to two columns is an error."""
    positions: dict[str, int] = {}
    for index, column in enumerate(columns):
        if column.field == IGNORED_COLUMN:
            continue
        if column.field in positions:
            raise ConfigError(
                f"Field {column.field} is mapped to two columns "
                f"({positions[column.field] + 1} and {index + 1}) in <columnsMapping>.")
        positions[column.field] = index
    return positions


def _merged(spec: FieldDef, *layers: FieldOptions | None) -> tuple[bool, dict[str, str]]:
    """Mandatory flag and codes: defaults, then columnsMapping, then the action's fields."""
    mandatory = spec.mandatory
    codes = spec.default_codes
    for options in layers:
        if options is None:
            continue
        if options.mandatory is not None:
            mandatory = options.mandatory
        codes.update(options.codes)
    return mandatory, codes


def bind_action(action: Action, columns: list[Column], date_format: str) -> BoundAction:
    """Bind one action to the file's columns."""
    spec = ACTIONS.get(action.name)
    if spec is None:
        raise ConfigError(f"Unknown action <{action.name}>.")
    positions = _column_positions(columns)
    listed = {f.name: f.options for f in action.fields} if action.fields is not None else None
    bound: dict[str, BoundField] = {}
    for name, index in positions.items():
        fdef = spec.by_name.get(name)
        if fdef is None or (listed is not None and name not in listed):
            continue
        mandatory, codes = _merged(fdef, columns[index].options,
                                   listed.get(name) if listed else None)
        bound[name] = BoundField(name, index, fdef, mandatory, codes,
                                 {code: meaning for meaning, code in codes.items()})
    search = list(action.search_fields)
    search_option = spec.option("sessionSearchField")
    if not search and search_option is not None:
        search = [search_option.default]
    result = BoundAction(spec, action, bound, date_pattern(date_format), date_format, search,
                         True if action.full_access is None else action.full_access,
                         1 + max((f.index for f in bound.values()), default=-1))
    _check_required_columns(result)
    return result


def _check_required_columns(action: BoundAction) -> None:
    """Key fields, one-of groups and search fields must have a column."""
    name = action.name
    for key in action.spec.key_fields:
        if not action.has(key):
            raise ConfigError(f"<{name}> needs a column for {key}, and the file has none.")
    groups: dict[str, list[str]] = {}
    for fdef in action.spec.fields:
        if fdef.one_of:
            groups.setdefault(fdef.one_of, []).append(fdef.name)
    for members in groups.values():
        if not any(action.has(m) for m in members):
            raise ConfigError(f"<{name}> needs a column for {' or '.join(members)}, "
                              "and the file has none.")
    for search in action.search_fields:
        if not action.has(search):
            raise ConfigError(f"<{name}>: sessionSearchField names {search}, "
                              "but no column of the file holds it.")


def bind_import(imp: Import) -> list[BoundAction]:
    """Bind every action of an import to its file's columns."""
    columns = imp.provider.columns
    if not columns:
        raise ConfigError("<columnsMapping> lists no column.")
    return [bind_action(a, columns, imp.provider.date_format) for a in imp.actions]
