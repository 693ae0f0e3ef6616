"""How plans and counts are printed: readable text, or the documented JSON.

Readable text goes to a terminal, which acts on control characters instead of showing
them: every value printed as text (cells, stored values, file names, messages) goes through
``visible``. JSON escapes them itself.
"""

from __future__ import annotations

import codecs
import contextlib
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from itertools import islice
from typing import Any, TextIO

from importer_gui.core import interrupts
from importer_gui.core.cells import NOT_UTF8_BYTE
from importer_gui.core.errors import ImporterError, system_reason
from importer_gui.core.issues import Issue, Outcome, outcome_totals_by_name
from importer_gui.core.plan import (
    ActionResult,
    Plan,
    outcome_word,
    plan_unregisters,
    unregisters,
)
from importer_gui.core.progress import Monitor

# What a terminal acts on rather than shows: C0 and C1 controls and DEL (escape sequences,
# BEL, a carriage return that rewrites the line), the bidi controls that reorder what is
# shown, and Unicode's line and paragraph separators.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029"
                       "\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def visible(text: str) -> str:
    """``text`` safe to print on a terminal: control characters shown as their escapes
    (``\\x1b``, ``\\r``), everything printable (accents included) as it is."""
    return text if text.isprintable() else _CONTROLS.sub(_escape, text)


def _escape_unencodable(error: UnicodeError) -> tuple[bytes, int]:
    """An output's encoding error handler: the bytes of a name that is not UTF-8
    (surrogateescape's) written back as they were read, any other character the encoding
    lacks as its escape (``\\xe9``), as stderr shows it."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return b"".join(
        bytes([ord(char) - 0xDC00]) if NOT_UTF8_BYTE.fullmatch(char)
        else char.encode("ascii", "backslashreplace")
        for char in error.object[error.start:error.end]), error.end


codecs.register_error("importer-gui-output", _escape_unencodable)
# An output stream's error handler, and the one it is given instead.
_KEEPING_ERRORS = {"strict": "backslashreplace", "surrogateescape": "importer-gui-output"}


def say(line: str) -> None:
    """Write ``line`` on stderr. A stderr the system refuses (closed, a log on a full disk)
    cannot be told so: the line is lost, and the exit code still says what happened (as
    argparse's usage errors do)."""
    with contextlib.suppress(AttributeError, OSError):  # None when started with it closed
        sys.stderr.write(line)
        sys.stderr.flush()


def waits_said() -> Monitor:
    """A monitor that says on stderr, once, that the command waits for someone else
    (another program writing to the store); Ctrl+C still stops the wait."""
    return Monitor(waits=lambda what: say(visible(f"importer-gui: {what}…") + "\n"))


class OutputError(ImporterError):
    """The system refused the command's output (stdout on a full disk, or closed): said in
    one line, with what the command wrote all the same (its run committed, a file written),
    which ``wrote`` says."""

    def __init__(self, reason: str, written: str | None = None) -> None:
        committed = interrupts.committed()
        self.wrote = committed or written is not None
        tail = ("; the run was committed: importer-gui history shows it" if committed
                else f"; {written}" if written is not None else "")
        super().__init__(f"The output could not be written ({reason}){tail}.")


class Output:
    """A command's stdout. A write the system refuses is an OutputError, not a bug. A
    reader that went away (``| head``, BrokenPipeError) chose to read no more: what follows
    is dropped, and the command ends with its own exit code, as its --help says it."""

    def __init__(self, stream: TextIO | None) -> None:
        self._stream = stream  # None when the process was started with stdout closed
        self._written: str | None = None
        self._reader_gone = False
        # A character the output's encoding lacks (a legacy console's, a redirected file's
        # on Windows, an ASCII locale's) is shown as its escape, as stderr shows it, rather
        # than ending the command; the bytes of a name that is not UTF-8 (surrogateescape)
        # are left as such.
        errors = _KEEPING_ERRORS.get(getattr(stream, "errors", None) or "")
        if errors is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors=errors)

    def write(self, text: str) -> int:
        """Write ``text``; see the class."""
        if self._reader_gone:
            return len(text)
        with self._refused():
            return self._open().write(text)
        return len(text)  # the reader went away

    def flush(self) -> None:
        """Flush what is buffered; see the class."""
        if not self._reader_gone:
            with self._refused():
                self._open().flush()

    def wrote(self, what: str) -> None:
        """Say what the command wrote before its output (``the package was written in
        DIR``): should the output then fail, that is said, and the exit is not "nothing
        done"."""
        self._written = what

    def _open(self) -> TextIO:
        if self._stream is None:
            raise OutputError("the standard output is closed", self._written)
        return self._stream

    @contextlib.contextmanager
    def _refused(self) -> Iterator[None]:
        try:
            yield
        except BrokenPipeError:
            self._reader_gone = True
            self._drop_the_rest()
        except OSError as exc:
            raise OutputError(system_reason(exc), self._written) from None

    def _drop_the_rest(self) -> None:
        """Point the stream at the null device: what its buffer still holds, flushed at the
        end of the process, would otherwise fail again there."""
        assert self._stream is not None
        with contextlib.suppress(OSError, ValueError):  # not a file (a test's StringIO)
            null = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(null, self._stream.fileno())
            finally:
                os.close(null)


