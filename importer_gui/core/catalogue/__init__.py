"""Platform knowledge as data: the checker, the configuration reader and the UI all read it.

- ``specs``: the shapes (data types, fields, options, actions);
- ``actions``: the actions, their fields with their store columns, options and keys;
- ``document``: the configuration's parts, providers, consolidators, date formats, suffixes;
- ``messages``: every message a row can get, the platform's marked as such;
- ``columns``: how messages name a store's columns and records (by field and kind).

Adding an action means an ``ActionSpec`` in ``actions`` (and its messages in ``messages``)
plus a module in ``core/actions/`` for its behaviour; nothing else changes.
"""

from importer_gui.core.catalogue.actions import (
    ACTIONS,
    ALL_FIELD_NAMES,
    FULL_ACCESS,
    FULL_ACCESS_OPTION,
    IGNORED_COLUMN,
    INTERVENTION_ACTION,
    SESSION_ACTION,
    SESSION_SEARCH_FIELD,
    SESSION_SEARCH_FIELDS,
    STORE_COLUMNS,
    TEACHER_ACTION,
    TRAINING_ACTION,
    TRAINING_MODALITIES,
    field_def,
)
from importer_gui.core.catalogue.document import (
    COLUMNS_MAPPING,
    CONFIG_SUFFIXES,
    DATA_SUFFIXES,
    DATE_FORMAT_CHARS,
    DATE_TOKENS,
    DELIMITERS,
    DISABLED,
    ERROR_LOG_LINE,
    ERROR_LOG_PREFIX,
    ERROR_LOG_STAMP,
    ERROR_LOG_SUFFIX,
    ERROR_LOGGER,
    FILE_ENCODINGS,
    FILE_PROVIDER,
    IMPORT_ORDER,
    KNOWN_CONSOLIDATORS,
    LOCATION,
    NOT_RUN,
    OOXML_SUFFIXES,
    PLATFORM_CONSOLIDATORS,
    POST_PROCESS,
    PRE_PROCESS,
    PROVIDER_ATTRS,
    PROVIDER_OPTIONS,
    PROVIDER_ORDER,
    SHORT_YEAR,
    TEXT_SUFFIXES,
    WORKBOOK_SUFFIXES,
)
from importer_gui.core.catalogue.specs import (
    LONGTEXT_MAX,
    NO,
    STRING_MAX,
    YES,
    YES_NO,
    ActionSpec,
    FieldDef,
    Kind,
    OptionDef,
    OptionKind,
)

__all__ = [
    "ACTIONS", "ALL_FIELD_NAMES", "COLUMNS_MAPPING", "CONFIG_SUFFIXES", "DATA_SUFFIXES",
    "DATE_FORMAT_CHARS", "DATE_TOKENS", "DELIMITERS", "DISABLED", "ERROR_LOGGER",
    "ERROR_LOG_LINE", "ERROR_LOG_PREFIX", "ERROR_LOG_STAMP", "ERROR_LOG_SUFFIX",
    "FILE_ENCODINGS", "FILE_PROVIDER", "FULL_ACCESS", "FULL_ACCESS_OPTION", "IGNORED_COLUMN",
    "IMPORT_ORDER", "INTERVENTION_ACTION", "KNOWN_CONSOLIDATORS", "LOCATION", "LONGTEXT_MAX",
    "NO", "NOT_RUN", "OOXML_SUFFIXES", "PLATFORM_CONSOLIDATORS", "POST_PROCESS", "PRE_PROCESS",
    "PROVIDER_ATTRS", "PROVIDER_OPTIONS", "PROVIDER_ORDER", "SESSION_ACTION",
    "SESSION_SEARCH_FIELD", "SESSION_SEARCH_FIELDS", "SHORT_YEAR", "STORE_COLUMNS",
    "STRING_MAX", "TEACHER_ACTION", "TEXT_SUFFIXES", "TRAINING_ACTION", "TRAINING_MODALITIES",
    "WORKBOOK_SUFFIXES", "YES", "YES_NO", "ActionSpec", "FieldDef", "Kind", "OptionDef",
    "OptionKind", "field_def",
]
