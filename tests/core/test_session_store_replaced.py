"""Another store put in the place of the session's while it works (a colleague's store
copied over the file): the session's commit, re-check and check refuse it and write nothing
there, the session hears of it once, drops the plan checked against the other store, and
works on the store there now from then on. Real stores made by the app, really replaced."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from importer_gui.core.errors import StoreReplacedError
from importer_gui.core.progress import Monitor
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.session import Event, Session, run_check, run_commit, run_replan
from importer_gui.core.store import RunInfo, Store
from tests.builders import teachers_import, write_config
from tests.sessions import edit, open_checked

NOT_THE_ONE = ("The store {path} is not the one the window had open: another store was put "
               "in its place. Nothing was done in it; the window now shows the store that is "
               "there (check again before committing).")


def colleagues_store(tmp_path: Path) -> Path:
    """Another store made by the app, with two runs of its own (/theirs/theirs.xml): a
    colleague's."""
    path = tmp_path / "colleague" / "store.sqlite3"
    with Store.open(path) as store:
        for login in ("zed", "yan"):
            store.apply([Change(Table.TEACHER, ChangeKind.CREATE, -1, {"login": login})],
                        RunInfo(config_path="/theirs/theirs.xml", config_xml="", files=[],
                                counts={"create": 1}))
    return path


def runs(path: Path) -> list[tuple[int, str]]:
    """The store's runs, newest first: (id, configuration)."""
    with Store.open(path, create=False) as store:
        return [(run.id, run.config) for run in store.history()]


@pytest.fixture
def checked(tmp_path: Path) -> tuple[Session, list[Event]]:
    """A session that checked a teacher file against its new store, and what it announced
    from then on."""
    session = Session(tmp_path / "store.sqlite3")
    open_checked(session, write_config(tmp_path, teachers_import(
        tmp_path, [["ada", "Ada", "A", "ada@example.org"]])))
    heard: list[Event] = []
    session.subscribe(lambda event, _run: heard.append(event))
    return session, heard


def test_a_commit_into_another_store_put_in_place_writes_nothing_there(
        tmp_path: Path, checked: tuple[Session, list[Event]]) -> None:
    session, heard = checked
    had = session.store_identity
    assert had is not None
    other = colleagues_store(tmp_path)
    shutil.copyfile(other, session.store_path)
    before = runs(session.store_path)
    plan = session.choices.plan
    assert plan is not None
    with pytest.raises(StoreReplacedError) as refused:
        run_commit(session.store_path, plan, Monitor())
    assert refused.value.message == NOT_THE_ONE.format(path=session.store_path)
    assert runs(session.store_path) == before  # nothing written into the colleague's store
    # The window hears of it: the plan made from the other store goes, the store there now
    # is the session's.
    assert session.store_replaced(refused.value.found)
    assert heard == [Event.PLAN_CHANGED, Event.STORE_REPLACED]
    assert session.choices.plan is None
    assert session.replaced_text() == refused.value.message
    assert not session.store_replaced(refused.value.found)  # said once
    assert heard == [Event.PLAN_CHANGED, Event.STORE_REPLACED]
    # Checked again, the rows are planned against the store there, and committed into it
    # as its next run.
    session.set_plan(run_check(session.snapshot(), Monitor()))
    plan = session.choices.plan
    assert plan is not None and plan.store_identity == refused.value.found != had
    committed = run_commit(session.store_path, plan, Monitor())
    assert committed.run_id == 3
    assert [run_id for run_id, _config in runs(session.store_path)] == [3, 2, 1]


def test_a_check_again_of_edited_rows_on_another_store_is_refused(
        tmp_path: Path, checked: tuple[Session, list[Event]]) -> None:
    session, _heard = checked
    assert edit(session, 2, 1, "Adele")
    shutil.copyfile(colleagues_store(tmp_path), session.store_path)
    plan = session.choices.plan
    assert plan is not None
    with pytest.raises(StoreReplacedError):
        run_replan(session.store_path, plan, Monitor())


def test_a_check_on_another_store_is_refused_then_made_on_it(
        tmp_path: Path, checked: tuple[Session, list[Event]]) -> None:
    session, heard = checked
    shutil.copyfile(colleagues_store(tmp_path), session.store_path)
    with pytest.raises(StoreReplacedError) as refused:
        run_check(session.snapshot(), Monitor())
    assert session.store_replaced(refused.value.found)
    session.set_plan(run_check(session.snapshot(), Monitor()))
    assert session.choices.plan is not None
    assert heard == [Event.PLAN_CHANGED, Event.STORE_REPLACED, Event.PLAN_CHANGED]


def test_the_store_browser_finding_another_store_tells_the_session(
        tmp_path: Path, checked: tuple[Session, list[Event]]) -> None:
    session, heard = checked
    with session.open_store() as same:
        assert not session.store_seen(same.identity)
    shutil.copyfile(colleagues_store(tmp_path), session.store_path)
    with session.open_store() as other:
        assert session.store_seen(other.identity)
    assert heard == [Event.PLAN_CHANGED, Event.STORE_REPLACED]
    assert session.choices.plan is None


def test_another_store_chosen_is_no_replacement(
        tmp_path: Path, checked: tuple[Session, list[Event]]) -> None:
    session, heard = checked
    session.store_path = colleagues_store(tmp_path)  # File ▸ Open store…
    assert session.store_identity is None
    with session.open_store() as chosen:
        assert not session.store_seen(chosen.identity)
    assert session.store_identity == chosen.identity
    assert heard == []
