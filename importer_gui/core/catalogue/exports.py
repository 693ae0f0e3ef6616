"""The platform's export side, as data: its export providers, their columns and parameters,
the export actions and consolidators, and which columns a refresh keeps in the store.

A provider's ``fields`` map its export columns onto the import fields (``actions.py``) whose
values they are: a refresh reads each such column as that field is read (its type, length,
codes) and keeps it in the field's store column. Providers whose records the store has no
table for yet are recognised and named, so that a refresh says so rather than guessing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from importer_gui.core.catalogue.document import DELIMITERS, FILE_ENCODINGS
from importer_gui.core.schema import Table

# --- the document ----------------------------------------------------------------------------

EXPORT_ROOT = "export-config"
EXPORT = "export"
EXPORT_ORDER = ("providers", "actions", "consolidators", "postProcess")
COLUMNS, PARAMETERS = "columns", "parameters"
CONSTANT_VALUE = "constantValue"  # a column holding its element's text on every row

# Export actions: the file the provider's data is written to, and how.
FILE_EXPORT, SFTP_EXPORT = "fileExportAction", "sftpExportAction"
EXPORT_ACTIONS = (FILE_EXPORT, SFTP_EXPORT)
FORMAT, ENCODING, DELIMITER, SHOW_HEADERS, DECIMAL = (
    "format", "encoding", "delimiter", "showHeaders", "decimal")
SFTP_HOST, SFTP_LOGIN, SFTP_PASSWORD, SFTP_FOLDER, FILE_NAME = (
    "sftpHost", "sftpLogin", "sftpPassword", "sftpFolder", "fileName")
# Each action option and its default, in the documented order.
ACTION_OPTIONS: dict[str, str] = {FORMAT: "CSV", ENCODING: "UTF-8", DELIMITER: "semicolon",
                                  SHOW_HEADERS: "yes", DECIMAL: "point"}
SFTP_OPTIONS = (SFTP_HOST, SFTP_LOGIN, SFTP_PASSWORD, SFTP_FOLDER, FILE_NAME)
EXPORT_FORMATS = ("CSV", "TSV", "XML", "XLS")
READ_FORMATS = ("CSV", "TSV")  # the formats a refresh reads
TSV = "TSV"
EXPORT_ENCODINGS = FILE_ENCODINGS
EXPORT_DELIMITERS = tuple(DELIMITERS)
DECIMALS = ("comma", "point")

# Consolidators, in the order the platform wants them declared.
MOVE_TO_FOLDER = "moveToFolder"
EXPORT_CONSOLIDATORS = ("timeLogger", MOVE_TO_FOLDER, "emailReport", "archive",
                        "generateEndFile", "cleanFolder")
FOLDER_PATH = "folderPath"
# The documented examples spell moveToFolder's file name both ways.
MOVE_FILE_NAMES = (FILE_NAME, "filename")
# The name formats' placeholders (day, month, year, iteration): any text when matching.
NAME_PLACEHOLDERS = ("%d", "%m", "%y", "%Y", "%i", "%H", "%M", "%S")

# Parameters that shape values rather than choose rows: an export that sets only these holds
# every record of its kind, so --prune may delete what it lacks.
SHAPING_PARAMETERS = frozenset({
    "dateFormat", "dateTimeFormat", "trainingStatusFormat", "templates", "stripHTML",
    "maxLength", "durationFormat", "timeGlobalFormat", "statusFormat",
    "connectionStatusFormat", "ancestorsWithCurrent", "timeZone", "preferredLocales",
})
# Parameters whose "yes" widens the export to every record rather than narrowing it.
WIDENING_PARAMETERS = frozenset({"exportAllSessions"})
DATE_FORMAT = "dateFormat"
DEFAULT_DATE_FORMAT = "YYYY-MM-DD"


# --- providers -------------------------------------------------------------------------------

@dataclass(frozen=True)
class ExportProviderSpec:
    """One export provider: its documented columns and parameters, and what a refresh keeps.

    ``stores``: the store table its rows refresh (None: this version keeps none of them, for
    the reason ``lacking`` names). ``fields``: export column -> the import field it holds.
    ``key``: the fields, one of which must be there to find a record.
    """

    name: str
    columns: tuple[str, ...]
    parameters: tuple[str, ...]
    stores: Table | None = None
    fields: dict[str, str] = field(default_factory=dict)
    key: tuple[str, ...] = ()
    lacking: str = ""


_TRAINING_METADATA_PARAMETERS = (
    "modality", "trainingPathCode", "sessionTitle", "trainingTitle", "sessionGuid",
    "trainingGuid", "dateFormat", "dateTimeFormat", "lastNMonths", "lastNFullMonths",
    "trainingStatus", "deltaMode", "onlyFromImportedTraining", "trainingStatusFormat",
    "exportAllSessions", "timeFrames", "timeFramesScale", "templates", "stripHTML",
    "maxLength", "onlyHrisSelectedItems")
_SESSION_COLUMNS = (
    "modality", "title", "description", "creationDate", "pathModificationDate",
    "modificationDate", "constantValue", "trainingId", "trainingGuid", "trainingPathCode",
    "trainingTitle", "sessionId", "sessionGuid", "maxNbLearners", "registeredLearners",
    "startDate", "endDate", "trainingStatus", "hasClassroomActivity")
_SESSION_FIELDS = {
    "title": "sessionTitle", "sessionGuid": "sessionGuid", "startDate": "sessionStartDate",
    "endDate": "sessionEndDate", "trainingPathCode": "trainingPathCode",
    "trainingGuid": "trainingGuid", "trainingTitle": "trainingTitle",
    "modality": "trainingModality"}
_CANDIDATE_COLUMNS = (
    "candidateId", "candidateLogin", "candidateName", "candidateFirstname", "candidateEmail",
    "candidateRefNumber", "candidateGuid", "managerLogin", "candidateCustomFieldGuid",
    "candidateTimeZone", "candidatePresentation", "candidateFollowWeb",
    "candidateFollowTwitter", "candidateFollowLinkedin", "candidateLocale", "candidateLocales",
    "candidateAccountActivated", "candidateAccountActivatedFrom",
    "candidateAccountActivatedUntil", "lastPlatformAccessDate", "creationDate",
    "candidatePoints", "candidateBadges", "constantValue", "candidateEntityName",
    "candidateEntityId", "candidateSmartgroups", "candidateEntityAncestors")
_CANDIDATE_PARAMETERS = ("ancestorsWithCurrent", "timeFrames", "timeFramesScale", "entityIds",
                         "learnersSmartGroups", "templates", "stripHTML", "maxLength",
                         "dateFormat", "dateTimeFormat")
_EVENT_COLUMNS = (
    "eventTitle", "eventDescription", "eventStartDate", "eventEndDate", "eventDuration",
    "eventAllDay", "eventVirtualRoomLink", "eventTeacher", "eventStatus", "eventClassRoomTitle",
    "eventClassRoomDescription", "eventClassRoomCapacity", "eventClassRoomType")
_EVENT_PARAMETERS = ("eventClassRoomTypeFilter", "eventDurationAllDayFilter",
                     "eventStatusFilter", "templates", "stripHTML", "maxLength")

LEARNERS, LEARNING_OBJECTS, EVENTS, TRACKING, GAMIFICATION, AUDIT = (
    "learners", "learning objects", "classroom events", "tracking",
    "gamification", "training contents")

PROVIDERS: dict[str, ExportProviderSpec] = {p.name: p for p in (
    ExportProviderSpec(
        "trainingCourseMetadataProvider",
        ("modality", "title", "description", "creationDate", "pathModificationDate",
         "modificationDate", "constantValue", "trainingId", "trainingGuid", "trainingPathCode",
         "trainingPublisher"),
        _TRAINING_METADATA_PARAMETERS, Table.TRAINING,
        {"trainingPathCode": "trainingPathCode", "title": "trainingTitle",
         "trainingGuid": "trainingGuid", "modality": "trainingModality",
         "description": "trainingDescription"},
        ("trainingPathCode", "trainingGuid")),
    ExportProviderSpec(
        "trainingAuditMetadataProvider",
        ("trainingAudience", "trainingId", "trainingBenefits", "trainingBOLink",
         "trainingChapters", "description", "trainingDescription", "trainingDuration",
         "trainingFolderDescription", "trainingFurtherInformation", "trainingGoals",
         "trainingGuid", "trainingLearningPath", "trainingLocale", "modality",
         "trainingPathCode", "trainingPrice", "title", "trainingTitle", "trainingWelcomeText",
         "catalogVisibility", "trainingStatus", "trainingPublisher", "constantValue"),
        ("trainingIds", "trainingStatus", "trainingStatusFormat", "catalogVisibility",
         "selectedLocales", "templates", "stripHTML", "maxLength"), Table.TRAINING,
        {"trainingPathCode": "trainingPathCode", "trainingTitle": "trainingTitle",
         "title": "trainingTitle", "trainingGuid": "trainingGuid",
         "trainingLocale": "trainingLocale", "modality": "trainingModality",
         "trainingDescription": "trainingDescription", "description": "trainingDescription"},
        ("trainingPathCode", "trainingGuid")),
    ExportProviderSpec(
        "trainingSessionMetadataProvider", _SESSION_COLUMNS,
        (*_TRAINING_METADATA_PARAMETERS, "onlyWithClassroomActivity"), Table.SESSION,
        _SESSION_FIELDS, ("sessionGuid", "sessionTitle")),
    ExportProviderSpec(
        "sessionAuditMetadataProvider",
        (*_SESSION_COLUMNS, "sessionLocale", "trainingDescription", "trainingDuration",
         "trainingBenefits", "trainingPublisher"),
        (*_TRAINING_METADATA_PARAMETERS, "selectedLocales"), Table.SESSION,
        _SESSION_FIELDS, ("sessionGuid", "sessionTitle")),
    ExportProviderSpec("platformCandidatesProvider", _CANDIDATE_COLUMNS, _CANDIDATE_PARAMETERS,
                       lacking=LEARNERS),
    ExportProviderSpec("candidatesProvider", _CANDIDATE_COLUMNS, _CANDIDATE_PARAMETERS,
                       lacking=LEARNERS),
    ExportProviderSpec("learningObjectMetadataProvider", (), (), lacking=LEARNING_OBJECTS),
    ExportProviderSpec("learningObjectVersionMetadataProvider", (), (),
                       lacking=LEARNING_OBJECTS),
    ExportProviderSpec("eventSessionMetadataProvider",
                       ("sessionId", "sessionGuid", "sessionTitle", "sessionStartDate",
                        "sessionEndDate", *_EVENT_COLUMNS), _EVENT_PARAMETERS, lacking=EVENTS),
    ExportProviderSpec("eventTrainingMetadataProvider", (), (), lacking=EVENTS),
    ExportProviderSpec("eventLearnerMetadataProvider", (), (), lacking=EVENTS),
    ExportProviderSpec("instructorLedTrainingActivityProvider", (), (), lacking=EVENTS),
    ExportProviderSpec("activityProvider", (), (), lacking=TRACKING),
    ExportProviderSpec("trackingProvider", (), (), lacking=TRACKING),
    ExportProviderSpec("trackingLogProvider", (), (), lacking=TRACKING),
    ExportProviderSpec("consolidatedTrackingProvider", (), (), lacking=TRACKING),
    ExportProviderSpec("platformCandidatesAccessProvider", (), (), lacking=LEARNERS),
    ExportProviderSpec("consolidatedGamificationBadgesProvider", (), (),
                       lacking=GAMIFICATION),
    ExportProviderSpec("consolidatedGamificationEventsProvider", (), (),
                       lacking=GAMIFICATION),
    ExportProviderSpec("trainingAuditContentProvider", (), (), lacking=AUDIT),
)}

# What ``export-config`` schedules: the providers a refresh keeps, with the columns it reads
# (in this order) and the file each one's data goes to.
SCHEDULED: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("trainingCourseMetadataProvider",
     ("trainingPathCode", "trainingGuid", "title", "modality", "description"),
     "platform_trainings.csv"),
    ("trainingSessionMetadataProvider",
     ("trainingPathCode", "trainingGuid", "trainingTitle", "sessionGuid", "title",
      "startDate", "endDate"),
     "platform_sessions.csv"),
)
SCHEDULED_PARAMETERS: dict[str, str] = {DATE_FORMAT: DEFAULT_DATE_FORMAT}
SCHEDULED_SESSION_PARAMETERS: dict[str, str] = {"exportAllSessions": "Y"}


# --- messages --------------------------------------------------------------------------------

NOT_STORED = ("<{provider}> exports {what}; this version of Import Assistant does not store "
              "{what} yet, so it cannot refresh from it.")
NO_EVENT_GUID = ("<{provider}> exports classroom events without the intervention GUID the "
                 "store finds an intervention by, so a refresh cannot match them.")
NOT_READ_FORMAT = ("<{action}> writes {format}; a refresh reads the CSV and TSV formats "
                   "only.")
NO_KEY_COLUMN = ("<{provider}> has none of the columns {columns}; a refresh needs one of "
                 "them to find each record.")
TRAINING_CODE_TAKEN = ("Field {field}: {code} is already the code of another training course "
                       "in the store ({guid}); it is not renamed.")
SESSION_GUID_ELSEWHERE = ("Field {field}: session {guid} is in the store under training "
                          "course {was}; it moves to {now}.")
NO_TRAINING_NAMED = "Fields {fields} are all empty: one of them must name the training course."
NO_SESSION_NAMED = "Fields {fields} are both empty: one of them must name the session."
PRUNED = "Not in the export: deleted (--prune)."
PRUNE_KEPT = ("Not in the export, but {what} of it {verb}: kept.")
PRUNE_SKIPPED = ("--prune was not applied to {file}: {count} of its rows have errors, and "
                 "the records they name would be deleted; fix them first.")
PRUNE_FILTERED = ("--prune is refused: <{provider}> chooses its rows with {parameters}, so "
                  "the records it leaves out are not gone from the platform.")
