"""A package for the platform: a folder it reads as it is, from a checked plan.

The folder holds the configuration with the platform's own elements only (our extension's
recorded headers and sheet names stay in the saved copy; our teacher import is left out, the
platform having no import for its back-office users) and one CSV file per import, in the
provider's declared encoding, delimiter and header line, holding the rows without errors as
the plan has them (the wizard's corrections included). Each provider's ``fileName`` names
its file beside the configuration: nothing in the package leads out of the folder.

The package never replaces the user's own files: it is refused, before anything is written,
in a folder that holds the configuration or a data file it is made from, where one of its
files would be one of those (through a link too), in a folder that holds files with other
names than the package's, and where a file with one of the package's names is not an earlier
package's as it wrote it. The configuration carries the mark that says so: an XML comment
(ordinary XML, which the platform reads past) holding the SHA-256 of the configuration
without that line, then of each data file. A look-alike (the user's own files with the
package's names, or an earlier package's files changed since) is replaced only when the
caller passes their names in ``replace`` (the window, once the user said so). It never
deletes anything but what the same run wrote, and, once in place, the hidden files a package
killed while writing left there (named exactly as it names the files it writes).

A package is written whole or not at all: each file goes under a hidden temporary name in
the folder first, and only once all are written are they renamed over their names (the
configuration, which makes the folder a package, last). A full disk, a file-size limit or a
Cancel meanwhile removes what this run wrote (and the folder, when it made it), so the
folder is as it was and the same package can be written there again; a failed rename puts
back the files already replaced.
"""

from __future__ import annotations

import contextlib
import copy
import csv
import hashlib
import io
import os
import re
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from importer_gui.core import config_xml, readers, sftp
from importer_gui.core.atomic import NEW_FILE_MODE, fsync_folder, hidden_name, part_of
from importer_gui.core.binding import date_time_format
from importer_gui.core.catalogue import (
    FILE_PROVIDER,
    IGNORED_COLUMN,
    TEACHER_ACTION,
    Kind,
    field_def,
)
from importer_gui.core.cells import Cell, Shown
from importer_gui.core.config import EXT_NS, Import, ImportConfig
from importer_gui.core.config_xml.read import children, text_of
from importer_gui.core.config_xml.safe import parse
from importer_gui.core.config_xml.write import (
    PROVIDER_ORDER,
    ordered_index,
    serialize,
    yes_no,
)
from importer_gui.core.corrections import unwritable
from importer_gui.core.errors import (
    QT_TRANSLATE_NOOP,
    ConfigError,
    DataFileError,
    ImporterError,
    system_reason,
)
from importer_gui.core.issues import Issue
from importer_gui.core.plan import ImportPlan, Plan, RowPlan
from importer_gui.core.progress import Monitor
from importer_gui.core.values import date_part, date_pattern, parse_float, text

DEFAULT_CONFIG_NAME = "import-config.xml"
SKIP_FIRST_LINE = "skipFirstLine"  # a provider option the platform requires
DATA_SUFFIX = ".csv"
# Wildcards in a provider's fileName: the platform's (*), and ours (?) when it is checked.
_NO_WILDCARDS = str.maketrans("*?", "__")
# The platform detects line endings only when autoDetectLineEndings says yes (no unless
# said); otherwise it reads its own, Unix, convention, which LF alone suits either way.
LINE_END = "\n"
# The codecs of the platform's encoding names, as files are written (no byte order mark).
_CODECS = {"UTF-8": "utf-8", "ISO-8859-1": "latin-1", "WINDOWS-1252": "cp1252",
           "UTF-16LE": "utf-16-le"}

TEACHERS_LEFT_OUT = QT_TRANSLATE_NOOP(
    "errors", "{file}: the teachers' import is Import Assistant's own (the platform has no "
              "import for its back-office users); it is left out of the package.")
NOT_ENCODABLE = QT_TRANSLATE_NOOP(
    "errors", "{characters} cannot be written in {encoding}, the file's declared encoding; the "
              "row is left out of the package. Change those characters in it.")
# A bug of ours, not the user's: said rather than sent.
NOT_VALID = QT_TRANSLATE_NOOP(
    "errors", "The package's configuration would not be valid: {problem}")
FILE_CHANGED = QT_TRANSLATE_NOOP(
    "errors", "the file changed since it was checked; package it again.")
