"""Which records each run created, kept as spans of ids (``run_created``, store version 6):
written by every run, read from the history when an older store is upgraded, and what says
which records imports created and which run created one. On both engines."""

from __future__ import annotations

from importer_gui.core.records import Change, ChangeKind, Table, TeacherRec
from importer_gui.core.revert import commit_revert, plan_revert
from importer_gui.core.store import PostgresUrl, Store, StoreLocation
from tests.core.test_store_identity import reader_of
from tests.core.test_store_postgres import empty_store_at, run_info, version
from tests.postgres import Cluster, raw_sql

CREATE, DELETE = ChangeKind.CREATE, ChangeKind.DELETE


def spans(location: StoreLocation) -> list[tuple[object, ...]]:
    """The store's spans of created ids, as another program reads them."""
    return [tuple(row) for row in raw_sql(
        location, "SELECT run_id, table_name, first_id, last_id FROM run_created ORDER BY id")]


def teachers(*logins: str) -> list[Change]:
    """Creations of teachers, one placeholder each."""
    return [Change(Table.TEACHER, CREATE, -n, {"login": login})
            for n, login in enumerate(logins, start=1)]


def test_each_run_logs_the_spans_of_the_records_it_created(store_url: StoreLocation) -> None:
    with Store.open(store_url) as store:
        first = store.apply(teachers("ana", "bob", "cyd"), run_info(create=3))
        second = store.apply([*teachers("dan"), Change(Table.TRAINING, CREATE, -1, {
            "path_code": "TR-1", "title": "Safety"})], run_info(create=2))
        gone = store.apply([Change(Table.TEACHER, DELETE, 2, {}, {"login": "bob"})],
                           run_info(delete=1))
        back = commit_revert(store, plan_revert(store, gone)).run_id  # bob, with his id
        state = store.load_state([Table.TEACHER])
    assert spans(store_url) == [(first, "teacher", 1, 3), (second, "teacher", 4, 4),
                                (second, "training", 1, 1), (back, "teacher", 2, 2)]
    assert state.teachers[2] == TeacherRec(2, "bob")
    # The imports' creations: a revert's is not an import's.
    assert set(state.created_by_import[Table.TEACHER]) == {1, 2, 3, 4}


def store_at_version_5(location: StoreLocation) -> None:
    """A store as version 5 left it: run 1 (an import) created teachers 1-3 and 5, run 2
    (the platform's, a refresh) teacher 4, then changed teacher 1."""
    empty_store_at(location, 5)
    for n, kind in ((1, "import"), (2, "refresh")):
        raw_sql(location, "INSERT INTO import_run (started, finished, kind, config_path, "
                          "config_xml, files, counts) VALUES ('2026-05-02T09:00:00+02:00', "
                          f"'2026-05-02T09:00:01+02:00', '{kind}', 'c{n}.xml', '', '[]', '{{}}')")
    for login in ("ana", "bob", "cyd", "dan", "eve"):
        raw_sql(location, "INSERT INTO teacher (login) VALUES (?)", (login,))
    for seq, (run, kind, teacher) in enumerate([(1, "create", 1), (1, "create", 2),
                                                (1, "create", 3), (1, "create", 5),
                                                (2, "create", 4), (2, "update", 1)]):
        raw_sql(location, "INSERT INTO run_change (run_id, seq, table_name, kind, record_id, "
                          "before, after) VALUES (?, ?, 'teacher', ?, ?, ?, ?)",
                (run, seq, kind, teacher, '{"login": "ana"}' if kind == "update" else None,
                 f'{{"login": "t{teacher}"}}'))


def test_an_upgraded_store_gets_the_spans_its_history_says(store_url: StoreLocation) -> None:
    store_at_version_5(store_url)
    with Store.open(store_url) as store:
        state = store.load_state([Table.TEACHER])
    assert version(store_url) == 6
    assert spans(store_url) == [(1, "teacher", 1, 3), (1, "teacher", 5, 5), (2, "teacher", 4, 4)]
    assert set(state.created_by_import[Table.TEACHER]) == {1, 2, 3, 5}  # not the platform's


def test_an_older_store_read_as_it_is_says_what_imports_created(
        postgres_store: PostgresUrl, postgres_cluster: Cluster) -> None:
    store_at_version_5(postgres_store)
    with Store.open(reader_of(postgres_store, postgres_cluster)) as store:  # may not upgrade
        state = store.load_state([Table.TEACHER])
    assert version(postgres_store) == 5  # no spans: its history's index says them
    assert set(state.created_by_import[Table.TEACHER]) == {1, 2, 3, 5}


def test_a_reader_of_an_older_store_reads_its_spans_once_its_owner_upgraded_it(
        postgres_store: PostgresUrl, postgres_cluster: Cluster) -> None:
    store_at_version_5(postgres_store)
    reader = reader_of(postgres_store, postgres_cluster)  # granted the tables there then
    with Store.open(postgres_store):  # upgraded by its owner, who grants the spans' table
        pass
    with Store.open(reader) as store:
        state = store.load_state([Table.TEACHER])
    assert version(postgres_store) == 6
    assert set(state.created_by_import[Table.TEACHER]) == {1, 2, 3, 5}
