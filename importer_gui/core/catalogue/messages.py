"""Every message a row can get, as templates the actions fill in with ``str.format``.

The platform's own wording comes first: for the cases it documents, a row must get exactly
these words (``PLATFORM`` lists them). Ours follow, for the cases it leaves open; they name the
field and the value. A template is formatted only when its issue is recorded.

Ours are marked ``QT_TRANSLATE_NOOP("messages", …)``: the window recognises a message by its
template and shows it in the user's language (``ui/messages_text.py``). The platform's are
marked ``QT_TRANSLATE_NOOP("platform", …)``: the window shows them in the user's language too,
with the platform's words a tooltip away; files and the command line keep its words.
"""

from __future__ import annotations

from importer_gui.core.catalogue.specs import QT_TRANSLATE_NOOP

# --- the platform's --------------------------------------------------------------------------

FIELD_EMPTY = QT_TRANSLATE_NOOP("platform", "Field {field} is empty.")
DATE_NOT_VALID = QT_TRANSLATE_NOOP("platform", "Date {value} not valid.")
TRAINING_CODE_UNKNOWN = QT_TRANSLATE_NOOP(
    "platform", "Training with training path code {code} is not found.")
TRAINING_PATH_CODE_UNKNOWN = QT_TRANSLATE_NOOP(
    "platform", "Training with path code {code} is not found.")
TRAINING_GUID_UNKNOWN = QT_TRANSLATE_NOOP("platform", "Training with guid {guid} is not found.")
SESSION_GUID_UNKNOWN = QT_TRANSLATE_NOOP(
    "platform", "Session with guid {value} is not found for this training.")
SESSION_TITLE_UNKNOWN = QT_TRANSLATE_NOOP(
    "platform", "Session with title {value} is not found for this training.")
TEACHER_UNKNOWN = QT_TRANSLATE_NOOP("platform", "Teacher with login {login} is not found.")
GROUP_DUPLICATED = QT_TRANSLATE_NOOP("platform", "Group with name {name} is duplicated.")
# A coded value that is not a code: {value}, and {expected} as "A, B or C".
INVALID_SESSION_ACTION = QT_TRANSLATE_NOOP("platform", "Invalid sessionAction value: {value}")
INVALID_STATUS = QT_TRANSLATE_NOOP(
    "platform", "Status has invalid value {value}, {expected} expected.")
# The page's Error Messages table, not IO_items.yml's longer list of modalities: the issue
# says the table wins where they differ (its closing quote, a slip of the page, left out).
INVALID_MODALITY = QT_TRANSLATE_NOOP(
    "platform", "The modality must be distancelearning, knowledgecommunity, learning_channel or "
                "blended, {value} detected.")
# A configuration's dateFormat with other characters than these.
DATE_FORMAT_INVALID = QT_TRANSLATE_NOOP(
    "platform", "the given date format {format} is not valid. It should only contain the "
                "following characters (case insensitive): 'YMDHIS /_.:;,-'")

PLATFORM: frozenset[str] = frozenset({
    FIELD_EMPTY, DATE_NOT_VALID, TRAINING_CODE_UNKNOWN, TRAINING_PATH_CODE_UNKNOWN,
    TRAINING_GUID_UNKNOWN, SESSION_GUID_UNKNOWN, SESSION_TITLE_UNKNOWN, TEACHER_UNKNOWN,
    GROUP_DUPLICATED, INVALID_SESSION_ACTION, INVALID_STATUS, INVALID_MODALITY,
    DATE_FORMAT_INVALID,
})

# --- ours ------------------------------------------------------------------------------------

# Reading a field's value.
TOO_LONG = QT_TRANSLATE_NOOP(
    "messages", "Field {field} is longer than {limit} characters ({length}).")
NOT_A_CODE = QT_TRANSLATE_NOOP("messages", "Field {field}: {value} is not one of {codes}.")
NOT_A_WHOLE_NUMBER = QT_TRANSLATE_NOOP("messages", "Field {field}: {value} is not a whole number.")
NOT_A_DATE = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: {value} is not a date in the format {format}.")
NOT_AN_EMAIL = QT_TRANSLATE_NOOP("messages", "Field {field}: {value} is not an e-mail address.")
NUMBER_OUT_OF_RANGE = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: {value} is out of range; the store holds whole numbers from "
                "{low} to {high}.")
