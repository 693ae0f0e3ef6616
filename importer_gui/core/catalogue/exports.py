"""The platform's export side, as data: its export providers, their columns and parameters,
the export actions and consolidators, and which columns a refresh keeps in the store.

A provider's ``fields`` map its export columns onto the import fields (``actions.py``) whose
values they are: a refresh reads each such column as that field is read (its type, length,
codes) and keeps it in the field's store column. Providers whose records the store has no
table for yet are recognised and named, so that a refresh says so rather than guessing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from importer_gui.core import errors
from importer_gui.core.catalogue.document import DELIMITERS, FILE_ENCODINGS
from importer_gui.core.catalogue.specs import QT_TRANSLATE_NOOP, FieldDef, Kind
from importer_gui.core.schema import Table

# --- the document ----------------------------------------------------------------------------

EXPORT_ROOT = "export-config"
EXPORT = "export"
EXPORT_ORDER = ("providers", "actions", "consolidators", "postProcess")
COLUMNS, PARAMETERS = "columns", "parameters"
CONSTANT_VALUE = "constantValue"  # a column holding its element's text on every row
# The parameter of templates, and the column each template fills (its templateId names it):
# the platform documents them together, so every provider with the one has the other.
TEMPLATES, TEMPLATED_VALUE = "templates", "templatedValue"

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

# Consolidators, in the order the platform documents them (export_config warns of another).
MOVE_TO_FOLDER = "moveToFolder"
EXPORT_CONSOLIDATORS = ("timeLogger", MOVE_TO_FOLDER, "emailReport", "archive",
                        "generateEndFile", "cleanFolder")
FOLDER_PATH = "folderPath"
# The documented examples spell moveToFolder's file name both ways.
MOVE_FILE_NAMES = (FILE_NAME, "filename")
# The name formats' placeholders: the digits each one stands for in a file's name, and its
# rank in the date that name gives, the most significant first (the year, ..., the second,
# then the iteration): the newest export is the one its name dates last, whatever the times
# a copy or a download gave the files.
NAME_DATE_PARTS = {"%Y": (r"\d{4}", 0), "%y": (r"\d{2}", 0), "%m": (r"\d{1,2}", 1),
                   "%d": (r"\d{1,2}", 2), "%H": (r"\d{1,2}", 3), "%M": (r"\d{1,2}", 4),
                   "%S": (r"\d{1,2}", 5), "%i": (r"\d+", 6)}
# What a two-digit year (%y) is counted from.
CENTURY = 2000

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


# --- fields only exports carry --------------------------------------------------------------

# No import has these fields (the platform imports no learning object, and finds a learner by
# login or number, never by GUID): a refresh reads them as these definitions say. Their
# lengths are IO_items.yml's.
CANDIDATE_GUID = "candidateGuid"
LO_CODE, LO_GUID, LO_TITLE, LO_PUBLISHER, LO_TYPE = (
    "learningObjectCode", "learningObjectGuid", "learningObjectTitle",
    "learningObjectPublisher", "learningObjectType")
EVENT_START, EVENT_END, EVENT_ROOM, EVENT_STATUS = (
    "eventStartDate", "eventEndDate", "eventClassRoomTitle", "eventStatus")
EXPORT_FIELDS: dict[str, FieldDef] = {f.name: f for f in (
    FieldDef(CANDIDATE_GUID, Kind.STRING, QT_TRANSLATE_NOOP("catalogue", "The learner's GUID."),
             max_length=40, column="guid",
             label=QT_TRANSLATE_NOOP("catalogue", "Learner's GUID")),
    FieldDef(LO_CODE, Kind.STRING, QT_TRANSLATE_NOOP(
        "catalogue", "The learning object's reference number (what lovCodes and a tracking "
                     "row's lovCode name)."),
             column="code", label=QT_TRANSLATE_NOOP("catalogue", "Learning object code")),
    FieldDef(LO_GUID, Kind.STRING, QT_TRANSLATE_NOOP("catalogue", "The learning object's GUID."),
             max_length=40, column="guid",
             label=QT_TRANSLATE_NOOP("catalogue", "Learning object GUID")),
    FieldDef(LO_TITLE, Kind.STRING, QT_TRANSLATE_NOOP(
        "catalogue", "The learning object's title."),
             column="title", label=QT_TRANSLATE_NOOP("catalogue", "Learning object title")),
    # IO_items.yml types the publisher "datetime", surely a slip: it is read as text.
    FieldDef(LO_PUBLISHER, Kind.STRING, QT_TRANSLATE_NOOP(
        "catalogue", "The learning object's publisher."),
             column="publisher",
             label=QT_TRANSLATE_NOOP("catalogue", "Learning object publisher")),
    FieldDef(LO_TYPE, Kind.STRING, QT_TRANSLATE_NOOP(
        "catalogue", "The learning object's runtime (SCORM, MP4, AICC...)."),
             max_length=50, column="type",
             label=QT_TRANSLATE_NOOP("catalogue", "Learning object type")),
    # An event's start and end: "date" in IO_items.yml, though the platform writes a time
    # when it has one; read as text, then parsed by the refresh (a time, or the day only).
    FieldDef(EVENT_START, Kind.STRING, QT_TRANSLATE_NOOP(
        "catalogue", "When the classroom event starts (a date, with its time when given)."),
             label=QT_TRANSLATE_NOOP("catalogue", "Event start")),
    FieldDef(EVENT_END, Kind.STRING, QT_TRANSLATE_NOOP(
        "catalogue", "When the classroom event ends."),
             label=QT_TRANSLATE_NOOP("catalogue", "Event end")),
    FieldDef(EVENT_ROOM, Kind.STRING, QT_TRANSLATE_NOOP(
        "catalogue", "The title of the event's room (what the room's label is in the store)."),
             label=QT_TRANSLATE_NOOP("catalogue", "Event room")),
    FieldDef(EVENT_STATUS, Kind.ENUM, QT_TRANSLATE_NOOP(
        "catalogue", "C confirmed, P pending, CA cancelled."),
             codes=(("confirmed", "C"), ("pending", "P"), ("cancelled", "CA")),
             label=QT_TRANSLATE_NOOP("catalogue", "Event status")),
)}
# An event's statuses as the store keeps an intervention's ("active" or "cancelled").
EVENT_STATUS_MEANINGS = {"confirmed": "active", "pending": "active", "cancelled": "cancelled"}
# Import fields whose codes differ in exports: a tracking export writes "not attempted"
# (statusFormat may rename each status; ``ExportProvider.codes`` holds that).
EXPORT_CODES: dict[str, dict[str, str]] = {
    "trackingStatus": {"completed": "completed", "incomplete": "incomplete",
                       "notAttempted": "not attempted"}}
STATUS_FORMAT = "statusFormat"  # a parameter of value mappings: meaning -> code
# The formats of an export's times spent (timeGlobalFormat), rawSeconds when none is given;
# a refresh reads each of them (values.parse_duration).
TIME_GLOBAL_FORMAT = "timeGlobalFormat"
TIME_SPENT = "timeSpent"  # the import field the exports' durations are read as
RAW_SECONDS, ISO_8601, RAW_MINUTES = "rawSeconds", "iso-8601", "rawMinutes"
PADDED, PADDED_HH = "padded", "paddedhh"  # hours, then minutes: "hhh:ii", "hh:ii"
TIME_GLOBAL_FORMATS = (RAW_SECONDS, ISO_8601, RAW_MINUTES, PADDED, PADDED_HH)
DATE_TIME_FORMAT = "dateTimeFormat"
DEFAULT_DATE_TIME_FORMAT = "YYYY-MM-DD hh:ii:ss"  # IO_items.yml's, when none is given
# A candidates export's custom field column: its text is the custom field's GUID.
CUSTOM_FIELD_COLUMN = "candidateCustomFieldGuid"


# --- providers -------------------------------------------------------------------------------

# What --prune says of an export it cannot prune from (a provider's ``unpruned``). The
# messages of --prune name it in the words of its help and of the window's checkbox ("also
# delete what the store holds and the exports lack"): the window has no option by that name.
PRUNE_NO_EVENTS = errors.QT_TRANSLATE_NOOP(
    "messages", "Deleting what the exports lack leaves the interventions {file} does not "
                "match: without a GUID, an export cannot say which are gone.")
PRUNE_BY_ACTIVITY = errors.QT_TRANSLATE_NOOP(
    "messages", "Deleting what the exports lack leaves the registrations {file} lacks: it "
                "lists activities, and a registration without any is not in it.")


@dataclass(frozen=True)
class ExportProviderSpec:
    """One export provider: its documented columns and parameters, and what a refresh keeps.

    ``stores``: the store table its rows refresh (None: this version keeps none of them, for
    the reason ``lacking`` names). ``fields``: export column -> the import field it holds.
    ``key``: the fields, one of which must be there to find a record; ``also_keys``: more
    such groups (a registration needs its learner and its session).
    """

    name: str
    columns: tuple[str, ...]
    parameters: tuple[str, ...]
    stores: Table | None = None
    fields: dict[str, str] = field(default_factory=dict)
    key: tuple[str, ...] = ()
    lacking: str = ""
    also_keys: tuple[tuple[str, ...], ...] = ()
    # Why --prune cannot apply to this export ("" when it can): a note, not a refusal.
    unpruned: str = ""


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
# The candidates' columns a refresh keeps, as the learner import's fields (and the GUID).
# The platform's Y/N/U account status is candidateValidity's codes; its entity is found (or
# created, at the top of the tree) by name; candidateEntityId is the platform's id, not the
# store's, and candidateEntityAncestors' layout is not documented: both are left aside.
_CANDIDATE_FIELDS = {
    "candidateLogin": "candidateLogin", "candidateName": "candidateName",
    "candidateFirstname": "candidateFirstname", "candidateEmail": "candidateEmail",
    "candidateRefNumber": "candidateRefNumber", CANDIDATE_GUID: CANDIDATE_GUID,
    "managerLogin": "managerLogin", "candidateTimeZone": "candidateTimeZone",
    "candidatePresentation": "presentation", "candidateLocales": "candidateLanguages",
    "candidateAccountActivated": "candidateValidity",
    "candidateAccountActivatedFrom": "enabledFrom",
    "candidateAccountActivatedUntil": "enabledUntil",
    "candidateEntityName": "entityName", CUSTOM_FIELD_COLUMN: "custom"}
_CANDIDATE_KEY = ("candidateGuid", "candidateLogin", "candidateRefNumber", "candidateEmail")
_LO_COLUMNS = (
    "learningObjectAuthorId", "learningObjectAuthorFirstName", "learningObjectAuthorLastName",
    "learningObjectAuthorsIds", "learningObjectAuthorsFullNames", "learningObjectId",
    "learningObjectCode", "learningObjectDuration", "learningObjectGuid",
    "learningObjectIncludedInLO", "learningObjectLearningPoints", "learningObjectLevel",
    "learningObjectLocales", "learningObjectPublisher", "learningObjectSummary",
    "learningObjectTags", "learningObjectTargetAudience", "learningObjectTitle",
    "learningObjectThemes", "learningObjectThumbnailSmall", "learningObjectThumbnailMedium",
    "learningObjectThumbnailLarge", "learningObjectType", "learningObjectDisplayedType",
    "learningObjectAssignements", "learningObjectAverageScore",
    "learningObjectAverageCompletionTime", "learningObjectCompletions",
    "learningObjectNbOfComments", "learningObjectNbTimesFavorited",
    "learningObjectRatingByLearners", "learningObjectRatingDisplayed",
    "learningObjectRatingNbByLearners", "learningObjectRatingNbDisplayed",
    "learningObjectTotalTimeSpent", "learningObjectViewsByLearners",
    "learningObjectViewsDisplayed", "learningObjectCreationDate",
    "learningObjectModificationDate", "learningObjectFirstLaunchDate",
    "learningObjectLastLaunchDate", "constantValue")
_LO_PARAMETERS = ("preferredLocales", "dateFormat", "dateTimeFormat", "timeFrames",
                  "timeFramesScale", "templates", "stripHTML", "maxLength",
                  "onlyHrisSelectedItems")
_LO_FIELDS = {LO_CODE: LO_CODE, LO_GUID: LO_GUID, LO_TITLE: LO_TITLE,
              LO_PUBLISHER: LO_PUBLISHER, LO_TYPE: LO_TYPE}
_LOV_COLUMNS = (
    "learningObjectVersionLoId", "learningObjectVersionLoGuid", "learningObjectVersionId",
    "learningObjectVersionGuid", "learningObjectVersionCode", "learningObjectVersionTitle",
    "learningObjectVersionSummary", "learningObjectVersionPublisher",
    "learningObjectVersionType", "learningObjectVersionDisplayedType",
    "learningObjectVersionVersion", "learningObjectVersionAuthorId",
    "learningObjectVersionAuthorsIds", "learningObjectVersionAuthorsFullNames",
    "learningObjectVersionAuthorFirstName", "learningObjectVersionAuthorLastName",
    "learningObjectVersionDuration", "learningObjectVersionIncludedInLO",
    "learningObjectVersionLearningPoints", "learningObjectVersionLevel",
    "learningObjectVersionLocale", "learningObjectVersionTags",
    "learningObjectVersionTargetAudience", "learningObjectVersionThemes",
    "learningObjectVersionThumbnailSmall", "learningObjectVersionThumbnailMedium",
    "learningObjectVersionThumbnailLarge", "learningObjectVersionCreationDate",
    "learningObjectVersionModificationDate", "learningObjectVersionFirstLaunchDate",
    "learningObjectVersionLastLaunchDate", "learningObjectVersionAssignements",
    "learningObjectVersionAverageCompletionTime", "learningObjectVersionAverageScore",
    "learningObjectVersionCompletions", "learningObjectVersionTotalTimeSpent",
    "learningObjectVersionIsMobile", "learningObjectVersionStatus", "constantValue")
_LOV_PARAMETERS = ("dateFormat", "dateTimeFormat", "timeFrames", "timeFramesScale",
                   "excludeDeactivatedContents", "templates", "durationFormat", "stripHTML",
                   "maxLength", "onlyHrisSelectedItems", "preferredLocales")
# A version's code and GUID are what a training's lovCodes and a tracking row name.
_LOV_FIELDS = {"learningObjectVersionCode": LO_CODE, "learningObjectVersionGuid": LO_GUID,
               "learningObjectVersionTitle": LO_TITLE,
               "learningObjectVersionPublisher": LO_PUBLISHER,
               "learningObjectVersionType": LO_TYPE}
_EVENT_COLUMNS = (
    "eventTitle", "eventDescription", "eventStartDate", "eventEndDate", "eventDuration",
    "eventAllDay", "eventVirtualRoomLink", "eventTeacher", "eventStatus", "eventClassRoomTitle",
    "eventClassRoomDescription", "eventClassRoomCapacity", "eventClassRoomType")
_EVENT_PARAMETERS = ("eventClassRoomTypeFilter", "eventDurationAllDayFilter",
                     "eventStatusFilter", "templates", "stripHTML", "maxLength")

# What registrations and tracking rows name: their learner (found as the candidates'
# export finds it), their session (by GUID, else by title in its training course).
_LEARNER_OF_ROW = {"candidateLogin": "candidateLogin", "candidateGuid": CANDIDATE_GUID,
                   "candidateRefNumber": "candidateRefNumber",
                   "candidateEmail": "candidateEmail"}
_SESSION_OF_ROW = {"sessionGuid": "sessionGuid", "sessionTitle": "sessionTitle",
                   "trainingPathCode": "trainingPathCode", "trainingGuid": "trainingGuid"}
_SESSION_KEY = ("sessionGuid", "sessionTitle")
# A tracking row's values, as the tracking import's fields: the first launch, the last
# access (completionTime), the first completion, progress, score, status, time spent.
_TRACKED = {"firstLaunchDate": "firstAccessDate", "completionTime": "lastAccessDate",
            "firstCompletionDate": "firstCompletionDate", "progression": "progression",
            "score": "score", "status": "trackingStatus"}
_CONSOLIDATED_COLUMNS = (
    "candidateId", "candidateName", "candidateFirstname", "candidateLogin", "candidateEmail",
    "candidateRefNumber", "candidateGuid", "candidateEntityAncestors", "candidateEntityName",
    "candidateCustomFieldGuid", "candidateSmartgroups", "lastPlatformAccessDate", "nbLO",
    "nbLOStarted", "nbLOFinished", "registrationDate", "registrationGuid", "sessionId",
    "sessionTitle", "sessionGuid", "sessionStartDate", "sessionEndDate", "trainingId",
    "trainingTitle", "trainingPathCode", "trainingGuid", "catalogVisibility", "trainingStatus",
    "trainingModality", "trainingPublisher", "trainingChapters", "trainingDuration",
    "completionTime", "firstLaunchDate", "progression", "progressionMandatory", "score",
    "scoreNPS", "status", "thresholdReachedDate", "firstCompletionDate", "timeGlobal",
    "timeSpentCBT", "timeSpentCB", "timeSpentDigital", "timeSpent", "constantValue")
_TRACKING_PARAMETERS = (
    "modality", "trainingPathCode", "sessionTitle", "sessionGuid", "trainingGuid",
    "activityType", "dateFormat", "dateTimeFormat", "statusFormat", "reportStatus",
    "withoutLaunchTime", "deltaMode", "timeGlobalFormat", "ancestorsWithCurrent", "timeFrames",
    "timeFramesScale", "onlyFromImportedRegistrations", "onlyFromImportedSessions",
    "onlyFromImportedTraining", "publishers", "preferredLocales", "entityIds",
    "learnersSmartGroups", "trainingStatus", "trainingPublishers", "trainingStatusFormat",
    "catalogVisibility", "trainingModalityFormat", "timeFrameScaleMode", "templates",
    "stripHTML", "maxLength", "onlyHrisSelectedItems")
# A registration, and the learner's progress in the whole session (timeSpent is the whole
# time: timeGlobal, the time on learning resources alone, plus the classroom's and the
# activities').
_CONSOLIDATED_FIELDS = {**_LEARNER_OF_ROW, **_SESSION_OF_ROW, **_TRACKED,
                        "registrationGuid": "registrationGuid",
                        "registrationDate": "registrationDate", "timeSpent": TIME_SPENT}
_TRACKING_COLUMNS = (
    "reportId", "reportGuid", "candidateId", "candidateGuid", "candidateName",
    "candidateFirstname", "candidateLogin", "candidateEmail", "candidateRefNumber",
    "candidateCustomFieldGuid", "candidateTimeZone", "candidateSmartgroups",
    "candidateEntityAncestors", "candidateEntityName", "trainingId", "trainingGuid",
    "trainingTitle", "trainingPathCode", "sessionId", "sessionGuid", "sessionTitle",
    "sessionStartDate", "sessionEndDate", "registrationGuid", "learningObjectGuid",
    "contentGuid", "contentTitle", "contentRefNumber", "contentLocale",
    "learningObjectPublisher", "learningObjectRealCompletionTime", "trainingContentFolder",
    "trainingContentMandatory", "firstLaunchDate", "completionTime", "firstCompletionDate",
    "progression", "score", "status", "timeGlobal", "constantValue", "templatedValue")
# A learning object version's reference number and GUID: what the tracking import's lovCode
# and lovGuid name (and learningObjectVersionCode/Guid in the learning objects' export).
_TRACKING_FIELDS = {**_LEARNER_OF_ROW, **_SESSION_OF_ROW, **_TRACKED,
                    "registrationGuid": "registrationGuid", "contentRefNumber": "lovCode",
                    "contentGuid": "lovGuid", "timeGlobal": "timeSpent"}
# Activities' and classroom activities' rows name a registration too (one row per activity):
# they register, and keep nothing of the activity.
_REGISTERED = {**_LEARNER_OF_ROW, **_SESSION_OF_ROW, "registrationGuid": "registrationGuid",
               "registrationDate": "registrationDate"}
_ACTIVITY_COLUMNS = (
    "activityDuration", "activityFirstAccessDate", "activityId", "activityID",
    "activityLastAccessDate", "activityName", "activityPoints", "activityType",
    "candidateCustomFieldGuid", "candidateEmail", "candidateEntityId", "candidateEntityName",
    "candidateFirstname", "candidateGuid", "candidateId", "candidateLogin", "candidateName",
    "candidateRefNumber", "learningObjectVersionCode", "learningObjectVersionTitle",
    "learningObjectVersionPublisher", "learningObjectVersionLocale",
    "learningObjectVersionDisplayedType", "learningObjectVersionGuid",
    "learningObjectVersionId", "learningObjectVersionType", "learningObjectId",
    "learningObjectGuid", "sessionEndDate", "sessionGuid", "sessionId", "sessionStartDate",
    "sessionTitle", "trainingChapters", "trainingDuration", "trainingGuid", "trainingId",
    "trainingPathCode", "trainingTitle", "trainingPublisher", "attendanceStatus",
    "catalogVisibility", "feedbackDate", "likes", "pointsGained", "progressStatus",
    "progression", "registrationDate", "registrationGuid", "score", "scoreNPS",
    "submissionDate", "timeSpent", "reportId", "reportGuid", "constantValue")
_ACTIVITY_PARAMETERS = (
    "activityType", "dateFormat", "dateTimeFormat", "entityIds",
    "onlyFromImportedRegistrations", "onlyFromImportedSessions", "onlyFromImportedTraining",
    "preferredLocales", "learningObjectPublishersName", "trainingPublishers", "sessionGuid",
    "sessionTitle", "trainingGuid", "trainingPathCode", "timeFramesScale", "timeFrames",
    "catalogVisibility", "deltaMode", "reportStatus", "timeGlobalFormat")
_CLASSROOM_COLUMNS = (
    "activityDuration", "activityID", "activityName", "activityPoints",
    "candidateCustomFieldGuid", "candidateEmail", "candidateEntityName", "candidateFirstname",
    "candidateGuid", "candidateId", "candidateLogin", "candidateName", "candidateRefNumber",
    "eventAllDay", "eventEndDate", "eventEndTime", "eventFacilitator", "eventFacilitatorGuid",
    "eventID", "eventLocation", "eventLocationID", "eventRoom", "eventRoomGuid",
    "eventStartDate", "eventStartTime", "eventTimeZone", "eventVirtualMeetingURL",
    "foFacilitatorName", "foFacilitatorFirstname", "foFacilitatorEmail", "pointsGained",
    "registrationDate", "registrationGuid", "sessionEndDate", "sessionGuid", "sessionId",
    "sessionStartDate", "sessionTitle", "status", "timeSpent", "trainingChapters",
    "trainingDuration", "trainingId", "trainingGuid", "trainingPathCode", "trainingPublisher",
    "trainingTitle", "catalogVisibility", "constantValue", "trainingStatus",
    "trainingModality")
_CLASSROOM_PARAMETERS = (
    "dateFormat", "dateTimeFormat", "entityIds", "onlyFromImportedRegistrations",
    "onlyFromImportedSessions", "onlyFromImportedTraining", "preferredLocales", "publishers",
    "sessionGuid", "trainingGuid", "trainingPathCode", "facilitatorGuids", "foFacilitatorIds",
    "locationIds", "roomGuids", "attendanceStatus", "eventStarted", "activityNames",
    "timeFrames", "timeFramesScale", "timeGlobalFormat")
_EVENT_FIELDS = {"sessionGuid": "sessionGuid", "sessionTitle": "sessionTitle",
                 EVENT_START: EVENT_START, EVENT_END: EVENT_END, EVENT_ROOM: EVENT_ROOM,
                 EVENT_STATUS: EVENT_STATUS, "eventClassRoomCapacity": "roomCapacity"}

CONNECTIONS, LEARNING_OBJECTS, EVENTS, ACTIVITIES, TRACKING_LOGS, GAMIFICATION, AUDIT = (
    "the learners' connection history", "learning objects", "classroom events", "activities",
    "daily tracking logs", "gamification", "training contents")

def _with_templated_value(spec: ExportProviderSpec) -> ExportProviderSpec:
    """``spec``, its columns with templatedValue when its parameters have templates."""
    if TEMPLATES not in spec.parameters or TEMPLATED_VALUE in spec.columns:
        return spec
    return replace(spec, columns=(*spec.columns, TEMPLATED_VALUE))


PROVIDERS: dict[str, ExportProviderSpec] = {p.name: _with_templated_value(p) for p in (
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
         "trainingChapters", "description", "trainingDescription", "trainingDigestSettings",
         "trainingDuration", "trainingFolderDescription", "trainingFurtherInformation",
         "trainingGoals", "trainingGuid", "trainingLearningPath", "trainingLocale", "modality",
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
                       Table.LEARNER, _CANDIDATE_FIELDS, _CANDIDATE_KEY),
    ExportProviderSpec("candidatesProvider", _CANDIDATE_COLUMNS, _CANDIDATE_PARAMETERS,
                       Table.LEARNER, _CANDIDATE_FIELDS, _CANDIDATE_KEY),
    ExportProviderSpec("learningObjectMetadataProvider", _LO_COLUMNS, _LO_PARAMETERS,
                       Table.LEARNING_OBJECT, _LO_FIELDS, (LO_GUID, LO_CODE)),
    ExportProviderSpec("learningObjectVersionMetadataProvider", _LOV_COLUMNS, _LOV_PARAMETERS,
                       Table.LEARNING_OBJECT, _LOV_FIELDS,
                       ("learningObjectVersionGuid", "learningObjectVersionCode")),
    # Classroom events carry no intervention GUID: they update the interventions they match.
    ExportProviderSpec("eventSessionMetadataProvider",
                       ("sessionId", "sessionGuid", "sessionTitle", "sessionStartDate",
                        "sessionEndDate", *_EVENT_COLUMNS),
                       (*_EVENT_PARAMETERS, "exportAllSessions"), Table.INTERVENTION,
                       _EVENT_FIELDS, _SESSION_KEY, also_keys=((EVENT_START,),),
                       unpruned=PRUNE_NO_EVENTS),
    ExportProviderSpec("eventTrainingMetadataProvider", (), (), lacking=EVENTS),
    ExportProviderSpec("eventLearnerMetadataProvider", (), (), lacking=EVENTS),
    ExportProviderSpec("instructorLedTrainingActivityProvider", _CLASSROOM_COLUMNS,
                       _CLASSROOM_PARAMETERS, Table.REGISTRATION, _REGISTERED, _CANDIDATE_KEY,
                       also_keys=(_SESSION_KEY,), unpruned=PRUNE_BY_ACTIVITY),
    ExportProviderSpec("activityProvider", _ACTIVITY_COLUMNS, _ACTIVITY_PARAMETERS,
                       Table.REGISTRATION, _REGISTERED, _CANDIDATE_KEY, also_keys=(_SESSION_KEY,),
                       unpruned=PRUNE_BY_ACTIVITY),
    ExportProviderSpec("trackingProvider", _TRACKING_COLUMNS, _TRACKING_PARAMETERS,
                       Table.TRACKING, _TRACKING_FIELDS, _CANDIDATE_KEY,
                       also_keys=(_SESSION_KEY, ("contentRefNumber", "contentGuid"))),
    ExportProviderSpec("trackingLogProvider", (), (), lacking=TRACKING_LOGS),
    ExportProviderSpec("consolidatedTrackingProvider", _CONSOLIDATED_COLUMNS,
                       _TRACKING_PARAMETERS, Table.REGISTRATION, _CONSOLIDATED_FIELDS,
                       _CANDIDATE_KEY, also_keys=(_SESSION_KEY,)),
    ExportProviderSpec("platformCandidatesAccessProvider", (), (), lacking=CONNECTIONS),
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
    ("platformCandidatesProvider",
     ("candidateLogin", "candidateGuid", "candidateRefNumber", "candidateEmail",
      "candidateName", "candidateFirstname", "candidateEntityName", "managerLogin",
      "candidateAccountActivated", "candidateAccountActivatedFrom",
      "candidateAccountActivatedUntil", "candidateLocales", "candidateTimeZone"),
     "platform_learners.csv"),
    ("learningObjectVersionMetadataProvider",
     ("learningObjectVersionCode", "learningObjectVersionGuid", "learningObjectVersionTitle",
      "learningObjectVersionPublisher", "learningObjectVersionType"),
     "platform_learning_objects.csv"),
    # After the learners and sessions they name, so that one refresh finds them.
    ("consolidatedTrackingProvider",
     ("candidateLogin", "candidateGuid", "trainingPathCode", "trainingGuid", "sessionGuid",
      "sessionTitle", "registrationGuid", "registrationDate", "firstLaunchDate",
      "completionTime", "firstCompletionDate", "progression", "score", "status", "timeSpent"),
     "platform_registrations.csv"),
    ("trackingProvider",
     ("candidateLogin", "candidateGuid", "trainingPathCode", "trainingGuid", "sessionGuid",
      "sessionTitle", "registrationGuid", "contentRefNumber", "contentGuid", "firstLaunchDate",
      "completionTime", "firstCompletionDate", "progression", "score", "status", "timeGlobal"),
     "platform_tracking.csv"),
    ("eventSessionMetadataProvider",
     ("sessionGuid", "sessionTitle", "eventStartDate", "eventEndDate", "eventStatus",
      "eventClassRoomTitle", "eventClassRoomCapacity"),
     "platform_events.csv"),
)
# The providers an earlier version scheduled under a name the documentation does not give
# (documented name -> that one): a configuration it wrote is still ours to replace.
EARLIER_SCHEDULED_NAMES: dict[str, str] = {"platformCandidatesProvider": "candidatesProvider"}
# The parameters every scheduled export is given, where its provider documents them (the
# events' provider has no date format: it writes dates and times as the default one).
SCHEDULED_PARAMETERS: dict[str, str] = {
    DATE_FORMAT: DEFAULT_DATE_FORMAT, DATE_TIME_FORMAT: DEFAULT_DATE_TIME_FORMAT,
    TIME_GLOBAL_FORMAT: RAW_SECONDS}
# And the parameters of some: every session, past ones too, and each one's classroom events.
SCHEDULED_EXTRA: dict[str, dict[str, str]] = {
    "trainingSessionMetadataProvider": {"exportAllSessions": "Y"},
    "eventSessionMetadataProvider": {"exportAllSessions": "Y"}}


# --- messages --------------------------------------------------------------------------------
# Marked for the window, which recognises them and shows them translated (core/errors.py).
NOT_STORED = ("<{provider}> exports {what}; this version of Import Assistant does not store "
              "{what} yet, so it cannot refresh from it.")
NO_EVENT_GUID = errors.QT_TRANSLATE_NOOP(
    "messages", "<{provider}> exports classroom events without their session or the "
                "intervention GUID the store finds an intervention by, so a refresh cannot match "
                "them; export them with eventSessionMetadataProvider.")
NOT_READ_FORMAT = errors.QT_TRANSLATE_NOOP(
    "messages", "<{action}> writes {format}; a refresh reads the CSV and TSV formats only.")
NO_KEY_COLUMN = errors.QT_TRANSLATE_NOOP(
    "messages", "<{provider}> has none of the columns {columns}; a refresh needs one of them to "
                "find each record.")
NO_LEARNER_NAMED = errors.QT_TRANSLATE_NOOP(
    "messages", "Fields {fields} are all empty: one of them must name the learner.")
NO_LO_NAMED = errors.QT_TRANSLATE_NOOP(
    "messages", "Fields {fields} are both empty: one of them must name the learning object.")
LOGIN_TAKEN = errors.QT_TRANSLATE_NOOP(
    "messages", "Field {field}: {login} is already the login of another learner in the store "
                "({other}); it is not changed.")
MANAGER_UNKNOWN = errors.QT_TRANSLATE_NOOP(
    "messages", "Field {field}: no learner has the login {login}, in the store or in the export; "
                "the learner's manager is left as it was.")
TRAINING_CODE_TAKEN = errors.QT_TRANSLATE_NOOP(
    "messages", "Field {field}: {code} is already the code of another training course in the "
                "store ({guid}); it is not renamed.")
SESSION_GUID_ELSEWHERE = errors.QT_TRANSLATE_NOOP(
    "messages", "Field {field}: session {guid} is in the store under training course {was}; it "
                "moves to {now}.")
NO_TRAINING_NAMED = errors.QT_TRANSLATE_NOOP(
    "messages", "Fields {fields} are all empty: one of them must name the training course.")
NO_SESSION_NAMED = errors.QT_TRANSLATE_NOOP(
    "messages", "Fields {fields} are both empty: one of them must name the session.")
PRUNED = errors.QT_TRANSLATE_NOOP("messages", "Not in the export: {record}, deleted.")
# The record a deletion names ({record} above), as an administrator reviewing it knows it
# (a learner: messages.A_LEARNER).
PRUNED_TRAINING = errors.QT_TRANSLATE_NOOP("messages", "training course {code} \"{title}\"")
PRUNED_SESSION = errors.QT_TRANSLATE_NOOP(
    "messages", "session \"{title}\" of training course {code}")
PRUNED_LEARNING_OBJECT = errors.QT_TRANSLATE_NOOP("messages", "learning object {code}")
PRUNED_REGISTRATION = errors.QT_TRANSLATE_NOOP(
    "messages", "registration of learner {login} to session \"{session}\"")
PRUNED_TRACKING = errors.QT_TRANSLATE_NOOP(
    "messages", "tracking of learner {login} in learning object {code} of session "
                "\"{session}\"")
PRUNE_SKIPPED = errors.QT_TRANSLATE_NOOP(
    "messages", "What the store holds and {file} lacks was not deleted: rows of it have "
                "errors ({count}), and the records they name would be deleted; fix them first.")
# A line an export file lacks the end of: the platform writes every column of every line,
# and ends each with a line break, so the file was cut (a copy or a write stopped part-way).
LINE_CUT_SHORT = errors.QT_TRANSLATE_NOOP(
    "messages", "The line holds {count} of the file's {width} columns, and the platform "
                "writes them all: the line was cut short, so this row is left out (export the "
                "file again).")
LAST_LINE_CUT = errors.QT_TRANSLATE_NOOP(
    "messages", "The file ends inside this line, without the line break the platform ends "
                "every line with: it was cut short, so this row is left out (export the file "
                "again).")
HEADER_CUT = errors.QT_TRANSLATE_NOOP(
    "errors", "the file ends inside line 1, without the line break the platform ends every "
              "line with: it was cut short; export the file again.")
NOT_READ_TIME_FORMAT = errors.QT_TRANSLATE_NOOP(
    "messages", "<{provider}> writes times as {format}, a timeGlobalFormat the platform does not "
                "document; give it one of {formats}.")
# A time spent not written as the export's timeGlobalFormat says (its others read as imports'
# durations, NOT_A_DURATION).
NOT_IN_TIME_FORMAT: dict[str, str] = {
    RAW_MINUTES: errors.QT_TRANSLATE_NOOP(
        "messages", "Field {field}: {value} is not a time spent in minutes, as timeGlobalFormat "
                    "rawMinutes writes it (90.50 for an hour and a half)."),
    PADDED: errors.QT_TRANSLATE_NOOP(
        "messages", "Field {field}: {value} is not a time spent in hours and minutes, as "
                    "timeGlobalFormat padded writes it (hhh:ii: 001:30 for an hour and a half)."),
    PADDED_HH: errors.QT_TRANSLATE_NOOP(
        "messages", "Field {field}: {value} is not a time spent in hours and minutes, as "
                    "timeGlobalFormat paddedhh writes it (hh:ii: 01:30 for an hour and a half)."),
}
LEARNER_NOT_IN_STORE = errors.QT_TRANSLATE_NOOP(
    "messages", "Field {field}: no learner {value} in the store; refresh the learners' export "
                "first (before this one in the same export configuration).")
SESSION_NOT_IN_STORE = errors.QT_TRANSLATE_NOOP(
    "messages", "Field {field}: no session {value} in the store; refresh the sessions' export "
                "first (before this one in the same export configuration).")
SESSION_TITLE_SHARED = errors.QT_TRANSLATE_NOOP(
    "messages", "Field {field}: {count} sessions are titled {value} in the store; the export "
                "needs sessionGuid to tell which.")
REGISTRATION_GUID_TAKEN = errors.QT_TRANSLATE_NOOP(
    "messages", "Field {field}: {guid} is already the GUID of another registration in the "
                "store; this one is not changed.")
NOT_A_MOMENT = errors.QT_TRANSLATE_NOOP(
    "messages", "Field {field}: {value} is not a date and time as {format} (or its date alone).")
EVENT_NOT_MATCHED = errors.QT_TRANSLATE_NOOP(
    "messages", "No intervention of session {session} starts at {start}{room}: not created, "
                "since the export gives no intervention GUID and an import naming this one "
                "would then create it a second time.")
EVENT_IN_ROOM = errors.QT_TRANSLATE_NOOP("messages", " in room {room}")
PRUNE_FILTERED = errors.QT_TRANSLATE_NOOP(
    "messages", "Deleting what the exports lack is refused: <{provider}> chooses its rows "
                "with {parameters}, so the records it leaves out are not gone from the "
                "platform.")