NOTHING_TO_PACKAGE = QT_TRANSLATE_NOOP(
    "errors", "Nothing to package: the configuration imports teachers only.")
# A package of header lines only: sent, the platform would import nothing, and say nothing.
EVERY_ROW_LEFT_OUT = QT_TRANSLATE_NOOP(
    "errors", "Nothing to package: every row has errors ({count} left out), and a package "
              "without rows would import nothing on the platform. Nothing was written; "
              "correct the rows, then package again.")
NO_ROWS_TO_PACKAGE = QT_TRANSLATE_NOOP(
    "errors", "Nothing to package: the files hold no rows, and a package without rows would "
              "import nothing on the platform. Nothing was written.")
FOLDER_NOT_CREATED = QT_TRANSLATE_NOOP(
    "errors", "The package folder {path} cannot be created: {reason}.")
FOLDER_HOLDS_NUL = QT_TRANSLATE_NOOP(
    "errors", "{path}: a folder's name cannot hold a NUL character (\\x00); give the folder "
              "again.")
FOLDER_IS_A_FILE = QT_TRANSLATE_NOOP(
    "errors", "{path} is a file, not a folder: choose a folder to write the package in.")
NOT_WRITTEN = QT_TRANSLATE_NOOP(
    "errors", "{path}: the package could not be written: {reason}. Nothing of it was left in "
              "{folder}, which holds what it held before.")
NOT_WRITTEN_NEW = QT_TRANSLATE_NOOP(
    "errors", "{path}: the package could not be written: {reason}. Nothing of it was left: "
              "the folder {folder}, made for it, was removed.")
# The rename that would put back a replaced file failed too: it is kept under its hidden name.
NOT_PUT_BACK = QT_TRANSLATE_NOOP(
    "errors", "{path}: the package could not be written: {reason}. The files it replaced in "
              "{folder} could not all be put back; they are kept there as {names}.")
HOLDS_SOURCES = QT_TRANSLATE_NOOP(
    "errors", "The package cannot be written in {path}: that folder holds the files it is "
              "made from ({names}), which a package must never replace. Nothing was written; "
              "choose an empty folder, or a new one.")
FILE_IS_SOURCE = QT_TRANSLATE_NOOP(
    "errors", "The package cannot be written in {path}: its file {name} there is {source}, "
              "which the package is made from and would replace. Nothing was written; choose "
              "an empty folder, or a new one.")
NOT_A_PACKAGE = QT_TRANSLATE_NOOP(
    "errors", "The package cannot be written in {path}: that folder already holds {names} and "
              "is not an earlier package of this configuration (a package goes in an empty "
              "folder, or replaces an earlier one). Nothing was written; choose an empty "
              "folder, or a new one.")
# An earlier package of the configuration, whose data files had other names: they would stay.
EARLIER_NAMED_OTHERWISE = QT_TRANSLATE_NOOP(
    "errors", "The package cannot be written in {path}: that folder holds an earlier package "
              "of this configuration whose {names} this one would not replace (the files it "
              "is made from have other names now). Nothing was written; remove those files "
              "from it, or choose an empty folder, or a new one.")
NOT_OURS = QT_TRANSLATE_NOOP(
    "errors", "The package cannot be written in {path}: it would replace {names} there, not "
              "written by an earlier package or changed since. Nothing was written; choose an "
              "empty folder, or a new one.")
# The command line's (the window words its own, in the user's language): the package is
# there, whatever sending it met.
NOT_SENT = "The package was written in {folder}; sending it failed: {reason}"
# The same when the reason says itself that sending failed (sftp.SendingFailedError).
WRITTEN_THEN = "The package was written in {folder}; {reason}"
# How many file names a refusal lists before "…".
NAMES_LISTED = 3

# The mark of a package's configuration: its second line (after the XML declaration), an XML
# comment with the SHA-256 of the configuration without this line, then of each data file.
MARK_TEXT = ("Written by Import Assistant as a package for the platform; a new package "
             "replaces these files while they are as written. sha256:")
_MARK = re.compile(rb"^<!-- " + re.escape(MARK_TEXT.encode()) + rb"((?: [0-9a-f]{64})+) -->"
                   rb"\r?\n", re.MULTILINE)
# A configuration larger than this is not one a package wrote: it is not read to be sure.
MARK_READ_LIMIT = 64 * 1024 * 1024
_CHUNK = 1 << 20


