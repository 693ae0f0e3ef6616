"""An export older than the store's last refresh would put older data back over what that
refresh (and the imports since) wrote: refused, naming both dates, unless asked for."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest
from lxml import etree

from importer_gui.cli import main
from importer_gui.core.store import Store

LEARNERS = "platform_learners.csv"
OLD = "claire.bernard@example.org"
NEW = "claire.b@example.net"


def email(store: Path) -> str:
    """Claire Bernard's e-mail address in the store."""
    conn = sqlite3.connect(store)
    try:
        return conn.execute("SELECT email FROM learner WHERE login = 'cbernard'").fetchone()[0]
    finally:
        conn.close()


def last_refresh_started(store: Path) -> str:
    """When the store's last run started, as the refusal says it."""
    with Store.open(store, create=False) as opened:
        return f"{opened.history()[0].started.astimezone():%Y-%m-%d %H:%M}"


@pytest.fixture
def refreshed_twice(sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
                    ) -> tuple[Path, Path, bytes]:
    """A store refreshed from the sample's exports, then from a newer learners' export giving
    Claire a new address; the export configuration, the store, and the older file's bytes."""
    config, store = sample / "exports" / "export-config.xml", tmp_path / "s.sqlite3"
    learners = sample / "exports" / LEARNERS
    older = learners.read_bytes()
    assert main(["refresh", str(config), "--store", str(store)]) == 1  # the sample's 2 events
    learners.write_bytes(older.replace(OLD.encode(), NEW.encode()))
    assert main(["refresh", str(config), "--store", str(store)]) == 1
    assert email(store) == NEW
    capsys.readouterr()
    return config, store, older


def put_back(config: Path, older: bytes) -> None:
    """The older learners' export copied back, with the time it was last changed."""
    learners = config.parent / LEARNERS
    learners.write_bytes(older)
    moment = time.mktime((2025, 1, 4, 10, 30, 0, 0, 0, -1))
    os.utime(learners, (moment, moment))


def test_an_export_older_than_the_last_refresh_is_refused(
        refreshed_twice: tuple[Path, Path, bytes], capsys: pytest.CaptureFixture[str]) -> None:
    config, store, older = refreshed_twice
    put_back(config, older)
    assert main(["refresh", str(config), "--store", str(store)]) == 2
    assert capsys.readouterr() == ("", (
        "importer-gui: platform_learners.csv was last changed on 2025-01-04 10:30, before the "
        f"store's last refresh (run 2, on {last_refresh_started(store)}): refreshing from it "
        "may put older data back in the store. Nothing was written; give --allow-older to "
        "refresh from it all the same.\n"))
    assert email(store) == NEW


def test_allow_older_refreshes_from_it_all_the_same(
        refreshed_twice: tuple[Path, Path, bytes], capsys: pytest.CaptureFixture[str]) -> None:
    config, store, older = refreshed_twice
    put_back(config, older)
    started = last_refresh_started(store)
    assert main(["refresh", str(config), "--store", str(store), "--allow-older"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[-2:] == [
        "platform_learners.csv was last changed on 2025-01-04 10:30, before the store's last "
        f"refresh (run 2, on {started}): refreshing from it may put older data back in the "
        "store.", "Committed as run 3."]
    assert email(store) == OLD


def test_an_older_export_that_changes_nothing_is_no_matter(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The same files again (a copy keeps their time): nothing would be put back."""
    config, store = sample / "exports" / "export-config.xml", tmp_path / "s.sqlite3"
    assert main(["refresh", str(config), "--store", str(store)]) == 1
    capsys.readouterr()
    assert main(["refresh", str(config), "--store", str(store)]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == (
        "Nothing was refreshed: every row has an error or is already in the store; no run was "
        "recorded.")


def one_export(config: Path, provider: str) -> Path:
    """A copy of the sample's export configuration beside it, holding only ``provider``'s
    export."""
    tree = etree.parse(str(config))
    for export in tree.getroot().findall("export"):
        if export.find(f"providers/{provider}") is None:
            export.getparent().remove(export)
    alone = config.with_name(f"{provider}.xml")
    tree.write(str(alone))
    return alone


def test_an_export_is_older_only_than_the_last_refresh_of_that_export(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Exports downloaded together and refreshed one by one: the learners' refresh says
    nothing of the training courses' file, nor makes it older."""
    config, store = sample / "exports" / "export-config.xml", tmp_path / "s.sqlite3"
    learners = one_export(config, "platformCandidatesProvider")
    trainings = one_export(config, "trainingCourseMetadataProvider")
    moment = time.mktime((2025, 1, 4, 10, 30, 0, 0, 0, -1))
    os.utime(config.parent / "platform_trainings.csv", (moment, moment))
    assert main(["refresh", str(learners), "--store", str(store)]) == 0
    assert main(["refresh", str(trainings), "--store", str(store)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "Committed as run 2."
