"""The actions the assistant runs: each one's fields, options and key, as data.

The checker, the configuration reader and the pages all read these entries; an action's
behaviour lives in ``core/actions/``, one module per action.
"""

from __future__ import annotations

from importer_gui.core.catalogue import messages as msg
from importer_gui.core.catalogue.specs import (
    YES,
    YES_NO,
    ActionSpec,
    FieldDef,
    Kind,
    OptionDef,
    OptionKind,
)

# The element of <columnsMapping> that stands for a column to skip.
IGNORED_COLUMN = "ignoredColumn"

# Option names.
SESSION_SEARCH_FIELD = "sessionSearchField"
FULL_ACCESS = "fullAccess"

# The store column behind each field name, in the record the name is about.
STORE_COLUMNS: dict[str, str] = {
    "sessionTitle": "title", "sessionGuid": "guid", "sessionStatus": "status",
    "sessionStartDate": "start_date", "sessionEndDate": "end_date", "sessionId": "id",
    "trainingPathCode": "path_code", "trainingId": "id", "trainingTitle": "title",
    "trainingGuid": "guid", "trainingLocale": "locale", "trainingModality": "modality",
    "trainingDescription": "description", "trainingDuration": "duration",
    "teacherLogin": "login", "teacherName": "name", "teacherFirstname": "firstname",
    "teacherEmail": "email",
    "interventionGuid": "guid", "interventionDate": "start",
    "interventionDuration": "duration", "interventionStatus": "status",
    "roomGuid": "guid", "roomLabel": "label", "roomCapacity": "capacity",
}


def _f(name: str, kind: Kind, description: str, *, mandatory: bool = False,
       max_length: int | None = None, codes: tuple[tuple[str, str], ...] = (),
       one_of: str = "", invalid: str = "", clear: str = "") -> FieldDef:
    """A field, with its store column from STORE_COLUMNS."""
    return FieldDef(name, kind, description, mandatory, max_length, codes, one_of,
                    STORE_COLUMNS.get(name, ""), invalid, clear)


def _s(name: str, description: str, *, mandatory: bool = False, max_length: int | None = None,
       one_of: str = "") -> FieldDef:
    """A string field."""
    return _f(name, Kind.STRING, description, mandatory=mandatory, max_length=max_length,
              one_of=one_of)


SESSION_SEARCH_FIELDS = ("sessionGuid", "sessionTitle", "sessionId", "sessionStartDate",
                         "sessionEndDate")

TRAINING_MODALITIES = ("learning_channel", "kc", "distanciel", "blended", "campus",
                       "mentored_action_learning", "portal", "serious_game", "public_course",
                       "vodeclic", "learning_feed", "content_test")

FULL_ACCESS_OPTION = OptionDef(
    FULL_ACCESS, OptionKind.YESNO,
    "With no, the import may only change or delete records that an import created.",
    default=YES, choices=YES_NO, label="&Full access")

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
        _f("trainingModality", Kind.ENUM, "How the course is given.",
           codes=tuple((m, m) for m in TRAINING_MODALITIES), invalid=msg.INVALID_MODALITY),
        _f("trainingDescription", Kind.LONGTEXT, "The training course's description."),
        _f("trainingDuration", Kind.INT, "The training course's duration."),
    ),
    options=(FULL_ACCESS_OPTION,),
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

SESSION_ACTION = ActionSpec(
    name="createOrUpdateSessionAction",
    label="Training sessions",
    summary="Creates, updates or deletes the sessions of existing training courses.",
    fields=(
        _f("sessionAction", Kind.ENUM, "M creates or updates the session, A deletes it.",
           mandatory=True, codes=(("createUpdate", "M"), ("cancel", "A")),
           invalid=msg.INVALID_SESSION_ACTION),
        _s("sessionStatus", "The session's status."),
        _s("sessionGuid", "The session's GUID.", max_length=40),
        _f("sessionStartDate", Kind.DATE, "The session's start date."),
        _f("sessionEndDate", Kind.DATE, "The session's end date; NULL clears it.",
           clear="NULL"),
        _s("sessionTitle", "The session's title.", mandatory=True),
        _f("sessionId", Kind.INT, "The store's id of the session.", mandatory=True),
        _s("teacherLogin", "Login of an existing teacher, set as the session's teacher.",
           mandatory=True),
        _s("trainingPathCode", "The training course's code.", mandatory=True),
        _f("trainingId", Kind.INT, "The store's id of the training course.", mandatory=True),
        _s("trainingTitle", "The training course's title.", mandatory=True),
    ),
    options=(
        OptionDef(SESSION_SEARCH_FIELD, OptionKind.FIELD_LIST,
                  "The fields whose values, together, find the session inside its training.",
                  mandatory=True, default="sessionTitle", choices=SESSION_SEARCH_FIELDS,
                  label="Find sessions by",
                  none_chosen="Choose at least one field to find sessions by."),
        FULL_ACCESS_OPTION,
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
        _f("interventionDate", Kind.DATETIME, "Start of the meeting, ISO 8601.",
           mandatory=True),
        _f("interventionDuration", Kind.INT, "Duration in hours.", mandatory=True),
        _s("roomGuid", "The room: unknown creates it, known updates it.", mandatory=True,
           max_length=40),
        _s("roomLabel", "The room's label.", mandatory=True),
        _f("roomCapacity", Kind.INT, "Number of places in the room."),
        _s("teacherLogin", "Login of an existing teacher.", mandatory=True),
        _f("interventionStatus", Kind.ENUM, "A for active, C for cancelled.",
           mandatory=True, codes=(("active", "A"), ("cancelled", "C")),
           invalid=msg.INVALID_STATUS),
    ),
    key_fields=("interventionGuid",),
)

# Every action, in the order people are offered them: what a file usually feeds first comes
# first (courses and teachers before the sessions and interventions that refer to them).
ACTIONS: dict[str, ActionSpec] = {a.name: a for a in (
    TRAINING_ACTION, TEACHER_ACTION, SESSION_ACTION, INTERVENTION_ACTION)}

ALL_FIELD_NAMES: frozenset[str] = frozenset(
    f.name for a in ACTIONS.values() for f in a.fields)


def field_def(name: str) -> FieldDef | None:
    """The first definition of a field name across actions (types agree between actions)."""
    for action in ACTIONS.values():
        found = action.by_name.get(name)
        if found is not None:
            return found
    return None