class NotOurFilesError(ImporterError):
    """Files with the package's names that no earlier package wrote as they are now: a
    caller that asked the user may pass their names to package(replace=...)."""

    def __init__(self, folder: Path, names: Sequence[str]) -> None:
        super().__init__(NOT_OURS.format(path=folder, names=_listed(names)))
        self.folder = folder
        self.names = list(names)


class NotSentError(ImporterError):
    """The package was written, then sending it failed (``error`` says why, a ``Cancelled``
    too): the caller says where the package is, and may ask and send again."""

    def __init__(self, result: PackageResult, error: ImporterError) -> None:
        # A failure part-way names the sending and where it went: put "sending it failed"
        # before it too, and the sentence said it twice.
        self.says_sending = isinstance(error, sftp.SendingFailedError)
        template = WRITTEN_THEN if self.says_sending else NOT_SENT
        super().__init__(template.format(folder=result.folder,
                                         reason=lower_first(error.message)))
        self.result = result
        self.error = error


def lower_first(sentence: str) -> str:
    """``sentence`` to go after a colon: its first letter in lower case, unless the first
    word is all capitals (SFTP) or a name the sentence starts with (a host). An elided
    article counts as a word of its own (French "L'envoi" becomes "l'envoi")."""
    if len(sentence) > 1 and sentence[0].isupper() and (sentence[1].islower()
                                                        or sentence[1] in "'\u2019"):
        return sentence[0].lower() + sentence[1:]
    return sentence


@dataclass
class LeftOut:
    """A row the package does not hold, and why (its issues, as check names them)."""

    file: Path
    line: int
    issues: tuple[Issue, ...]


@dataclass
class PackagedFile:
    """One data file of the package, and the rows it holds."""

    path: Path
    source: Path  # the file its rows were read from
    rows: int
    index: int  # the import whose rows these are (its place in the configuration)


@dataclass
class PackageResult:
    """What a package holds: its configuration, its files, and the rows left out."""

    folder: Path
    config: Path
    files: list[PackagedFile] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """True when every row of every packaged import is in."""
        return not self.left_out

    def paths(self) -> list[Path]:
        """Every file of the package in the order it is sent: the data files, then the
        configuration last, so that the platform, which starts an import when its
        configuration arrives, finds every file it names already whole."""
        return [*(f.path for f in self.files), self.config]


def package(plan: Plan, folder: Path, *, monitor: Monitor | None = None,
            replace: Collection[str] = ()) -> PackageResult:
    """Write ``plan`` as a package into ``folder`` (created when missing); ``replace`` names
    files there the user agreed to replace although no earlier package wrote them so."""
    monitor = monitor or Monitor()
    config = plan.config
    files = [imp.file for imp in plan.imports]
    kept, notices = _kept_imports(config, files)
    if not kept:
        raise ImporterError(NOTHING_TO_PACKAGE)
    folder = Path(folder)
    config_name, *names = _names(config, files, kept)
    refuse_unsafe_folder(config, files, folder, replace=replace)
    made = _make_folder(folder)
    result = PackageResult(folder, folder / config_name, notices=notices)
    staged: list[tuple[Path, Path]] = []  # (hidden temporary, the name it goes to)
    try:
        digests: list[str] = []
        for index, name in zip(kept, names, strict=True):
            monitor.check_cancelled()
            imp_plan, imp = plan.imports[index], config.imports[index]
            with _staged(folder / name, staged) as stream:
                digest, written, left_out = _write_data(imp_plan, imp, monitor, stream)
            digests.append(digest)
            result.files.append(PackagedFile(folder / name, imp_plan.file, written, index))
            result.left_out += left_out
        _refuse_rowless(result)
        with _staged(result.config, staged) as stream:
            stream.write(marked(platform_document(config, kept, names).encode("utf-8"),
                                digests))
        monitor.check_cancelled()
        _put_in_place(staged)
    except BaseException as exc:  # Cancelled and Ctrl+C too: nothing of this run is left
        for temporary, _final in staged:
            temporary.unlink(missing_ok=True)
        removed = _remove_made(made)
        if isinstance(exc, _WriteError):
            raise exc.error(folder, removed) from None
        raise
    _remove_leftovers(folder, {path.name for path in result.paths()})
    return result


