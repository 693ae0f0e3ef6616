"""Binding an import's columns to each action's fields, once per check.

The result says, for every field an action uses, which column holds it, whether it must be
filled and which codes mean what. A configuration that cannot work with its file (a key field
no column holds, a field mapped twice) is a ConfigError here, before any row is read; the
mapping page asks ``mapping_problems`` the same questions while the user maps.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from importer_gui.core.catalogue import (
    ACTIONS,
    COLUMNS_MAPPING,
    FULL_ACCESS,
    IGNORED_COLUMN,
    NO,
    SESSION_SEARCH_FIELD,
    SESSION_SEARCH_FIELDS,
    ActionSpec,
    FieldDef,
    Kind,
    OptionKind,
)
from importer_gui.core.config import Action, Column, FieldOptions, Import, OptionValue
from importer_gui.core.errors import ConfigError
from importer_gui.core.values import date_pattern


class KeyText(IntEnum):
    """Whether a text field's value finds records (false for NONE)."""

    NONE = 0
    KEY = 1  # compared after Unicode NFC normalisation ("café" typed two ways is one value)
    CODE = 2  # a code or login: in NFC too, and invisible characters in it are warned about


# The store columns that hold codes and logins, which people type and records are found by.
_CODE_COLUMNS = frozenset({"login", "path_code", "guid"})


def key_text(spec: FieldDef) -> KeyText:
    """What a field's text is to the records it names."""
    if spec.kind is not Kind.STRING:
        return KeyText.NONE
    if spec.column in _CODE_COLUMNS:
        return KeyText.CODE
    return KeyText.KEY if spec.name in SESSION_SEARCH_FIELDS else KeyText.NONE


@dataclass(frozen=True, slots=True)
class BoundField:
    """A field an action reads from one column of the file."""

    name: str
    index: int
    spec: FieldDef
    mandatory: bool
    codes: dict[str, str]  # meaning -> code in the file
    meanings: dict[str, str]  # code in the file -> meaning
    key_text: KeyText = KeyText.NONE


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
    # Each field's (name, column, mandatory, limit, converter, known values, key text),
    # built by the row reader on first use.
    readers: list[tuple[str, int, bool, int, Any, dict[Any, Any], KeyText]] | None = field(
        default=None, repr=False, compare=False)

    @property
    def name(self) -> str:
        """The action's XML name."""
        return self.spec.name

    def has(self, name: str) -> bool:
        """True when the file holds the field for this action."""
        return name in self.fields


@dataclass(frozen=True, slots=True)
class MappingProblems:
    """What keeps a mapping of columns to fields from working, as plain values."""

    # A field fed by a second column: (field, its first column, this column), 0-based.
    twice: tuple[tuple[str, int, int], ...] = ()
    missing_keys: tuple[str, ...] = ()  # key fields no column feeds
    missing_mandatory: tuple[str, ...] = ()  # mandatory fields no column feeds
    missing_groups: tuple[tuple[str, ...], ...] = ()  # one_of groups none of whose is fed
    missing_search: tuple[str, ...] = ()  # search fields no column feeds

    @property
    def duplicates(self) -> list[str]:
        """Fields fed by more than one column, sorted."""
        return sorted({name for name, _, _ in self.twice})


def mapping_problems(spec: ActionSpec, fields: Sequence[str], search_fields: Sequence[str] = (),
                     listed: Collection[str] | None = None) -> MappingProblems:
    """The problems of feeding ``spec`` from columns holding ``fields``, in file order.

    ``listed`` is the action's ``<fields>`` (None: every column applies); ``search_fields``
    the session search fields in use.
    """
    first: dict[str, int] = {}
    twice: list[tuple[str, int, int]] = []
    for index, name in enumerate(fields):
        if name == IGNORED_COLUMN:
            continue
        if name in first:
            twice.append((name, first[name], index))
        else:
            first[name] = index
    fed = {name for name in first
           if name in spec.by_name and (listed is None or name in listed)}
    return MappingProblems(
        tuple(twice),
        tuple(k for k in spec.key_fields if k not in fed),
        tuple(f.name for f in spec.fields if f.mandatory and f.name not in fed),
        tuple(group for group in spec.groups() if fed.isdisjoint(group)),
        tuple(s for s in search_fields if s not in fed))


def option_value(spec: ActionSpec, action: Action, name: str) -> OptionValue:
    """An option's value as it applies: as configured, else the catalogue's default.

    None when the action has no such option.
    """
    option = spec.option(name)
    if option is None:
        return None
    value = action.option(name)
    if value is not None:
        return value
    return [option.default] if option.kind is OptionKind.FIELD_LIST else option.default


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


def configured_codes(spec: FieldDef, action: Action, columns: list[Column]) -> dict[str, str]:
    """meaning -> code for one field, as a check reads it: defaults, columns, then fields."""
    column = next((c.options for c in columns if c.field == spec.name), None)
    listed = next((f.options for f in action.fields or [] if f.name == spec.name), None)
    return _merged(spec, column, listed)[1]


def bind_action(action: Action, columns: list[Column], date_format: str) -> BoundAction:
    """Bind one action to the file's columns."""
    spec = ACTIONS.get(action.name)
    if spec is None:
        raise ConfigError(f"Unknown action <{action.name}>.")
    listed = {f.name: f.options for f in action.fields} if action.fields is not None else None
    search = option_value(spec, action, SESSION_SEARCH_FIELD)
    search_fields = list(search) if isinstance(search, list) else []
    _raise_first(spec, mapping_problems(spec, [c.field for c in columns], search_fields,
                                        listed))
    bound: dict[str, BoundField] = {}
    for index, column in enumerate(columns):
        fdef = spec.by_name.get(column.field)
        if fdef is None or (listed is not None and column.field not in listed):
            continue
        mandatory, codes = _merged(fdef, column.options,
                                   listed.get(column.field) if listed else None)
        bound[column.field] = BoundField(column.field, index, fdef, mandatory, codes,
                                         {code: meaning for meaning, code in codes.items()},
                                         key_text(fdef))
    return BoundAction(spec, action, bound, date_pattern(date_format), date_format,
                       search_fields, option_value(spec, action, FULL_ACCESS) != NO,
                       1 + max((f.index for f in bound.values()), default=-1))


def _raise_first(spec: ActionSpec, problems: MappingProblems) -> None:
    """A field mapped twice, then key fields, one-of groups and search fields with no column."""
    name = spec.name
    if problems.twice:
        field_name, first, second = problems.twice[0]
        raise ConfigError(f"Field {field_name} is mapped to two columns ({first + 1} and "
                          f"{second + 1}) in <{COLUMNS_MAPPING}>.")
    if problems.missing_keys:
        raise ConfigError(f"<{name}> needs a column for {problems.missing_keys[0]}, and the "
                          "file has none.")
    if problems.missing_groups:
        raise ConfigError(f"<{name}> needs a column for "
                          f"{' or '.join(problems.missing_groups[0])}, and the file has none.")
    if problems.missing_search:
        raise ConfigError(f"<{name}>: {SESSION_SEARCH_FIELD} names "
                          f"{problems.missing_search[0]}, but no column of the file holds it.")


def bind_import(imp: Import) -> list[BoundAction]:
    """Bind every action of an import to its file's columns."""
    columns = imp.provider.columns
    if not columns:
        raise ConfigError(f"<{COLUMNS_MAPPING}> lists no column.")
    return [bind_action(a, columns, imp.provider.date_format) for a in imp.actions]