ID_OUT_OF_RANGE = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: {value} cannot be an id; an id given in a file is a whole number "
                "from {low} to {high}.")
INVISIBLE_CHARACTERS = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: {value} holds characters that cannot be seen ({chars}); is it "
                "the code you meant?")

# Cells a workbook reader could not turn into values.
CELL_NOT_A_NUMBER = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: the cell holds {value} (not a number) where a date or number was "
                "expected.")
C1_CONTROLS = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: the value holds invisible control characters (bytes this "
                "encoding reads so, which Windows-1252 reads as ’, –, € and the like): "
                "declare the file as WINDOWS-1252.")
# Text an earlier program garbled (and so may be meant): {encoding} is the one that misread
# it ("Windows-1252", "Mac Roman", the same in every language), {repaired} what it reads
# repaired.
GARBLED_TEXT = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: {value} looks like UTF-8 text that was read as {encoding} "
                "before it was saved; once repaired it reads {repaired}. Correct the file "
                "unless the text is meant.")
# U+FFFD in a cell: a program that could not read a letter put it there, and the letter is lost.
LOST_LETTER = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: {value} holds �, the sign a program puts where it could not "
                "read a letter: the letter was lost before the file reached us and cannot be "
                "guessed. Take the file again from its source.")
# Excel's way to keep a text as typed (="0042" shows 0042), which any other reader takes as
# it is written.
EXCEL_TEXT_FORMULA = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: {value} is an Excel formula that shows the text between its "
                "quotes; the platform would store the formula itself: write the value alone, "
                "without = and the quotes.")
NUL_IN_CELL = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: the value holds a NUL character (written _x0000_ in the "
                "workbook), which neither the platform nor the store can keep; remove it from "
                "the cell.")
STRING_NOT_NUMBERED = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: the cell {cell} should give the number of one of the workbook's "
                "shared texts but holds {value}; the workbook is damaged: type the cell's text "
                "again in a spreadsheet and save it.")
NEGATIVE_DATE = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: the cell {cell} is formatted as a date or time but holds "
                "{value}, a number below zero, which is no date or time (Excel shows ####); "
                "type the date, or format the cell as a number.")
LEAP_DAY_1900 = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: {value} is a day that never was (Excel counts a 29 February in "
                "1900, which was not a leap year).")
LEAP_DAY_1900_UNSURE = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: the workbook's date {value} may be Excel's 29/02/1900, a day "
                "that never was, and an .xls file cannot tell; type the date as text.")
# A file's header line again in its data: files joined with cat, each with its header.
HEADER_AGAIN = QT_TRANSLATE_NOOP(
    "messages", "The line repeats the header line: are two files joined one after the other? "
                "Delete the line; it is not read.")
LINE_UNREADABLE = QT_TRANSLATE_NOOP(
    "messages", "The workbook reader cannot convert a cell of this line ({detail}): a date or "
                "time far out of range, perhaps; the line is not read.")

# A line whose number of cells differs from the mapping's (and the file's other lines').
LINE_SHORT = QT_TRANSLATE_NOOP(
    "messages", "The line holds {count} of the {mapped} values the configuration maps; the "
                "missing ones are read as empty.")
LINE_LONG = QT_TRANSLATE_NOOP(
    "messages", "The line has {count} values where the configuration maps {mapped}; the values "
                "after the first {mapped} are not read.")

# Finding the records a row names.
NO_TEACHER_WITH_LOGIN = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: no teacher has the login {login}.")
NO_TRAINING_WITH_ID = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: no training course has the id {id}.")
NOT_THE_TRAINING_ID = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: {id} is not the id of training course {code}.")
NOT_THE_TRAINING_TITLE = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: {value} is not the title of training course {code} ({title}); "
                "the training course is not changed.")
NO_TRAINING_NAMED = QT_TRANSLATE_NOOP(
    "messages", "Fields {fields} are both empty: one of them must name the training course.")
NO_SESSION_NAMED = QT_TRANSLATE_NOOP(
    "messages", "Fields {fields} are both empty: one of them must name the session.")