def _refuse_rowless(result: PackageResult) -> None:
    """Refuse a package whose files hold no row (every row left out, or none to begin with):
    it would be sent for nothing."""
    if any(packaged.rows for packaged in result.files):
        return
    if result.left_out:
        raise ImporterError(EVERY_ROW_LEFT_OUT.format(count=len(result.left_out)))
    raise ImporterError(NO_ROWS_TO_PACKAGE)


def send(result: PackageResult, target: sftp.SftpTarget, *, key_file: Path | None = None,
         ask_password: sftp.AskPassword | None = None, monitor: Monitor | None = None
         ) -> list[str]:
    """Send a written package to ``target``'s drop folder (``sftp.upload``); its remote
    paths. A failure is a ``NotSentError``, which says the package is in its folder."""
    try:
        return sftp.upload(result.paths(), target, key_file=key_file,
                           ask_password=ask_password, monitor=monitor)
    except ImporterError as error:  # Cancelled too
        raise NotSentError(result, error) from None


def marked(document: bytes, digests: Sequence[str]) -> bytes:
    """The configuration with its mark as second line: the digest of ``document``, then
    ``digests`` (the data files'). A mark the configuration brought along (it was copied
    from a package) is not kept: it would vouch for other files."""
    declaration, _, rest = _MARK.sub(b"", document).partition(b"\n")
    document = declaration + b"\n" + rest
    sums = " ".join([hashlib.sha256(document).hexdigest(), *digests])
    return declaration + f"\n<!-- {MARK_TEXT} {sums} -->\n".encode() + rest


def refuse_unsafe_folder(config: ImportConfig, files: Sequence[Path], folder: Path, *,
                         replace: Collection[str] = ()) -> None:
    """Raise ImporterError when the package of ``config`` read from ``files`` (one per
    import) could replace, in ``folder``, a file it is made from, or files that are not an
    earlier package (NotOurFilesError when they only bear its names, but for those in
    ``replace``). The command line asks before its check; package() asks again."""
    folder = Path(folder)
    if "\x00" in str(folder):  # os calls refuse it with a ValueError of their own
        raise ImporterError(FOLDER_HOLDS_NUL.format(path=str(folder).replace("\x00", "\\x00")))
    if folder.exists() and not folder.is_dir():
        raise ImporterError(FOLDER_IS_A_FILE.format(path=folder))
    if not folder.is_dir():
        return  # created empty
    names = _names(config, files, _kept_imports(config, files)[0])
    sources = [path for path in (config.source, *files) if path is not None]
    inside = [path for path in sources if _same_file(path.parent, folder)]
    if inside:
        raise ImporterError(HOLDS_SOURCES.format(
            path=folder, names=_listed(dict.fromkeys(path.name for path in inside))))
    for name in names:
        for source in sources:
            if _same_file(folder / name, source):
                raise ImporterError(FILE_IS_SOURCE.format(path=folder, name=name,
                                                          source=source))
    ours = {name.casefold() for name in names}
    found = sorted(entry.name for entry in folder.iterdir() if not entry.name.startswith("."))
    others = [name for name in found if name.casefold() not in ours
              or not (folder / name).is_file() or (folder / name).is_symlink()]
    if others:
        template = EARLIER_NAMED_OTHERWISE if _written_so(folder, others, names[0]) \
            else NOT_A_PACKAGE
        raise ImporterError(template.format(path=folder, names=_listed(others)))
    agreed = {name.casefold() for name in replace}
    unknown = [name for name in _not_written_so(folder, found, names[0])
               if name.casefold() not in agreed]
    if unknown:
        raise NotOurFilesError(folder, unknown)


def _written_so(folder: Path, others: Sequence[str], config_name: str) -> bool:
    """True when ``others`` (files the package would not write) are all an earlier package's
    data files, as it wrote them (its configuration there says so)."""
    found = [name for name in os.listdir(folder) if name.casefold() == config_name.casefold()]
    return bool(found) and not _not_written_so(folder, [*found, *others], config_name)


def _not_written_so(folder: Path, found: Sequence[str], config_name: str) -> list[str]:
    """Those of ``found`` (the package's names) that no earlier package wrote as they are:
    all of them unless the configuration there bears its mark and still matches it."""
    config = next((name for name in found if name.casefold() == config_name.casefold()), None)
    sums = _mark_of(folder / config) if config is not None else None
    if sums is None:
        return list(found)
    data_sums = set(sums[1:])
    return [name for name in found if name != config and _digest(folder / name) not in data_sums]


