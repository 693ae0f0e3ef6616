"""The configuration document's vocabulary: its parts, providers, consolidators, date formats.

Names and orders are the platform's; the configuration reader and writer follow them.
"""

from __future__ import annotations

from importer_gui.core.catalogue.specs import NO, YES, YES_NO, OptionDef, OptionKind

# Parts kept as they are and never run, at the root and inside an <import>.
PRE_PROCESS, POST_PROCESS = NOT_RUN = ("preProcess", "postProcess")
# An <import>'s children, in the order the platform documents them.
IMPORT_ORDER = (PRE_PROCESS, "providers", "actions", "consolidators", POST_PROCESS)

# --- providers -------------------------------------------------------------------------------

# The one provider the assistant reads; any other is kept as it is.
FILE_PROVIDER = "fileSystemSourceProvider"
COLUMNS_MAPPING = "columnsMapping"

FILE_ENCODINGS = ("UTF-8", "ISO-8859-1", "WINDOWS-1252", "UTF-16LE")
DELIMITERS: dict[str, str] = {"semicolon": ";", "comma": ",", "pipe": "|", "tabulation": "\t"}

# Provider options, in the order they are written (columnsMapping goes before fileEncoding).
PROVIDER_OPTIONS: dict[str, OptionDef] = {o.name: o for o in (
    OptionDef("fileName", OptionKind.STRING),
    OptionDef("path", OptionKind.STRING, optional=True),
    OptionDef("skipFirstLine", OptionKind.YESNO, default=YES, choices=YES_NO),
    OptionDef("autoDetectLineEndings", OptionKind.YESNO, default=NO, choices=YES_NO,
              optional=True),
    OptionDef("fileEncoding", OptionKind.FILE_ENCODING, default="UTF-8",
              choices=FILE_ENCODINGS),
    OptionDef("delimiter", OptionKind.DELIMITER, default="semicolon",
              choices=tuple(DELIMITERS)),
    OptionDef("dateFormat", OptionKind.DATE_FORMAT,
              "Y, M, D, H, I (minutes), S and the characters / _ . : ; , - and space",
              default="YYYY-MM-DD", label="&Date format"),
    OptionDef("sftpHost", OptionKind.STRING, optional=True),
    OptionDef("sftpLogin", OptionKind.STRING, optional=True),
    OptionDef("sftpPassword", OptionKind.STRING, optional=True),
    OptionDef("sftpFolder", OptionKind.STRING, optional=True),
)}

# The provider's children in the platform's documented order: columnsMapping before the
# file's encoding.
_MAPPING_AT = list(PROVIDER_OPTIONS).index("fileEncoding")
PROVIDER_ORDER: tuple[str, ...] = (*list(PROVIDER_OPTIONS)[:_MAPPING_AT], COLUMNS_MAPPING,
                                   *list(PROVIDER_OPTIONS)[_MAPPING_AT:])

# Provider options the configuration's dataclass holds as attributes; the others stay text.
PROVIDER_ATTRS: dict[str, str] = {
    "fileName": "file_name", "path": "path", "skipFirstLine": "skip_first_line",
    "autoDetectLineEndings": "auto_detect_line_endings", "fileEncoding": "file_encoding",
    "delimiter": "delimiter", "dateFormat": "date_format",
}

# --- consolidators ---------------------------------------------------------------------------

# The consolidator that writes the platform's error log, and its options.
ERROR_LOGGER = "timeStampedFileErrorLogger"
LOCATION = "location"
DISABLED = "disabled"

# Consolidators the assistant reads, with their options; any other one is kept as it is.
KNOWN_CONSOLIDATORS: dict[str, tuple[str, ...]] = {ERROR_LOGGER: (LOCATION, DISABLED)}
# The error logger's file: its name's prefix and time stamp, and one line per issue.
ERROR_LOG_PREFIX = "import_errors_"
ERROR_LOG_STAMP = "%Y%m%d_%H%M%S"
ERROR_LOG_SUFFIX = ".log"
ERROR_LOG_LINE = "Line number:{line},{level},{values},{message}"
# The platform's other consolidators: where a kept element of that name belongs when the
# document is written from scratch.
PLATFORM_CONSOLIDATORS = frozenset({
    "massDisableLearners", "moveToBackupConsolidator", "moveToBackup", "deleteOldSessions",
    "deleteEmptySessions", "timeLogger", "emailReport", "deleteProcessedFilesConsolidator",
    "removeFromSFTP", "cleanFolder",
})

# --- dates -----------------------------------------------------------------------------------

# A dateFormat's letters (any case) and the strptime directive each stands for; I is minutes.
DATE_TOKENS: dict[str, str] = {"Y": "%Y", "M": "%m", "D": "%d", "H": "%H", "I": "%M", "S": "%S"}
SHORT_YEAR = "%y"  # YY
DATE_FORMAT_CHARS = frozenset("YMDHISymdhis /_.:;,-")
# An action's parameters for dates with times (consolidated tracking): the format, in the
# same letters as dateFormat's, and the time given to a value with a date only.
DATE_TIME_FORMAT = "dateTimeFormat"
DEFAULT_TIME = "defaultTime"

# --- files -----------------------------------------------------------------------------------

# Data files the readers open: text files with the provider's encoding and delimiter, and
# workbooks (Office Open XML, the older binary Excel format, OpenDocument).
TEXT_SUFFIXES = (".csv", ".txt")
OOXML_SUFFIXES = (".xlsx", ".xlsm")
WORKBOOK_SUFFIXES = (*OOXML_SUFFIXES, ".xls", ".ods")
DATA_SUFFIXES = (*TEXT_SUFFIXES, *WORKBOOK_SUFFIXES)
CONFIG_SUFFIXES = (".xml",)
