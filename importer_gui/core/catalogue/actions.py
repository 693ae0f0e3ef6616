"""The actions the assistant runs: each one's fields, options and key, as data.

The checker, the configuration reader and the pages all read these entries; an action's
behaviour lives in ``core/actions/``, one module per action. Texts people read in the window
(labels, summaries, descriptions) are marked with ``QT_TRANSLATE_NOOP`` for the translators.
"""

from __future__ import annotations

from importer_gui.core.catalogue import messages as msg
from importer_gui.core.catalogue.specs import (
    QT_TRANSLATE_NOOP,
    YES,
    YES_NO,
    ActionSpec,
    FieldDef,
    Kind,
    OptionDef,
    OptionKind,
)

CATALOGUE = "catalogue"  # the translation context of every text here

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

# What people call each field, in every action that has it.
FIELD_LABELS: dict[str, str] = {
    "trainingPathCode": QT_TRANSLATE_NOOP("catalogue", "Training course code"),
    "trainingTitle": QT_TRANSLATE_NOOP("catalogue", "Training course title"),
    "trainingGuid": QT_TRANSLATE_NOOP("catalogue", "Training course GUID"),
    "trainingLocale": QT_TRANSLATE_NOOP("catalogue", "Training course language"),
    "trainingModality": QT_TRANSLATE_NOOP("catalogue", "Training course modality"),
    "trainingDescription": QT_TRANSLATE_NOOP("catalogue", "Training course description"),
    "trainingDuration": QT_TRANSLATE_NOOP("catalogue", "Training course duration"),
    "trainingId": QT_TRANSLATE_NOOP("catalogue", "Training course id"),
    "teacherLogin": QT_TRANSLATE_NOOP("catalogue", "Teacher's login"),
    "teacherName": QT_TRANSLATE_NOOP("catalogue", "Teacher's last name"),
    "teacherFirstname": QT_TRANSLATE_NOOP("catalogue", "Teacher's first name"),
    "teacherEmail": QT_TRANSLATE_NOOP("catalogue", "Teacher's e-mail address"),
    "sessionAction": QT_TRANSLATE_NOOP("catalogue", "Session action"),
    "sessionStatus": QT_TRANSLATE_NOOP("catalogue", "Session status"),
    "sessionGuid": QT_TRANSLATE_NOOP("catalogue", "Session GUID"),
    "sessionStartDate": QT_TRANSLATE_NOOP("catalogue", "Session start date"),
    "sessionEndDate": QT_TRANSLATE_NOOP("catalogue", "Session end date"),
    "sessionTitle": QT_TRANSLATE_NOOP("catalogue", "Session title"),
    "sessionId": QT_TRANSLATE_NOOP("catalogue", "Session id"),
    "interventionGuid": QT_TRANSLATE_NOOP("catalogue", "Intervention GUID"),
    "interventionDate": QT_TRANSLATE_NOOP("catalogue", "Intervention start"),
    "interventionDuration": QT_TRANSLATE_NOOP("catalogue", "Intervention duration"),
    "interventionStatus": QT_TRANSLATE_NOOP("catalogue", "Intervention status"),
    "roomGuid": QT_TRANSLATE_NOOP("catalogue", "Room GUID"),
    "roomLabel": QT_TRANSLATE_NOOP("catalogue", "Room name"),
    "roomCapacity": QT_TRANSLATE_NOOP("catalogue", "Room capacity"),
}


def _f(name: str, kind: Kind, description: str, *, mandatory: bool = False,
       max_length: int | None = None, codes: tuple[tuple[str, str], ...] = (),
       one_of: str = "", invalid: str = "", clear: str = "",
       spared_by: tuple[str, ...] = ()) -> FieldDef:
    """A field, with its store column from STORE_COLUMNS and its label from FIELD_LABELS."""
    return FieldDef(name, kind, description, mandatory, max_length, codes, one_of,
                    STORE_COLUMNS.get(name, ""), invalid, clear, FIELD_LABELS[name],
                    spared_by)


def _s(name: str, description: str, *, mandatory: bool = False, max_length: int | None = None,
       one_of: str = "", spared_by: tuple[str, ...] = ()) -> FieldDef:
    """A string field."""
    return _f(name, Kind.STRING, description, mandatory=mandatory, max_length=max_length,
              one_of=one_of, spared_by=spared_by)


