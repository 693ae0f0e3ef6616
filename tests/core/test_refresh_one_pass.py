"""A refresh written as it is planned (store/alongside.py) leaves the store, its history and
its run exactly as planning first and committing after does, and nothing when it fails."""

from __future__ import annotations

import logging
import sqlite3
import sys
from pathlib import Path

import pytest

from importer_gui.core import feeding, revert, schema
from importer_gui.core.errors import Cancelled, DataFileError
from importer_gui.core.platform_io import export_config, refresh, session_parts
from importer_gui.core.progress import Monitor
from importer_gui.core.records import CreatedRows
from importer_gui.core.store import Store, alongside, dialect, writer
from importer_gui.core.store.alongside import WriteAlongside
from importer_gui.core.store.dialect import SQLITE, SqliteDialect
from tests.conftest import SAMPLE
from tests.core.test_refresh import write_export

EXPORTS = SAMPLE / "exports"
SESSION_COLUMNS = ["trainingPathCode", "trainingTitle", "sessionGuid", "title", "startDate",
                   "endDate"]


def contents(store_path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table of the store, the run's times and its changes' row ids left out, and its
    identity (each store has its own)."""
    conn = sqlite3.connect(store_path)
    try:
        tables = [name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        out = {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables
               if t not in ("import_run", "run_change", schema.IDENTITY_TABLE)}
        # A change's place in its run is its seq; its row id follows the writer's batches.
        out["run_change"] = conn.execute(
            "SELECT run_id, seq, table_name, kind, record_id, before, after FROM run_change"
            " ORDER BY run_id, seq").fetchall()
        out["import_run"] = conn.execute(
            "SELECT id, kind, config_path, config_xml, files, counts, reverts_run,"
            " reverted_by FROM import_run ORDER BY id").fetchall()
        return out
    finally:
        conn.close()


def planned_then_committed(config: Path, store_path: Path) -> refresh.RefreshResult | None:
    with Store.open(store_path) as store:
        planned = refresh.plan_refresh(export_config.load(config), store)
        if not planned.plan.writes_anything():
            return None
        return refresh.commit_refresh(planned, store)


def in_one_pass(config: Path, store_path: Path, monitor: Monitor | None = None
                ) -> refresh.RefreshResult | None:
    with Store.open(store_path) as store:
        return refresh.refresh_in_one_pass(export_config.load(config), store,
                                           monitor=monitor)[1]


@pytest.fixture
def batches(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Small batches, and the writes (created rows one each) of each one the writer took
    while planning; the writer's batches of creations in statements of two rows and as JSON
    (dialect.insert_at_once)."""
    monkeypatch.setattr(feeding, "BATCH_ROWS", 3)
    monkeypatch.setattr(dialect, "AT_ONCE_ROWS", 2)
    monkeypatch.setattr(writer, "CHUNK", 5)
    # Parts of a few rows: the rows before a broken line are planned (and written) first.
    monkeypatch.setattr(session_parts, "PART", 4)
    taken: list[int] = []
    send = WriteAlongside.send

    def counted(self: WriteAlongside, writes: list[object]) -> bool:
        done = send(self, writes)  # type: ignore[arg-type]
        if done and not self._quiet.is_set():
            taken.append(sum(len(w.rows) if isinstance(w, CreatedRows) else 1 for w in writes))
        return done

    monkeypatch.setattr(WriteAlongside, "send", counted)
    return taken


def sessions_export(folder: Path, rows: int, *, renamed: int | None = None,
                    wrong: int | None = None) -> Path:
    """A sessions export of ``rows`` rows over ten courses; the session ``renamed`` comes
    again at the end with another title; row ``wrong`` has an impossible date."""
    lines = [f"T{n % 10};Course {n % 10};S{n};Session {n};"
             f"{'31-02-2027' if n == wrong else '03-01-2027'};03-02-2027" for n in range(rows)]
    if renamed is not None:
        lines.append(f"T{renamed % 10};Course {renamed % 10};S{renamed};Renamed;03-01-2027;")
    return write_export(folder, "trainingSessionMetadataProvider", SESSION_COLUMNS, lines,
                        parameters="<dateFormat>MM-DD-YYYY</dateFormat>")


def test_the_sample_exports_in_one_pass_as_planned_then_committed(
        tmp_path: Path, batches: list[int],
        failures: list[BaseException]) -> None:
    config = EXPORTS / "export-config.xml"
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    assert in_one_pass(config, one) is not None
    planned_then_committed(config, two)
    assert contents(one) == contents(two) and failures == []
    assert contents(one)["tracking"]  # reals: written once the planning is over


def test_rows_with_errors_and_a_later_change_of_a_created_session(
        tmp_path: Path, batches: list[int],
        failures: list[BaseException]) -> None:
    config = sessions_export(tmp_path, 40, renamed=7, wrong=12)
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    result = in_one_pass(config, one)
    planned_then_committed(config, two)
    assert result is not None and result.counts == {
        "create": 39, "update": 1, "unchanged": 0, "delete": 0, "error": 1}
    assert sum(batches) >= 30 and failures == []
    assert contents(one) == contents(two)
    titles = [row[2] for row in contents(one)["session"]]
    assert "Renamed" in titles and "Session 12" not in titles


def test_a_second_refresh_updates_and_then_has_nothing_to_write(
        tmp_path: Path, batches: list[int],
        failures: list[BaseException]) -> None:
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    (tmp_path / "first").mkdir()
    first = sessions_export(tmp_path / "first", 20)
    for store in (one, two):
        planned_then_committed(first, store)
    config = sessions_export(tmp_path, 30, renamed=3)
    assert in_one_pass(config, one) is not None
    planned_then_committed(config, two)
    assert contents(one) == contents(two)
    (tmp_path / "third").mkdir()
    third = sessions_export(tmp_path / "third", 30)
    assert in_one_pass(third, one) is not None  # "Renamed" back to "Session 3"
    assert in_one_pass(third, one) is None  # nothing to refresh: no run
    assert failures == []
    with Store.open(one) as store:
        assert [run.kind for run in store.history()] == ["refresh"] * 3
        revert.commit_revert(store, revert.plan_revert(store, store.history()[0].id))
    assert [row[2] for row in contents(one)["session"] if row[3] == "S3"] == ["Renamed"]


def test_a_file_that_breaks_off_leaves_the_store_as_it_was(tmp_path: Path,
                                                           batches: list[int]) -> None:
    config = sessions_export(tmp_path, 40)
    data = tmp_path / "export.csv"
    lines = data.read_text(encoding="utf-8").splitlines(keepends=True)
    data.write_text("".join(lines[:30]) + "T1;Course 1;S\x00;Nul;03-01-2027;\n"
                    + "".join(lines[30:]), encoding="utf-8")
    store = tmp_path / "store.db"
    with pytest.raises(DataFileError) as failed:
        in_one_pass(config, store)
    assert failed.value.line == 31
    assert batches  # written and rolled back
    assert contents(store)["session"] == [] and contents(store)["import_run"] == []
    sessions_export(tmp_path, 40)
    assert in_one_pass(config, store) is not None  # the store is free again


def test_cancelled_while_planning_writes_nothing(tmp_path: Path, batches: list[int]) -> None:
    config = sessions_export(tmp_path, 3000)
    store = tmp_path / "store.db"
    asked = 0

    def cancelled() -> bool:
        nonlocal asked
        asked += 1
        return asked > 3

    with pytest.raises(Cancelled):
        in_one_pass(config, store, Monitor(cancelled=cancelled, every=200))
    assert batches
    assert contents(store)["session"] == [] and contents(store)["run_change"] == []


def test_a_write_alongside_that_fails_is_made_again_the_usual_way(
        tmp_path: Path, batches: list[int], monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    def failing(*_args: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(SqliteDialect, "insert_at_once", failing)
    monkeypatch.setattr(writer, "CHUNK", 4)  # it fails while rows are still planned
    config = sessions_export(tmp_path, 400)
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    with caplog.at_level(logging.INFO, logger="importer_gui"):
        assert in_one_pass(config, one) is not None
    planned_then_committed(config, two)
    assert contents(one) == contents(two)
    said = [r.getMessage() for r in caplog.records if "beside the check" in r.getMessage()]
    assert len(said) == 1 and said[0].startswith(
        "The write beside the check was not finished (") and "disk I/O error" in said[0]


@pytest.mark.parametrize(("statement_rows", "rest_rows", "variables", "statements"), [
    (2, 250, None, ["VALUES"] * 2),  # two INSERT ... VALUES
    (3, 250, None, ["VALUES", "json_each"]),  # one, and the last row as JSON
    (100, 250, None, ["json_each"]),  # JSON only
    (3, 1, None, ["VALUES"] * 2),  # one, and the last row in the smaller one
    # Too many values for one statement under the engine's limit: a share of the rows each.
    (4, 250, 8, ["VALUES"] * 2),
    (2, 250, 7, ["VALUES"] * 4),
])
def test_rows_inserted_at_once_read_back_as_bound_ones(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, statement_rows: int, rest_rows: int,
        variables: int | None, statements: list[str]) -> None:
    monkeypatch.setattr(dialect, "AT_ONCE_ROWS", statement_rows)
    monkeypatch.setattr(dialect, "REST_AT_ONCE_ROWS", rest_rows)
    conn = sqlite3.connect(tmp_path / "values.db", isolation_level=None)
    if variables is not None:
        conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, variables)
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b INTEGER, c TEXT)")
    rows = [(1, 'quote " and \\ backslash', 2**62, None), (2, "é😀\nnew line\t", True, "12"),
            (3, "", False, "[1, 2]"), (4, None, -5, "null")]
    ran: list[str] = []
    conn.set_trace_callback(ran.append)
    SQLITE.insert_at_once(conn, "t", ("id", "a", "b", "c"), list(zip(*rows, strict=True)))
    conn.set_trace_callback(None)
    assert ["VALUES" if " VALUES " in sql else "json_each" for sql in ran] == statements
    conn.execute("CREATE TABLE u (id INTEGER PRIMARY KEY, a TEXT, b INTEGER, c TEXT)")
    SQLITE.insert_many(conn, "u", ("id", "a", "b", "c"), rows)
    read = conn.execute("SELECT id, a, b, c, typeof(c) FROM t ORDER BY id").fetchall()
    assert read == conn.execute("SELECT id, a, b, c, typeof(c) FROM u ORDER BY id").fetchall()
    assert read[1][1:4] == ("é😀\nnew line\t", 1, "12")


def test_the_gil_changes_hands_quicker_while_a_write_runs_alongside_then_as_before(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[float] = []
    apply = Store.apply

    def watched(self: Store, *args: object, **kwargs: object) -> int:
        seen.append(sys.getswitchinterval())
        return apply(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "apply", watched)
    before = sys.getswitchinterval()
    assert in_one_pass(sessions_export(tmp_path, 10), tmp_path / "one.db") is not None
    assert seen == [alongside.SWITCH_INTERVAL] and seen[0] < before
    assert sys.getswitchinterval() == before
