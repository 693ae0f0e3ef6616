"""Binding an import's columns to each action's fields, once per check.

The result says, for every field an action uses, which column holds it, whether it must be
filled and which codes mean what. A configuration that cannot work with its file (a key field
no column holds, a field mapped twice, a search option naming a field no column holds) is a
ConfigError here, before any row is read; the mapping page asks ``mapping_problems`` the same
questions while the user maps.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
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
    YES,
    ActionSpec,
    FieldDef,
    Kind,
    OptionDef,
    OptionKind,
    field_def,
)
from importer_gui.core.catalogue.document import DATE_TIME_FORMAT
from importer_gui.core.config import (
    KEYED_BY,
    Action,
    Column,
    FieldOptions,
    Import,
    OptionValue,
    Origin,
    code_clash,
    code_layers,
    field_key,
)
from importer_gui.core.errors import QT_TRANSLATE_NOOP, ConfigError
from importer_gui.core.values import date_pattern, parse_int

# The mapping's errors, in English; the window shows them in the user's language.
UNKNOWN_ACTION = QT_TRANSLATE_NOOP("errors", "Unknown action <{action}>.")
MAPPED_TWICE = QT_TRANSLATE_NOOP("errors", "Field {field} is mapped to two columns ({first} and "
                                           "{second}) in <{element}>.")
NO_COLUMN_FOR = QT_TRANSLATE_NOOP("errors", "<{action}> needs a column for {needed}, and the file "
                                            "has none.")
OPTION_NOT_FED = QT_TRANSLATE_NOOP("errors", "<{action}>: {option} names {field}, but no column "
                                             "of the file holds it.")
NO_COLUMNS = QT_TRANSLATE_NOOP("errors", "<{element}> lists no column.")
KEY_NOT_SAID = QT_TRANSLATE_NOOP("errors", "Column {column} of <{element}> holds a {field} field "
                                           "but no <{key}> says which: give it one, in the "
                                           "column or in the action's <fields>.")


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
    # The field element's settings (registerFlag's keepSession, custom's guid).
    settings: dict[str, str] = field(default_factory=dict)
    # The configuration's name for the column when it is not the field's (an export's
    # firstLaunchDate, read as firstAccessDate): what messages call it.
    label: str = ""

    @property
    def shown(self) -> str:
        """How messages name the field: as the configuration names its column."""
        return self.label or self.name


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
    # Options and parameters as answered once: handlers ask on every row, and the answer
    # cannot change during a check.
    _answers: dict[tuple[str, str], Any] = field(default_factory=dict, init=False, repr=False,
                                                 compare=False)

    @property
    def name(self) -> str:
        """The action's XML name."""
        return self.spec.name

    def has(self, name: str) -> bool:
        """True when the file holds the field for this action."""
        return name in self.fields

    def _answer(self, kind: str, name: str, work: Any) -> Any:
        """``work(name)``, worked out once per option."""
        key = (kind, name)
        answers = self._answers
        if key not in answers:
            answers[key] = work(name)
        return answers[key]

    def field_list(self, name: str) -> list[str]:
        """A field-list option's fields, as configured, else its default ([] for none)."""
        return list(self._answer("list", name, self._field_list))

    def _field_list(self, name: str) -> tuple[str, ...]:
        value = self.config.option(name)
        if isinstance(value, list):
            return tuple(value)
        option = self.spec.option(name)
        return tuple(default_fields(option)) if option is not None else ()

    def option_text(self, name: str) -> str | None:
        """A simple option's text as configured (in <options>, else in <parameters>), else
        its default; None when neither gives one."""
        return self._answer("text", name, self._option_text)

    def _option_text(self, name: str) -> str | None:
        value = self.config.option(name)
        if value is None:
            value = self.config.parameter(name)
        if isinstance(value, str):
            return value
        return self._default(self.spec.option(name) or self.spec.parameter(name))

    def option_int(self, name: str) -> int | None:
        """A whole-number option (defaultEntityId), or None when unset or not a number."""
        value = self.option_text(name)
        return None if value is None else parse_int(value)

    def option_yes(self, name: str) -> bool:
        """True when a yes/no option says yes (as configured, else by default)."""
        return (self.option_text(name) or "").lower() == YES

    def parameter(self, name: str) -> str | None:
        """A parameter's text as configured (in <parameters>, else in <options>), else its
        default; None when neither gives one."""
        return self._answer("parameter", name, self._parameter)

    def _parameter(self, name: str) -> str | None:
        value = self.config.parameter(name)
        if value is None:
            option_value = self.config.option(name)
            value = option_value if isinstance(option_value, str) else None
        if value is not None:
            return value
        return self._default(self.spec.parameter(name) or self.spec.option(name))

    def repeated(self, name: str) -> list[str]:
        """The bound names of a repeatable field (hierarchyEntityName, hierarchyEntityName#2;
        custom:GUID...), in column order."""
        return list(self._answer("repeated", name, self._repeated))

    def _repeated(self, name: str) -> tuple[str, ...]:
        return tuple(bound for bound in self.fields if base_name(bound) == name)

    @staticmethod
    def _default(option: OptionDef | None) -> str | None:
        return option.default or None if option is not None else None


