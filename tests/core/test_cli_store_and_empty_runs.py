"""Which commands may make a store, and which runs are recorded (QA items 8 and 17).

A --store naming no store is a typing mistake for a command that only reads (or a dry run):
said in one line (exit 2), nothing made. A commit or a refresh that writes makes a new store
at the path given, and a failed one leaves none behind. A commit or refresh that changes
nothing records no run; the history names configurations and files by absolute paths.
Through the real command line, on real files and stores.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from importer_gui.core.paths import default_store_path
from tests.builders import teachers_import, write_config
from tests.core.test_cli import run
from tests.postgres import record_tables

ROOT = Path(__file__).resolve().parents[2]
EXPORTS = ROOT / "resources" / "sample" / "exports"


def teachers(folder: Path, *rows: tuple[str, str, str, str]) -> Path:
    """A teacher configuration and its file in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    return write_config(folder, teachers_import(folder, list(rows)))


GOOD = ("mdupont", "Dupont", "Marie", "m@example.org")
BAD = ("jmartin", "Martin", "Jean", "not-an-address")


def history(capsys: pytest.CaptureFixture[str], store: Path) -> list[dict]:
    """The store's runs, newest first, as ``history --json`` gives them."""
    code, out, _ = run(capsys, "history", "--store", str(store), "--json")
    assert code == 0
    return json.loads(out)["runs"]


# ---------------------------------------------------------------- a mistyped --store


@pytest.mark.parametrize("command", [
    ["history"], ["history", "1"], ["check", "CONFIG"], ["revert", "1"],
    ["revert", "1", "--dry-run"], ["refresh", "EXPORTS", "--dry-run"],
    ["package", "CONFIG", "--out", "OUT"]])
