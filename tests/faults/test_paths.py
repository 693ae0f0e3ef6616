"""Paths in a configuration are someone else's data: they stay inside its folder.

An error log's <location> is refused when it is absolute, climbs with ``..`` or leads out
through a link (it would be created anywhere writable and filled with row values); a data
file outside the folder is read only when the user names it (--data). A pipe or a device
given as the configuration is one line, never a hang.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from importer_gui.ui.main_window import MainWindow
from tests.builders import config_text, teachers_import, write_config
from tests.faults import cli, one_line_failure
from tests.stores import existing_store

SECRET = "TOP-SECRET-5c2e"
LOG_REMEDY = "the error log is written in a folder inside it."
DATA_REMEDY = ("a data file outside it is read only when you choose it yourself (on the "
               "command line: --data).")


def logged(folder: Path, location: str) -> Path:
    """A teacher configuration with an error row and a good one (a commit with nothing to
    write is no run, and writes no log), its error log at ``location`` (line 4)."""
    spec = teachers_import(folder, [("zoe", "Zoe", "Z", "not-an-address"),
                                    ("ann", "Ann", "A", "")])
    spec.consolidators = (f"\n<timeStampedFileErrorLogger>\n<location>{location}</location>"
                          "\n</timeStampedFileErrorLogger>\n")
    return write_config(folder, spec)


def provided(folder: Path, extra: str, file_name: str = "teachers.csv") -> Path:
    """A teacher configuration whose provider options start on line 4 with ``extra``."""
    spec = teachers_import(folder, [("zoe", "Zoe", "Z", "zoe@example.org")])
    text = config_text(spec).replace(
        "<fileName>teachers.csv</fileName>", f"\n{extra}<fileName>{file_name}</fileName>")
    config = folder / "config.xml"
    config.write_text(text, encoding="utf-8")
    return config


def runs(store: Path) -> int:
    """Import runs recorded in the store (0 when it was never created)."""
    if not store.exists():
        return 0
    conn = sqlite3.connect(store)
    try:
        return conn.execute("SELECT count(*) FROM import_run").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the configuration's, with a secret and a teacher file in it."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "secret.csv").write_text(f"{SECRET};x;y;z\n", encoding="utf-8")
    teachers_import(folder, [("eve", "Eve", "E", "eve@example.org")])
    return folder


@pytest.fixture
def here(tmp_path: Path) -> Path:
    """The configuration's folder."""
    folder = tmp_path / "here"
    folder.mkdir()
    return folder


# --------------------------------------------------------------------------- the error log


@pytest.mark.parametrize("command", ["check", "commit"])
@pytest.mark.parametrize("kind", ["absolute", "climbing", "windows"])
def test_an_error_log_location_outside_the_folder_is_refused(
        here: Path, outside: Path, command: str, kind: str) -> None:
    location = {"absolute": str(outside / "logs"), "climbing": "../outside/logs",
                "windows": "logs\\..\\..\\outside"}[kind]
    config = logged(here, location)
    line = one_line_failure(cli(command, str(config), "--store", existing_store(here / "s.db")))
    assert line == (f'importer-gui: {config}: <location> "{location}" (line 5) leads outside '
                    f"the configuration's folder; {LOG_REMEDY}")
    assert not (outside / "logs").exists()
    assert runs(here / "s.db") == 0


def test_an_error_log_location_that_links_outside_is_refused_before_the_commit(
        here: Path, outside: Path) -> None:
    (here / "logs").symlink_to(outside)
    config = logged(here, "logs")
    line = one_line_failure(cli("commit", str(config), "--store", existing_store(here / "s.db")))
    assert line == (f'importer-gui: {config}: <location> "logs" (line 5) leads outside the '
                    f"configuration's folder through a link; {LOG_REMEDY}")
    assert sorted(p.name for p in outside.iterdir()) == ["secret.csv", "teachers.csv"]
    assert runs(here / "s.db") == 0


