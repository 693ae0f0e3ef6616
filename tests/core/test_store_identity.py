"""A store's identity: a GUID made with the store, which tells it from another store put in
its place (a colleague's copied over it). A copy is another store (its own identity); a store
made before identities gets one as it is upgraded, one only when two programs upgrade it at
once. On both engines."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from importer_gui.core import schema
from importer_gui.core.errors import StoreError, StoreReplacedError
from importer_gui.core.records import Change, ChangeKind, Table, TeacherRec
from importer_gui.core.store import PostgresUrl, Store, StoreLocation
from tests.core.test_store_postgres import (
    empty_store_at,
    run_info,
    store_at_version_1,
    version,
)
from tests.postgres import Cluster, raw_sql

ROOT = Path(__file__).resolve().parents[2]


def identities(location: StoreLocation) -> list[str]:
    """The GUIDs the store's identity table holds, read as another program would."""
    return [row[0] for row in raw_sql(location, "SELECT guid FROM store_identity")]


def store_at_version_3(location: StoreLocation) -> None:
    """A store as version 3 made it (no identity), with one teacher."""
    empty_store_at(location, 3)
    raw_sql(location, "INSERT INTO teacher (login, name) VALUES ('jdoe', 'Doe')")


def test_each_new_store_gets_an_identity_of_its_own(store_url: StoreLocation,
                                                    tmp_path: Path) -> None:
    with Store.open(store_url) as store, Store.open(tmp_path / "other.sqlite3") as other:
        assert uuid.UUID(store.identity or "").version == 4
        assert other.identity != store.identity
    assert identities(store_url) == [store.identity]
    with Store.reopen(store_url, identity=store.identity) as again:
        assert again.identity == store.identity


def test_a_store_of_version_3_gets_an_identity_as_it_is_upgraded(
        store_url: StoreLocation) -> None:
    store_at_version_3(store_url)
    assert "store_identity" not in {t.name for t in _tables_of(store_url)}
    with Store.open(store_url) as store:
        assert uuid.UUID(store.identity or "").version == 4
        assert store.load_state([Table.TEACHER]).teachers == {1: TeacherRec(1, "jdoe", "Doe")}
    assert version(store_url) == schema.SCHEMA_VERSION == 6
    assert identities(store_url) == [store.identity]
    with Store.open(store_url) as again:  # stamped once, kept
        assert again.identity == store.identity


def _tables_of(location: StoreLocation) -> list[schema.TableDef]:
    """The schema's tables the store holds."""
    if isinstance(location, PostgresUrl):
        names = {r[0] for r in raw_sql(location, "SELECT tablename FROM pg_tables WHERE "
                                                 "schemaname = current_schema()")}
    else:
        names = {r[0] for r in raw_sql(location, "SELECT name FROM sqlite_master WHERE "
                                                 "type = 'table'")}
    return [t for t in schema.TABLES if t.name in names]


# Opens the store given at a given moment (modules loaded), so that several start together,
# and prints its identity.
UPGRADE_AT = """
import sys, time
from importer_gui.core.store import Store, parse_location
location = parse_location(sys.argv[2])
time.sleep(max(0.0, float(sys.argv[1]) - time.time()))
with Store.open(location, create=False) as store:
    print(store.identity)
"""


def test_programs_upgrading_one_old_store_at_once_give_it_one_identity(
        store_url: StoreLocation) -> None:
    store_at_version_3(store_url)
    start = str(time.time() + 2.5)
    racers = [subprocess.Popen([sys.executable, "-c", UPGRADE_AT, start, str(store_url)],
                               cwd=ROOT, text=True, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE) for _ in range(3)]
    results = [(racer.wait(), *racer.communicate()) for racer in racers]
    assert [code for code, _out, _err in results] == [0, 0, 0], results
    [stamped] = identities(store_url)
    assert [out.strip() for _code, out, _err in results] == [stamped] * 3


def test_a_copy_is_another_store_with_its_own_identity(store_url: StoreLocation,
                                                       tmp_path: Path) -> None:
    source = tmp_path / "source.sqlite3"
    with Store.open(source) as first, Store.open(store_url) as copy:
        first.apply([Change(Table.TEACHER, ChangeKind.CREATE, -1, {"login": "jdoe"})],
                    run_info(create=1))
        copied = first.copy_into(copy)
        assert schema.IDENTITY_TABLE not in copied
        assert copy.load_state() == first.load_state()
        made = copy.identity
    assert made is not None and made != first.identity
    assert identities(store_url) == [made]
    with pytest.raises(StoreReplacedError):  # not to be taken for the store it came from
        Store.reopen(store_url, identity=first.identity)


