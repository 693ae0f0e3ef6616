"""Reports of a plan's issues: a workbook to fix rows in, and the platform's error log
(written after a commit as its timeStampedFileErrorLogger would).

Both are written to a temporary file next to the target and renamed over it, so a failure
never leaves half a report. Text that a spreadsheet would run as a formula is written as text.
openpyxl is imported when a workbook is first written: it takes 0.1 s to load, which a
commit that writes only the text error log should not wait for.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from importer_gui.core.atomic import new_file, write_atomically
from importer_gui.core.catalogue import (
    ERROR_LOG_LINE,
    ERROR_LOG_PREFIX,
    ERROR_LOG_STAMP,
    ERROR_LOG_SUFFIX,
)
from importer_gui.core.cells import NOT_XML, Cell, cell_text, xml_text
from importer_gui.core.config import ImportConfig
from importer_gui.core.errors import CANNOT_WRITE, QT_TRANSLATE_NOOP, ImporterError, system_reason
from importer_gui.core.issues import Issue, Level, Outcome
from importer_gui.core.plan import ImportPlan, Plan, RowPlan, outcome_word, unregisters
from importer_gui.core.progress import Monitor

if TYPE_CHECKING:
    from openpyxl.cell import WriteOnlyCell

# A cell a spreadsheet would run as a formula (CSV injection): one starting with = + - @ or a
# tab. A spreadsheet opening a log line starts a cell at the line's start and after a comma
# (a semicolon for a French Excel, a tab for its text import), past a CSV quote.
_LOG_CELL_FORMULA = re.compile(r'(?:^|(?<=[,;\t]))("*)(?=[=+\-@\t])')

# Said in the window in the user's language (see core/errors.py).
READ_BY_THE_CHECK = QT_TRANSLATE_NOOP(
    "errors", "{path} is a file this check reads (a data file or its configuration): a "
              "report or a copy cannot replace it; choose another name.")
# Why an import's error log was not written after its rows were committed.
LOG_FOLDER_NOT_MADE = QT_TRANSLATE_NOOP(
    "errors", "The error log folder {folder} cannot be created ({reason}); the rows were "
              "committed as run {run}.")
LOG_NOT_WRITTEN = QT_TRANSLATE_NOOP("errors", "{error}; the rows were committed as run {run}.")
LOG_OUT_OF_MEMORY = QT_TRANSLATE_NOOP(
    "errors", "Not enough memory to write the error log in {folder}; the rows were committed "
              "as run {run}.")
LOGS_INTERRUPTED = QT_TRANSLATE_NOOP(
    "errors", "Interrupted while writing the error logs; the rows were committed as run {run}.")

# The most characters a workbook cell holds: Excel cuts a longer text, openpyxl silently too.
CELL_CHARS = 32_767
# The most rows and columns a sheet holds (Excel's, and so every spreadsheet's a user opens
# a report in): openpyxl writes past them without a word, and Excel refuses the file or
# drops rows from it.
SHEET_ROWS = 1_048_576
SHEET_COLUMNS = 16_384
# The step a report being written reports (the window translates it: widgets/progress.py).
SAVING = "Saving {name}"
# Characters a sheet title may not hold.
_BAD_TITLE = str.maketrans({c: "_" for c in "[]:*?/\\"})


def issue_rows(imp: ImportPlan) -> Iterator[tuple[int, RowPlan]]:
    """The rows of an import that have at least one issue, with their index."""
    for index, row in enumerate(imp.rows):
        if row.has_issues:
            yield index, row


def _steps(plan: Plan, target: Path, monitor: Monitor | None) -> Callable[[], None]:
    """A step to take per row with issues written: progress said, a cancel heard."""
    if monitor is None:
        return lambda: None
    total = sum(1 for imp in plan.imports for row in imp.rows if row.has_issues)
    what = SAVING.format(name=target.name)
    done = 0

    def step() -> None:  # before each row: a cancel is heard before the first
        nonlocal done
        monitor.step(done, total, what)
        done += 1

    return step


def message_text(issue: Issue) -> str:
    """One issue for people: level, field and message."""
    where = f" {issue.field}" if issue.field else ""
    return f"{issue.level.value}{where}: {issue.message}"


def english_outcome(outcome: Outcome, actions: Sequence[str]) -> str:
    """A row's outcome in the Outcome column; ``actions``, its import's, may word a deletion."""
    return outcome_word(outcome, unregisters(actions))


@dataclass(frozen=True)
class WorkbookWords:
    """The issues workbook's own words: English here; the window gives the user's language.

    The file's headers and values are the file's, in any language.
    """

    line: str = "Line"
    outcome: str = "Outcome"
    messages: str = "Messages"
    no_rows: str = "No rows were checked."
    cut: str = "… [cut: the whole text has {length} characters, more than a cell holds]"
    columns_cut: str = ("Messages (the file's columns {first} to {last} are left out: a sheet "
                        "holds {limit} columns)")
    outcome_text: Callable[[Outcome, Sequence[str]], str] = english_outcome
    issue_text: Callable[[Issue], str] = message_text


ENGLISH = WorkbookWords()


def column_titles(imp: ImportPlan) -> list[str]:
    """Header text per column: the file's header when it had one, else the field name."""
    titles = list(imp.columns)
    if imp.headers:
        for i, header in enumerate(imp.headers[: len(titles)]):
            titles[i] = header or titles[i]
    return titles