def _mark_of(config: Path) -> list[str] | None:
    """The digests a package's configuration lists (its own first), when it bears the mark
    and is still as that package wrote it; None otherwise."""
    try:
        if config.stat().st_size > MARK_READ_LIMIT:
            return None
        content = config.read_bytes()
    except OSError:
        return None
    mark = _MARK.search(content)
    if mark is None:
        return None
    sums = mark.group(1).decode().split()
    unmarked = content[:mark.start()] + content[mark.end():]
    return sums if hashlib.sha256(unmarked).hexdigest() == sums[0] else None


def _digest(path: Path) -> str | None:
    """The SHA-256 of a file's bytes; None when it cannot be read."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(_CHUNK):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def _same_file(one: Path, other: Path) -> bool:
    """True when both paths lead to the same file or folder (through links, whatever the
    case on a file system that ignores it); False when either is missing."""
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


def _listed(names: Sequence[str]) -> str:
    """A few file names, then "…" when there are more."""
    shown = ", ".join(list(names)[:NAMES_LISTED])
    return shown + ", …" if len(names) > NAMES_LISTED else shown


def _names(config: ImportConfig, files: Sequence[Path], kept: Sequence[int]) -> list[str]:
    """The names of the package's files: its configuration's, then a CSV per kept import."""
    config_name = config.source.name if config.source else DEFAULT_CONFIG_NAME
    return [config_name, *_file_names([files[i] for i in kept])]


def _kept_imports(config: ImportConfig, files: Sequence[Path]) -> tuple[list[int], list[str]]:
    """The imports the platform can run (by index), and a notice for each one left out."""
    kept: list[int] = []
    notices: list[str] = []
    for index, imp in enumerate(config.imports):
        if imp.actions and all(a.name == TEACHER_ACTION.name for a in imp.actions):
            notices.append(TEACHERS_LEFT_OUT.format(file=files[index].name))
        else:
            kept.append(index)
    return kept, notices


def _file_names(files: Sequence[Path]) -> list[str]:
    """A CSV name per import, from its file's name, each one different; a wildcard (``*``
    on the platform) becomes ``_``, or the fileName could take another file."""
    names: list[str] = []
    for file in files:
        stem = file.stem.translate(_NO_WILDCARDS) or "data"
        name, n = f"{stem}{DATA_SUFFIX}", 1
        while name.casefold() in (taken.casefold() for taken in names):
            n += 1
            name = f"{stem}_{n}{DATA_SUFFIX}"
        names.append(name)
    return names


class _WriteError(Exception):
    """Writing or renaming one of the package's files failed: the system's reason, and the
    replaced files that could not be put back (kept under their hidden names)."""

    def __init__(self, path: Path, exc: OSError, kept_aside: Sequence[Path] = ()) -> None:
        super().__init__(str(exc))
        self.path = path
        self.reason = system_reason(exc)
        self.kept_aside = list(kept_aside)

    def error(self, folder: Path, removed: bool) -> ImporterError:
        """The failure as the user reads it, once this run's files are removed."""
        if self.kept_aside:
            return ImporterError(NOT_PUT_BACK.format(
                path=self.path, reason=self.reason, folder=folder,
                names=_listed([p.name for p in self.kept_aside])))
        template = NOT_WRITTEN_NEW if removed else NOT_WRITTEN
        return ImporterError(template.format(path=self.path, reason=self.reason,
                                             folder=folder))


def _make_folder(folder: Path) -> list[Path]:
    """Create ``folder`` (and its missing parents); those created, innermost first."""
    missing = [path for path in (folder, *folder.parents) if not path.exists()]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ImporterError(FOLDER_NOT_CREATED.format(path=folder, reason=system_reason(exc))) \
            from None
    return missing


def _remove_made(made: Sequence[Path]) -> bool:
    """Remove the folders this run made, innermost first, while empty; True when the
    package's own folder is gone again."""
    for path in made:
        try:
            path.rmdir()
        except OSError:
            break
    return bool(made) and not os.path.lexists(made[0])


def _hidden(final: Path, suffix: str) -> Path:
    """A name beside ``final`` that the folder checks pass over (it starts with a dot)."""
    return final.with_name(hidden_name(final.name, suffix))