SESSION_SEARCH_FIELDS = ("sessionGuid", "sessionTitle", "sessionId", "sessionStartDate",
                         "sessionEndDate")
_OTHER_SEARCH_FIELDS = tuple(f for f in SESSION_SEARCH_FIELDS if f != "sessionId")

TRAINING_MODALITIES = ("learning_channel", "kc", "distanciel", "blended", "campus",
                       "mentored_action_learning", "portal", "serious_game", "public_course",
                       "vodeclic", "learning_feed", "content_test")

FULL_ACCESS_OPTION = OptionDef(
    FULL_ACCESS, OptionKind.YESNO,
    QT_TRANSLATE_NOOP("catalogue", "With no, the import may only change or delete records "
                                   "that an import created."),
    default=YES, choices=YES_NO, label=QT_TRANSLATE_NOOP("catalogue", "&Full access"))

TRAINING_ACTION = ActionSpec(
    name="createOrUpdateTrainingCourseAction",
    label=QT_TRANSLATE_NOOP("catalogue", "Training courses"),
    summary=QT_TRANSLATE_NOOP("catalogue", "Creates or updates training courses, found by "
                                           "their code."),
    fields=(
        _s("trainingPathCode", QT_TRANSLATE_NOOP(
            "catalogue", "The training course's code: unknown creates, known updates."),
           mandatory=True),
        _s("trainingTitle", QT_TRANSLATE_NOOP("catalogue", "The training course's title."),
           mandatory=True),
        _s("trainingGuid", QT_TRANSLATE_NOOP(
            "catalogue", "The training course's GUID; generated when empty."), max_length=40),
        _s("trainingLocale", QT_TRANSLATE_NOOP(
            "catalogue", "The training course's main locale."), max_length=6),
        _f("trainingModality", Kind.ENUM,
           QT_TRANSLATE_NOOP("catalogue", "How the course is given."),
           codes=tuple((m, m) for m in TRAINING_MODALITIES), invalid=msg.INVALID_MODALITY),
        _f("trainingDescription", Kind.LONGTEXT,
           QT_TRANSLATE_NOOP("catalogue", "The training course's description.")),
        _f("trainingDuration", Kind.INT,
           QT_TRANSLATE_NOOP("catalogue", "The training course's duration.")),
    ),
    options=(FULL_ACCESS_OPTION,),
    key_fields=("trainingPathCode",),
)

TEACHER_ACTION = ActionSpec(
    name="createOrUpdateTeacherAction",
    label=QT_TRANSLATE_NOOP("catalogue", "Teachers"),
    summary=QT_TRANSLATE_NOOP("catalogue", "Creates or updates teachers, found by their login "
                                           "(an extension of ours)."),
    fields=(
        _s("teacherLogin", QT_TRANSLATE_NOOP(
            "catalogue", "The teacher's login: unknown creates, known updates."),
           mandatory=True),
        _s("teacherName", QT_TRANSLATE_NOOP("catalogue", "The teacher's last name.")),
        _s("teacherFirstname", QT_TRANSLATE_NOOP("catalogue", "The teacher's first name.")),
        _s("teacherEmail", QT_TRANSLATE_NOOP("catalogue", "The teacher's e-mail address.")),
    ),
    key_fields=("teacherLogin",),
)