SEARCH_EMPTY = QT_TRANSLATE_NOOP(
    "messages", "Field {field} is empty: the session cannot be found (sessionSearchField is "
                "{fields}).")

# Writing them.
NOTHING_TO_DELETE = QT_TRANSLATE_NOOP(
    "messages", "No session matches this row: there is nothing to delete.")
TRAINING_GUID_TAKEN = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: {guid} is already the GUID of training course {code}.")
NOT_CREATED_BY_IMPORT = QT_TRANSLATE_NOOP(
    "messages", "fullAccess is no: {record} was not created by an import, so this import may not "
                "change it.")
A_SESSION = QT_TRANSLATE_NOOP("messages", "session {title}")
A_TRAINING = QT_TRANSLATE_NOOP("messages", "training course {code}")

# WARNING: an earlier row of the same file (line {line}) created or updated the record this
# row creates or updates; the later row's values win. One per kind of record.
LEARNER_SET_AGAIN = QT_TRANSLATE_NOOP(
    "messages", "Line {line} of this file already sets this learner; this row's values are "
                "applied after it.")
TRAINING_SET_AGAIN = QT_TRANSLATE_NOOP(
    "messages", "Line {line} of this file already sets this training course; this row's values "
                "are applied after it.")
SESSION_SET_AGAIN = QT_TRANSLATE_NOOP(
    "messages", "Line {line} of this file already sets this session; this row's values are "
                "applied after it.")
TEACHER_SET_AGAIN = QT_TRANSLATE_NOOP(
    "messages", "Line {line} of this file already sets this teacher; this row's values are "
                "applied after it.")
INTERVENTION_SET_AGAIN = QT_TRANSLATE_NOOP(
    "messages", "Line {line} of this file already sets this intervention; this row's values "
                "are applied after it.")
ROOM_SET_AGAIN = QT_TRANSLATE_NOOP(
    "messages", "Line {line} of this file already sets this room; this row's values are "
                "applied after it.")


# Values longer than this are shortened in messages (a number of thousands of digits).
SHOWN_LENGTH = 40


def shortened(value: str) -> str:
    """A value as a message shows it: a very long one cut, with its length."""
    if len(value) <= SHOWN_LENGTH:
        return value
    return f"{value[:SHOWN_LENGTH // 2]}… ({len(value)} characters)"


# Said after a format holding II: the platform's letters for minutes, which people take for
# hours or a typing mistake.
MINUTES_NOTE = QT_TRANSLATE_NOOP("messages", " (II: minutes)")


def shown_format(date_format: str) -> str:
    """A date (and time) format as a user is shown it: with what its II stands for."""
    return date_format + MINUTES_NOTE if "II" in date_format.upper() else date_format


def either(codes: list[str]) -> str:
    """Codes as the platform lists alternatives: "A, B or C"."""
    if len(codes) < 2:
        return "".join(codes)
    return f"{', '.join(codes[:-1])} or {codes[-1]}"


# --- registerLearnerAction and createOrUpdateConsolidatedTrackingAction (issue 15) -----------
# The platform's, word for word from each page's Error Messages table ([...] -> {...}).

START_DATE_NOT_VALID = QT_TRANSLATE_NOOP("platform", "Start date {value} not valid.")
END_DATE_NOT_VALID = QT_TRANSLATE_NOOP("platform", "End date {value} not valid.")
TRAINING_MANDATORY = QT_TRANSLATE_NOOP(
    "platform", "The training could not be found and it is mandatory.")
# {value} the row's flag, {expected} "Y or N" (registerValue, then unregisterValue).
INVALID_REGISTER_FLAG = QT_TRANSLATE_NOOP(
    "platform", "Register flag has invalid value {value}, {expected} expected.")
SESSION_MANDATORY = QT_TRANSLATE_NOOP(
    "platform", "The session can not be found and it's mandatory.")
NO_CANDIDATE_SEARCH = QT_TRANSLATE_NOOP(
    "platform", "No search field was provided to find the candidate.")
CANDIDATE_NOT_FOUND = QT_TRANSLATE_NOOP("platform", "The candidate was not found.")
# The platform hands records along a row's actions; a registration given no learner by the
# action before it on the row (see actions/registration.py).
CANDIDATE_NOT_INPUT = QT_TRANSLATE_NOOP(
    "platform", "The candidate was not detected as a input data, object of type {type} provided.")
