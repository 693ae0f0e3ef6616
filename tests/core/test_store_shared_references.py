"""A large table read from the store: its references to one record share one value."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import Store
from importer_gui.core.store.runs import RunInfo

LEARNERS, SESSIONS = 5, 1000  # 5,000 registrations: more than a small table's


def created(table: Table, count: int, values: Callable[[int], dict[str, Any]]
            ) -> list[Change]:
    return [Change(table, ChangeKind.CREATE, -n, values(n)) for n in range(1, count + 1)]


def test_registrations_read_back_share_their_learners_and_sessions_ids(tmp_path: Path) -> None:
    changes = [
        *created(Table.TRAINING, 1, lambda n: {"path_code": "PC-1", "title": "Course"}),
        *created(Table.SESSION, SESSIONS, lambda n: {"training_id": -1, "title": f"S{n}"}),
        *created(Table.LEARNER, LEARNERS, lambda n: {"login": f"l{n}"}),
        *[Change(Table.REGISTRATION, ChangeKind.CREATE, -(s * LEARNERS + n),
                 {"learner_id": -(n + 1), "session_id": -(s + 1)})
          for s in range(SESSIONS) for n in range(LEARNERS)]]
    with Store.open(tmp_path / "store.sqlite3") as store:
        store.apply(changes, RunInfo("seed.xml", "<import-config/>", [],
                                     {"create": len(changes)}))
        state = store.load_state([Table.REGISTRATION, Table.LEARNER, Table.SESSION])
    registrations = list(state.registrations.values())
    assert len(registrations) == SESSIONS * LEARNERS
    learners = {r.learner_id for r in registrations}
    assert learners == set(state.learners) and len(learners) == LEARNERS
    assert len({id(r.learner_id) for r in registrations}) == LEARNERS  # one object each
    assert len({id(r.session_id) for r in registrations}) == SESSIONS
    assert {r.session_id for r in registrations} == set(state.sessions)


def test_a_table_loaded_whole_reads_its_references_as_stored(tmp_path: Path) -> None:
    changes = [
        *created(Table.TRAINING, 2, lambda n: {"path_code": f"PC-{n}", "title": "Course"}),
        *created(Table.TEACHER, 1, lambda n: {"login": "t1", "name": "Teacher"}),
        *created(Table.SESSION, 6, lambda n: {"training_id": -(n % 2 + 1), "title": f"S{n}",
                                              "teacher_id": -1 if n % 3 == 0 else None}),
    ]
    with Store.open(tmp_path / "store.sqlite3") as store:
        store.apply(changes, RunInfo("seed.xml", "<import-config/>", [],
                                     {"create": len(changes)}))
        state = store.load_state([Table.TRAINING, Table.TEACHER, Table.SESSION])
        by_title = {s.title: s for s in state.sessions.values()}
        assert by_title == {s.title: s for s in store.by_ids(Table.SESSION, range(1, 7))}
    (teacher,) = state.teachers
    course = {c.path_code: c.id for c in state.trainings.values()}
    assert [(by_title[f"S{n}"].training_id, by_title[f"S{n}"].teacher_id)
            for n in range(1, 7)] == [
        (course[f"PC-{n % 2 + 1}"], teacher if n % 3 == 0 else None) for n in range(1, 7)]


def test_repeating_texts_read_back_as_one_object_per_value(tmp_path: Path) -> None:
    modalities = ("campus", "blended", None)
    changes = [
        *created(Table.TRAINING, 300, lambda n: {
            "path_code": f"PC-{n}", "title": f"Course {n}", "modality": modalities[n % 3]}),
        *created(Table.SESSION, 1, lambda n: {"training_id": -1, "title": "S"}),
        *created(Table.INTERVENTION, 2, lambda n: {"guid": f"I-{n}", "session_id": -1}),
    ]
    with Store.open(tmp_path / "store.sqlite3") as store:
        store.apply(changes, RunInfo("seed.xml", "<import-config/>", [],
                                     {"create": len(changes)}))
        state = store.load_state([Table.TRAINING, Table.INTERVENTION])
    courses = sorted(state.trainings.values(), key=lambda course: course.id)
    assert [course.modality for course in courses] == [modalities[n % 3] for n in range(1, 301)]
    assert len({id(course.modality) for course in courses if course.modality}) == 2
    assert [course.title for course in courses] == [f"Course {n}" for n in range(1, 301)]
    assert [i.status for i in state.interventions.values()] == ["active", "active"]