SESSION_ACTION = ActionSpec(
    name="createOrUpdateSessionAction",
    label=QT_TRANSLATE_NOOP("catalogue", "Training sessions"),
    summary=QT_TRANSLATE_NOOP("catalogue", "Creates, updates or deletes the sessions of "
                                           "existing training courses."),
    fields=(
        _f("sessionAction", Kind.ENUM, QT_TRANSLATE_NOOP(
            "catalogue", "M creates or updates the session, A deletes it."),
           mandatory=True, codes=(("createUpdate", "M"), ("cancel", "A")),
           invalid=msg.INVALID_SESSION_ACTION),
        _s("sessionStatus", QT_TRANSLATE_NOOP("catalogue", "The session's status.")),
        _s("sessionGuid", QT_TRANSLATE_NOOP("catalogue", "The session's GUID."),
           max_length=40),
        _f("sessionStartDate", Kind.DATE,
           QT_TRANSLATE_NOOP("catalogue", "The session's start date.")),
        _f("sessionEndDate", Kind.DATE,
           QT_TRANSLATE_NOOP("catalogue", "The session's end date; NULL clears it."),
           clear="NULL"),
        _s("sessionTitle", QT_TRANSLATE_NOOP("catalogue", "The session's title."),
           mandatory=True),
        # Only searched by: another search field finds the session as well.
        _f("sessionId", Kind.INT, QT_TRANSLATE_NOOP("catalogue", "The store's id of the session."),
           mandatory=True, spared_by=_OTHER_SEARCH_FIELDS),
        _s("teacherLogin", QT_TRANSLATE_NOOP(
            "catalogue", "Login of an existing teacher, set as the session's teacher."),
           mandatory=True),
        # The training course is found by its code, or by its id when no column has the code.
        _s("trainingPathCode", QT_TRANSLATE_NOOP("catalogue", "The training course's code."),
           mandatory=True, one_of="training"),
        _f("trainingId", Kind.INT,
           QT_TRANSLATE_NOOP("catalogue", "The store's id of the training course."),
           mandatory=True, one_of="training"),
        # Only compared with the title of the course found.
        _s("trainingTitle", QT_TRANSLATE_NOOP("catalogue", "The training course's title."),
           mandatory=True, spared_by=("trainingPathCode", "trainingId")),
    ),
    options=(
        OptionDef(SESSION_SEARCH_FIELD, OptionKind.FIELD_LIST,
                  QT_TRANSLATE_NOOP("catalogue", "The fields whose values, together, find the "
                                                 "session inside its training."),
                  mandatory=True, default="sessionTitle", choices=SESSION_SEARCH_FIELDS,
                  label=QT_TRANSLATE_NOOP("catalogue", "Find sessions by"),
                  none_chosen=QT_TRANSLATE_NOOP(
                      "catalogue", "Choose at least one field to find sessions by.")),
        FULL_ACCESS_OPTION,
    ),
)

INTERVENTION_ACTION = ActionSpec(
    name="createOrUpdateInterventionAction",
    label=QT_TRANSLATE_NOOP("catalogue", "Interventions (classroom meetings)"),
    summary=QT_TRANSLATE_NOOP("catalogue", "Creates or updates the classroom meetings of "
                                           "sessions, with their rooms and teachers."),
    fields=(
        _s("interventionGuid", QT_TRANSLATE_NOOP(
            "catalogue", "Identifies the intervention: unknown creates, known updates."),
           mandatory=True, max_length=40),
        _s("trainingGuid", QT_TRANSLATE_NOOP("catalogue", "The training course, by GUID."),
           max_length=40, one_of="training"),
        _s("trainingPathCode", QT_TRANSLATE_NOOP("catalogue", "The training course, by code."),
           one_of="training"),
        _s("sessionGuid", QT_TRANSLATE_NOOP(
            "catalogue", "The session inside that training, by GUID."), max_length=40,
           one_of="session"),
        _s("sessionTitle", QT_TRANSLATE_NOOP(
            "catalogue", "The session inside that training, by title."), one_of="session"),
        _f("interventionDate", Kind.DATETIME,
           QT_TRANSLATE_NOOP("catalogue", "Start of the meeting, ISO 8601."), mandatory=True),
        _f("interventionDuration", Kind.INT, QT_TRANSLATE_NOOP("catalogue", "Duration in hours."),
           mandatory=True),
        _s("roomGuid", QT_TRANSLATE_NOOP("catalogue", "The room: unknown creates it, known "
                                                      "updates it."),
           mandatory=True, max_length=40),
        _s("roomLabel", QT_TRANSLATE_NOOP("catalogue", "The room's label."), mandatory=True),
        _f("roomCapacity", Kind.INT,
           QT_TRANSLATE_NOOP("catalogue", "Number of places in the room.")),
        _s("teacherLogin", QT_TRANSLATE_NOOP("catalogue", "Login of an existing teacher."),
           mandatory=True),
        _f("interventionStatus", Kind.ENUM,
           QT_TRANSLATE_NOOP("catalogue", "A for active, C for cancelled."),
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
