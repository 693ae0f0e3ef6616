"""The actions the assistant runs: each one's fields, options and key, as data.

The checker, the configuration reader and the pages all read these entries; an action's
behaviour lives in ``core/actions/``, one module per action. Texts people read in the window
(labels, summaries, descriptions) are marked with ``QT_TRANSLATE_NOOP`` for the translators.
"""

from __future__ import annotations

from dataclasses import replace

from importer_gui.core.catalogue import messages as msg
from importer_gui.core.catalogue.specs import (
    NO,
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

# The element of <columnsMapping> that stands for a column to skip, and what people call it.
IGNORED_COLUMN = "ignoredColumn"
IGNORED_LABEL = QT_TRANSLATE_NOOP("catalogue", "Not imported")

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

# What people call each meaning of a coded field (its value mapping's element), in every
# field that has it; the window shows it translated, with the name after it.
CODE_LABELS: dict[str, str] = {
    "createUpdate": QT_TRANSLATE_NOOP("catalogue", "Create or update"),
    "delete": QT_TRANSLATE_NOOP("catalogue", "Delete"),
    "cancel": QT_TRANSLATE_NOOP("catalogue", "Delete"),  # sessionAction's A deletes the session
    "active": QT_TRANSLATE_NOOP("catalogue", "Active"),
    "cancelled": QT_TRANSLATE_NOOP("catalogue", "Cancelled"),
}


# --- training courses, sessions, interventions (issue 15) -------------------------------------

STORE_COLUMNS.update({
    "lovCodes": "lov_codes", "trainingCost": "cost",
    "trainingWhatYouWillLearn": "what_you_will_learn", "trainingOverview": "overview",
    "trainingOutcomes": "outcomes", "trainingAudience": "audience",
    "trainingFurtherInformation": "further_information", "trainingWelcomeText": "welcome_text",
    "trainingSteps": "steps",
})
FIELD_LABELS.update({
    "trainingAction": QT_TRANSLATE_NOOP("catalogue", "Training course action"),
    "lovCodes": QT_TRANSLATE_NOOP("catalogue", "Learning objects (codes)"),
    "trainingCost": QT_TRANSLATE_NOOP("catalogue", "Training course price"),
    "trainingWhatYouWillLearn": QT_TRANSLATE_NOOP("catalogue", "What you will learn"),
    "trainingOverview": QT_TRANSLATE_NOOP("catalogue", "Training course overview"),
    "trainingOutcomes": QT_TRANSLATE_NOOP("catalogue", "Learning outcomes"),
    "trainingAudience": QT_TRANSLATE_NOOP("catalogue", "Who should attend"),
    "trainingFurtherInformation": QT_TRANSLATE_NOOP("catalogue", "Further information"),
    "trainingWelcomeText": QT_TRANSLATE_NOOP("catalogue", "Welcome text"),
    "trainingSteps": QT_TRANSLATE_NOOP("catalogue", "Steps (blended)"),
    "trainingScoreSuccessThreshold": QT_TRANSLATE_NOOP(
        "catalogue", "Success threshold (legacy, ignored)"),
    "trainingScoresVisibleByLearners": QT_TRANSLATE_NOOP(
        "catalogue", "Scores visible by learners (legacy, ignored)"),
})


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

# The modalities the training course page's message names, then the other codes of
# IO_items.yml's list (files and the platform's exports use them: they stay accepted).
PAGE_MODALITIES = ("distancelearning", "knowledgecommunity", "learning_channel", "blended")
TRAINING_MODALITIES = (*PAGE_MODALITIES, "kc", "distanciel", "campus",
                       "mentored_action_learning", "portal", "serious_game", "public_course",
                       "vodeclic", "learning_feed", "content_test")
BLENDED = "blended"
# IO_items.yml's short names of two of the page's modalities: one modality, two names.
_MODALITY_NAMES = {"kc": "knowledgecommunity", "distanciel": "distancelearning"}
# Fields the page's example still lists though its columns no longer do (the page: legacy,
# and dependent on a setting very few platforms have): read, and ignored with a warning.
TRAINING_LEGACY_FIELDS = ("trainingScoreSuccessThreshold", "trainingScoresVisibleByLearners")


# --- fields and options several actions share ------------------------------------------------

def _candidates() -> tuple[FieldDef, ...]:
    """The learner's login, reference number and e-mail: one of them finds the learner."""
    return (
        _s("candidateLogin", QT_TRANSLATE_NOOP("catalogue", "The learner's login."),
           one_of="learner"),
        _s("candidateRefNumber", QT_TRANSLATE_NOOP(
            "catalogue", "The learner's reference number."), one_of="learner"),
        _s("candidateEmail", QT_TRANSLATE_NOOP("catalogue", "The learner's e-mail address."),
           one_of="learner"),
    )


def _training_fields(one_of: str, *, mandatory: bool = False) -> tuple[FieldDef, ...]:
    """The training course, by its code or its id."""
    return (
        _s("trainingPathCode", QT_TRANSLATE_NOOP("catalogue", "The training course's code."),
           mandatory=mandatory, one_of=one_of),
        _f("trainingId", Kind.INT,
           QT_TRANSLATE_NOOP("catalogue", "The store's id of the training course."),
           mandatory=mandatory, one_of=one_of),
    )


def _session_search_option(choices: tuple[str, ...], *, mandatory: bool = False) -> OptionDef:
    """sessionSearchField: the session found inside its training, by title unless told."""
    return OptionDef(
        SESSION_SEARCH_FIELD, OptionKind.FIELD_LIST,
        QT_TRANSLATE_NOOP("catalogue", "The fields whose values, together, find the session "
                                       "inside its training."),
        mandatory=mandatory, default="sessionTitle", choices=choices,
        label=QT_TRANSLATE_NOOP("catalogue", "Find &sessions by"),
        none_chosen=QT_TRANSLATE_NOOP("catalogue", "Choose at least one field to find "
                                                   "sessions by."))


def _yes_no(name: str, description: str, label: str, *, default: str = NO) -> OptionDef:
    """An optional yes/no option, left out of a new document while it holds its default."""
    return OptionDef(name, OptionKind.YESNO, description, default=default, choices=YES_NO,
                     optional=True, label=label)


def modality(name: str | None) -> str | None:
    """A modality under the name the training course page gives it."""
    return _MODALITY_NAMES.get(name, name) if name is not None else None


FULL_ACCESS_OPTION = OptionDef(
    FULL_ACCESS, OptionKind.YESNO,
    QT_TRANSLATE_NOOP("catalogue", "With no, the import may only change or delete records "
                                   "that an import created."),
    default=YES, choices=YES_NO, label=QT_TRANSLATE_NOOP("catalogue", "Full &access"))

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
        # Mandatory for this action (IO_items.yml, shown so on the page), yet a file without
        # the column still feeds courses, as files did before issue 15.
        _f("trainingModality", Kind.ENUM,
           QT_TRANSLATE_NOOP("catalogue", "How the course is given; it cannot change."),
           mandatory=True, codes=tuple((m, m) for m in TRAINING_MODALITIES),
           invalid=msg.INVALID_MODALITY, spared_by=("trainingPathCode",)),
        _f("trainingDescription", Kind.LONGTEXT,
           QT_TRANSLATE_NOOP("catalogue", "The training course's description.")),
        _f("trainingDuration", Kind.INT,
           QT_TRANSLATE_NOOP("catalogue", "The training course's duration.")),
        # Mandatory as the page's example says, yet a file without the column creates and
        # updates: the platform's default when it is unset.
        _f("trainingAction", Kind.ENUM, QT_TRANSLATE_NOOP(
            "catalogue", "M creates or updates the training course, A deletes it (once it "
                         "has no session)."),
           mandatory=True, codes=(("createUpdate", "M"), ("delete", "A")),
           spared_by=("trainingPathCode",)),
        # Mandatory (IO_items.yml: a course whose row leaves it empty says <mandatory>no
        # </mandatory>), yet a file without the column still feeds courses.
        _f("lovCodes", Kind.LONGTEXT, QT_TRANSLATE_NOOP(
            "catalogue", "The learning objects' codes: steps apart with ||, the objects of a "
                         "step apart with commas (REF1,REF2||REF3)."),
           mandatory=True, spared_by=("trainingPathCode",)),
        _s("trainingCost", QT_TRANSLATE_NOOP("catalogue", "The training course's price.")),
        _f("trainingWhatYouWillLearn", Kind.LONGTEXT,
           QT_TRANSLATE_NOOP("catalogue", "What the learners will learn.")),
        _f("trainingOverview", Kind.LONGTEXT,
           QT_TRANSLATE_NOOP("catalogue", "The training course's overview.")),
        _f("trainingOutcomes", Kind.LONGTEXT,
           QT_TRANSLATE_NOOP("catalogue", "The training course's learning outcomes.")),
        _f("trainingAudience", Kind.LONGTEXT,
           QT_TRANSLATE_NOOP("catalogue", "Who should attend.")),
        _f("trainingFurtherInformation", Kind.LONGTEXT,
           QT_TRANSLATE_NOOP("catalogue", "Further information on the training course.")),
        _f("trainingWelcomeText", Kind.LONGTEXT,
           QT_TRANSLATE_NOOP("catalogue", "The training course's welcome text.")),
        _f("trainingSteps", Kind.LONGTEXT, QT_TRANSLATE_NOOP(
            "catalogue", "A blended training's steps: Title|>days, apart with || (the days "
                         "may be left out); a blended training must have some.")),
        *(_s(name, QT_TRANSLATE_NOOP(
            "catalogue", "Legacy: read and ignored (the platform no longer reads it)."))
          for name in TRAINING_LEGACY_FIELDS),
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
        _f("sessionId", Kind.INT, QT_TRANSLATE_NOOP(
            "catalogue", "The platform's id of an existing session; a new session gets its "
                         "own, so leave it empty to create one."),
           mandatory=True, spared_by=_OTHER_SEARCH_FIELDS),
        _s("teacherLogin", QT_TRANSLATE_NOOP(
            "catalogue", "Login of an existing teacher, set as the session's teacher."),
           mandatory=True),
        # The training course is found by its code, else its id, else its title: the page's
        # example says "Use Training Title, ID, and/or PathCode" (IO_items.yml names only the
        # code, id and GUID; the page wins), so a file may name its courses by title alone.
        *_training_fields("training", mandatory=True),
        # Compared with the title of the course found; finds the course on a row that leaves
        # its code and id empty (titles need not be unique: one course must have it).
        _s("trainingTitle", QT_TRANSLATE_NOOP("catalogue", "The training course's title."),
           mandatory=True, one_of="training"),
    ),
    options=(
        _session_search_option(SESSION_SEARCH_FIELDS, mandatory=True),
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

# --- registrations and consolidated tracking (issue 15) --------------------------------------

REGISTER_FLAG, KEEP_SESSION = "registerFlag", "keepSession"
TRAINEE_SEARCH_FIELD, TRAINING_SEARCH_FIELD = "traineeSearchField", "trainingSearchField"
DONT_UPDATE_EXISTING_SESSIONS = "dontUpdateExistingSessions"
REACTIVATE_REGISTERED_LEARNERS = "reactivateRegisteredLearners"
DEFAULT_SCORE_MAX, DATE_TIME_FORMAT = "defaultScoreMax", "dateTimeFormat"
TIME_ZONE, DEFAULT_TIME = "timeZone", "defaultTime"
# The statuses a tracking row may give, as the platform's page names them; notAttempted
# resets (deletes) the row's tracking instead of writing one.
TRACKING_STATUSES = ("notAttempted", "incomplete", "completed", "passed", "failed", "browsed")

STORE_COLUMNS.update({
    # The learner's search fields, shared by the learner, registration and tracking actions.
    "candidateLogin": "login", "candidateRefNumber": "ref_number", "candidateEmail": "email",
    "registrationGuid": "guid", "registrationDate": "registered_on",
    "lovCode": "code", "lovGuid": "guid",
    "firstAccessDate": "first_access", "lastAccessDate": "last_access",
    "firstCompletionDate": "first_completion", "progression": "progression",
    "trackingStatus": "status", "timeSpent": "time_spent", "score": "score",
    "scoreMax": "score_max",
})
FIELD_LABELS.update({
    "candidateLogin": QT_TRANSLATE_NOOP("catalogue", "Learner's login"),
    "candidateRefNumber": QT_TRANSLATE_NOOP("catalogue", "Learner's reference number"),
    "candidateEmail": QT_TRANSLATE_NOOP("catalogue", "Learner's e-mail address"),
    "registrationGuid": QT_TRANSLATE_NOOP("catalogue", "Registration GUID"),
    "registerFlag": QT_TRANSLATE_NOOP("catalogue", "Register or unregister"),
    "registrationDate": QT_TRANSLATE_NOOP("catalogue", "Registration date"),
    "lovCode": QT_TRANSLATE_NOOP("catalogue", "Learning object code"),
    "lovGuid": QT_TRANSLATE_NOOP("catalogue", "Learning object GUID"),
    "firstAccessDate": QT_TRANSLATE_NOOP("catalogue", "First access"),
    "lastAccessDate": QT_TRANSLATE_NOOP("catalogue", "Last access"),
    "firstCompletionDate": QT_TRANSLATE_NOOP("catalogue", "First completion"),
    "progression": QT_TRANSLATE_NOOP("catalogue", "Progress"),
    "trackingStatus": QT_TRANSLATE_NOOP("catalogue", "Tracking status"),
    "timeSpent": QT_TRANSLATE_NOOP("catalogue", "Time spent"),
    "score": QT_TRANSLATE_NOOP("catalogue", "Score"),
    "scoreMax": QT_TRANSLATE_NOOP("catalogue", "Maximum score"),
})
CODE_LABELS.update({
    "registerValue": QT_TRANSLATE_NOOP("catalogue", "Register"),
    "unregisterValue": QT_TRANSLATE_NOOP("catalogue", "Unregister"),
    "notAttempted": QT_TRANSLATE_NOOP("catalogue", "Not attempted"),
    "incomplete": QT_TRANSLATE_NOOP("catalogue", "Incomplete"),
    "completed": QT_TRANSLATE_NOOP("catalogue", "Completed"),
    "passed": QT_TRANSLATE_NOOP("catalogue", "Passed"),
    "failed": QT_TRANSLATE_NOOP("catalogue", "Failed"),
    "browsed": QT_TRANSLATE_NOOP("catalogue", "Browsed"),
})

_CANDIDATE_FIELDS = ("candidateLogin", "candidateRefNumber", "candidateEmail")



TRAINEE_SEARCH_OPTION = OptionDef(
    TRAINEE_SEARCH_FIELD, OptionKind.FIELD_LIST,
    QT_TRANSLATE_NOOP("catalogue", "The fields whose values, together, find the learner; "
                                   "when several learners match, the oldest."),
    default="candidateLogin", choices=_CANDIDATE_FIELDS,
    label=QT_TRANSLATE_NOOP("catalogue", "Find l&earners by"),
    none_chosen=QT_TRANSLATE_NOOP("catalogue", "Choose at least one field to find learners "
                                               "by."))

REGISTRATION_ACTION = ActionSpec(
    name="registerLearnerAction",
    label=QT_TRANSLATE_NOOP("catalogue", "Registrations"),
    summary=QT_TRANSLATE_NOOP("catalogue", "Registers learners to sessions, or unregisters "
                                           "them; creates the sessions it does not find."),
    fields=(
        *_candidates(),
        *_training_fields("training"),
        _s("sessionTitle", QT_TRANSLATE_NOOP(
            "catalogue", "The session's title. Without this column the platform renames a "
                         "session \"Session for\" its learner on a new registration."),
           one_of="session"),
        _f("sessionId", Kind.INT, QT_TRANSLATE_NOOP(
            "catalogue", "The store's id of an existing session."), one_of="session"),
        # The page's own messages for dates it cannot read.
        _f("sessionStartDate", Kind.DATE,
           QT_TRANSLATE_NOOP("catalogue", "The session's start date."),
           invalid=msg.START_DATE_NOT_VALID),
        _f("sessionEndDate", Kind.DATE,
           QT_TRANSLATE_NOOP("catalogue", "The session's end date."),
           invalid=msg.END_DATE_NOT_VALID),
        _s("registrationGuid", QT_TRANSLATE_NOOP("catalogue", "The registration's GUID."),
           max_length=40),
        replace(_f(REGISTER_FLAG, Kind.ENUM, QT_TRANSLATE_NOOP(
            "catalogue", "Y registers the learner (also when empty), N unregisters; the last "
                         "learner unregistered deletes the session unless keepSession is Y."),
                   codes=(("registerValue", "Y"), ("unregisterValue", "N")),
                   invalid=msg.INVALID_REGISTER_FLAG), settings=(KEEP_SESSION,)),
        _f("registrationDate", Kind.DATETIME,
           QT_TRANSLATE_NOOP("catalogue", "When the learner was registered.")),
    ),
    options=(
        TRAINEE_SEARCH_OPTION,
        OptionDef(TRAINING_SEARCH_FIELD, OptionKind.FIELD_LIST,
                  QT_TRANSLATE_NOOP("catalogue", "The fields whose values, together, find the "
                                                 "training course."),
                  default="trainingPathCode", choices=("trainingPathCode", "trainingId"),
                  label=QT_TRANSLATE_NOOP("catalogue", "Find training &courses by"),
                  none_chosen=QT_TRANSLATE_NOOP(
                      "catalogue", "Choose at least one field to find training courses by.")),
        _session_search_option(("sessionTitle", "sessionId", "sessionStartDate",
                                "sessionEndDate")),
        _yes_no(DONT_UPDATE_EXISTING_SESSIONS,
                QT_TRANSLATE_NOOP("catalogue", "With yes, the sessions found are left as they "
                                               "are; only new ones take the row's dates."),
                QT_TRANSLATE_NOOP("catalogue", "Leave existing sessions as they are")),
        FULL_ACCESS_OPTION,
        _yes_no(REACTIVATE_REGISTERED_LEARNERS,
                QT_TRANSLATE_NOOP("catalogue", "With yes, a disabled learner registered by a "
                                               "row is enabled again."),
                QT_TRANSLATE_NOOP("catalogue", "Reactivate registered learners"), default=YES),
    ),
)

_SCORE_MAX_OPTION = OptionDef(
    DEFAULT_SCORE_MAX, OptionKind.INT,
    QT_TRANSLATE_NOOP("catalogue", "The maximum score of a row that gives none."),
    optional=True, label=QT_TRANSLATE_NOOP("catalogue", "Default maximum score"))

TRACKING_ACTION = ActionSpec(
    name="createOrUpdateConsolidatedTrackingAction",
    label=QT_TRANSLATE_NOOP("catalogue", "Consolidated tracking"),
    summary=QT_TRANSLATE_NOOP("catalogue", "Records each learner's progress in a learning "
                                           "object of a session; a row replaces the last."),
    fields=(
        *_candidates(),
        _s("lovCode", QT_TRANSLATE_NOOP(
            "catalogue", "The learning object's code (its version's reference number)."),
           one_of="learning object"),
        _s("lovGuid", QT_TRANSLATE_NOOP("catalogue", "The learning object's GUID."),
           max_length=40, one_of="learning object"),
        _s("sessionGuid", QT_TRANSLATE_NOOP("catalogue", "The session, by GUID."),
           max_length=40, one_of="session"),
        # Optional: a session GUID or id finds the session without its course.
        *_training_fields(""),
        _s("sessionTitle", QT_TRANSLATE_NOOP(
            "catalogue", "The session, by title inside its training course."),
           one_of="session"),
        _f("sessionId", Kind.INT, QT_TRANSLATE_NOOP("catalogue", "The store's id of the "
                                                                 "session."),
           one_of="session"),
        _f("firstAccessDate", Kind.DATETIME, QT_TRANSLATE_NOOP(
            "catalogue", "When the learner first opened the learning object.")),
        _f("lastAccessDate", Kind.DATETIME, QT_TRANSLATE_NOOP(
            "catalogue", "When the learner last opened it.")),
        _f("firstCompletionDate", Kind.DATETIME, QT_TRANSLATE_NOOP(
            "catalogue", "When the learner first completed it; today for a completed row "
                         "without one.")),
        _f("progression", Kind.FLOAT, QT_TRANSLATE_NOOP("catalogue", "The learner's progress.")),
        _f("trackingStatus", Kind.ENUM, QT_TRANSLATE_NOOP(
            "catalogue", "The completion status; notAttempted resets the tracking."),
           codes=tuple((s, s) for s in TRACKING_STATUSES)),
        _f("timeSpent", Kind.DURATION, QT_TRANSLATE_NOOP(
            "catalogue", "Time spent: seconds, hh:ii:ss or PT1H25M15S.")),
        _f("score", Kind.FLOAT, QT_TRANSLATE_NOOP("catalogue", "The learner's score.")),
        _f("scoreMax", Kind.INT, QT_TRANSLATE_NOOP(
            "catalogue", "The maximum score; defaultScoreMax when empty.")),
    ),
    options=(_SCORE_MAX_OPTION,),
    parameters=(
        _SCORE_MAX_OPTION,
        OptionDef(DATE_TIME_FORMAT, OptionKind.STRING, QT_TRANSLATE_NOOP(
            "catalogue", "How the file writes dates and times (tokens as dateFormat's, with "
                         "HH, II and SS)."),
                  default="YYYY-MM-DD HH:II:SS", optional=True,
                  label=QT_TRANSLATE_NOOP("catalogue", "Date and time format")),
        OptionDef(TIME_ZONE, OptionKind.STRING, QT_TRANSLATE_NOOP(
            "catalogue", "The time zone of the file's dates and times (such as "
                         "Europe/Paris)."),
                  optional=True, label=QT_TRANSLATE_NOOP("catalogue", "Time zone")),
        OptionDef(DEFAULT_TIME, OptionKind.TIME, QT_TRANSLATE_NOOP(
            "catalogue", "The time given to a date written without one (hh:ii:ss)."),
                  default="00:00:00", optional=True,
                  label=QT_TRANSLATE_NOOP("catalogue", "Default time")),
    ),
)


# Value mappings a page writes in the action's <parameters> block rather than with the field
# (the trackingStatus page: <parameters><trackingStatus><completed>c</completed>...), so
# the mapping page offers them even where the default codes are the meanings themselves.
PARAMETER_MAPPINGS: dict[str, tuple[str, ...]] = {TRACKING_ACTION.name: ("trackingStatus",)}


# --- entities and learners (issue 15) ----------------------------------------------------------

DEFAULT_ENTITY_ID, DEFAULT_LANG_CODE = "defaultEntityId", "defaultLangCode"
ENABLE_ALL_LEARNERS, DISABLE_IMPORT_FLAG = "enableAllLearners", "disableImportFlag"
HIERARCHY_ENTITY_NAME = "hierarchyEntityName"
# A custom field is bound by its <guid> setting, as "custom:<GUID>".
CUSTOM, CUSTOM_GUID = "custom", "guid"
# candidateValidity's value mappings (the XML element names) and what the store keeps.
VALIDITY_MEANINGS = {"enabledValue": "enabled", "disabledValue": "disabled",
                     "enabledUntilValue": "enabledUntil"}
# The name of the root entity the store records when it takes a defaultEntityId on trust
# (as the entity page's hierarchy shows it: "Entity 8").
TRUSTED_ENTITY_NAME = "Entity {id}"

STORE_COLUMNS.update({
    "candidateName": "name", "candidateFirstname": "firstname",
    "candidateValidity": "validity", "candidateTimeZone": "time_zone",
    "candidateLanguages": "languages", "enabledFrom": "enabled_from",
    "enabledUntil": "enabled_until", "presentation": "presentation", CUSTOM: "custom",
    # Fields that name another record, by that record's column.
    "entityGuid": "guid", "entityId": "id", "entityName": "name",
    HIERARCHY_ENTITY_NAME: "name", "managerLogin": "login", "managerRefNumber": "ref_number",
})
FIELD_LABELS.update({
    "candidateName": QT_TRANSLATE_NOOP("catalogue", "Learner's last name"),
    "candidateFirstname": QT_TRANSLATE_NOOP("catalogue", "Learner's first name"),
    "candidatePassword": QT_TRANSLATE_NOOP("catalogue", "Learner's password"),
    "candidateValidity": QT_TRANSLATE_NOOP("catalogue", "Account enabled"),
    "candidateTimeZone": QT_TRANSLATE_NOOP("catalogue", "Learner's time zone"),
    "candidateLanguages": QT_TRANSLATE_NOOP("catalogue", "Learner's languages"),
    "enabledFrom": QT_TRANSLATE_NOOP("catalogue", "Enabled from"),
    "enabledUntil": QT_TRANSLATE_NOOP("catalogue", "Enabled until"),
    "presentation": QT_TRANSLATE_NOOP("catalogue", "Presentation"),
    CUSTOM: QT_TRANSLATE_NOOP("catalogue", "Custom field"),
    "entityGuid": QT_TRANSLATE_NOOP("catalogue", "Entity GUID"),
    "entityId": QT_TRANSLATE_NOOP("catalogue", "Entity id"),
    "entityName": QT_TRANSLATE_NOOP("catalogue", "Entity name"),
    HIERARCHY_ENTITY_NAME: QT_TRANSLATE_NOOP("catalogue", "Entity (one level per column)"),
    "managerLogin": QT_TRANSLATE_NOOP("catalogue", "Manager's login"),
    "managerRefNumber": QT_TRANSLATE_NOOP("catalogue", "Manager's reference number"),
})
CODE_LABELS.update({
    "enabledValue": QT_TRANSLATE_NOOP("catalogue", "Enabled"),
    "disabledValue": QT_TRANSLATE_NOOP("catalogue", "Disabled"),
    "enabledUntilValue": QT_TRANSLATE_NOOP("catalogue", "Enabled until a date"),
})

_DEFAULT_ENTITY_OPTION = OptionDef(
    DEFAULT_ENTITY_ID, OptionKind.INT,
    QT_TRANSLATE_NOOP("catalogue", "The id of the entity new records go under. While the "
                                   "store knows no entity, it is taken on trust and recorded "
                                   "as \"Entity <id>\"."),
    default="1", optional=True, label=QT_TRANSLATE_NOOP("catalogue", "Default entity id"))

ENTITY_ACTION = ActionSpec(
    name="createOrUpdateEntityAction",
    label=QT_TRANSLATE_NOOP("catalogue", "Entities (organisation tree)"),
    summary=QT_TRANSLATE_NOOP("catalogue", "Creates or places the entities of the "
                                           "organisation tree, one level per column, found by "
                                           "name."),
    fields=(
        # The page's column list writes it hieracrchyEntityName: read as the same field.
        replace(_s(HIERARCHY_ENTITY_NAME, QT_TRANSLATE_NOOP(
            "catalogue", "An entity's name; each such column is one level below the one "
                         "before, the first below defaultEntityId. Unknown names are created, "
                         "known ones (the oldest of a name) placed there.")),
                repeatable=True, aliases=("hieracrchyEntityName",)),
    ),
    options=(_DEFAULT_ENTITY_OPTION,),
    key_fields=(HIERARCHY_ENTITY_NAME,),
)

LEARNER_ACTION = ActionSpec(
    name="createOrUpdateLearnerAction",
    label=QT_TRANSLATE_NOOP("catalogue", "Learners"),
    summary=QT_TRANSLATE_NOOP("catalogue", "Creates or updates learners, found by their "
                                           "login (or the fields chosen in Find learners by, "
                                           "on the next page), with their entity and "
                                           "manager."),
    fields=(
        *_candidates(),
        _s("candidateName", QT_TRANSLATE_NOOP("catalogue", "The learner's last name.")),
        _s("candidateFirstname", QT_TRANSLATE_NOOP("catalogue", "The learner's first name.")),
        _s("candidatePassword", QT_TRANSLATE_NOOP(
            "catalogue", "The learner's password: checked, and never kept in the store.")),
        _f("candidateValidity", Kind.ENUM, QT_TRANSLATE_NOOP(
            "catalogue", "Y enables the account, N disables it, U enables it until "
                         "enabledUntil; before enabledFrom and enabledUntil, after "
                         "enableAllLearners."),
           codes=(("enabledValue", "Y"), ("disabledValue", "N"), ("enabledUntilValue", "U")),
           invalid=msg.VALIDITY_NOT_ALLOWED),
        _f("enabledFrom", Kind.DATE, QT_TRANSLATE_NOOP(
            "catalogue", "The first day the account is enabled."),
           invalid=msg.DATE_FORMAT_NOT_VALID),
        _f("enabledUntil", Kind.DATE, QT_TRANSLATE_NOOP(
            "catalogue", "The last day the account is enabled."),
           invalid=msg.DATE_FORMAT_NOT_VALID),
        _s("candidateLanguages", QT_TRANSLATE_NOOP(
            "catalogue", "The learner's languages, in order, comma-separated (fr-FR,en-GB); "
                         "defaultLangCode for a new learner without one.")),
        _s("candidateTimeZone", QT_TRANSLATE_NOOP(
            "catalogue", "The learner's time zone (such as Europe/Paris)."), max_length=50),
        _s("entityGuid", QT_TRANSLATE_NOOP("catalogue", "The learner's entity, by GUID."),
           max_length=40),
        _f("entityId", Kind.INT, QT_TRANSLATE_NOOP(
            "catalogue", "The learner's entity, by the store's id.")),
        _s("entityName", QT_TRANSLATE_NOOP(
            "catalogue", "The learner's entity, by name; defaultEntityId for a new learner "
                         "when no entity column is filled.")),
        _s("managerLogin", QT_TRANSLATE_NOOP("catalogue", "The manager's login (a learner).")),
        _s("managerRefNumber", QT_TRANSLATE_NOOP(
            "catalogue", "The manager's reference number (a learner).")),
        _f("presentation", Kind.LONGTEXT, QT_TRANSLATE_NOOP(
            "catalogue", "The presentation of the learner's profile.")),
        replace(_s(CUSTOM, QT_TRANSLATE_NOOP(
            "catalogue", "A custom field of the learner, named by its <guid>."),
                   max_length=250), repeatable=True, settings=(CUSTOM_GUID,)),
    ),
    options=(
        # The page's traineeSearchField may also name a custom field: <custom>GUID</custom>.
        replace(TRAINEE_SEARCH_OPTION, choices=(*TRAINEE_SEARCH_OPTION.choices, CUSTOM)),
        _DEFAULT_ENTITY_OPTION,
        OptionDef(DEFAULT_LANG_CODE, OptionKind.STRING, QT_TRANSLATE_NOOP(
            "catalogue", "The language of a new learner whose languages are empty (such as "
                         "en-GB)."),
                  optional=True, label=QT_TRANSLATE_NOOP("catalogue", "Default language")),
        FULL_ACCESS_OPTION,
        _yes_no(ENABLE_ALL_LEARNERS, QT_TRANSLATE_NOOP(
            "catalogue", "With yes, every learner a row creates or updates is enabled, "
                         "whatever candidateValidity says."),
                QT_TRANSLATE_NOOP("catalogue", "Enable all learners")),
        _yes_no(DISABLE_IMPORT_FLAG, QT_TRANSLATE_NOOP(
            "catalogue", "With yes, the platform does not mark the learners as changed by an "
                         "import (a later fullAccess=no import may not change them)."),
                QT_TRANSLATE_NOOP("catalogue", "Do not mark learners as imported")),
    ),
)


# Every action, in the order people are offered them: what a file usually feeds first comes
# first (courses and teachers before the sessions and interventions that refer to them).
ACTIONS: dict[str, ActionSpec] = {a.name: a for a in (
    ENTITY_ACTION, LEARNER_ACTION,
    TRAINING_ACTION, TEACHER_ACTION, SESSION_ACTION, INTERVENTION_ACTION,
    REGISTRATION_ACTION, TRACKING_ACTION)}

ALL_FIELD_NAMES: frozenset[str] = frozenset(
    f.name for a in ACTIONS.values() for f in a.fields)


def field_def(name: str) -> FieldDef | None:
    """The first definition of a field name across actions (types agree between actions)."""
    for action in ACTIONS.values():
        found = action.by_name.get(name)
        if found is not None:
            return found
    return None