# What each format reads: the provider's dateFormat an action's dates, its dateTimeFormat its
# dates and times (a date and time field never reads dateFormat: without a dateTimeFormat it
# is read as ISO 8601).
_FORMAT_KINDS = {"dateFormat": Kind.DATE, DATE_TIME_FORMAT: Kind.DATETIME}


def fields_read_by(spec: ActionSpec, format_name: str) -> tuple[str, ...] | None:
    """The fields of ``spec`` the format ``format_name`` reads (none may); None when that
    option is no date format."""
    kind = _FORMAT_KINDS.get(format_name)
    if kind is None:
        return None
    return tuple(f.name for f in spec.fields if f.kind is kind)


def date_time_format(action: Action) -> str | None:
    """The dateTimeFormat an action reads its dates and times in: the one it is given (in
    <parameters>, else <options>), else its documented default; None for ISO 8601."""
    for written in (action.parameter(DATE_TIME_FORMAT), action.option(DATE_TIME_FORMAT)):
        if isinstance(written, str) and written:
            return written
    spec = ACTIONS.get(action.name)
    documented = spec.parameter(DATE_TIME_FORMAT) if spec is not None else None
    # The platform reads an action's dates in its default format when the file states none.
    return documented.default or None if documented is not None else None


@dataclass(frozen=True, slots=True)
class MappingProblems:
    """What keeps a mapping of columns to fields from working, as plain values."""

    # A field fed by a second column: (field, its first column, this column), 0-based.
    twice: tuple[tuple[str, int, int], ...] = ()
    missing_keys: tuple[str, ...] = ()  # key fields no column feeds
    missing_mandatory: tuple[str, ...] = ()  # mandatory fields no column feeds
    missing_groups: tuple[tuple[str, ...], ...] = ()  # one_of groups none of whose is fed
    # A field-list option naming a field no column feeds: (option, field), as listed.
    unfed_lists: tuple[tuple[str, str], ...] = ()

    @property
    def duplicates(self) -> list[str]:
        """Fields fed by more than one column, sorted."""
        return sorted({name for name, _, _ in self.twice})

    @property
    def not_without(self) -> tuple[tuple[str, ...], ...]:
        """What no column feeds that a check refuses the mapping without, each as the fields
        any one of which would do: a key field alone, a one-of group's fields. Rows are found
        by them, so no row could be checked: the mapping cannot go on without them."""
        return (*((key,) for key in self.missing_keys), *self.missing_groups)


def base_name(bound: str) -> str:
    """The field a bound name stands for: ``custom`` for ``custom:GUID``,
    ``hierarchyEntityName`` for ``hierarchyEntityName#2``."""
    return bound.partition(":")[0].partition("#")[0]


def default_fields(option: OptionDef) -> list[str]:
    """A field-list option's default fields (its default may list several, comma-separated)."""
    return [name.strip() for name in option.default.split(",") if name.strip()]


def mapping_problems(spec: ActionSpec, fields: Sequence[str],
                     field_lists: Mapping[str, Sequence[str]] | None = None,
                     listed: Collection[str] | None = None) -> MappingProblems:
    """The problems of feeding ``spec`` from columns holding ``fields``, in file order.

    ``fields`` are field names, or bound names (``custom:GUID``); ``listed`` is the action's
    ``<fields>`` names (None: every column applies); ``field_lists`` the field-list options
    a check holds to (``checked_field_lists``), each naming fields by bound name. A
    repeatable field (hierarchyEntityName, custom) may feed several columns; one custom
    field (one ``custom:GUID``) fed by two is fed twice.
    """
    first: dict[str, int] = {}
    twice: list[tuple[str, int, int]] = []
    for index, name in enumerate(fields):
        if name == IGNORED_COLUMN:
            continue
        if name in first and not _repeats(spec, name):
            twice.append((name, first[name], index))
        else:
            first.setdefault(name, index)
    bound = {name for name in first
             if base_name(name) in spec.by_name and (listed is None or base_name(name) in listed)}
    fed = bound | {base_name(name) for name in bound}
    return MappingProblems(
        tuple(twice),
        tuple(k for k in spec.key_fields if k not in fed),
        tuple(f.name for f in spec.fields if f.mandatory and f.name not in fed),
        tuple(group for group in spec.groups() if fed.isdisjoint(group)),
        # A list finds records by the values a column holds under the name it gives.
        tuple((option, name) for option, names in (field_lists or {}).items()
              for name in names if name not in bound))