NO_TRAINING_FOR_SESSION = QT_TRANSLATE_NOOP(
    "platform", "Cannot create a session without valid training course.")
SESSION_NOT_RETRIEVED = QT_TRANSLATE_NOOP(
    "platform", "The session could not be created or retrieved from the database.")
# WARNINGs on a row whose outcome is unchanged (issue 15: they describe nothing to do).
ALREADY_REGISTERED = QT_TRANSLATE_NOOP(
    "platform", "The learner is already registered to this training session.")
NOT_REGISTERED = QT_TRANSLATE_NOOP("platform", "The candidate is not registered to this training.")

NO_LEARNING_OBJECT = QT_TRANSLATE_NOOP(
    "platform", "At least one of these element must be present: learning object version code or "
                "GUID.")
CROSSKNOWLEDGE_OBJECT = QT_TRANSLATE_NOOP(
    "platform", "This learning object is provided by CrossKnowledge, and this report cannot be "
                "updated.")
EASYQUIZZ_OBJECT = QT_TRANSLATE_NOOP(
    "platform", "This learning object is an EasyQuizz, and this report cannot be updated.")
NO_LEARNER_REFERENCE = QT_TRANSLATE_NOOP(
    "platform", "At least one of these element must be present: learner login, reference number "
                "or email.")
# The page's text without the stray quote after its last period (a slip of the page, as the
# training course page's unbalanced quote is taken to be).
NO_TRACKING_CONTEXT = QT_TRANSLATE_NOOP(
    "platform", 'At least one of the following to provide a precise context : "session GUID" or '
                'the couple "session title" & "training code".')
NO_REGISTRATION_FOUND = QT_TRANSLATE_NOOP("platform", "No registration found for given parameters.")
COMPLETION_NOT_COMPLETED = QT_TRANSLATE_NOOP(
    "platform", "You cannot set a first completion date if the LO is not completed.")

PLATFORM = PLATFORM | frozenset({
    START_DATE_NOT_VALID, END_DATE_NOT_VALID, TRAINING_MANDATORY, INVALID_REGISTER_FLAG,
    SESSION_MANDATORY, NO_CANDIDATE_SEARCH, CANDIDATE_NOT_FOUND, CANDIDATE_NOT_INPUT,
    NO_TRAINING_FOR_SESSION, SESSION_NOT_RETRIEVED, ALREADY_REGISTERED, NOT_REGISTERED,
    NO_LEARNING_OBJECT, CROSSKNOWLEDGE_OBJECT, EASYQUIZZ_OBJECT, NO_LEARNER_REFERENCE,
    NO_TRACKING_CONTEXT, NO_REGISTRATION_FOUND, COMPLETION_NOT_COMPLETED,
})

# Ours, for what the two pages leave open.
SESSION_RENAMED = QT_TRANSLATE_NOOP(
    "messages", "No column holds sessionTitle: for a new registration the platform renames "
                "session {old} to \"{new}\".")
SESSION_FOR = "Session for {name}"  # the title the platform gives a session renamed so
SESSION_KEPT = QT_TRANSLATE_NOOP("messages", "Session {title} is not updated: {reason}.")
# WARNING: a row creating a session whose title looks a slip of one its course has.
SESSION_NEAR_MISS = QT_TRANSLATE_NOOP(
    "messages", "No session '{title}' in {code}; '{near}' exists: this row creates a new session.")
KEPT_BY_OPTION = QT_TRANSLATE_NOOP("messages", "dontUpdateExistingSessions is yes")
KEPT_BY_ACCESS = QT_TRANSLATE_NOOP("messages", "fullAccess is no and no import created it")
SESSION_NOT_DELETED = QT_TRANSLATE_NOOP(
    "messages", "Session {title} has no learner left but is kept: fullAccess is no and no "
                "import created it.")
