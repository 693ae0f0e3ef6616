"""The shapes platform knowledge takes: data types, fields, options and actions."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """The data types of the import format."""

    STRING = "string"
    LONGTEXT = "longtext"
    INT = "int"
    FLOAT = "float"  # a decimal number, with a point or a comma ("12.5", "12,5")
    DATE = "date"
    DATETIME = "datetime"
    ENUM = "enum"
    YESNO = "yesNoElement"
    DURATION = "duration"  # seconds; also "hh:ii:ss" and ISO 8601 "PT1H25M15S"


class OptionKind(StrEnum):
    """How an option's value is written in the document, and so how it is chosen."""

    FIELD_LIST = "fieldList"  # child elements, each naming a field
    YESNO = "yesNoElement"
    STRING = "string"
    FILE_ENCODING = "fileEncoding"
    DELIMITER = "delimiter"
    DATE_FORMAT = "dateFormat"
    INT = "int"  # a whole number (defaultEntityId, defaultScoreMax)
    TIME = "time"  # a time of day, hh:ii:ss (defaultTime)


YES = "yes"
NO = "no"
YES_NO = (YES, NO)

STRING_MAX = 255
LONGTEXT_MAX = 65_535


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate reads
    """``text`` as it is: the call marks it for Qt's lupdate; the window translates it."""
    return text


@dataclass(frozen=True, slots=True)
class FieldDef:
    """One column an action understands."""

    name: str
    kind: Kind
    description: str
    mandatory: bool = False
    max_length: int | None = None
    # For ENUM fields: meaning -> default code in the file, in display order.
    codes: tuple[tuple[str, str], ...] = ()
    # Fields of the same non-empty group: at least one of them must be filled.
    one_of: str = ""
    # The store column holding the field's value, in the record the field's name is about
    # (sessionTitle: a session's title); "" for a field no column holds.
    column: str = ""
    # For ENUM fields: the message for a value that is not a code (see catalogue.messages).
    invalid: str = ""
    # A value that empties the column instead of being read (sessionEndDate's NULL).
    clear: str = ""
    # What people call the field ("Session title"); the window shows it translated, with
    # the name after it.
    label: str = ""
    # For a mandatory field: fields any one of which, fed by a column, makes this one
    # unneeded in a mapping (it then only checks the record they find). Mandatory still
    # means that a column holding the field must fill it on every row.
    spared_by: tuple[str, ...] = ()
    # Children of the field's element other than <mandatory> and value mappings that the
    # platform reads (registerFlag's keepSession, custom's guid).
    settings: tuple[str, ...] = ()
    # True for a field several columns may feed (hierarchyEntityName, custom): each column is
    # bound under its own name (see binding.bound_names).
    repeatable: bool = False
    # Other names the field is read under (a misspelling the platform accepts); a document is
    # written back with the name it used.
    aliases: tuple[str, ...] = ()

    @property
    def limit(self) -> int | None:
        """The maximum length of a text value, if any."""
        if self.max_length is not None:
            return self.max_length
        if self.kind is Kind.STRING:
            return STRING_MAX
        if self.kind is Kind.LONGTEXT:
            return LONGTEXT_MAX
        return None

    @property
    def default_codes(self) -> dict[str, str]:
        """meaning -> code, for a coded field without value mappings."""
        return dict(self.codes)

    @property
    def remapped(self) -> bool:
        """True for a coded field whose file codes differ from its meanings."""
        return self.kind is Kind.ENUM and any(code != meaning for meaning, code in self.codes)


@dataclass(frozen=True, slots=True)
class OptionDef:
    """One option: of an action's ``<options>``, or of a provider."""

    name: str
    kind: OptionKind
    description: str = ""
    mandatory: bool = False
    default: str = ""
    choices: tuple[str, ...] = ()
    # What the option is called on the mapping page, and what it says when a field list is
    # left empty.
    label: str = ""
    none_chosen: str = ""
    # Left out of a document written from scratch while it holds its default.
    optional: bool = False


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """An action: its XML name, a label for people, its fields and options."""

    name: str
    label: str
    summary: str
    fields: tuple[FieldDef, ...]
    options: tuple[OptionDef, ...] = ()
    key_fields: tuple[str, ...] = ()
    # The simple entries of the action's <parameters> block (consolidated tracking); the block
    # may also hold value mappings of the action's coded fields.
    parameters: tuple[OptionDef, ...] = ()
    by_name: dict[str, FieldDef] = field(init=False, repr=False, compare=False)
    # Every name a field is read under, aliases included -> its definition.
    by_any_name: dict[str, FieldDef] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {f.name: f for f in self.fields})
        object.__setattr__(self, "by_any_name", {
            **{alias: f for f in self.fields for alias in f.aliases}, **self.by_name})

    def option(self, name: str) -> OptionDef | None:
        """The option called ``name``, if the action has one."""
        return next((o for o in self.options if o.name == name), None)

    def parameter(self, name: str) -> OptionDef | None:
        """The simple parameter called ``name``, if the action has one."""
        return next((o for o in self.parameters if o.name == name), None)

    def field_named(self, name: str) -> FieldDef | None:
        """The field read under ``name``: its own name or an alias."""
        return self.by_any_name.get(name)

    def field_lists(self) -> tuple[OptionDef, ...]:
        """The action's field-list options (sessionSearchField, traineeSearchField...)."""
        return tuple(o for o in self.options if o.kind is OptionKind.FIELD_LIST)

    def groups(self) -> list[tuple[str, ...]]:
        """Each ``one_of`` group's fields, in the order the fields are listed."""
        groups: dict[str, list[str]] = {}
        for definition in self.fields:
            if definition.one_of:
                groups.setdefault(definition.one_of, []).append(definition.name)
        return [tuple(names) for names in groups.values()]

    def missing_mandatory(self, fed: Collection[str]) -> tuple[str, ...]:
        """Mandatory fields a mapping feeding ``fed`` lacks: a field of a ``one_of`` group is
        the group's concern, and one ``spared_by`` a fed field is not needed."""
        return tuple(f.name for f in self.fields
                     if f.mandatory and f.name not in fed and not f.one_of
                     and fed_none(f.spared_by, fed))

    def columns(self, *names: str) -> tuple[tuple[str, str], ...]:
        """(field, store column) for each of ``names``, as the catalogue maps them."""
        return tuple((name, self.by_name[name].column) for name in names)


def fed_none(names: tuple[str, ...], fed: Collection[str]) -> bool:
    """True when no field of ``names`` is among ``fed`` (always for no names)."""
    return not any(name in fed for name in names)
