"""``history`` says when each run started on the reader's clock, as the store browser does,
whatever clock recorded it (another time zone's machine, a server kept in UTC)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import RunInfo, Store
from tests.core.test_cli import run

pytestmark = pytest.mark.skipif(not hasattr(time, "tzset"), reason="time zones set by TZ")


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """Sets the process's time zone (``clock(name)``); the usual one again afterwards."""

    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


def test_runs_recorded_in_utc_are_said_in_paris_time(clock: object, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    clock("UTC")  # type: ignore[operator]
    with Store.open(tmp_path / "store.sqlite3") as store:
        store.apply([Change(Table.TEACHER, ChangeKind.CREATE, -1, {"login": "ada"})],
                    RunInfo("teachers.xml", "<import-config/>", ["teachers.csv"],
                            {"create": 1}))
    clock("Europe/Paris")  # type: ignore[operator]
    code, out, _ = run(capsys, "history", "1", "--store", str(tmp_path / "store.sqlite3"),
                       "--json")
    started = datetime.fromisoformat(json.loads(out)["started"])
    assert code == 0 and started.utcoffset().total_seconds() == 0  # recorded in UTC
    text = run(capsys, "history", "--store", str(tmp_path / "store.sqlite3"))[1]
    assert text.startswith(f"Run 1  {started.astimezone():%Y-%m-%d %H:%M:%S}  import  ")
    assert started.astimezone().utcoffset().total_seconds() >= 3600  # an hour or two ahead