def _remove_leftovers(folder: Path, names: set[str]) -> None:
    """Remove the files being written that a package killed part-way (SIGKILL, a power cut)
    left in ``folder``: files named exactly as ``_staged`` names one of ``names`` (the files
    this package writes), nothing else. Only once a package is in place, so that a failed or
    cancelled one leaves the folder as it was; a ``.old`` is not one of them, since it may be
    the only copy of an earlier package's file."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if part_of(entry.name) in names and entry.is_file(follow_symlinks=False):
            # One that cannot be removed is left for the next package: this one is written.
            with contextlib.suppress(OSError):
                os.unlink(entry.path)


@contextlib.contextmanager
def _staged(final: Path, staged: list[tuple[Path, Path]]) -> Iterator[BinaryIO]:
    """A file to write under a hidden name beside ``final``, flushed to the disk when the
    block ends, and added to ``staged`` before anything is written in it (so that a failure
    part-way removes it too); a write that fails is said as ``final``'s."""
    temporary = _hidden(final, "part")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL
                             | getattr(os, "O_BINARY", 0), NEW_FILE_MODE)
        staged.append((temporary, final))
        with os.fdopen(descriptor, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
    except OSError as exc:
        raise _WriteError(final, exc) from None


def _put_in_place(staged: Sequence[tuple[Path, Path]]) -> None:
    """Rename each staged file over its name, in order; the files it replaces are set aside
    under hidden names until all are in place, and put back when a rename fails."""
    done: list[tuple[Path, Path | None]] = []  # (final, the file it replaced, set aside)
    try:
        for temporary, final in staged:
            aside = _hidden(final, "old") if os.path.lexists(final) else None
            if aside is not None:
                os.replace(final, aside)
            done.append((final, aside))
            os.replace(temporary, final)
    except OSError as exc:
        raise _WriteError(final, exc, _put_back(done)) from None
    for _final, aside in done:
        if aside is not None:
            aside.unlink(missing_ok=True)
    fsync_folder(staged[0][1].parent)


def _put_back(done: Sequence[tuple[Path, Path | None]]) -> list[Path]:
    """Undo ``done``'s renames, last first; the replaced files that could not be put back."""
    stuck: list[Path] = []
    for final, aside in reversed(done):
        try:
            if aside is None:
                final.unlink(missing_ok=True)
            else:
                os.replace(aside, final)
        except OSError:
            if aside is not None:
                stuck.append(aside)
    return stuck


# --- the configuration -----------------------------------------------------------------------

def platform_document(config: ImportConfig, kept: Sequence[int], names: Sequence[str]) -> str:
    """The configuration as the platform reads it: the kept imports, each provider's file
    beside it, and none of our extension."""
    trimmed = copy.deepcopy(config)
    document = trimmed.document
    if isinstance(document, etree._ElementTree):
        imports = [c for c in children(document.getroot()) if c.tag == "import"]
        for index, element in enumerate(imports):
            if index not in kept:
                element.getparent().remove(element)
    trimmed.imports = [trimmed.imports[i] for i in kept]
    for imp, name in zip(trimmed.imports, names, strict=True):
        _beside(imp, name)
    text = _platform_text(config_xml.dumps(trimmed),
                          [imp.provider.skip_first_line for imp in trimmed.imports])
    try:
        config_xml.loads(text)
    except ConfigError as exc:  # a bug here, not the user's: say it rather than send it
        raise ImporterError(NOT_VALID.format(problem=exc.detail)) from None
    return text


def _beside(imp: Import, name: str) -> None:
    """The provider reads ``name`` beside the configuration, as CSV, without our extension."""
    provider = imp.provider
    provider.file_name = name
    provider.path = ""
    provider.sheet = None
    provider.origin = None
    for column in provider.columns:
        column.header = None


def _platform_text(text: str, first_lines: Sequence[bool]) -> str:
    """The document without our extension, each provider (one per import, in order)
    stating its skipFirstLine, which the platform requires."""
    root = parse(text.encode("utf-8"), None)
    _drop_extension(root)
    providers = [imp.find(f"providers/{FILE_PROVIDER}") for imp in root.iter("import")]
    for provider, skip in zip(providers, first_lines, strict=True):
        if provider is not None and provider.find(SKIP_FIRST_LINE) is None:
            _insert_option(provider, SKIP_FIRST_LINE, yes_no(skip))
    return serialize(root.getroottree())


def _insert_option(provider: etree._Element, tag: str, value: str) -> None:
    """Add an option at its documented place, indented as the element before it."""
    option = etree.Element(tag)
    option.text = value
    index = ordered_index(provider, tag, PROVIDER_ORDER)
    option.tail = provider[index - 1].tail if index else provider.text
    provider.insert(index, option)


def _drop_extension(root: etree._Element) -> None:
    """Remove our namespace's elements and attributes (and its declaration), and an empty
    provider path."""
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        if etree.QName(element).namespace == EXT_NS:
            parent = element.getparent()
            if parent is not None:
                parent.remove(element)
            continue
        for name in [a for a in element.attrib if etree.QName(a).namespace == EXT_NS]:
            del element.attrib[name]
    etree.cleanup_namespaces(root, keep_ns_prefixes=["xsi"])
    for provider in root.iter(FILE_PROVIDER):  # an empty <path> would be the platform's
        for empty in [p for p in provider.findall("path") if not text_of(p)]:
            provider.remove(empty)


# --- the data --------------------------------------------------------------------------------

# Encoded lines joined and written at once: the file is written as its rows are encoded,
# never held whole (a million rows' file is over 100 MB).
LINES_AT_ONCE = 4096


def _write_data(imp_plan: ImportPlan, imp: Import, monitor: Monitor, stream: BinaryIO
                ) -> tuple[str, int, list[LeftOut]]:
    """One import's rows without errors as CSV into ``stream``: the SHA-256 of what was
    written, the rows written, those left out."""
    provider = imp.provider
    codec = _CODECS.get(provider.file_encoding.upper(), provider.file_encoding)
    width = len(imp_plan.columns)
    writers = _cell_writers(imp_plan.columns, provider.date_format, _date_time_format(imp))
    digest = hashlib.sha256()
    lines: list[bytes] = []
    line = io.StringIO()
    out = csv.writer(line, delimiter=provider.delimiter_char, lineterminator=LINE_END)
    left_out: list[LeftOut] = []
    written = 0
    if provider.skip_first_line:
        headers = list(imp_plan.headers or [])[:width]
        out.writerow(headers + imp_plan.columns[len(headers):])
        lines.append(line.getvalue().encode(codec, errors="replace"))
    total = len(imp_plan.rows)
    for count, (row, cells) in enumerate(_with_cells(imp_plan, imp), start=1):
        monitor.step(count, total, f"Packaging {imp_plan.file.name}")
        if row.has_errors:
            left_out.append(LeftOut(imp_plan.file, row.line, tuple(row.issues())))
            continue
        line.seek(0)
        line.truncate()
        out.writerow(_row_texts(cells, writers, width))
        try:
            lines.append(line.getvalue().encode(codec))
        except UnicodeEncodeError:
            left_out.append(LeftOut(imp_plan.file, row.line, _not_encodable(
                _row_texts(cells, writers, width), imp_plan.columns, codec,
                provider.file_encoding) or _not_encodable(
                [line.getvalue()], [""], codec, provider.file_encoding)))
            continue
        written += 1
        if len(lines) >= LINES_AT_ONCE:
            _write_lines(lines, stream, digest.update)
    _write_lines(lines, stream, digest.update)
    return digest.hexdigest(), written, left_out


def _with_cells(imp_plan: ImportPlan, imp: Import
                ) -> Iterator[tuple[RowPlan, tuple[Cell, ...]]]:
    """Each row with its cells: those the plan kept, or, where it kept only the cells of rows
    with errors (a million rows' cells are some 170 MB), the file's read again, which must
    be as the check read it: its size and time, its rows' lines, the cells it kept."""
    rows = imp_plan.rows
    if rows.kept.keeps_every_row:
        for row in rows:
            yield row, row.cells
        return
    if imp_plan.stamp is not None and imp_plan.stamp.changed():
        raise DataFileError(FILE_CHANGED, path=imp_plan.file)
    provider = imp.provider
    # The check took the file as it is: its delimiter is not judged again.
    read = readers.open_table(imp_plan.file, encoding=provider.file_encoding,
                              delimiter=provider.delimiter_char,
                              skip_first_line=provider.skip_first_line, sheet=provider.sheet,
                              check_delimiter=False, keeps_cells=False)
    again = read.rows(shared=False)
    for row in rows:
        line, cells = next(again, (None, ()))
        if line != row.line or (row.cells and cells != row.cells):
            raise DataFileError(FILE_CHANGED, path=imp_plan.file)
        yield row, cells
    if next(again, None) is not None:  # a row more than the check read
        raise DataFileError(FILE_CHANGED, path=imp_plan.file)


def _write_lines(lines: list[bytes], stream: BinaryIO,
                 digest: Callable[[bytes], object]) -> None:
    """Write the lines encoded so far, add them to the file's digest, and forget them."""
    chunk = b"".join(lines)
    stream.write(chunk)
    digest(chunk)
    lines.clear()


def _not_encodable(texts: Sequence[str], columns: Sequence[str], codec: str,
                   encoding: str) -> tuple[Issue, ...]:
    """An error per cell of a row that ``codec`` cannot hold, on the field its column feeds."""
    issues = []
    for n, cell in enumerate(texts):
        characters = unwritable(cell, codec)
        if characters:
            name = columns[n] if n < len(columns) and columns[n] != IGNORED_COLUMN else ""
            issues.append(Issue.error(name, NOT_ENCODABLE.format(characters=characters,
                                                                 encoding=encoding)))
    return tuple(issues)


# A date and time field's writer in an action's dateTimeFormat: this prefix, then its pattern.
IN_FORMAT = "format:"
# The writer of a field the check reads a number shown with text around it for ("TC-0042"
# formatted "TC-"0000) as the number it holds ("42"), as the platform must read it too.
HELD = "held"
# The writer of a decimal number: the check takes a comma for the point ("12,5"), the
# platform's numbers take the point, so the number is written with it.
DECIMAL = "decimal"
_TEXT_KINDS = (Kind.STRING, Kind.LONGTEXT)


def _date_time_format(imp: Import) -> str | None:
    """The dateTimeFormat the import's actions read dates and times in; None for ISO."""
    return next((found for action in imp.actions
                 if (found := date_time_format(action)) is not None), None)


def _cell_writers(columns: Sequence[str], date_format: str,
                  date_time_format: str | None = None) -> list[str | None]:
    """Each column's date pattern when it holds a date field (dates are written in the
    provider's dateFormat); for a date and time field, "iso", or its pattern after IN_FORMAT
    when the action reads one (dateTimeFormat); DECIMAL for a decimal number; HELD for a
    whole number, a duration or a code; None for text."""
    pattern = date_pattern(date_format)
    moment = "iso" if not date_time_format else IN_FORMAT + date_pattern(date_time_format)
    writers: list[str | None] = []
    for name in columns:
        definition = field_def(name) if name != IGNORED_COLUMN else None
        kind = definition.kind if definition is not None else None
        writers.append(pattern if kind is Kind.DATE else moment if kind is Kind.DATETIME
                       else DECIMAL if kind is Kind.FLOAT
                       else None if kind in _TEXT_KINDS or kind is None else HELD)
    return writers


def _row_texts(cells: Sequence[Cell], writers: Sequence[str | None], width: int
               ) -> list[str]:
    """A row's cells as the platform reads them, as many as the mapping has columns."""
    texts = [cell if type(cell) is str and writers[n] is not DECIMAL
             else _cell_text(cell, writers[n]) for n, cell in enumerate(cells[:width])]
    return texts + [""] * (width - len(texts))


def _cell_text(cell: Cell, writer: str | None) -> str:
    """A workbook's date cell as its field reads it back; a number shown with text around
    it as its number where its field reads that, a decimal one with a point; other cells as
    their text."""
    if writer == HELD:
        return cell.value if isinstance(cell, Shown) else _cell_text(cell, None)
    if writer == DECIMAL:
        number = _cell_text(cell, HELD)
        return number.replace(",", ".") if parse_float(number) is not None else number
    if isinstance(cell, str):
        return str.__str__(cell)
    if writer == "iso":
        return cell.isoformat(timespec="seconds") if isinstance(cell, datetime) \
            else cell.isoformat()
    if writer is not None and writer.startswith(IN_FORMAT):
        pattern = writer[len(IN_FORMAT):]
        # A date alone is written as one, so that the platform gives it its defaultTime.
        return cell.strftime(pattern if isinstance(cell, datetime) else date_part(pattern))
    if writer is not None and isinstance(cell, date):
        day = cell.date() if isinstance(cell, datetime) else cell
        return day.strftime(writer)
    return text(cell)