def files_read(plan: Plan) -> list[Path]:
    """The files a check of ``plan`` reads: its data files and its configuration."""
    source = plan.config.source
    return [imp.file for imp in plan.imports] + ([source] if source is not None else [])


def refuse_a_file_read(target: Path, read: Iterable[Path]) -> None:
    """Raise ImporterError when ``target`` is one of the files ``read``, by whatever path:
    a report or a copy written there would take the user's data away."""
    for file in read:
        try:
            same = Path(target).samefile(file)  # a link, another case of a name: the file
        except OSError:
            continue  # either is missing: nothing there to lose
        if same:
            raise ImporterError(READ_BY_THE_CHECK.format(path=target))


def _write_report(plan: Plan, target: Path, write: Callable[[Path], None]) -> Path:
    """Write the report atomically into its folder (made if missing), or say why it failed;
    never over a file the check reads."""
    refuse_a_file_read(target, files_read(plan))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        return write_atomically(target, write)
    except OSError as exc:
        raise ImporterError(CANNOT_WRITE.format(path=target, reason=system_reason(exc))) \
            from exc


# --- the workbook -----------------------------------------------------------------------------

@dataclass(frozen=True)
class _Styles:
    """The workbook's fills and fonts (openpyxl objects)."""

    error_fill: Any
    warning_fill: Any
    header_font: Any
    wrap: Any


@cache
def _styles() -> _Styles:
    from openpyxl.styles import Alignment, Font, PatternFill

    return _Styles(PatternFill("solid", start_color="FFC7CE", end_color="FFC7CE"),
                   PatternFill("solid", start_color="FFEB9C", end_color="FFEB9C"),
                   Font(bold=True), Alignment(wrap_text=True, vertical="top"))


def _sheet_title(imp: ImportPlan, used: set[str]) -> str:
    """A unique, valid sheet title from the data file's name."""
    base = (imp.file.stem or f"Import {imp.index + 1}").translate(_BAD_TITLE)[:28] or "Import"
    return _unique_title(base, used)


def _unique_title(base: str, used: set[str], n: int = 1) -> str:
    """``base``, numbered " (n)" from ``n`` on when n > 1 or when taken: a title no other
    sheet has (in any case), of at most 31 characters."""
    title = base if n == 1 else f"{base[:25]} ({n})"
    while title.lower() in used:
        n += 1
        title = f"{base[:25]} ({n})"
    used.add(title.lower())
    return title


def _cut(text: str, limit: int, words: WorkbookWords) -> str:
    """``text`` when it has at most ``limit`` characters, else its start saying it was cut."""
    if len(text) <= limit:
        return text
    said = words.cut.format(length=len(text))
    return text[:max(0, limit - len(said))] + said


def _joined(texts: list[str], words: WorkbookWords) -> str:
    """Texts one a line in one cell: each cut to its share when all would not fit, so that
    a message quoting a long value never hides the next ones."""
    joined = "\n".join(texts)
    if len(joined) <= CELL_CHARS:
        return joined
    share = CELL_CHARS // len(texts) - 1
    return "\n".join(_cut(text, share, words) for text in texts)


