"""Every message a row can get, as templates the actions fill in with ``str.format``.

The platform's own wording comes first: for the cases it documents, a row must get exactly
these words (``PLATFORM`` lists them). Ours follow, for the cases it leaves open; they name the
field and the value. A template is formatted only when its issue is recorded.

Ours are marked ``QT_TRANSLATE_NOOP("messages", …)``: the window recognises a message by its
template and shows it in the user's language (``ui/messages_text.py``). The platform's are
never marked: they stay word for word in English.
"""

from __future__ import annotations

from importer_gui.core.catalogue.specs import QT_TRANSLATE_NOOP

# --- the platform's --------------------------------------------------------------------------

FIELD_EMPTY = "Field {field} is empty."
DATE_NOT_VALID = "Date {value} not valid."
TRAINING_CODE_UNKNOWN = "Training with training path code {code} is not found."
TRAINING_PATH_CODE_UNKNOWN = "Training with path code {code} is not found."
TRAINING_GUID_UNKNOWN = "Training with guid {guid} is not found."
SESSION_GUID_UNKNOWN = "Session with guid {value} is not found for this training."
SESSION_TITLE_UNKNOWN = "Session with title {value} is not found for this training."
TEACHER_UNKNOWN = "Teacher with login {login} is not found."
GROUP_DUPLICATED = "Group with name {name} is duplicated."
# A coded value that is not a code: {value}, and {expected} as "A, B or C".
INVALID_SESSION_ACTION = "Invalid sessionAction value: {value}"
INVALID_STATUS = "Status has invalid value {value}, {expected} expected."
INVALID_MODALITY = "The modality must be {expected}, {value} detected."
# A configuration's dateFormat with other characters than these.
DATE_FORMAT_INVALID = ("the given date format {format} is not valid. It should only contain the "
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
LEAP_DAY_1900 = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: {value} is a day that never was (Excel counts a 29 February in "
                "1900, which was not a leap year).")
LEAP_DAY_1900_UNSURE = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: the workbook's date {value} may be Excel's 29/02/1900, a day "
                "that never was, and an .xls file cannot tell; type the date as text.")
LINE_UNREADABLE = QT_TRANSLATE_NOOP(
    "messages", "The workbook reader cannot convert a cell of this line ({detail}): a date or "
                "time far out of range, perhaps; the line is not read.")

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
SESSION_ID_TAKEN = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: {id} is already the id of a session of another training course.")
TRAINING_GUID_TAKEN = QT_TRANSLATE_NOOP(
    "messages", "Field {field}: {guid} is already the GUID of training course {code}.")
NOT_CREATED_BY_IMPORT = QT_TRANSLATE_NOOP(
    "messages", "fullAccess is no: {record} was not created by an import, so this import may not "
                "change it.")
A_SESSION = QT_TRANSLATE_NOOP("messages", "session {title}")
A_TRAINING = QT_TRANSLATE_NOOP("messages", "training course {code}")


# Values longer than this are shortened in messages (a number of thousands of digits).
SHOWN_LENGTH = 40


def shortened(value: str) -> str:
    """A value as a message shows it: a very long one cut, with its length."""
    if len(value) <= SHOWN_LENGTH:
        return value
    return f"{value[:SHOWN_LENGTH // 2]}… ({len(value)} characters)"


def either(codes: list[str]) -> str:
    """Codes as the platform lists alternatives: "A, B or C"."""
    if len(codes) < 2:
        return "".join(codes)
    return f"{', '.join(codes[:-1])} or {codes[-1]}"