REGISTRATION_GUID_TAKEN = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: {guid} is already the GUID of another registration.")
A_REGISTRATION = QT_TRANSLATE_NOOP("messages", "the registration of {learner} to session {title}")
NO_LEARNER_WITH = QT_TRANSLATE_NOOP("messages", "Field {field}: no learner has {value}.")
NO_TRAINING_WITH = QT_TRANSLATE_NOOP("messages", "Field {field}: no training course has {value}.")
NO_SESSION_WITH = QT_TRANSLATE_NOOP("messages", "Field {field}: no session has {value}.")
NO_SESSION_WITH_ID = QT_TRANSLATE_NOOP("messages", "Field {field}: no session has the id {value}.")
SESSION_NOT_OF_TRAINING = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: session {value} is not a session of training course {code}.")
LEARNING_OBJECT_UNKNOWN = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: no learning object has {value}.")
NOT_A_LEARNING_OBJECT_OF = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: {value} is not one of the learning objects of training course "
                "{code} ({codes}).")
NOTHING_TO_RESET = QT_TRANSLATE_NOOP(
    "messages", "No tracking matches this row: there is nothing to reset.")
TIME_ZONE_UNKNOWN = QT_TRANSLATE_NOOP(
    "messages", "timeZone {zone} is not a time zone of the tz database (such as Europe/Paris).")


# --- createOrUpdateEntityAction and createOrUpdateLearnerAction (issue 15) -------------------
# The platform's, word for word from the learner page's Error Messages table ([...] -> {...}).

VALIDITY_NOT_ALLOWED = QT_TRANSLATE_NOOP(
    "platform", 'The "validity" field value {value} is not allowed.')
# WARNING: the row's login is another learner's; the learner gets {name} (see learner.py).
LOGIN_TAKEN = QT_TRANSLATE_NOOP(
    "platform", "The login: {login} already exists. The user name will be: {name}")
# A learner's date the action's dateFormat cannot read.
DATE_FORMAT_NOT_VALID = QT_TRANSLATE_NOOP("platform", "Date format is not valid")
ENABLED_UNTIL_BEFORE_FROM = QT_TRANSLATE_NOOP(
    "platform", "enabledUntil is inferior to enabledFrom or vice versa")
ENTITY_NAME_UNKNOWN = QT_TRANSLATE_NOOP("platform", "Entity with name {name} not found.")
ENTITY_NAME_DUPLICATED = QT_TRANSLATE_NOOP("platform", "Entity with name {name} is duplicated.")

PLATFORM = PLATFORM | frozenset({
    VALIDITY_NOT_ALLOWED, LOGIN_TAKEN, DATE_FORMAT_NOT_VALID, ENABLED_UNTIL_BEFORE_FROM,
    ENTITY_NAME_UNKNOWN, ENTITY_NAME_DUPLICATED,
})

# Ours, for what the two pages leave open.
LEARNER_SEARCH_EMPTY = QT_TRANSLATE_NOOP(
    "messages", "Field {field} is empty: the learner cannot be found (traineeSearchField is "
                "{fields}).")
LEARNER_SEARCH_NOT_IN_FILE = QT_TRANSLATE_NOOP(
    "messages", "traineeSearchField is {fields}, and no column of the file holds it: the "
                "learner cannot be found.")
NO_LEARNER_NAMED = QT_TRANSLATE_NOOP(
    "messages", "Fields {fields} are all empty: one of them must name the learner.")
NO_ENTITY_WITH_GUID = QT_TRANSLATE_NOOP("messages", "Field {field}: no entity has the GUID {guid}.")
NO_ENTITY_WITH_ID = QT_TRANSLATE_NOOP("messages", "Field {field}: no entity has the id {id}.")
ENTITIES_DISAGREE = QT_TRANSLATE_NOOP(
    "messages", "Fields {fields} name different entities ({names}).")
# defaultEntityId names no entity the store knows (the platform's task fails then).
DEFAULT_ENTITY_UNKNOWN = QT_TRANSLATE_NOOP(
    "messages", "defaultEntityId is {id}, and no entity of the store has this id: the import "
                "would fail on the platform.")
NO_MANAGER_WITH_LOGIN = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: no learner has the login {value}.")
NO_MANAGER_WITH_REF_NUMBER = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: no learner has the reference number {value}.")
MANAGERS_DISAGREE = QT_TRANSLATE_NOOP(
    "messages", "Fields {fields} name different learners ({names}).")
