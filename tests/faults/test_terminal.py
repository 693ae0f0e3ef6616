"""No raw control character reaches a terminal: values are shown with their escapes visible.

A cell or a stored value holding an escape sequence could clear the screen, retitle the
window or hide text (a carriage return rewrites the line); the readable output of check,
commit, history and revert, and the one-line errors, show ``\\x1b``, ``\\x07``, ``\\r``
instead. Printable text, French accents included, is left as it is; JSON is escaped as JSON.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from importer_gui.cli import main, output
from importer_gui.cli.output import visible
from tests.builders import by_hand, teachers_import, write_config
from tests.faults import cli
from tests.stores import existing_store

HOSTILE = "Zoé\x1b]0;owned\x07\x1b[2J\rnot\u202eevil\x9b31m"
SHOWN = "Zoé\\x1b]0;owned\\x07\\x1b[2J\\rnot\\u202eevil\\x9b31m"


def raw_controls(text: str) -> list[str]:
    """Control characters in printed text, line breaks apart."""
    return [c for c in text if c != "\n" and visible(c) != c]


def test_control_characters_are_shown_escaped_and_accents_are_not() -> None:
    assert visible(HOSTILE) == SHOWN
    assert visible("Sécurité incendie, été\tà Lyon\n") == "Sécurité incendie, été\\tà Lyon\\n"
    assert visible("\x00\x7f\x85\u2028\u2066") == "\\x00\\x7f\\x85\\u2028\\u2066"
    assert visible("C:\\Données\\plan.csv") == "C:\\Données\\plan.csv"  # printable: as is
    assert raw_controls(SHOWN) == []


@pytest.mark.parametrize("command", ["check", "commit"])
def test_a_hostile_cell_is_shown_escaped_by_check_and_commit(tmp_path: Path,
                                                             command: str) -> None:
    config = write_config(tmp_path, teachers_import(tmp_path, [("zoe", "Zoé", "Z", HOSTILE)]))
    done = cli(command, str(config), "--store", existing_store(tmp_path / "s.db"))
    assert done.code == 1, done.err
    assert (f"teachers.csv:2: ERROR teacherEmail: Field teacherEmail: {SHOWN} is not an "
            "e-mail address.") in done.out.splitlines()
    assert raw_controls(done.out) == []
    as_json = cli(command, str(config), "--store", existing_store(tmp_path / "s.db"), "--json")
    issues = json.loads(as_json.out)["imports"][0]["rows"][0]["issues"]
    assert HOSTILE in issues[0]["message"]  # JSON carries the value itself, escaped as JSON
    assert raw_controls(as_json.out) == []


def test_a_hostile_file_name_is_shown_escaped_by_check_and_history(tmp_path: Path) -> None:
    folder = tmp_path / "in\x1b[2J\r"
    folder.mkdir()
    config = write_config(folder, teachers_import(folder, [("zoe", "Zoé", "Z", "z@e.org")]))
    store = str(tmp_path / "s.db")
    done = cli("commit", str(config), "--store", store)
    assert done.code == 0, done.err
    shown_folder = visible(str(folder))
    assert done.out.splitlines()[0] == (f"Import 1: {shown_folder}/teachers.csv "
                                        "(createOrUpdateTeacherAction)")
    assert raw_controls(done.out) == []
    history = cli("history", "--store", store)
    assert f"  files: {shown_folder}/teachers.csv" in history.out.splitlines()
    assert f"{shown_folder}/config.xml" in history.out
    assert raw_controls(history.out) == []


def test_a_hostile_stored_value_is_shown_escaped_by_revert(tmp_path: Path) -> None:
    config = write_config(tmp_path, teachers_import(tmp_path, [("zoe", "Zoé", "Z", "z@e.org")]))
    store = tmp_path / "s.db"
    assert cli("commit", str(config), "--store", existing_store(store)).code == 0
    by_hand(store, f"UPDATE teacher SET name = '{HOSTILE}'")
    done = cli("revert", "1", "--dry-run", "--store", existing_store(store))
    assert f"is now '{SHOWN}'" in done.out, done.out
    assert raw_controls(done.out) == []


def test_a_one_line_error_is_shown_escaped(tmp_path: Path) -> None:
    config = write_config(tmp_path, teachers_import(tmp_path, [("zoe", "Zoé", "Z", "z@e.org")]))
    missing = tmp_path / "gone\x1b[2J\r.csv"
    done = cli("check", str(config), "--data", str(missing), "--store",
               existing_store(tmp_path / "s.db"))
    assert done.code == 2 and done.out == ""
    assert done.err.startswith(f"importer-gui: {visible(str(missing))}")
    assert len(done.err.splitlines()) == 1 and raw_controls(done.err) == []


@pytest.fixture
def few_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lines written two at a time, an issue's words kept for one issue only."""
    monkeypatch.setattr(output, "_LINES_AT_ONCE", 2)
    monkeypatch.setattr(output, "_WORDS_KEPT", 1)


def mistaken_teachers(folder: Path) -> Path:
    """A teachers import whose e-mails repeat one mistake, hold a hostile one, then a good one."""
    rows = [("a", "A", "A", "nope"), ("b", "B", "B", "nope"), ("c", "C", "C", HOSTILE),
            ("d", "D", "D", "nope"), ("e", "E", "E", "e@e.org")]
    return write_config(folder, teachers_import(folder, rows))


def not_an_email(value: str) -> str:
    return f"Field teacherEmail: {value} is not an e-mail address."


# The lines the rows are on: the hostile cell's \r starts a line of the file.
LINES = ((2, "nope"), (3, "nope"), (4, HOSTILE), (6, "nope"))


@pytest.mark.usefixtures("few_at_once")
def test_every_issue_line_shows_its_file_line_and_words_however_many_repeat(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Issue lines go out some thousands at a time, an issue's words made visible once for
    # the rows that repeat them: with both made tiny, every line is still whole and escaped.
    config = mistaken_teachers(tmp_path)
    hostile = tmp_path / "teach\x1b[2Jers.csv"
    (tmp_path / "teachers.csv").rename(hostile)
    assert main(["check", str(config), "--data", str(hostile), "--store",
                 existing_store(tmp_path / "s.db")]) == 1
    printed = capsys.readouterr().out
    shown = visible(hostile.name)
    assert [line for line in printed.splitlines() if line.startswith(shown)] == [
        f"{shown}:{n}: ERROR teacherEmail: {visible(not_an_email(value))}" for n, value in LINES]
    assert raw_controls(printed) == []


@pytest.mark.usefixtures("few_at_once")
def test_the_json_of_many_rows_is_written_in_parts_as_one_document(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The rows' objects are made as they are written, some thousands at a time, what follows
    # each line encoded once for the rows that repeat it: with both made tiny, the document
    # is still one, each row on its line as json writes it.
    assert main(["check", "--json", str(mistaken_teachers(tmp_path)), "--store",
                 existing_store(tmp_path / "s.db")]) == 1
    printed = capsys.readouterr().out
    rows = json.loads(printed)["imports"][0]["rows"]
    assert [(r["line"], r["outcome"], [i["message"] for i in r["issues"]]) for r in rows] == [
        *[(n, "error", [not_an_email(value)]) for n, value in LINES], (7, "create", [])]
    lines = printed.splitlines()
    start = lines.index(next(line for line in lines if line.endswith('"rows": [')))
    assert lines[start + 1:start + 6] == [
        f"      {json.dumps(row)}{',' if n < 4 else ''}" for n, row in enumerate(rows)]
