"""Reverts of reverts, and reverts that skip conflicts (QA item 5), through the command line.

A revert that puts back every record of a run marks it reverted; reverting that revert makes
the run revertible again, and reverting that one marks the run reverted again (the marks go in
the same transaction). A revert that skips conflicts leaves its run revertible for them:
reverting it again starts from what the run and its reverts last made of each record, and the
history says it was partly reverted.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from importer_gui.core.errors import StoreError
from importer_gui.core.revert import commit_revert, plan_revert
from importer_gui.core.store import Store, StoreLocation
from tests.core.test_cli import run
from tests.core.test_cli_store_and_empty_runs import teachers
from tests.postgres import raw_sql, record_tables
from tests.stores import existing_store

ADA = ("ada", "Lovelace", "Ada", "ada@example.org")
BOB = ("bob", "Martin", "Bob", "bob@example.org")


def names(store: StoreLocation) -> list[tuple[str, str]]:
    """(login, name) of every teacher in the store, by id."""
    return [(login, name) for login, name in
            raw_sql(store, "SELECT login, name FROM teacher ORDER BY id")]


def notes(capsys: pytest.CaptureFixture[str], store: StoreLocation) -> dict[int, str]:
    """Each run's first history line, after its kind and configuration (its notes): a
    revert names no configuration."""
    code, out, _ = run(capsys, "history", "--store", str(store))
    assert code == 0
    lines = [line for line in out.splitlines() if line.startswith("Run ")]
    return {int(line.split()[1]): line.split(".xml" if ".xml" in line else "  revert", 1)[1]
            .strip() for line in lines}


def history(capsys: pytest.CaptureFixture[str], store: StoreLocation) -> dict[int, dict]:
    """Each run as ``history --json`` gives it."""
    code, out, _ = run(capsys, "history", "--store", str(store), "--json")
    assert code == 0
    return {r["id"]: r for r in json.loads(out)["runs"]}


def test_a_run_whose_revert_is_reverted_can_be_reverted_again(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = str(tmp_path / "store.sqlite3")
    assert run(capsys, "commit", str(teachers(tmp_path, ADA, BOB)), "--store", store)[0] == 0
    committed = record_tables(Path(store))
    assert run(capsys, "revert", "1", "--store", store)[:2] == (
        0, "Run 2 reverted run 1: 2 deleted.\n")
    assert notes(capsys, Path(store))[1] == "(reverted by run 2)"
    code, out, _ = run(capsys, "revert", "2", "--store", store)
    assert (code, out.splitlines()[-1]) == (0, "Run 3 reverted run 2: 2 recreated.")
    assert record_tables(Path(store)) == committed  # run 1 is redone
    assert notes(capsys, Path(store)) == {3: "(reverts run 2)",
                                          2: "(reverts run 1) (reverted by run 3)", 1: ""}
    runs = history(capsys, Path(store))
    assert (runs[1]["reverted_by"], runs[1]["partly_reverted_by"]) == (None, [])
    code, out, err = run(capsys, "revert", "1", "--store", store)
    assert (code, err) == (0, "")
    assert out == "Run 4 reverted run 1: 2 deleted.\n"
    assert names(Path(store)) == []
    assert notes(capsys, Path(store))[1] == "(reverted by run 4)"
    code, out, err = run(capsys, "revert", "2", "--store", store)
    assert (code, out) == (2, "")
    assert err == "importer-gui: Run 2 was already reverted by run 3; revert run 3 to redo it.\n"


def test_undoing_the_revert_of_a_revert_marks_the_run_reverted_again(
        tmp_path: Path, store_url: StoreLocation, capsys: pytest.CaptureFixture[str]) -> None:
    store = existing_store(store_url)
    assert run(capsys, "commit", str(teachers(tmp_path, ADA, BOB)), "--store", store)[0] == 0
    committed = record_tables(store_url)
    for reverted in (1, 2):  # run 2 undoes run 1, run 3 redoes it
        assert run(capsys, "revert", str(reverted), "--store", store)[0] == 0
    assert record_tables(store_url) == committed
    assert notes(capsys, store_url) == {3: "(reverts run 2)",
                                        2: "(reverts run 1) (reverted by run 3)", 1: ""}
    # Run 4 undoes run 3: run 2 is in effect again, so run 1 is reverted by it, as before.
    code, out, err = run(capsys, "revert", "3", "--store", store)
    assert (code, out.splitlines()[-1], err) == (0, "Run 4 reverted run 3: 2 deleted.", "")
    assert names(store_url) == []
    assert notes(capsys, store_url) == {4: "(reverts run 3)",
                                        3: "(reverts run 2) (reverted by run 4)",
                                        2: "(reverts run 1)", 1: "(reverted by run 2)"}
    runs = history(capsys, store_url)
    assert (runs[1]["reverted_by"], runs[1]["partly_reverted_by"]) == (2, [])
    assert raw_sql(store_url, "SELECT id, reverted_by FROM import_run ORDER BY id") == [
        (1, 2), (2, None), (3, 4), (4, None)]  # as another program reads the marks
    before = record_tables(store_url)
    code, out, err = run(capsys, "revert", "1", "--store", store)
    assert (code, out) == (2, "")
    assert err == "importer-gui: Run 1 was already reverted by run 2; revert run 2 to redo it.\n"
    assert record_tables(store_url) == before and max(history(capsys, store_url)) == 4
    # Run 5 undoes run 4: run 1 is in effect again, and run 2 reverted by run 3.
    assert run(capsys, "revert", "4", "--store", store)[0] == 0
    assert record_tables(store_url) == committed
    said = notes(capsys, store_url)
    assert (said[1], said[2], said[3]) == ("", "(reverts run 1) (reverted by run 3)",
                                           "(reverts run 2)")
    code, out, _ = run(capsys, "revert", "1", "--store", store)
    assert (code, out.splitlines()[-1]) == (0, "Run 6 reverted run 1: 2 deleted.")
    assert names(store_url) == []


def partly_reverted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A store where run 1 committed Ada and Bob, run 2 renamed Bob, and run 3 reverted what
    it could of run 1 (Ada; Bob skipped as a conflict)."""
    store = tmp_path / "store.sqlite3"
    assert run(capsys, "commit", str(teachers(tmp_path / "one", ADA, BOB)),
               "--store", str(store))[0] == 0
    renamed = ("bob", "Martineau", "Bob", "bob@example.org")
    assert run(capsys, "commit", str(teachers(tmp_path / "two", renamed)),
               "--store", str(store))[0] == 0
    assert run(capsys, "revert", "1", "--store", str(store))[0] == 1  # run 3: Ada only
    return store


