"""The store's training courses, held as columns by a check, are the very records the row
planner reads: an edited row is checked against the courses as they are stored."""

from __future__ import annotations

from pathlib import Path

import pytest

from importer_gui.core import pipeline
from importer_gui.core.overlay import Overlay
from importer_gui.core.records import ChangeKind, Table
from importer_gui.core.store import Store, queries
from tests.builders import by_hand, trainings_import
from tests.core.harness import Env, rows


@pytest.fixture
def env(tmp_path: Path) -> Env:
    """A store of two courses, one with a GUID, both committed by an import."""
    env = Env(tmp_path)
    env.commit(trainings_import(tmp_path, [["SEC-101", "Sécurité incendie", ""],
                                           ["MGT-200", "Management d'équipe", "GUID-MGT"]]))
    return env


def test_courses_held_as_columns_are_made_the_records_a_load_makes(env: Env) -> None:
    # 300 durations: more distinct values than a byte's code tells apart.
    by_hand(env.store_path, "INSERT INTO training (path_code, guid, title, locale, modality,"
            " duration, description) VALUES " + ", ".join(
                f"('TR-{n}', {'NULL' if n % 3 else repr(f'G-{n}')}, 'Titre é {n}',"
                f" {'NULL' if n % 2 else repr('fr')}, 'blended', {n},"
                f" {'NULL' if n != 7 else repr('Sept')})" for n in range(300)))
    with Store.open(env.store_path) as store:
        records = store.load_state([Table.TRAINING]).trainings
        held = store.load_state([Table.TRAINING], as_columns={Table.TRAINING})
    assert held.trainings == {}
    assert len(held.stored[Table.TRAINING]) == 302
    assert held.table(Table.TRAINING) == records
    assert not held.stored
    assert (records[302].duration, records[10].description, records[10].title) == (
        299, "Sept", "Titre é 7")


def test_a_title_holding_the_separator_is_read_as_stored(env: Env, tmp_path: Path) -> None:
    # Another program may store a NUL in a text: the texts held as one text apart by that
    # character are then held one by one, not cut in two.
    by_hand(env.store_path, "INSERT INTO training (path_code, title, modality) VALUES"
            " ('NUL-1', 'Avant' || char(0) || 'après', 'blended'), ('NUL-2', 'Seul', 'blended')")
    with Store.open(env.store_path) as store:
        records = store.load_state([Table.TRAINING]).trainings
        held = store.load_state([Table.TRAINING], as_columns={Table.TRAINING})
    assert held.table(Table.TRAINING) == records
    assert [r.title for r in records.values()][2:] == ["Avant\x00après", "Seul"]
    plan = env.check(trainings_import(tmp_path, [["NUL-2", "Seul", ""], ["NEW-1", "Neuf", ""]]))
    assert plan.imports[0].by_columns
    assert rows(plan) == [(2, "unchanged", []), (3, "create", [])]


def test_a_table_held_as_columns_is_made_records_when_asked_for_alone(env: Env) -> None:
    # Asking for the courses makes them records, not the registrations held beside them;
    # asking whether a table is there makes none.
    with Store.open(env.store_path) as store:
        overlay = Overlay(store.load_state([Table.TRAINING, Table.REGISTRATION],
                                           as_columns={Table.TRAINING, Table.REGISTRATION}))
    assert Table.TRAINING in overlay.tables and Table.REGISTRATION in overlay.tables
    assert overlay.stored(Table.TRAINING) is not None
    courses = overlay.tables.get(Table.TRAINING)
    assert sorted(r.path_code for r in courses.values()) == ["MGT-200", "SEC-101"]
    assert overlay.stored(Table.TRAINING) is None
    assert overlay.stored(Table.REGISTRATION) is not None


@pytest.mark.parametrize("part", [16, 4096])
def test_columns_a_first_part_leaves_empty_are_read_whole_where_a_later_part_fills_them(
        env: Env, part: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # Read 16 records at a time, the first part holds no cost, no steps and no locale: the
    # costs of two courses far on, and a locale on the last part's courses, are read all the
    # same (with the default parts, the first holds them all).
    monkeypatch.setattr(queries, "WHOLE_ROWS", part)
    by_hand(env.store_path, "INSERT INTO training (path_code, title, modality, locale, cost)"
            " VALUES " + ", ".join(
                f"('TR-{n}', 'Titre {n}', 'blended', {repr('fr') if n >= 290 else 'NULL'},"
                f" {repr(f'{n} €') if n in (100, 250) else 'NULL'})" for n in range(300)))
    with Store.open(env.store_path) as store:
        records = store.load_state([Table.TRAINING]).trainings
        held = store.load_state([Table.TRAINING], as_columns={Table.TRAINING})
    assert held.table(Table.TRAINING) == records
    assert [(r.path_code, r.cost) for r in records.values() if r.cost] == [
        ("TR-100", "100 €"), ("TR-250", "250 €")]
    assert sum(r.locale == "fr" for r in records.values()) == 10


def test_a_course_edited_after_a_check_by_columns_is_checked_against_the_stored_courses(
        env: Env, tmp_path: Path) -> None:
    plan = env.check(trainings_import(tmp_path, [["SEC-101", "Sécurité incendie", ""],
                                                 ["NEW-1", "Nouveau", ""]]))
    assert plan.imports[0].by_columns
    assert rows(plan) == [(2, "unchanged", []), (3, "create", [])]
    renamed = pipeline.recheck_row(plan, 0, 0, ("SEC-101", "Sécurité incendie 2", ""))
    assert renamed.outcome.value == "update"
    assert [(c.kind, c.values, c.before) for c in renamed.changes] == [
        (ChangeKind.UPDATE, {"title": "Sécurité incendie 2"}, {"title": "Sécurité incendie"})]
    other = pipeline.recheck_row(plan, 0, 0, ("MGT-200", "Management d'équipe", ""))
    assert (other.outcome.value, [i.message for i in other.issues()]) == ("unchanged", [])
