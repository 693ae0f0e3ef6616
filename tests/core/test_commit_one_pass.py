"""An import committed as it is checked (store/alongside.py) leaves the store, its history
and its run exactly as checking first and committing after does."""

from __future__ import annotations

import random
import signal
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench import generate
from importer_gui.cli import main
from importer_gui.core import config_xml, feeding, guids, pipeline
from importer_gui.core.errors import StoreLockedError
from importer_gui.core.store import Store, writer
from importer_gui.core.store.alongside import WriteAlongside
from tests.core.test_refresh_one_pass import contents


class SameGuids:
    """The GUIDs a plan makes, the same series on every ``restart``."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.random = random.Random()
        monkeypatch.setattr(guids, "_block", lambda: [
            str(uuid.UUID(int=self.random.getrandbits(128), version=4)) for _ in range(16)])

    def restart(self) -> None:
        guids._READY.clear()
        self.random.seed(7)


@pytest.fixture
def same_guids(monkeypatch: pytest.MonkeyPatch) -> Iterator[SameGuids]:
    yield SameGuids(monkeypatch)
    guids._READY.clear()  # its series' last GUIDs are no one else's to take


def checked_then_committed(config: Path, store_path: Path) -> None:
    with Store.open(store_path) as store:
        plan = pipeline.check(config_xml.load(config), store)
        pipeline.commit(plan, store)


@pytest.fixture
def taken(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Small batches; the size of each one the writer took while rows were checked."""
    monkeypatch.setattr(feeding, "BATCH_ROWS", 50)
    monkeypatch.setattr(writer, "CHUNK", 60)
    monkeypatch.setattr(writer, "_INTERLEAVED", 4)  # short blocks queued a table at a time
    sizes: list[int] = []
    send = WriteAlongside.send

    def counted(self: WriteAlongside, writes: list[object]) -> bool:
        done = send(self, writes)  # type: ignore[arg-type]
        if done and not self._quiet.is_set():
            sizes.append(len(writes))
        return done

    monkeypatch.setattr(WriteAlongside, "send", counted)
    return sizes


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_four_imports_with_mistakes_as_checked_then_committed(
        tmp_path: Path, taken: list[int], suffix: str, same_guids: SameGuids,
        failures: list[BaseException]) -> None:
    folder = generate.write(600, target=tmp_path / "data")
    config = folder / f"config{suffix}.xml"
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    same_guids.restart()
    with Store.open(one) as store:
        plan, result = pipeline.check_and_commit(config_xml.load(config), store)
    same_guids.restart()
    checked_then_committed(config, two)
    assert contents(one) == contents(two) and failures == []
    assert result is not None and plan.has_errors() and result.counts["create"] > 500
    # Rows went to the store while others were checked (how many depends on when the
    # writer reaches the first update, which waits for the check's end).
    assert taken


def test_the_sample_by_the_command_line_twice(
        sample: Path, tmp_path: Path, taken: list[int], same_guids: SameGuids,
        capsys: pytest.CaptureFixture[str], failures: list[BaseException]) -> None:
    config, one, two = sample / "sample-config.xml", tmp_path / "one.db", tmp_path / "two.db"
    same_guids.restart()
    assert main(["commit", str(config), "--store", str(one)]) == 1  # the sample's mistakes
    assert "\nCommitted as run 1.\n" in capsys.readouterr().out
    same_guids.restart()
    checked_then_committed(config, two)
    assert contents(one) == contents(two)
    for store in (one, two):  # again: what the first commit left is updated
        same_guids.restart()
        if store == one:
            main(["commit", str(config), "--store", str(one)])
        else:
            checked_then_committed(config, two)
    assert contents(one) == contents(two) and failures == []
    assert [run[0] for run in contents(one)["import_run"]] == [1, 2]


def test_a_store_another_program_keeps_locked_is_said_after_one_wait(
        sample: Path, tmp_path: Path, taken: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "store.db"
    with Store.open(path):
        pass
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program writing
    usual: list[object] = []
    monkeypatch.setattr(pipeline, "commit", lambda *args, **kwargs: usual.append(args))
    try:
        with Store.open(path, busy_timeout=0.2) as store, pytest.raises(StoreLockedError) as said:
            pipeline.check_and_commit(config_xml.load(sample / "sample-config.xml"), store)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert str(said.value).startswith(f"The store {path} is locked by another program")
    assert usual == []  # not waited for a second time
    assert contents(path)["import_run"] == []


@pytest.mark.parametrize("when", ["finishing", "planning"])
def test_ctrl_c_while_the_writer_waits_rolls_back_and_is_said(
        sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, when: str) -> None:
    """A real Ctrl-C (SIGINT) while the writer beside the check waits for another
    program's lock: as the check ends (Thread.join, which Python 3.11 marks ended when
    interrupted, said "run 0" committed over nothing written), or while it plans. The
    interrupt goes on once the writer has rolled back (SQLite ends no wait for a lock
    early), nothing is written, and the store is usable."""
    path = tmp_path / "store.db"
    Store.open(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program writing: the writer waits for it
    reached = threading.Event()
    if when == "finishing":
        finish = WriteAlongside.finish

        def finishing(self: WriteAlongside) -> int:
            reached.set()
            return finish(self)

        monkeypatch.setattr(WriteAlongside, "finish", finishing)
    else:
        send = WriteAlongside.send

        def sending(self: WriteAlongside, writes: list[object]) -> bool:
            reached.set()
            return send(self, writes)

        monkeypatch.setattr(WriteAlongside, "send", sending)

    main = threading.main_thread().ident
    assert main is not None

    def ctrl_c() -> None:  # a terminal's Ctrl-C: SIGINT to the main thread, in its wait
        if reached.wait(30):
            time.sleep(0.3)
            signal.pthread_kill(main, signal.SIGINT)

    presser = threading.Thread(target=ctrl_c)
    presser.start()
    try:
        with Store.open(path) as store, pytest.raises(KeyboardInterrupt):
            pipeline.check_and_commit(config_xml.load(sample / "sample-config.xml"), store)
    finally:
        presser.join()
        other.execute("ROLLBACK")
        other.close()
    assert contents(path)["import_run"] == [] and contents(path)["learner"] == []
    with Store.open(path) as store:
        _plan, result = pipeline.check_and_commit(
            config_xml.load(sample / "sample-config.xml"), store)
    assert result is not None and result.run_id == 1


def test_the_bench_files_are_committed_in_one_pass_without_falling_back(
        tmp_path: Path, failures: list[BaseException]) -> None:
    # Large enough for the writer's every way of queueing, at its own sizes (runs of short
    # blocks of two tables, the referring one first, across batches): a write alongside that
    # fails is made again after the check, right but a second slower, and says nothing.
    folder = generate.write(40_000, target=tmp_path / "data")
    with Store.open(tmp_path / "s.db") as store:
        _plan, result = pipeline.check_and_commit(
            config_xml.load(folder / "config.csv.xml"), store)
    assert failures == []
    assert result is not None and result.counts["create"] > 30_000