def test_a_command_that_reads_says_there_is_no_store_and_makes_none(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    config = teachers(tmp_path / "files", GOOD)
    words = {"CONFIG": str(config), "EXPORTS": str(EXPORTS / "export-config.xml"),
             "OUT": str(tmp_path / "package")}
    typo = tmp_path / "stroe.sqlite3"  # its folder exists: only the name is wrong
    code, out, err = run(capsys, *[words.get(w, w) for w in command], "--store", str(typo))
    assert (code, out) == (2, "")
    assert err == f"importer-gui: The store {typo} does not exist; check --store.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["files"]


def test_commit_makes_the_store_it_is_given_and_history_reads_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "new" / "store.sqlite3"
    code, out, _ = run(capsys, "commit", str(teachers(tmp_path / "files", GOOD)),
                       "--store", str(store))
    assert code == 0 and out.endswith("Committed as run 1.\n")
    assert [r[1] for r in record_tables(store)["teacher"]] == ["mdupont"]
    assert [r["id"] for r in history(capsys, store)] == [1]


def test_a_refresh_makes_the_store_it_is_given(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "platform.sqlite3"
    code, out, _ = run(capsys, "refresh", str(EXPORTS / "export-config.xml"),
                       "--store", str(store))
    # 1: the sample's two classroom events match no meeting of a new store (left out).
    assert code == 1 and out.endswith("Committed as run 1.\n")
    assert len(record_tables(store)["training"]) == 4
    assert [(r["id"], r["kind"]) for r in history(capsys, store)] == [(1, "refresh")]


def test_a_failed_commit_leaves_no_new_store_nor_its_folder(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = teachers(tmp_path / "files", GOOD)
    (tmp_path / "files" / "teachers.csv").unlink()
    store = tmp_path / "new" / "deeper" / "store.sqlite3"
    code, out, err = run(capsys, "commit", str(config), "--store", str(store))
    assert (code, out) == (2, "")
    assert err.startswith("importer-gui: ") and "teachers.csv" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["files"]


def test_a_failed_refresh_leaves_no_new_store(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "platform.sqlite3"
    code, out, err = run(capsys, "refresh", str(EXPORTS / "export-config.xml"), "--data",
                         str(tmp_path / "gone.csv"), "--store", str(store))
    assert (code, out) == (2, "")
    assert err == f"importer-gui: {tmp_path / 'gone.csv'}: the file does not exist\n"
    assert list(tmp_path.iterdir()) == []


def test_a_commit_with_nothing_to_write_leaves_no_new_store(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store.sqlite3"
    code, out, err = run(capsys, "commit", str(teachers(tmp_path / "files", BAD)),
                         "--store", str(store))
    assert (code, err) == (1, "")
    assert out.endswith("Nothing was committed: every row has an error or is already in the "
                        "store; no run was recorded.\n")
    assert not store.exists()


def test_the_default_store_is_made_on_first_use(capsys: pytest.CaptureFixture[str]) -> None:
    """Its history is empty, said for every kind of run it lists (a refresh, a revert)."""
    assert not default_store_path().exists()  # a private data folder (conftest)
    assert run(capsys, "history") == (
        0, "No runs yet: the store holds no import, refresh or revert.\n", "")
    assert default_store_path().is_file()
    assert run(capsys, "history", "--json") == (0, '{\n  "runs": []\n}\n', "")


# ---------------------------------------------------------------- runs that change nothing


def test_a_commit_where_every_row_has_an_error_records_no_run(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store.sqlite3"
    assert run(capsys, "commit", str(teachers(tmp_path / "one", GOOD)),
               "--store", str(store))[0] == 0
    before = record_tables(store)
    config = teachers(tmp_path / "two", BAD)
    code, out, err = run(capsys, "commit", str(config), "--store", str(store))
    assert (code, err) == (1, "")
    assert out.splitlines()[-2:] == [
        "Total: create 0, update 0, unchanged 0, delete 0, error 1",
        "Nothing was committed: every row has an error or is already in the store; no run "
        "was recorded."]
    assert "Committed as run" not in out
    code, out, _ = run(capsys, "commit", str(config), "--store", str(store), "--json")
    document = json.loads(out)
    assert code == 1 and document["run"] is None and document["error_logs"] == []
    assert record_tables(store) == before
    assert [r["id"] for r in history(capsys, store)] == [1]


def test_a_commit_of_what_the_store_holds_records_no_run(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store, config = tmp_path / "store.sqlite3", teachers(tmp_path / "files", GOOD)
    assert run(capsys, "commit", str(config), "--store", str(store))[0] == 0
    code, out, err = run(capsys, "commit", str(config), "--store", str(store))
    assert (code, err) == (0, "")
    assert out.splitlines()[-2:] == [
        "Total: create 0, update 0, unchanged 1, delete 0, error 0",
        "Nothing was committed: the store already holds every row; no run was recorded."]
    assert [r["id"] for r in history(capsys, store)] == [1]


def test_a_refresh_that_changes_nothing_records_no_run(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store, config = tmp_path / "store.sqlite3", str(EXPORTS / "export-config.xml")
    assert run(capsys, "refresh", config, "--store", str(store))[0] == 1  # the events
    before = record_tables(store)
    code, out, err = run(capsys, "refresh", config, "--store", str(store))
    assert (code, err) == (1, "")  # the classroom events, which match no meeting, left out
    assert out.splitlines()[-2:] == [
        "Total: create 0, update 0, unchanged 15, delete 0, error 2",
        "Nothing was refreshed: every row has an error or is already in the store; no run was "
        "recorded."]
    code, out, _ = run(capsys, "refresh", config, "--store", str(store), "--json")
    assert code == 1 and json.loads(out)["run"] is None
    assert record_tables(store) == before
    assert [r["id"] for r in history(capsys, store)] == [1]


# ---------------------------------------------------------------- absolute paths in the history


def test_history_names_the_configuration_and_files_by_absolute_paths(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    teachers(tmp_path / "files", GOOD)
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "commit", "files/config.xml", "--store", "store.sqlite3")[0] == 0
    exports = tmp_path / "exports"
    exports.symlink_to(EXPORTS)
    assert run(capsys, "refresh", "exports/../exports/export-config.xml",
               "--store", "store.sqlite3")[0] == 1  # the events match no meeting
    refresh, commit = history(capsys, tmp_path / "store.sqlite3")
    assert commit["config"] == str(tmp_path / "files" / "config.xml")
    assert commit["files"] == [str(tmp_path / "files" / "teachers.csv")]
    assert refresh["config"] == str(exports / "export-config.xml")
    assert refresh["files"][0] == str(exports / "platform_trainings.csv")
    monkeypatch.chdir(tmp_path / "files")  # read from elsewhere, the history says the same
    code, out, _ = run(capsys, "history", "--store", str(tmp_path / "store.sqlite3"))
    assert code == 0
    assert f"import  {tmp_path / 'files' / 'config.xml'}\n" in out
    assert f"  files: {tmp_path / 'files' / 'teachers.csv'}\n" in out