def test_redoing_a_partial_revert_the_whole_one_counted_on_marks_the_run_reverted_again(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = partly_reverted(tmp_path, capsys)
    assert run(capsys, "revert", "2", "--store", str(store))[0] == 0  # run 4: Martin again
    assert run(capsys, "revert", "1", "--store", str(store))[0] == 0  # run 5: Bob, the rest
    assert notes(capsys, store)[1] == "(reverted by run 5)"
    # Run 6 undoes run 3, which run 5 counted on: Ada is back, run 1 partly in effect.
    assert run(capsys, "revert", "3", "--store", str(store))[0] == 0
    assert names(store) == [("ada", "Lovelace")]
    assert notes(capsys, store)[1] == "(partly reverted by run 5; the rest can be reverted)"
    # Run 7 undoes run 6: Ada is gone again, and run 1 wholly reverted (by run 5, with run 3).
    assert run(capsys, "revert", "6", "--store", str(store))[0] == 0
    assert names(store) == []
    assert notes(capsys, store)[1] == "(reverted by run 5)"
    code, out, err = run(capsys, "revert", "1", "--store", str(store))
    assert (code, out) == (2, "")
    assert err == "importer-gui: Run 1 was already reverted by run 5; revert run 5 to redo it.\n"


def test_a_revert_that_skips_a_conflict_leaves_the_run_revertible_for_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store.sqlite3"
    assert run(capsys, "commit", str(teachers(tmp_path / "one", ADA, BOB)),
               "--store", str(store))[0] == 0
    committed = record_tables(store)
    renamed = ("bob", "Martineau", "Bob", "bob@example.org")
    assert run(capsys, "commit", str(teachers(tmp_path / "two", renamed)),
               "--store", str(store))[0] == 0
    # Run 3 reverts what it can of run 1: Ada; Bob, renamed since by run 2, is skipped.
    code, out, err = run(capsys, "revert", "1", "--store", str(store))
    assert (code, err) == (1, "")
    assert out == (
        "teacher 2: ERROR teacherName: Teacher 'bob' was changed after run 1 by run 2 "
        "(teacherName is now 'Martineau', run 1 left 'Martin'); skipped.\n"
        "1 conflicting record was skipped (changed since run 1, or still needed by other "
        "records); run 1 can be reverted again for them.\n"
        "Run 2 changed records of run 1 again, or records linked to them: "
        "revert it, then run 1 again, to revert those "
        "records as well.\n"
        "Run 3 reverted run 1: 1 deleted, 1 skipped.\n")
    assert names(store) == [("bob", "Martineau")]
    assert notes(capsys, store)[1] == "(partly reverted by run 3; the rest can be reverted)"
    runs = history(capsys, store)
    assert (runs[1]["reverted_by"], runs[1]["partly_reverted_by"]) == (None, [3])
    # Ada is left alone now: she was put back already; Bob is still in the way.
    code, out, err = run(capsys, "revert", "1", "--store", str(store))
    assert code == 2 and out.endswith(
        "Run 2 changed records of run 1 again, or records linked to them: revert it first to "
        "revert those records as well.\n"
        "Run 1 cannot be reverted: 1 unchanged, 1 skipped.\n")
    assert err == ("importer-gui: Nothing can be reverted: the records of run 1 not put back "
                   "yet changed since or are needed by other records.\n")
    assert notes(capsys, store)[1] == "(partly reverted by run 3; the rest can be reverted)"
    assert run(capsys, "revert", "2", "--store", str(store))[0] == 0  # run 4: Martin again
    code, out, err = run(capsys, "revert", "1", "--store", str(store))
    assert (code, err) == (0, "")
    assert out == "Run 5 reverted run 1: 1 deleted, 1 unchanged.\n"
    assert names(store) == []
    assert notes(capsys, store)[1] == "(reverted by run 5)"
    # Reverting the last revert brings Bob back, and leaves run 1 partly reverted (by run 3).
    assert run(capsys, "revert", "5", "--store", str(store))[0] == 0  # run 6
    assert names(store) == [("bob", "Martin")]
    assert notes(capsys, store)[1] == "(partly reverted by run 3; the rest can be reverted)"
    # Reverting the first one brings Ada back: run 1 is whole again, and can be reverted.
    assert run(capsys, "revert", "3", "--store", str(store))[0] == 0  # run 7
    assert record_tables(store) == committed
    assert notes(capsys, store)[1] == ""
    code, out, _ = run(capsys, "revert", "1", "--store", str(store))
    assert (code, out.splitlines()[-1]) == (0, "Run 8 reverted run 1: 2 deleted.")
    assert names(store) == []


def test_the_window_reverting_later_runs_first_finishes_a_partial_revert(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """As the window's "Revert later runs first" choice does it, after a partial revert."""
    from importer_gui.core.revert import revert_later_first

    store = partly_reverted(tmp_path, capsys)
    with Store.open(store) as opened:
        plan = plan_revert(opened, 1)
        assert plan.later_runs == [2]
        results = revert_later_first(opened, plan)
    assert [(r.reverts, r.run_id, r.skipped) for r in results] == [(2, 4, 0), (1, 5, 0)]
    assert names(store) == []
    assert notes(capsys, store)[1] == "(reverted by run 5)"


def test_a_failed_revert_of_a_revert_leaves_every_mark_as_it_was(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store.sqlite3"
    assert run(capsys, "commit", str(teachers(tmp_path, ADA)), "--store", str(store))[0] == 0
    assert run(capsys, "revert", "1", "--store", str(store))[0] == 0  # run 2
    with Store.open(store) as opened:
        plan = plan_revert(opened, 2)  # would bring Ada back as teacher 1
        raw_sql(store, "INSERT INTO teacher (login, name) VALUES ('ada', 'Another Ada')")
        before = record_tables(store)
        with pytest.raises(StoreError):
            commit_revert(opened, plan)
    assert record_tables(store) == before
    assert notes(capsys, store) == {2: "(reverts run 1)", 1: "(reverted by run 2)"}


@pytest.mark.parametrize("text", ["1_0", " 1", "1 ", "+1", "\uff11", "one"])
def test_a_run_number_is_its_digits_only(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         text: str) -> None:
    store = tmp_path / "store.sqlite3"
    assert run(capsys, "commit", str(teachers(tmp_path, ADA)), "--store", str(store))[0] == 0
    committed = record_tables(store)
    for command, name in (("revert", "RUN_ID"), ("history", "RUN")):
        with pytest.raises(SystemExit) as done:  # as argparse says of any bad argument
            run(capsys, command, text, "--store", str(store))
        out, err = capsys.readouterr()
        assert (done.value.code, out) == (2, "")
        assert err.splitlines()[-1] == (f"importer-gui {command}: error: argument {name}: "
                                        f"{text!r} is not a run number: give its digits only, "
                                        "as history lists them")
    assert record_tables(store) == committed and list(history(capsys, store)) == [1]
    assert run(capsys, "revert", "01", "--store", str(store))[0] == 0  # run 1, as digits
