"""Options where a power user puts them: after the arguments, as every command takes them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from importer_gui.cli import main
from tests.builders import teachers_import, write_config


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """main(argv) with its exit code, stdout and stderr."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A store holding one run."""
    path = tmp_path / "team.sqlite3"
    config = write_config(tmp_path, teachers_import(tmp_path, [("t1", "One", "A", "")]))
    assert run(capsys, "commit", str(config), "--store", str(path))[0] == 0
    return path


@pytest.mark.parametrize("where", ["after", "before"])
def test_store_copy_takes_json_after_its_stores_as_before_copy(
        store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str) -> None:
    copy = tmp_path / "copy.sqlite3"
    argv = (["store", "copy", str(store), str(copy), "--json"] if where == "after"
            else ["store", "--json", "copy", str(store), str(copy)])
    code, out, err = run(capsys, *argv)
    assert (code, err) == (0, "")
    assert json.loads(out) == {"source": str(store), "destination": str(copy), "runs": 1,
                               "records": 1, "rows": json.loads(out)["rows"]}


def test_store_copy_without_json_prints_its_sentence(
        store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "copy.sqlite3"
    assert run(capsys, "store", "copy", str(store), str(copy)) == (
        0, f"Copied 1 run and 1 record from {store} to {copy}.\n", "")


def help_text(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """What --help prints, on one line (argparse wraps it to the terminal's width)."""
    with pytest.raises(SystemExit) as ended:
        main([*argv, "--help"])
    assert ended.value.code == 0
    return " ".join(capsys.readouterr().out.split())


@pytest.mark.parametrize(("argv", "exits"), [
    (["check"], "Exit codes: 0 every row is fine; 1 some rows have errors; 2 nothing could "
                "be done (one line on stderr)."),
    (["commit"], "Exit codes: 0 every row is fine, all committed; 1 some rows have errors, "
                 "the others were committed; 2 nothing could be done (one line on stderr), "
                 "nothing written; 3 the rows were committed, but an error log or the "
                 "output could not be written."),
    (["history"], "Exit codes: 0 shown; 2 nothing could be done (one line on stderr)."),
    (["revert"], "Exit codes: 0 the whole run reverted (or, with --dry-run, revertible); "
                 "1 records changed since were skipped, the others reverted; 2 nothing could "
                 "be done (one line on stderr), nothing written, or nothing can be reverted; "
                 "3 reverted, but the output could not be written."),
    (["init"], "Exit codes: 0 every mandatory field is fed; 1 some are not (the "
               "configuration is written all the same); 2 nothing could be done (one line "
               "on stderr), nothing written; 3 the configuration was written, but the output "
               "could not be."),
    (["export-config"], "Exit codes: 0 printed or written; 2 nothing could be done (one "
                        "line on stderr), nothing written; 3 written (--out), but the output "
                        "could not be."),
    (["package"], "Exit codes: 0 every row is in the package; 1 some rows were left out "
                  "(named); 2 nothing could be done (one line on stderr); 3 the package was "
                  "written (and sent), but the output could not be; 4 the package was "
                  "written, but sending it failed (one line on stderr)."),
    (["store", "copy"], "Exit codes: 0 copied; 2 nothing could be done (one line on "
                        "stderr), nothing copied."),
    ([], "Exit codes: 0 all went well; 1 some rows have errors (or were skipped), the others "
         "done; 2 nothing could be done (one line on stderr), nothing written; 3 the rows "
         "were committed (or the file written), but an error log or the output could not "
         "be written; 4 (package --upload) the package was written, but sending it failed. "
         "Each command's --help says its own."),
])
def test_a_commands_help_says_its_exit_codes(capsys: pytest.CaptureFixture[str],
                                             argv: list[str], exits: str) -> None:
    assert help_text(capsys, *argv).endswith(exits)


def test_the_whole_help_says_how_the_wizard_opens_on_a_file(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert ("Without a command, opens the wizard, on FILE (a spreadsheet or configuration) "
            "when one is given: importer-gui [FILE] [--store STORE]."
            in help_text(capsys))


def test_every_commands_help_says_its_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    from importer_gui.cli import COMMANDS

    for name in [*COMMANDS, ""]:
        assert "Exit codes: 0 " in help_text(capsys, *[name][:len(name) > 0]), name


@pytest.mark.parametrize(("argv", "named"), [
    (["commit", "c.xml", "--dryrun"], "commit"),
    (["history", "--jsno"], "history"),
    (["store", "copy", "a.sqlite3", "b.sqlite3", "--dryrun"], "store copy"),
])
def test_an_unknown_option_is_said_with_its_commands_usage(
        capsys: pytest.CaptureFixture[str], argv: list[str], named: str) -> None:
    """The usage shown is the command's, which lists the options it does take."""
    with pytest.raises(SystemExit) as ended:
        main(argv)
    err = capsys.readouterr().err.splitlines()
    assert ended.value.code == 2
    assert err[0].startswith(f"usage: importer-gui {named} [-h]")
    assert err[-1] == f"importer-gui {named}: error: unrecognized arguments: {argv[-1]}"


def test_an_unknown_option_before_any_command_is_said_with_the_whole_usage(
        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--bogus"])
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("usage: importer-gui [-h] [--version]")
    assert err[-1] == "importer-gui: error: unrecognized arguments: --bogus"


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[tuple[list[str], object]]:
    """What the wizard was opened on (its arguments, its store), instead of a window that
    would wait for the user (as test_cli.py's test_a_file_argument_opens_the_wizard_on_it)."""
    from importer_gui.ui import app

    calls: list[tuple[list[str], object]] = []
    monkeypatch.setattr(app, "run_gui",
                        lambda argv, store_path=None: calls.append((argv, store_path)) or 0)
    return calls


@pytest.mark.parametrize("store_first", [True, False])
def test_a_file_opens_the_wizard_on_the_store_given_before_or_after_it(
        tmp_path: Path, opened: list[tuple[list[str], object]], store_first: bool) -> None:
    data, store = tmp_path / "plan.csv", tmp_path / "team.sqlite3"
    data.write_text("a;b\n", encoding="utf-8")
    argv = (["--store", str(store), str(data)] if store_first
            else [str(data), "--store", str(store)])
    assert main(argv) == 0
    assert opened == [([str(data)], store)]


def test_a_file_given_with_an_option_the_wizard_does_not_take_says_that_option(
        tmp_path: Path, opened: list[tuple[list[str], object]],
        capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "plan.csv"
    data.write_text("a;b\n", encoding="utf-8")
    with pytest.raises(SystemExit) as ended:
        main([str(data), "--json"])
    assert ended.value.code == 2 and opened == []
    assert capsys.readouterr().err.splitlines()[-1] == (
        "importer-gui: error: unrecognized arguments: --json")


def test_two_files_are_said_to_be_one_too_many(
        tmp_path: Path, opened: list[tuple[list[str], object]],
        capsys: pytest.CaptureFixture[str]) -> None:
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    for data in (one, two):
        data.write_text("a;b\n", encoding="utf-8")
    assert main([str(one), str(two)]) == 2 and opened == []
    assert capsys.readouterr().err == (
        f"importer-gui: the wizard opens one file: {two} is one too many; see importer-gui "
        "--help.\n")


EMPTY = "empty (a variable left unset?), which would name the current folder"


@pytest.mark.parametrize(("argv", "named", "argument"), [
    (["check", ""], "check", "CONFIG"),
    (["check", "c.xml", "--data", ""], "check", "--data"),
    (["commit", "c.xml", "--store", ""], "commit", "--store"),
    (["--store", "", "history"], "", "--store"),
    (["init", "", "--out", "c.xml"], "init", "DATA_FILE"),
    (["init", "data.csv", "--out", ""], "init", "--out"),
    (["export-config", "--out", ""], "export-config", "--out"),
    (["package", "c.xml", "--out", ""], "package", "--out"),
    (["refresh", "", "--dry-run"], "refresh", "EXPORT_CONFIG"),
    (["store", "copy", "", "b.sqlite3"], "store copy", "SOURCE"),
])
def test_an_empty_path_is_refused_not_read_as_the_current_folder(
        capsys: pytest.CaptureFixture[str], argv: list[str], named: str,
        argument: str) -> None:
    """``--out "$OUT"`` with OUT unset: said, not a package written into the folder the
    script runs in."""
    with pytest.raises(SystemExit) as ended:
        main(argv)
    assert ended.value.code == 2
    prog = " ".join(["importer-gui", named]).strip()
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"{prog}: error: argument {argument}: {EMPTY}")


STORELESS = "this command opens no store (--store is for check, commit, history, revert, " \
            "refresh, package)"


@pytest.mark.parametrize(("argv", "named", "written"), [
    (["init", "{data}", "--out", "{out}"], "init", "made.xml"),
    (["export-config", "--out", "{out}"], "export-config", "made.xml"),
    (["store", "copy", "{store}", "{copy}"], "store copy", "copy.sqlite3"),
])
def test_store_given_to_a_command_that_opens_none_is_refused_not_ignored(
        store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str],
        named: str, written: str) -> None:
    """A user who writes ``--store team.sqlite3 init ...`` (or puts --store after the
    command) expects that store to count; it never did: refused with the commands it is
    for, in either order, and nothing written."""
    (tmp_path / "data.csv").write_text("teacherLogin;teacherName\nt1;One\n", encoding="utf-8")
    names = {"data": tmp_path / "data.csv", "out": tmp_path / "made.xml", "store": store,
             "copy": tmp_path / "copy.sqlite3"}
    filled = [word.format(**names) for word in argv]
    for given in (["--store", str(store), *filled], [*filled, "--store", str(store)],
                  [*filled, "--store"]):
        with pytest.raises(SystemExit) as ended:
            main(given)
        assert ended.value.code == 2
        assert capsys.readouterr().err.splitlines()[-1] == (
            f"importer-gui {named}: error: argument --store: {STORELESS}")
        assert not (tmp_path / written).exists()


@pytest.mark.parametrize("command", ["init", "export-config", "store"])
def test_the_help_of_a_command_that_opens_no_store_offers_no_store(
        capsys: pytest.CaptureFixture[str], command: str) -> None:
    assert "--store" not in help_text(capsys, command)


def test_the_help_says_which_commands_take_a_store(capsys: pytest.CaptureFixture[str]) -> None:
    assert ("--store STORE the store: a SQLite file, or postgresql://USER@HOST[:PORT]/DATABASE, "
            "for the commands that open one (check, commit, history, revert, refresh, "
            "package; default: ") in help_text(capsys)
    assert "--store STORE" in help_text(capsys, "check")


def test_history_and_revert_say_they_are_for_every_kind_of_run(
        capsys: pytest.CaptureFixture[str]) -> None:
    """A refresh and a revert are runs of the history as an import is: history lists them,
    revert undoes them; and every command's summary is worded alike, store copy's too."""
    whole = help_text(capsys)
    assert ("history list the store's runs (imports, refreshes, reverts), newest first; with "
            "RUN, one run and its corrections") in whole
    assert ("revert undo a run (an import, a refresh or a revert) as a new run; records "
            "changed since are skipped") in whole
    assert help_text(capsys, "store", "copy").startswith(
        "usage: importer-gui store copy [-h] [--json] SOURCE DESTINATION copy a store, history "
        "included, into a new or empty one (SQLite or PostgreSQL, either way) positional")