OWN_MANAGER = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: {value} is this learner; a learner cannot be their own manager.")
NOT_A_TIME_ZONE = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: {value} is not a time zone (such as Europe/Paris).")
NOT_A_LANGUAGE = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: {value} is not a list of language codes (such as fr-FR,en-GB).")
NO_ENABLED_UNTIL = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: {value} means enabled until a date, and the learner has no "
                "enabledUntil date.")
A_LEARNER = QT_TRANSLATE_NOOP("messages", "learner {name}")
ENTITY_LEVEL_EMPTY = QT_TRANSLATE_NOOP(
    "messages", "Field {field} is empty, yet {deeper} names a level below it ({name}).")
ENTITY_UNDER_ITSELF = QT_TRANSLATE_NOOP(
    "messages", "Entity {name} cannot be placed under {parent}: {parent} is inside it.")
ENTITY_MOVED = QT_TRANSLATE_NOOP("messages", "Entity {name} moves from {old} to {new}.")
NO_PARENT = QT_TRANSLATE_NOOP("messages", "the top of the tree")


# --- createOrUpdateTrainingCourseAction, sessions, interventions (issue 15) ------------------
# The platform's, word for word from the training course page's Error Messages table.

MODALITY_CHANGED = QT_TRANSLATE_NOOP("platform", "You can't change the training's modality.")
STEPS_EMPTY_FOR_BLENDED = QT_TRANSLATE_NOOP(
    "platform", 'The field "trainingSteps" can\'t be empty when importing a blended training.')
STEP_TITLE_EMPTY = QT_TRANSLATE_NOOP(
    "platform", "Step title error at step #{step} : The result of the title's sanitization is "
                "empty.")
LOV_CODE_UNKNOWN = QT_TRANSLATE_NOOP(
    "platform", "lovCodes error: LOV ref number {code} is more than one LO or doesn't exist.")

PLATFORM = PLATFORM | frozenset({
    MODALITY_CHANGED, STEPS_EMPTY_FOR_BLENDED, STEP_TITLE_EMPTY, LOV_CODE_UNKNOWN,
})

# Ours, for what the pages leave open.
LOV_CODE_EMPTY = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: step #{step} of {value} has an empty learning object code.")
STEP_DURATION_INVALID = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: step #{step}'s duration {value} is not a whole number of days.")
STEPS_KEPT = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: the steps of blended training course {code} can be added to, "
                "never removed or changed; its steps are kept as they are.")
LOV_CODES_KEPT = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: an import never removes learning objects from blended training "
                "course {code}; {codes} stay in it.")
NO_TRAINING_TO_DELETE = QT_TRANSLATE_NOOP(
    "messages", "No training course matches this row: there is nothing to delete.")
TRAINING_HAS_SESSIONS = QT_TRANSLATE_NOOP(
    "messages", "Training course {code} has sessions ({count}): delete them first "
                "(sessionAction A), then the course.")
# trainingScoreSuccessThreshold and trainingScoresVisibleByLearners: still in the page's
# example, left out of its column list.
LEGACY_FIELD_IGNORED = QT_TRANSLATE_NOOP(
    "messages", "Field {field} is ignored: the platform no longer reads this legacy field (it "
                "depends on a setting very few platforms have).")
NO_TRAINING_WITH_TITLE = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: no training course has the title {title}.")
TRAINING_TITLE_SHARED = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: several training courses have the title {title}; name the "
                "course by its code or id.")
NO_SESSION_WITH_THAT_ID = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: no session of training course {code} has the id {id} (with this "
                "row's other search values); the platform numbers new sessions, so leave "
                "{field} empty to create one.")
TRAININGS_DIFFER = QT_TRANSLATE_NOOP(
    "messages", "Fields {guid_field} and {code_field} name two different training courses: "
                "{guid} is the GUID of {other}, not of {code}.")

# --- reading numbers, durations, dates and times (issue 15; the CONFIG helper's block) -------
NOT_A_NUMBER = QT_TRANSLATE_NOOP("messages", "Field {field}: {value} is not a number.")
NOT_A_DURATION = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: {value} is not a duration (seconds, hh:ii:ss, or ISO 8601 such "
                "as PT1H25M15S).")
NOT_A_DATETIME = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: {value} is not a date and time in the format {format}.")