def checked_field_lists(spec: ActionSpec, action: Action) -> dict[str, list[str]]:
    """The field-list options whose fields a check needs fed: those the document sets, and a
    mandatory one left at its default (a list not set otherwise finds nothing by them)."""
    lists: dict[str, list[str]] = {}
    for option in spec.field_lists():
        configured = action.option(option.name)
        if isinstance(configured, list):
            lists[option.name] = configured
        elif option.mandatory:
            lists[option.name] = default_fields(option)
    return lists


def option_not_fed(action: str, option: str, field: str) -> str:
    """The check's words for a field-list option naming a field no column feeds."""
    return OPTION_NOT_FED.format(action=action, option=option, field=field)


def _repeats(spec: ActionSpec, name: str) -> bool:
    """True when ``name`` may feed several columns: a repeatable field not told apart by a
    GUID (a custom field's GUID names one column)."""
    definition = spec.by_name.get(name)
    return definition is not None and definition.repeatable


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
    return default_fields(option) if option.kind is OptionKind.FIELD_LIST else option.default


def _merged(spec: FieldDef, *layers: FieldOptions | None, key: bool = False,
            ) -> tuple[bool, dict[str, str], dict[str, str]]:
    """Mandatory flag, codes and settings: defaults, then columnsMapping, the action's
    <parameters>, then its fields. A mapping left empty keeps the code below it. A mandatory
    ``key`` (the action's teacherLogin) stays so: without it a row has nothing to find."""
    mandatory = spec.mandatory
    codes = spec.default_codes
    settings: dict[str, str] = {}
    for options in layers:
        if options is None:
            continue
        if options.mandatory is not None:
            mandatory = options.mandatory or (key and spec.mandatory)
        codes.update((meaning, code) for meaning, code in options.codes.items() if code)
        settings.update(options.settings)
    return mandatory, codes, settings


def _parameter_layer(action: Action, name: str) -> FieldOptions | None:
    """A field's value mappings set in the action's <parameters>, as a layer."""
    codes = action.parameter_codes.get(name)
    return None if codes is None else FieldOptions(codes=codes)


def configured_codes(spec: FieldDef, action: Action, columns: list[Column]) -> dict[str, str]:
    """meaning -> code for one field, as a check reads it: defaults, columns, parameters,
    then fields."""
    column = next((c.options for c in columns if c.field == spec.name), None)
    listed = next((f.options for f in action.fields or [] if f.name == spec.name), None)
    return _merged(spec, column, _parameter_layer(action, spec.name), listed)[1]


def refuse_shared_codes(imp: Import) -> None:
    """A code that means two things in one field, refused as a document's reader refuses it
    (each column's codes, then the action's <parameters> over them, then its <fields>), for
    an import built without a document: ConfigError naming no line."""
    columns = ((c.field, c.field, _set_codes(c.options.codes)) for c in imp.provider.columns)
    actions = ((((name, name, _set_codes(codes)) for name, codes in a.parameter_codes.items()),
                ((f.name, f.name, _set_codes(f.options.codes)) for f in a.fields or []))
               for a in imp.actions)
    for name, under, over in code_layers(columns, actions):
        _refuse_clash(name, under, over)


def _set_codes(codes: Mapping[str, str]) -> dict[str, str]:
    """The codes a layer sets (one left empty keeps the code below it)."""
    return {meaning: code for meaning, code in codes.items() if code}


def _refuse_clash(name: str, under: Mapping[str, str], over: Mapping[str, str]) -> None:
    """Refuse when the codes set by ``under`` then ``over`` give one code two meanings."""
    spec = field_def(name)
    if spec is None or not (under or over):
        return
    found = code_clash(spec.name, spec.codes,
                       {meaning: (code, None) for meaning, code in {**under, **over}.items()})
    if found is not None:
        raise ConfigError(found[0])


def full_access(action: Action) -> bool:
    """Whether the action may change any record, not only those an import created
    (fullAccess, unless set to no)."""
    spec = ACTIONS.get(action.name)
    return spec is None or option_value(spec, action, FULL_ACCESS) != NO


