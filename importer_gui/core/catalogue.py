"""The actions' fields and options, as data: the checker and the UI both read it.

Adding an action means adding an ``ActionSpec`` here and a row handler in ``core/actions/``;
the engine itself does not change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """The data types of the import format."""

    STRING = "string"
    LONGTEXT = "longtext"
    INT = "int"
    DATE = "date"
    DATETIME = "datetime"
    ENUM = "enum"
    YESNO = "yesNoElement"


STRING_MAX = 255
LONGTEXT_MAX = 65_535


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


@dataclass(frozen=True, slots=True)
class OptionDef:
    """One option of an action's ``<options>``."""

    name: str
    kind: str  # "fieldList" (children name fields) or a Kind value
    description: str
    mandatory: bool = False
    default: str = ""
    choices: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """An action: its XML name, a label for people, its fields and options."""

    name: str
    label: str
    summary: str
    fields: tuple[FieldDef, ...]
    options: tuple[OptionDef, ...] = ()
    key_fields: tuple[str, ...] = ()
    by_name: dict[str, FieldDef] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {f.name: f for f in self.fields})

    def option(self, name: str) -> OptionDef | None:
        """The option called ``name``, if the action has one."""
        return next((o for o in self.options if o.name == name), None)


def _s(name: str, description: str, *, mandatory: bool = False, max_length: int | None = None,
       one_of: str = "") -> FieldDef:
    return FieldDef(name, Kind.STRING, description, mandatory, max_length, one_of=one_of)


SESSION_SEARCH_FIELDS = ("sessionGuid", "sessionTitle", "sessionId", "sessionStartDate",
                         "sessionEndDate")

TRAINING_MODALITIES = ("learning_channel", "kc", "distanciel", "blended", "campus",
                       "mentored_action_learning", "portal", "serious_game", "public_course",
                       "vodeclic", "learning_feed", "content_test")

FULL_ACCESS = OptionDef(
    "fullAccess", Kind.YESNO.value,
    "With no, the import may only change or delete records that an import created.",
    default="yes", choices=("yes", "no"))

SESSION_ACTION = ActionSpec(
    name="createOrUpdateSessionAction",
    label="Training sessions",
    summary="Creates, updates or deletes the sessions of existing training courses.",
    fields=(
        FieldDef("sessionAction", Kind.ENUM, "M creates or updates the session, A deletes it.",
                 mandatory=True, codes=(("createUpdate", "M"), ("cancel", "A"))),
        _s("sessionStatus", "The session's status."),
        _s("sessionGuid", "The session's GUID.", max_length=40),
        FieldDef("sessionStartDate", Kind.DATE, "The session's start date."),
        FieldDef("sessionEndDate", Kind.DATE, "The session's end date; NULL clears it."),
        _s("sessionTitle", "The session's title.", mandatory=True),
        FieldDef("sessionId", Kind.INT, "The store's id of the session.", mandatory=True),
        _s("teacherLogin", "Login of an existing teacher, set as the session's teacher.",
           mandatory=True),
        _s("trainingPathCode", "The training course's code.", mandatory=True),
        FieldDef("trainingId", Kind.INT, "The store's id of the training course.",
                 mandatory=True),
        _s("trainingTitle", "The training course's title.", mandatory=True),
    ),
    options=(
        OptionDef("sessionSearchField", "fieldList",
                  "The fields whose values, together, find the session inside its training.",
                  mandatory=True, default="sessionTitle", choices=SESSION_SEARCH_FIELDS),
        FULL_ACCESS,
    ),
)

INTERVENTION_ACTION = ActionSpec(
    name="createOrUpdateInterventionAction",
    label="Interventions (classroom meetings)",
    summary="Creates or updates the classroom meetings of sessions, with their rooms and "
            "teachers.",
    fields=(
        _s("interventionGuid", "Identifies the intervention: unknown creates, known updates.",
           mandatory=True, max_length=40),
        _s("trainingGuid", "The training course, by GUID.", max_length=40, one_of="training"),
        _s("trainingPathCode", "The training course, by code.", one_of="training"),
        _s("sessionGuid", "The session inside that training, by GUID.", max_length=40,
           one_of="session"),
        _s("sessionTitle", "The session inside that training, by title.", one_of="session"),
        FieldDef("interventionDate", Kind.DATETIME, "Start of the meeting, ISO 8601.",
                 mandatory=True),
        FieldDef("interventionDuration", Kind.INT, "Duration in hours.", mandatory=True),
        _s("roomGuid", "The room: unknown creates it, known updates it.", mandatory=True,
           max_length=40),
        _s("roomLabel", "The room's label.", mandatory=True),
        FieldDef("roomCapacity", Kind.INT, "Number of places in the room."),
        _s("teacherLogin", "Login of an existing teacher.", mandatory=True),
        FieldDef("interventionStatus", Kind.ENUM, "A for active, C for cancelled.",
                 mandatory=True, codes=(("active", "A"), ("cancelled", "C"))),
    ),
    key_fields=("interventionGuid",),
)