def imports_json(plan: Plan) -> dict[str, Any]:
    """Each import's file, action names and counts (as the readable output counts them),
    and their total: what every command that plans a configuration says of its imports."""
    counted = [imp.counts() for imp in plan.imports]  # each once: the total adds them up
    imports = [{"file": str(imp.file), "actions": list(imp.actions),
                "counts": outcome_totals_by_name([counts])}
               for imp, counts in zip(plan.imports, counted, strict=True)]
    return {"imports": imports, "counts": outcome_totals_by_name(counted)}


def plan_json(plan: Plan) -> dict[str, Any]:
    """The plan as the documented JSON shape (each import's rows made as they are written):
    each import says its actions and counts, as the readable output does, so that a script
    need not count its rows."""
    document = imports_json(plan)
    for entry, imp in zip(document["imports"], plan.imports, strict=True):
        entry["rows"] = JsonLines(partial(_row_texts, imp.rows.lines, imp.rows.results))
    return document


class JsonLines:
    """A JSON array written an object a line, each object made as it is written: a plan's
    rows are never all held as objects at once (and json's C encoder only runs unindented).
    ``texts()`` gives each object as ``json.dumps`` writes it."""

    def __init__(self, texts: Callable[[], Iterator[str]]) -> None:
        self.texts = texts


def _row_texts(lines: Sequence[int], results: Sequence[Sequence[ActionResult]]
               ) -> Iterator[str]:
    """An import's rows as JSON texts, one per action of a row; what follows the line, the
    same for most rows (no issue, or the same warning), is encoded once."""
    after: dict[tuple[str, Outcome, tuple[Issue, ...]], str] = {}
    for line, row in zip(lines, results, strict=True):
        for result in row:
            key = (result.action, result.outcome, result.issues)
            text = after.get(key)
            if text is None:
                if len(after) >= _WORDS_KEPT:  # mostly one row's own (a cell's value)
                    after.clear()
                text = after[key] = json.dumps(_result_json(result))[1:]
            yield f'{{"line": {line}, {text}'


def _result_json(result: ActionResult) -> dict[str, Any]:
    """What an action does with a row, as JSON sees it (after the row's line)."""
    return {"action": result.action, "outcome": result.outcome.value,
            "issues": issues_json(result.issues)}


def issues_json(issues: Iterable[Issue]) -> list[dict[str, str]]:
    """A row's issues as the documented JSON shape."""
    return [{"level": i.level.value, "field": i.field, "message": i.message} for i in issues]


def write_json(document: dict[str, Any], out: TextIO) -> None:
    """The plan's JSON, indented, one row per line.

    json's fast (C) encoder only runs without indentation: indenting 100,000 rows with the
    pure-Python one took longer than the check itself.
    """
    out.write("{\n")
    for n, (key, value) in enumerate(document.items()):
        comma = "," if n < len(document) - 1 else ""
        if isinstance(value, JsonLines):
            out.write(f"  {json.dumps(key)}: [\n")
            _write_joined(value.texts(), out, "    ", ",\n    ")
            out.write(f"\n  ]{comma}\n")
            continue
        if key != "imports":
            out.write(f"  {json.dumps(key)}: {json.dumps(value)}{comma}\n")
            continue
        out.write('  "imports": [\n')
        for i, imp in enumerate(value):
            head = {k: v for k, v in imp.items() if k != "rows"}
            out.write(f"    {json.dumps(head)[:-1]}, \"rows\": [\n")
            _write_joined(imp["rows"].texts(), out, "      ", ",\n      ")
            out.write(f"\n    ]}}{',' if i < len(value) - 1 else ''}\n")
        out.write(f"  ]{comma}\n")
    out.write("}\n")