def bind_action(action: Action, columns: list[Column], date_format: str) -> BoundAction:
    """Bind one action to the file's columns."""
    spec = ACTIONS.get(action.name)
    if spec is None:
        raise ConfigError(UNKNOWN_ACTION.format(action=action.name))
    listed = _listed(action)
    listed_names = None if listed is None else {base_name(key) for key in listed}
    names = bound_names(spec, columns, action)
    _raise_first(spec, mapping_problems(
        spec, [n or c.field for n, c in zip(names, columns, strict=True)],
        checked_field_lists(spec, action), listed_names))
    bound: dict[str, BoundField] = {}
    for index, (column, name) in enumerate(zip(columns, names, strict=True)):
        fdef = spec.by_name.get(column.field)
        if fdef is None or name is None:
            continue
        if listed_names is not None and column.field not in listed_names:
            continue
        listed_options = None if listed is None else listed.get(
            name if name in listed else column.field)
        mandatory, codes, settings = _merged(fdef, column.options,
                                             _parameter_layer(action, fdef.name),
                                             listed_options,
                                             key=fdef.name in spec.key_fields)
        bound[name] = BoundField(name, index, fdef, mandatory, codes,
                                 {code: meaning for meaning, code in codes.items()},
                                 key_text(fdef), settings)
    search = option_value(spec, action, SESSION_SEARCH_FIELD)
    search_fields = list(search) if isinstance(search, list) else []
    return BoundAction(spec, action, bound, date_pattern(date_format), date_format,
                       search_fields, full_access(action),
                       1 + max((f.index for f in bound.values()), default=-1))


def _listed(action: Action) -> dict[str, FieldOptions] | None:
    """The action's <fields>, by bound name for a custom field (custom:GUID), else by name;
    None when it has no <fields>. A field listed twice keeps its first entry's options."""
    if action.fields is None:
        return None
    listed: dict[str, FieldOptions] = {}
    for entry in action.fields:
        listed.setdefault(field_key(entry.name, entry.options), entry.options)
    return listed


def bound_names(spec: ActionSpec, columns: list[Column], action: Action | None = None,
                ) -> list[str | None]:
    """The name each column's value is bound under for ``spec`` (None: not one of its
    fields): a field's name; ``name#2``, ``name#3``... for the next columns of a repeatable
    field; ``custom:GUID`` for a custom field (its GUID from its column, else from the
    action's n-th <custom> entry in <fields>)."""
    entries = action.fields if action is not None and action.fields else []
    keyed = [field_key(f.name, f.options) for f in entries]
    seen: dict[str, int] = {}
    names: list[str | None] = []
    for position, column in enumerate(columns):
        fdef = spec.by_name.get(column.field)
        if fdef is None:
            names.append(None)
            continue
        count = seen[fdef.name] = seen.get(fdef.name, 0) + 1
        if fdef.repeatable and KEYED_BY in fdef.settings:
            names.append(_keyed_name(fdef, column, count, keyed, position))
        elif fdef.repeatable and count > 1:
            names.append(f"{fdef.name}#{count}")
        else:
            names.append(fdef.name)
    return names


def _keyed_name(fdef: FieldDef, column: Column, count: int, keyed: list[str],
                position: int) -> str:
    """``custom:GUID`` for a custom field's column; ConfigError when no GUID names it."""
    key = field_key(fdef.name, column.options)
    if key != fdef.name:
        return key
    entries = [k for k in keyed if base_name(k) == fdef.name and k != fdef.name]
    if count <= len(entries):
        return entries[count - 1]
    raise ConfigError(KEY_NOT_SAID.format(column=position + 1, element=COLUMNS_MAPPING,
                                          field=fdef.name, key=KEYED_BY))


def _raise_first(spec: ActionSpec, problems: MappingProblems) -> None:
    """A field mapped twice, then key fields and one-of groups, then a field list's field
    with no column."""
    name = spec.name
    if problems.twice:
        field_name, first, second = problems.twice[0]
        raise ConfigError(MAPPED_TWICE.format(field=field_name, first=first + 1,
                                              second=second + 1, element=COLUMNS_MAPPING))
    if problems.not_without:
        raise ConfigError(NO_COLUMN_FOR.format(action=name,
                                               needed=" or ".join(problems.not_without[0])))
    if problems.unfed_lists:
        raise ConfigError(option_not_fed(name, *problems.unfed_lists[0]))


def bind_import(imp: Import) -> list[BoundAction]:
    """Bind every action of an import to its file's columns; what cannot be bound names the
    configuration and its <columnsMapping>'s line, when the import was read from a file."""
    columns = imp.provider.columns
    try:
        if not columns:
            raise ConfigError(NO_COLUMNS.format(element=COLUMNS_MAPPING))
        return [bind_action(a, columns, imp.provider.date_format) for a in imp.actions]
    except ConfigError as exc:
        raise _located(exc, imp.provider.origin) from None


def _located(error: ConfigError, origin: Origin | None) -> ConfigError:
    """``error`` naming where the import was read: its file and its <columnsMapping>'s line
    (the provider's own when it has none), the place to correct the mapping."""
    if origin is None or error.path is not None:
        return error
    line = origin.lines.get(COLUMNS_MAPPING, origin.line)
    return ConfigError(error.detail, path=origin.source, line=line)