def test_a_store_copied_over_another_is_not_taken_for_it(tmp_path: Path) -> None:
    path, colleague = tmp_path / "store.sqlite3", tmp_path / "colleague.sqlite3"
    with Store.open(path) as mine:
        had = mine.identity
    with Store.open(colleague) as theirs:
        theirs.apply([Change(Table.TEACHER, ChangeKind.CREATE, -1, {"login": "zed"})],
                     run_info(create=1))
    shutil.copyfile(colleague, path)
    with pytest.raises(StoreReplacedError) as refused:
        Store.reopen(path, identity=had)
    assert refused.value.message == (
        f"The store {path} is not the one the window had open: another store was put in its "
        "place. Nothing was done in it; the window now shows the store that is there (check "
        "again before committing).")
    assert refused.value.found == theirs.identity


def reader_of(store: PostgresUrl, cluster: Cluster) -> PostgresUrl:
    """The store as a read-only role sees it, granted its tables as they are now (as an
    administrator does once)."""
    database = store.url.rsplit("/", 1)[1]
    cluster.sql("DO $$ BEGIN CREATE ROLE reader LOGIN; EXCEPTION WHEN "
                "duplicate_object THEN NULL; END $$")
    raw_sql(store, "GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader")
    return PostgresUrl(cluster.url(database, "reader"))


def test_a_store_of_version_3_a_read_only_role_opens_is_read_as_it_is(
        postgres_store: PostgresUrl, postgres_cluster: Cluster) -> None:
    store_at_version_3(postgres_store)
    reader = reader_of(postgres_store, postgres_cluster)
    with Store.open(reader) as store:  # it may not upgrade it: read as version 3 wrote it
        assert store.identity is None
        assert store.count(Table.TEACHER) == 1 and store.history() == []
    assert version(postgres_store) == 3
    with Store.open(postgres_store) as owner:  # upgraded by its owner
        assert owner.identity is not None
    with Store.open(reader) as store:  # granted the identity's table as the others
        assert store.identity == owner.identity and store.count(Table.TEACHER) == 1



def test_a_store_of_version_4_a_read_only_role_opens_keeps_its_identity(
        postgres_store: PostgresUrl, postgres_cluster: Cluster) -> None:
    empty_store_at(postgres_store, 4)
    made = identities(postgres_store)
    reader = reader_of(postgres_store, postgres_cluster)
    with Store.open(reader) as store:  # it may not stamp it anew: read as version 4 wrote it
        assert [store.identity] == made
    assert version(postgres_store) == 4


def test_a_store_of_version_1_a_read_only_role_opens_is_said_to_need_its_owner_first(
        postgres_store: PostgresUrl, postgres_cluster: Cluster) -> None:
    store_at_version_1(postgres_store)
    reader = reader_of(postgres_store, postgres_cluster)
    with pytest.raises(StoreError) as refused:  # too old to be read as it is
        Store.open(reader)
    assert str(refused.value) == (
        f"The store {reader} was written by an older version of Import Assistant: it must be "
        "upgraded once before it can be read, and this user may only read it. Have it opened "
        "once by a user who may write to it.")
    assert version(postgres_store) == 1
    with Store.open(postgres_store):
        pass  # its owner upgrades it
    with Store.open(reader) as store:
        assert store.count(Table.TEACHER) == 1

def test_a_store_upgraded_without_the_reader_s_grant_gets_it_when_its_owner_opens_it(
        postgres_store: PostgresUrl, postgres_cluster: Cluster) -> None:
    # Upgraded by an earlier version, which gave the tables it made no one's grants.
    store_at_version_1(postgres_store)
    reader = reader_of(postgres_store, postgres_cluster)
    with Store.open(postgres_store) as owner:
        made = owner.identity
    raw_sql(postgres_store, "REVOKE ALL ON store_identity, learner FROM reader")
    raw_sql(postgres_store, "GRANT USAGE ON SEQUENCE import_run_id_seq TO reader")
    with Store.open(reader) as store:
        assert store.identity is None
    with Store.open(postgres_store):
        pass  # its owner: the tables granted as the first one is
    with Store.open(reader) as store:
        assert store.identity == made
        assert store.count(Table.TEACHER) == 1 and store.count(Table.LEARNER) == 0
        assert [run.id for run in store.history()] == [1]
    assert raw_sql(postgres_store, "SELECT has_table_privilege('reader', 'learner', 'INSERT'),"
                                   " has_table_privilege('reader', 'learner', 'SELECT'),"
                                   " has_sequence_privilege('reader', 'learner_id_seq', 'USAGE')"
                                   ) == [(False, True, True)]