def test_an_error_log_location_inside_the_folder_is_made_and_written(here: Path) -> None:
    config = logged(here, "logs/imports")
    done = cli("commit", str(config), "--store", existing_store(here / "s.db"))
    assert done.code == 1, done.err
    assert len(list((here / "logs" / "imports").glob("import_errors_*.log"))) == 1


# --------------------------------------------------------------------------- data files


@pytest.mark.parametrize(("extra", "file_name", "element", "value"), [
    ("<path>../outside</path>", "secret.csv", "path", "../outside"),
    ("", "../outside/secret.csv", "fileName", "../outside/secret.csv"),
    ("<path>{outside}</path>", "secret.csv", "path", "{outside}"),
    ("", "{outside}/secret.csv", "fileName", "{outside}/secret.csv"),
])
def test_a_data_path_outside_the_folder_needs_the_users_own_data_option(
        here: Path, outside: Path, extra: str, file_name: str, element: str,
        value: str) -> None:
    config = provided(here, extra.format(outside=outside), file_name.format(outside=outside))
    value = value.format(outside=outside)
    line = one_line_failure(cli("check", str(config), "--store", existing_store(here / "s.db")))
    assert line == (f'importer-gui: {config}: <{element}> "{value}" (line 4) leads outside the '
                    f"configuration's folder; {DATA_REMEDY}")
    assert SECRET not in line
    given = cli("check", str(config), "--data", str(outside / "teachers.csv"), "--store",
                existing_store(here / "s.db"))
    assert given.code == 0, given.err


@pytest.mark.parametrize("link", ["file", "folder"])
def test_a_data_file_that_links_outside_the_folder_is_refused(
        here: Path, outside: Path, link: str) -> None:
    if link == "file":
        (here / "teachers.csv").symlink_to(outside / "secret.csv")
        config, element, value = provided(here, ""), "fileName", "teachers.csv"
    else:
        (here / "data").symlink_to(outside)
        config, element, value = provided(here, "<path>data</path>"), "path", "data"
    line = one_line_failure(cli("check", str(config), "--store", existing_store(here / "s.db")))
    assert line == (f'importer-gui: {config}: <{element}> "{value}" (line 4) leads outside the '
                    f"configuration's folder through a link; {DATA_REMEDY}")


def test_a_data_path_inside_the_folder_is_read(here: Path) -> None:
    (here / "in").mkdir()
    teachers_import(here / "in", [("zoe", "Zoe", "Z", "zoe@example.org")])
    config = provided(here, "<path>in/./</path>")
    assert cli("check", str(config), "--store", existing_store(here / "s.db")).code == 0


def test_a_configuration_in_the_users_library_reads_its_data_where_it_was_chosen(
        tmp_path: Path, outside: Path) -> None:
    """The wizard saves the library's configurations from the user's own file dialogs."""
    library = tmp_path / "config" / "configurations"
    library.mkdir(parents=True)
    config = provided(library, "<path>../../outside</path>")
    done = cli("check", str(config), "--store", existing_store(tmp_path / "s.db"),
               env={"IMPORTER_GUI_CONFIG_DIR": str(tmp_path / "config")})
    assert done.code == 0, done.err


# --------------------------------------------------------------------------- not a file


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_given_as_the_configuration_is_one_line_not_a_hang(tmp_path: Path) -> None:
    pipe = tmp_path / "config.xml"
    os.mkfifo(pipe)  # nobody ever writes to it: opening it to read would wait for ever
    assert one_line_failure(cli("check", str(pipe), "--store",
                                existing_store(tmp_path / "s.db"))) == (
        f"importer-gui: {pipe}: This is a pipe or a device, not a configuration file.")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_given_as_the_configuration_is_one_line(tmp_path: Path) -> None:
    assert one_line_failure(cli("check", "/dev/zero", "--store",
                                existing_store(tmp_path / "s.db"))) == (
        "importer-gui: /dev/zero: This is a pipe or a device, not a configuration file.")


# A name past the system's limit (255 bytes a name on Linux): pathlib's exists() raises then.
TOO_LONG = "x" * 300


