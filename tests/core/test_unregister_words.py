"""A registrations file's rows that unregister learners are said "unregister" in what is
written, as the window says them: the issues workbook's Outcome column and the command line's
counts. The JSON keeps the outcome's name, "delete", as scripts read it."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from importer_gui.cli import main
from importer_gui.core.reports import write_issues_workbook
from tests.builders import trainings_import, write_config
from tests.core.harness import Env
from tests.core.test_registrations import BY_TITLE, LYON, registrations, seed

# The last learner out of a session no import created leaves it kept, with a warning.
KEPT = BY_TITLE + "<fullAccess>no</fullAccess>"


def unregistering(tmp_path: Path) -> tuple[Env, Path]:
    """A store where mdupont and jmartin are registered to Lyon janvier, and a configuration
    unregistering them and ileroy (who is not registered)."""
    env = Env(tmp_path)
    env.commit(trainings_import(tmp_path, [["SEC-101", "Sécurité incendie", ""]]))
    seed(env)
    env.commit(registrations(env, [["mdupont", *LYON, "Y"], ["jmartin", *LYON, "Y"]]))
    spec = registrations(env, [["mdupont", *LYON, "N"], ["jmartin", *LYON, "N"],
                               ["ileroy", *LYON, "N"]], options=KEPT)
    return env, write_config(env.folder, spec)


def lines(capsys: pytest.CaptureFixture[str], *argv: str) -> list[str]:
    """What the command prints, a line each."""
    main(list(argv))
    return capsys.readouterr().out.splitlines()


def test_check_and_commit_count_unregistrations(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    env, config = unregistering(tmp_path)
    store = str(env.store_path)
    checked = lines(capsys, "check", str(config), "--store", store)
    assert checked[1] == "  create 0, update 0, unchanged 1, unregister 2, error 0"
    assert checked[-1] == "Total: create 0, update 0, unchanged 1, unregister 2, error 0"
    committed = lines(capsys, "commit", str(config), "--store", store)
    assert committed[-2:] == ["Total: create 0, update 0, unchanged 1, unregister 2, error 0",
                              "Committed as run 3."]


def test_the_json_keeps_the_outcome_names(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    env, config = unregistering(tmp_path)
    main(["check", str(config), "--store", str(env.store_path), "--json"])
    document = json.loads(capsys.readouterr().out)
    counts = {"create": 0, "update": 0, "unchanged": 1, "delete": 2, "error": 0}
    assert document["counts"] == document["imports"][0]["counts"] == counts
    assert [r["outcome"] for r in document["imports"][0]["rows"]] == [
        "delete", "delete", "unchanged"]


def test_beside_other_imports_the_total_counts_deletions(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    env, _config = unregistering(tmp_path)
    config = write_config(env.folder, trainings_import(tmp_path, [["SEC-101", "Sécurité", ""]]),
                          registrations(env, [["mdupont", *LYON, "N"]]))
    checked = lines(capsys, "check", str(config), "--store", str(env.store_path))
    assert checked[1] == "  create 0, update 1, unchanged 0, delete 0, error 0"
    assert checked[3] == "  create 0, update 0, unchanged 0, unregister 1, error 0"
    assert checked[-4:] == [
        "import  create  update  unchanged  delete  error  file",
        "     1       0       1          0       0      0  trainings.csv",
        "     2       0       0          0       1      0  registrations.csv",
        "Total: create 0, update 1, unchanged 0, delete 1, error 0"]


def test_the_issues_workbook_says_unregister(tmp_path: Path) -> None:
    env, _config = unregistering(tmp_path)
    plan = env.check(registrations(env, [["mdupont", *LYON, "N"], ["jmartin", *LYON, "N"],
                                         ["ileroy", *LYON, "N"]], options=KEPT))
    sheet = openpyxl.load_workbook(write_issues_workbook(plan, tmp_path / "issues.xlsx")).active
    assert [row[:2] for row in sheet.iter_rows(values_only=True)] == [
        ("Line", "Outcome"), (3, "unregister"), (4, "unchanged")]


def test_the_history_says_unregister_as_the_commit_did(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    env, config = unregistering(tmp_path)
    store = str(env.store_path)
    main(["commit", str(config), "--store", store])
    capsys.readouterr()
    shown = lines(capsys, "history", "--store", store)
    assert shown[1] == "  create 0, update 0, unchanged 1, unregister 2, error 0"  # run 3
    assert shown[-3] == "  create 1, update 0, unchanged 0, delete 0, error 0"  # trainings
    assert lines(capsys, "history", "3", "--store", store)[1] == shown[1]
    main(["history", "3", "--json", "--store", store])
    assert json.loads(capsys.readouterr().out)["counts"] == {
        "create": 0, "update": 0, "unchanged": 1, "delete": 2, "error": 0}