TRAINING_ACTION = ActionSpec(
    name="createOrUpdateTrainingCourseAction",
    label="Training courses",
    summary="Creates or updates training courses, found by their code.",
    fields=(
        _s("trainingPathCode", "The training course's code: unknown creates, known updates.",
           mandatory=True),
        _s("trainingTitle", "The training course's title.", mandatory=True),
        _s("trainingGuid", "The training course's GUID; generated when empty.", max_length=40),
        _s("trainingLocale", "The training course's main locale.", max_length=6),
        FieldDef("trainingModality", Kind.ENUM, "How the course is given.",
                 codes=tuple((m, m) for m in TRAINING_MODALITIES)),
        FieldDef("trainingDescription", Kind.LONGTEXT, "The training course's description."),
        FieldDef("trainingDuration", Kind.INT, "The training course's duration."),
    ),
    options=(FULL_ACCESS,),
    key_fields=("trainingPathCode",),
)

TEACHER_ACTION = ActionSpec(
    name="createOrUpdateTeacherAction",
    label="Teachers",
    summary="Creates or updates teachers, found by their login (an extension of ours).",
    fields=(
        _s("teacherLogin", "The teacher's login: unknown creates, known updates.",
           mandatory=True),
        _s("teacherName", "The teacher's last name."),
        _s("teacherFirstname", "The teacher's first name."),
        _s("teacherEmail", "The teacher's e-mail address."),
    ),
    key_fields=("teacherLogin",),
)

ACTIONS: dict[str, ActionSpec] = {a.name: a for a in (
    TEACHER_ACTION, TRAINING_ACTION, SESSION_ACTION, INTERVENTION_ACTION)}

IGNORED_COLUMN = "ignoredColumn"

ALL_FIELD_NAMES: frozenset[str] = frozenset(
    f.name for a in ACTIONS.values() for f in a.fields)


def field_def(name: str) -> FieldDef | None:
    """The first definition of a field name across actions (types agree between actions)."""
    for action in ACTIONS.values():
        found = action.by_name.get(name)
        if found is not None:
            return found
    return None


# Provider options: name -> (kind, default). Order is the order we write them in.
PROVIDER_OPTIONS: dict[str, tuple[str, str]] = {
    "fileName": ("string", ""),
    "path": ("string", ""),
    "skipFirstLine": ("yesNoElement", "yes"),
    "autoDetectLineEndings": ("yesNoElement", "no"),
    "fileEncoding": ("fileEncoding", "UTF-8"),
    "delimiter": ("delimiter", "semicolon"),
    "dateFormat": ("string", "YYYY-MM-DD"),
    "sftpHost": ("string", ""),
    "sftpLogin": ("string", ""),
    "sftpPassword": ("string", ""),
    "sftpFolder": ("string", ""),
}

FILE_ENCODINGS = ("UTF-8", "ISO-8859-1", "WINDOWS-1252", "UTF-16LE")
DELIMITERS: dict[str, str] = {"semicolon": ";", "comma": ",", "pipe": "|", "tabulation": "\t"}

# Data files the readers open: text files with the provider's encoding and delimiter, and
# workbooks (Office Open XML, the older binary Excel format, OpenDocument).
TEXT_SUFFIXES = (".csv", ".txt")
OOXML_SUFFIXES = (".xlsx", ".xlsm")
WORKBOOK_SUFFIXES = (*OOXML_SUFFIXES, ".xls", ".ods")
DATA_SUFFIXES = (*TEXT_SUFFIXES, *WORKBOOK_SUFFIXES)
CONFIG_SUFFIXES = (".xml",)