def _text_cell(sheet: object, value: str, fill: Any = None,
               words: WorkbookWords = ENGLISH) -> WriteOnlyCell:
    """A cell stored as text whatever it starts with (never a formula), cut visibly when
    longer than a cell holds."""
    from openpyxl.cell import WriteOnlyCell

    # A character no workbook holds (a control character, U+FFFE) is shown as its escape:
    # openpyxl refuses it, and the whole report would be lost.
    text = xml_text(value) if NOT_XML.search(value) else value
    cell = WriteOnlyCell(sheet, value=_cut(text, CELL_CHARS, words))
    cell.data_type = "s"  # openpyxl would store "=..." as a formula otherwise
    if fill is not None:
        cell.fill = fill
    return cell


def _shown_columns(imp: ImportPlan) -> int:
    """How many of the file's columns a sheet holds beside Line, Outcome and Messages."""
    return min(len(imp.columns), SHEET_COLUMNS - 3)


def _messages_title(imp: ImportPlan, words: WorkbookWords) -> str:
    """The last column's title: it says which of the file's columns a sheet could not hold."""
    shown = _shown_columns(imp)
    if shown == len(imp.columns):
        return words.messages
    return words.columns_cut.format(first=shown + 1, last=len(imp.columns), limit=SHEET_COLUMNS)


def _header_row(sheet: object, imp: ImportPlan, words: WorkbookWords) -> list[WriteOnlyCell]:
    """Line, Outcome, the file's columns, Messages: in bold."""
    cells = []
    titles = column_titles(imp)[:_shown_columns(imp)]
    for title in [words.line, words.outcome, *titles, _messages_title(imp, words)]:
        cell = _text_cell(sheet, title, words=words)
        cell.font = _styles().header_font
        cells.append(cell)
    return cells


def _data_row(sheet: object, imp: ImportPlan, row: RowPlan,
              words: WorkbookWords) -> list[WriteOnlyCell]:
    """One row: its values, bad cells filled, and every message in the last column."""
    errors = row.issue_fields(Level.ERROR)
    warnings = row.issue_fields(Level.WARNING)
    from openpyxl.cell import WriteOnlyCell

    styles = _styles()
    cells: list[WriteOnlyCell] = [WriteOnlyCell(sheet, value=row.line),
                                  _text_cell(sheet, words.outcome_text(row.outcome, imp.actions),
                                             words=words)]
    for i, field_name in enumerate(imp.columns[:_shown_columns(imp)]):
        value: Cell = row.cells[i] if i < len(row.cells) else ""
        fill = styles.error_fill if field_name in errors else (
            styles.warning_fill if field_name in warnings else None)
        cells.append(_text_cell(sheet, cell_text(value), fill, words))
    texts = [xml_text(words.issue_text(i)) for i in row.issues()]
    messages = _text_cell(sheet, _joined(texts, words), words=words)
    messages.alignment = styles.wrap
    cells.append(messages)
    return cells


def _fill_workbook(plan: Plan, path: Path, words: WorkbookWords,
                   step: Callable[[], None]) -> None:
    """Write one sheet per import, rows with issues only, in write-only mode (many rows)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    used: set[str] = set()
    for imp in plan.imports:
        _fill_sheets(book, imp, used, words, step)
    if not plan.imports:
        book.create_sheet("Issues").append([words.no_rows])
    book.save(path)


def _fill_sheets(book: Any, imp: ImportPlan, used: set[str], words: WorkbookWords,
                 step: Callable[[], None]) -> None:
    """An import's rows with issues: past a sheet's last row, on in a next sheet named
    like the first with " (2)", " (3)"..., headed alike."""
    title = _sheet_title(imp, used)
    sheet = _new_sheet(book, title, imp, words)
    room = SHEET_ROWS - 1
    for _index, row in issue_rows(imp):
        if room == 0:
            sheet = _new_sheet(book, _unique_title(title, used, 2), imp, words)
            room = SHEET_ROWS - 1
        sheet.append(_data_row(sheet, imp, row, words))
        room -= 1
        step()


def _new_sheet(book: Any, title: str, imp: ImportPlan, words: WorkbookWords) -> Any:
    """A new sheet headed by the import's header row, kept in sight with the Line and
    Outcome columns."""
    sheet = book.create_sheet(title)
    sheet.freeze_panes = "C2"
    sheet.append(_header_row(sheet, imp, words))
    return sheet


def write_issues_workbook(plan: Plan, path: Path, words: WorkbookWords = ENGLISH,
                          monitor: Monitor | None = None) -> Path:
    """Save the rows with issues as a workbook: bad cells filled, messages in a last column.

    Cancelled through ``monitor``: nothing is written, a file of that name stays as it was.
    """
    path = Path(path)
    step = _steps(plan, path, monitor)
    return _write_report(plan, path, lambda tmp: _fill_workbook(plan, tmp, words, step))


# --- the platform's error log -----------------------------------------------------------------

def _log_value(cell: Cell) -> str:
    """A value on one log line: no line breaks, and a quote before any formula-like text a
    spreadsheet would read as a cell of its own (a value split at its commas too)."""
    text = cell_text(cell).replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    return _LOG_CELL_FORMULA.sub(r"\1'", text)


def error_log_lines(plan: Plan, step: Callable[[], None] = lambda: None) -> Iterator[str]:
    """``Line number:N,LEVEL,<values>,<message>``: one line per issue, in file order."""
    for imp in plan.imports:
        for _index, row in issue_rows(imp):
            step()
            values = ",".join(_log_value(c) for c in row.cells)
            for issue in row.issues():
                message = _log_value(issue.message)
                yield ERROR_LOG_LINE.format(line=row.line, level=issue.level.value,
                                            values=values, message=message)


def error_log_name(when: datetime | None = None) -> str:
    """The log's file name, stamped with the time it is written."""
    return _error_log_stem(when) + ERROR_LOG_SUFFIX