def test_a_data_file_whose_name_is_too_long_is_one_line(tmp_path: Path) -> None:
    config = provided(tmp_path, "")
    data = tmp_path / f"{TOO_LONG}.csv"
    assert one_line_failure(cli("check", str(config), "--data", str(data), "--store",
                                existing_store(tmp_path / "s.db"))) == (
        f"importer-gui: {data}: the file cannot be read (File name too long)")


@pytest.mark.parametrize("command", [("history",), ("check", "config.xml")])
def test_a_store_whose_name_is_too_long_is_one_line(tmp_path: Path, command: tuple[str, ...]
                                                    ) -> None:
    provided(tmp_path, "")
    store = tmp_path / f"{TOO_LONG}.db"
    argv = [str(tmp_path / a) if a.endswith(".xml") else a for a in command]
    assert one_line_failure(cli(*argv, "--store", str(store))) == (
        f"importer-gui: {store}: File name too long.")


def test_a_new_store_whose_name_is_too_long_is_one_line_and_nothing_is_made(
        tmp_path: Path) -> None:
    config = provided(tmp_path, "")
    store = tmp_path / "new" / f"{TOO_LONG}.db"
    assert one_line_failure(cli("commit", str(config), "--store", str(store))) == (
        f"importer-gui: {store}: File name too long.")
    assert not (tmp_path / "new").exists()


# --------------------------------------------------------------------------- a loop of links


def loop(folder: Path, name: str) -> Path:
    """``name`` in ``folder``, a link to a link that leads back to it."""
    (folder / f"{name}.back").symlink_to(name)
    (folder / name).symlink_to(f"{name}.back")
    return folder / name


def test_a_data_file_that_is_a_loop_of_links_is_one_line_naming_it(tmp_path: Path) -> None:
    config = provided(tmp_path, "")
    (tmp_path / "teachers.csv").unlink()
    link = loop(tmp_path, "teachers.csv")
    line = one_line_failure(cli("check", str(config), "--store",
                                existing_store(tmp_path / "s.db")))
    assert line == (f"importer-gui: {link}: the file cannot be read (Too many levels of "
                    "symbolic links)")


def test_init_writing_over_a_loop_of_links_replaces_nothing(tmp_path: Path) -> None:
    teachers_import(tmp_path, [("zoe", "Zoe", "Z", "zoe@example.org")])
    out = loop(tmp_path, "config.xml")
    assert one_line_failure(cli("init", str(tmp_path / "teachers.csv"), "--out", str(out))) == (
        f"importer-gui: {out} already exists and is not the configuration init writes for "
        "this data file; it was not replaced. Nothing was written; choose another file, or "
        "move that one away first.")
    assert os.readlink(out) == "config.xml.back"


# --------------------------------------------------------------------------- the wizard


def test_the_wizard_reads_nothing_a_configuration_names_outside_its_folder(
        window: MainWindow, here: Path, outside: Path) -> None:
    page = window.wizard.open_page
    config = logged(here, "../outside")
    assert not page.open_path(config)
    assert page.error_label.text() == (
        f'{config}: <location> "../outside" (line 5) leads outside the configuration\'s '
        f"folder; {LOG_REMEDY}")
    # A data file outside: the configuration opens, and the page asks for the file rather
    # than reading the one named there.
    config = provided(here, "<path>../outside</path>", "secret.csv")
    assert page.open_path(config)
    assert page.unfound_label.text() == (
        "The configuration reads secret.csv from ../outside, a folder outside its own (perhaps "
        "on another computer): a file from there is read only once you choose it. Choose the "
        "file to read for this import.")
    assert page.choose_data_button.isVisible() and not page.isComplete()
    assert outside / "secret.csv" not in window.state.choices.data_files
    assert window.state.choices.plan is None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_the_wizard_opens_a_pipe_named_like_a_configuration_without_hanging(
        window: MainWindow, tmp_path: Path) -> None:
    pipe = tmp_path / "config.xml"
    os.mkfifo(pipe)
    page = window.wizard.open_page
    assert not page.open_path(pipe)
    assert page.error_label.text() == (
        f"{pipe}: This is a pipe or a device, not a configuration file.")