def _write_joined(texts: Iterable[str], out: TextIO, first: str = "", between: str = ""
                  ) -> None:
    """``first``, then the texts with ``between`` between them, written some thousands at a
    time: a million lines are never one text."""
    texts = iter(texts)
    while part := list(islice(texts, _LINES_AT_ONCE)):
        out.write(first + between.join(part))
        first = between


def dump_json(document: dict[str, Any], out: TextIO) -> None:
    """A small document (history, init, package), indented."""
    json.dump(document, out, indent=2)
    out.write("\n")


def counts_text(counts: dict[str, int], unregistering: bool = False) -> str:
    """``create 3, update 1, ...``; ``unregistering``: ``..., unregister 2, ...``."""
    return ", ".join(f"{_said(name, unregistering)} {count}" for name, count in counts.items())


def _said(name: str, unregistering: bool) -> str:
    """An outcome's name as said (see plan.outcome_word); a name no outcome has (a run
    another program recorded) as it is."""
    try:
        return outcome_word(Outcome(name), unregistering)
    except ValueError:
        return name


def print_plan(plan: Plan, out: TextIO) -> None:
    """The readable summary: counts per import, then every issue with file and line; with
    several imports, their counts again in a table after the issues; the total last."""
    table: list[tuple[str, dict[str, int]]] = []
    counted = [imp.counts() for imp in plan.imports]  # each once: the total adds them up
    for imp, counts in zip(plan.imports, counted, strict=True):
        full = outcome_totals_by_name([counts])
        table.append((imp.file.name, full))
        out.write(visible(f"Import {imp.index + 1}: {imp.file} ({', '.join(imp.actions)})")
                  + "\n")
        out.write(f"  {counts_text(full, unregisters(imp.actions))}\n")
        _write_joined(_issue_lines(imp.file.name, imp.rows.lines, imp.rows.results), out)
    # The table and the total count the imports' deletions together: unregistrations when
    # every import unregisters.
    unregistering = plan_unregisters(plan)
    if len(table) > 1:
        _write_joined(_table_lines(table, unregistering), out)
    out.write(f"Total: {counts_text(outcome_totals_by_name(counted), unregistering)}\n")


def _table_lines(table: list[tuple[str, dict[str, int]]], unregistering: bool
                 ) -> Iterator[str]:
    """Each import's counts a line, under a heading, numbers in right-aligned columns: after
    a long list of issues, the imports with errors are found at a glance. The file's name
    comes last, as its length varies."""
    headings = ["import", *(_said(name, unregistering) for name in table[0][1])]
    rows = [[str(n), *map(str, counts.values())] for n, (_, counts) in
            enumerate(table, start=1)]
    widths = [max(len(heading), *(len(row[i]) for row in rows))
              for i, heading in enumerate(headings)]
    # A blank line first: the heading starts a table, not one more issue.
    yield "\n" + "  ".join(h.rjust(w) for h, w in zip(headings, widths, strict=True)) + "  file\n"
    for row, (name, _) in zip(rows, table, strict=True):
        cells = "  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True))
        yield f"{cells}  {visible(name)}\n"


def _issue_lines(name: str, lines: Iterable[int],
                 results: Iterable[Sequence[ActionResult]]) -> Iterator[str]:
    """Every issue of an import's rows, a line each (``file:line: level field: message``).

    The rows' columns, not a RowPlan per row: most of 100,000 rows have no issue, and the
    clean rows of an action share one results object (``planner._clean_results``), which
    is skipped by its identity. A file checked again may warn on each of a million rows,
    mostly in the same words: an issue's words are made visible once.
    """
    shown, words, quiet = visible(name), {}, None
    for line, row in zip(lines, results, strict=True):
        if row is quiet:
            continue
        if not any(result.issues for result in row):
            quiet = row
            continue
        for result in row:
            for issue in result.issues:
                said = words.get(issue)
                if said is None:
                    if len(words) >= _WORDS_KEPT:  # mostly one row's own (a cell's value)
                        words.clear()
                    field = f" {issue.field}" if issue.field else ""
                    said = words[issue] = visible(f": {issue.level.value}{field}: "
                                                  f"{issue.message}") + "\n"
                # A row on no line (what --prune deletes is in no file): the file alone, as
                # a ":0" would send the reader to look for it there.
                yield f"{shown}:{line}{said}" if line else f"{shown}{said}"


_LINES_AT_ONCE = 4096
_WORDS_KEPT = 4096