def _error_log_stem(when: datetime | None) -> str:
    return ERROR_LOG_PREFIX + (when or datetime.now()).strftime(ERROR_LOG_STAMP)


def write_error_log(plan: Plan, folder_or_path: Path, *, when: datetime | None = None,
                    monitor: Monitor | None = None) -> Path:
    """Write the error log; a folder gets a new time-stamped file, a file path is used as is.

    Two logs written in the same second (two imports, two runs) each get a file of their own:
    the second name is numbered (``import_errors_<stamp>_2.log``). Cancelled through
    ``monitor``: nothing is written, a file of that name stays as it was.
    """
    target = Path(folder_or_path)
    if not target.is_dir():
        step = _steps(plan, target, monitor)
        return _write_report(plan, target, lambda tmp: _fill_error_log(plan, tmp, step))
    reserved = _new_error_log(target, when or datetime.now())
    step = _steps(plan, reserved, monitor)
    try:
        return _write_report(plan, reserved, lambda tmp: _fill_error_log(plan, tmp, step))
    except BaseException:
        reserved.unlink(missing_ok=True)  # the name was taken for this log only
        raise


def _new_error_log(folder: Path, when: datetime) -> Path:
    """A time-stamped name in ``folder`` no other log has, taken at once."""
    try:
        return new_file(folder, _error_log_stem(when), ERROR_LOG_SUFFIX)
    except OSError as exc:
        raise ImporterError(CANNOT_WRITE.format(path=folder / error_log_name(when),
                                                reason=system_reason(exc))) from exc


def _fill_error_log(plan: Plan, path: Path, step: Callable[[], None]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for line in error_log_lines(plan, step):
            out.write(line + "\n")


# --- after a commit, as the platform's consolidator does ----------------------------------

def error_log_folders(config: ImportConfig) -> dict[int, Path]:
    """Each import's error log folder, by import index: refused before anything is written
    when it leads outside the configuration's folder."""
    folders = {}
    for index, imp in enumerate(config.imports):
        folder = imp.error_log_folder(config.folder)
        if folder is not None:
            folders[index] = folder
    return folders


def write_error_logs(plan: Plan, folders: dict[int, Path], run_id: int
                     ) -> tuple[list[Path], list[str]]:
    """As the platform's timeStampedFileErrorLogger does after a run: one log per import.

    The logs written, and why each other one was not: the rows are committed by now, so a
    failure is said and the next log is tried.
    """
    written: list[Path] = []
    failures: list[str] = []
    for imp in plan.imports:
        folder = folders.get(imp.index)
        if folder is None or not any(row.has_issues for row in imp.rows):
            continue
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            failures.append(LOG_FOLDER_NOT_MADE.format(folder=folder, run=run_id,
                                                       reason=system_reason(error)))
            continue
        try:
            written.append(write_error_log(Plan(plan.config, [imp]), folder))
        except ImporterError as error:
            failures.append(LOG_NOT_WRITTEN.format(error=error, run=run_id))
        except MemoryError:
            failures.append(LOG_OUT_OF_MEMORY.format(folder=folder, run=run_id))
        except KeyboardInterrupt:
            failures.append(LOGS_INTERRUPTED.format(run=run_id))
            break
    return written, failures
