"""The wizard's session without Qt: its steps, what it announces, and what workers get."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from importer_gui.core import config_xml, pipeline
from importer_gui.core.config import Action, Column, Import, ImportConfig, Provider
from importer_gui.core.first_rows import read_head
from importer_gui.core.issues import Outcome
from importer_gui.core.plan import FileStamp, Plan
from importer_gui.core.progress import Monitor
from importer_gui.core.session import Event, Session, run_check, run_commit, run_replan
from importer_gui.core.store import Store
from tests.builders import teachers_import, write_config, write_csv
from tests.sessions import commit_shown, edit, open_checked

Heard = list[tuple[Event, int | None]]


@pytest.fixture
def session(tmp_path: Path) -> Session:
    """A session over a private store."""
    return Session(tmp_path / "store.sqlite3")


def listen(session: Session) -> Heard:
    """Everything the session announces from now on."""
    heard: Heard = []
    session.subscribe(lambda event, run_id: heard.append((event, run_id)))
    return heard


def teachers(tmp_path: Path, session: Session) -> Path:
    """A teacher CSV opened and mapped as the wizard's first pages would."""
    data = write_csv(tmp_path / "teachers.csv", [["Login", "Name"], ["zoe", "Zoe"],
                                                 ["mia", "Mia"]])
    columns = [Column("teacherLogin", header="Login"), Column("teacherName", header="Name")]
    session.set_config(pipeline.new_config(data, "createOrUpdateTeacherAction", columns),
                       [data])
    return data


def test_each_step_is_announced_to_every_listener(session: Session, tmp_path: Path) -> None:
    heard, also = listen(session), listen(session)
    teachers(tmp_path, session)
    session.set_plan(None)
    session.row_rechecked()
    session.record_run(7)
    assert heard == also == [(Event.CONFIG_CHANGED, None), (Event.PLAN_CHANGED, None),
                             (Event.PLAN_CHANGED, None), (Event.STORE_CHANGED, 7)]
    assert session.choices.plan_edited


def test_a_listener_that_unsubscribes_hears_no_more(session: Session) -> None:
    heard: Heard = []
    unsubscribe = session.subscribe(lambda event, run_id: heard.append((event, run_id)))
    session.record_run(1)
    unsubscribe()
    session.record_run(2)
    assert heard == [(Event.STORE_CHANGED, 1)]


def test_opening_a_data_file_starts_a_configuration_of_one_import(
        session: Session, tmp_path: Path) -> None:
    heard = listen(session)
    data = write_csv(tmp_path / "plain.csv", [["teacherLogin"], ["zoe"]])
    session.choose_import(3)
    session.open_data_file(data, Provider(file_name=data.name, path=str(tmp_path)))
    choices = session.choices
    assert choices.config_path is None and choices.config_stamp is None
    assert choices.import_index == 0 and choices.data_files == [data]
    assert session.current_import().provider.file_name == "plain.csv"
    assert session.data_file() == data
    assert heard == [(Event.CONFIG_CHANGED, None)]


def test_opening_a_configuration_finds_its_files_beside_it(
        session: Session, tmp_path: Path) -> None:
    path = write_config(tmp_path, teachers_import(tmp_path, [["zoe", "Zoe", "Z", ""]]))
    stamp = FileStamp.of(path)
    session.open_configuration(path, config_xml.load(path), stamp)
    assert session.choices.config_path == path and session.choices.config_stamp == stamp
    assert session.choices.data_files == pipeline.resolve_data_files(session.choices.config)
    assert session.data_file() is not None and session.data_file().is_file()


def test_reading_options_change_the_edited_import_and_drop_the_plan(
        session: Session, tmp_path: Path) -> None:
    teachers(tmp_path, session)
    session.set_plan(run_check(session.snapshot(), Monitor()))
    heard = listen(session)
    session.set_reading_options(sheet=None, encoding="ISO-8859-1", delimiter="comma",
                                skip_first_line=False)
    provider = session.current_import().provider
    assert (provider.file_encoding, provider.delimiter, provider.skip_first_line) == (
        "ISO-8859-1", "comma", False)
    assert provider.sheet is None
    assert session.choices.plan is None
    assert heard == [(Event.CONFIG_CHANGED, None)]


def test_the_edited_import_is_created_when_the_configuration_has_none(
        session: Session) -> None:
    session.choose_import(1)
    imp = session.current_import()
    assert session.choices.config.imports == [imp]  # one, not one for each index up to 1
    assert session.data_file() is None


def test_an_edited_import_taken_out_of_the_configuration_adds_none_back(
        session: Session, tmp_path: Path) -> None:
    teachers(tmp_path, session)
    first = session.current_import()
    second = Import(provider=Provider("b.csv"), actions=[Action("createOrUpdateTeacherAction")])
    two = ImportConfig(imports=[first, second])
    session.set_config(two, [tmp_path / "teachers.csv", tmp_path / "b.csv"])
    session.choose_import(1)
    session.set_config(ImportConfig(imports=[first]), [tmp_path / "teachers.csv"])
    assert session.current_import() is first
    assert session.choices.config.imports == [first]
    assert session.data_file() == tmp_path / "teachers.csv"


def three_imports(tmp_path: Path, session: Session) -> list[Path]:
    """Three imports (a.csv, b.csv, c.csv) opened from their XML, the second one edited."""
    names = ("a.csv", "b.csv", "c.csv")
    config = config_xml.loads(write_config(tmp_path, *(teachers_import(tmp_path, [], name)
                                                       for name in names)).read_text())
    files = [tmp_path / name for name in names]
    session.set_config(config, files)
    session.choose_import(1)
    return files


def without(session: Session, number: int) -> ImportConfig:
    """The configuration as its XML parses once the ``number``th (0-based) import is deleted."""
    config = config_xml.loads(config_xml.dumps(session.choices.config))
    del config.imports[number]
    return config


def test_deleting_an_import_before_the_edited_one_keeps_editing_it(
        session: Session, tmp_path: Path) -> None:
    _, b, c = three_imports(tmp_path, session)
    session.set_config(without(session, 0), [b, c])
    assert session.choices.import_index == 0
    assert session.current_import().provider.file_name == "b.csv"
    assert session.data_file() == b


def test_deleting_the_edited_import_edits_the_one_after_it(
        session: Session, tmp_path: Path) -> None:
    a, _, c = three_imports(tmp_path, session)
    session.set_config(without(session, 1), [a, c])
    assert session.current_import().provider.file_name == "c.csv"


def test_an_edit_of_the_edited_imports_file_name_keeps_editing_it(
        session: Session, tmp_path: Path) -> None:
    a, _, c = three_imports(tmp_path, session)
    session.accept_missing(("teacherEmail",))
    config = config_xml.loads(config_xml.dumps(session.choices.config))
    config.imports[1].provider.file_name = "renamed.csv"
    session.set_config(config, [a, tmp_path / "renamed.csv", c])
    assert session.current_import().provider.file_name == "renamed.csv"
    assert session.missing_accepted() == ("teacherEmail",)


def test_a_configuration_opened_edits_its_first_import_with_nothing_said_yet(
        session: Session, tmp_path: Path) -> None:
    a, b, c = three_imports(tmp_path, session)
    session.accept_missing(("teacherEmail",))
    config = config_xml.loads(config_xml.dumps(session.choices.config))
    session.open_configuration(tmp_path / "config.xml", config, None, [b, c, a])
    assert session.choices.import_index == 0
    session.choose_import(1)  # as the one before it: what was said there stays there
    assert session.missing_accepted() is None


def test_going_on_without_fields_follows_its_import_when_another_is_deleted(
        session: Session, tmp_path: Path) -> None:
    _, b, c = three_imports(tmp_path, session)
    session.accept_missing(("teacherEmail",))  # for b.csv
    session.set_config(without(session, 0), [b, c])
    assert session.missing_accepted() == ("teacherEmail",)
    session.choose_import(1)  # c.csv: nothing said for it
    assert session.missing_accepted() is None
    session.set_config(without(session, 0), [c])  # b.csv deleted: what was said for it goes
    assert session.choices.missing_accepted == {}


def test_a_worker_gets_copies_the_pages_cannot_change(session: Session, tmp_path: Path) -> None:
    teachers(tmp_path, session)
    snapshot = session.snapshot()
    session.current_import().provider.columns[1] = Column("ignoredColumn", header="Name")
    session.choices.data_files.append(tmp_path / "other.csv")
    assert snapshot.config.imports[0].provider.columns[1].field == "teacherName"
    assert len(snapshot.data_files) == 1
    assert snapshot.store_path == session.store_path


def test_check_then_commit_then_a_store_change_is_heard(session: Session, tmp_path: Path) -> None:
    teachers(tmp_path, session)
    plan = run_check(session.snapshot(), Monitor())
    session.set_plan(plan)
    assert [row.outcome for row in plan.imports[0].rows] == [Outcome.CREATE] * 2
    fresh, differing = run_replan(session.store_path, plan, Monitor())
    assert differing == [] and len(fresh.imports[0].rows) == 2
    heard = listen(session)
    result = run_commit(session.store_path, fresh, Monitor())
    session.record_run(result.run_id)
    assert heard == [(Event.STORE_CHANGED, result.run_id)]
    with Store.open(session.store_path) as store:
        assert [run.id for run in store.history()] == [result.run_id]


def test_a_new_import_forgets_every_choice(session: Session, tmp_path: Path) -> None:
    teachers(tmp_path, session)
    session.choose_import(0)
    heard = listen(session)
    session.new_import()
    assert session.choices.config == ImportConfig()
    assert session.choices.data_files == [] and session.choices.plan is None
    assert heard == [(Event.CONFIG_CHANGED, None)]


def test_first_rows_are_read_once_per_file_version(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from importer_gui.core import readers

    calls: list[Path] = []
    real_head = readers.head_both_ways
    monkeypatch.setattr(readers, "head_both_ways", lambda path, *a, **k: calls.append(path)
                        or real_head(path, *a, **k))
    data = write_csv(tmp_path / "head.csv", [["Login"], ["zoe"], ["mia"]])
    provider = Provider(file_name=data.name, path=str(tmp_path))
    assert read_head(provider, data) == (["Login"], [(2, ("zoe",)), (3, ("mia",))])
    assert read_head(provider, data, 1) == (["Login"], [(2, ("zoe",))])
    assert calls == [data]
    write_csv(data, [["Login"], ["zoe"], ["mia"], ["adam"]])
    assert read_head(provider, data)[1][-1] == (4, ("adam",))
    assert calls == [data, data]


def outcomes(plan: Plan) -> list[tuple[int, Outcome]]:
    """(line, outcome) of the first import's rows."""
    return [(row.line, row.outcome) for row in plan.imports[0].rows]


def test_corrections_come_back_with_every_check_of_their_file(
        session: Session, tmp_path: Path) -> None:
    data = write_csv(tmp_path / "teachers.csv", [["Login", "Name"], ["zoe", "Zoe"],
                                                 ["", "Nobody"], ["mia", "Mia"]])
    columns = [Column("teacherLogin", header="Login"), Column("teacherName", header="Name")]
    config = pipeline.new_config(data, "createOrUpdateTeacherAction", columns)
    session.set_config(config, [data])
    session.set_plan(run_check(session.snapshot(), Monitor()))
    heard = listen(session)
    assert edit(session, 3, 0, "nobody") and not edit(session, 3, 0, "nobody")
    assert heard == [(Event.PLAN_CHANGED, None)] and session.choices.plan_edited
    assert session.unsaved_corrections() == 1
    correction = session.correction(data, 3, 0)
    assert correction is not None
    assert (correction.before, correction.after, correction.field, correction.header) == (
        "", "nobody", "teacherLogin", "Login")

    session.set_plan(run_check(session.snapshot(), Monitor()))  # Check again
    assert outcomes(session.choices.plan) == [(2, Outcome.CREATE), (3, Outcome.CREATE),
                                              (4, Outcome.CREATE)]
    assert not session.choices.plan_edited  # planned in order with the correction
    session.close_file()  # an open that failed: the corrections stay with their file
    session.set_config(config, [data])
    plan = run_check(session.snapshot(), Monitor())
    assert plan.imports[0].rows[1].cells == ("nobody", "Nobody")
    write_csv(data, [["Login", "Name"], ["zoe", "Zoe"], ["noel", "Nobody"]])
    plan = run_check(session.snapshot(), Monitor())  # the file changed there: left alone
    assert plan.imports[0].rows[1].cells == ("noel", "Nobody")
    session.new_import()
    assert session.unsaved_corrections() == 0


def test_going_on_without_fields_is_said_per_import(session: Session) -> None:
    session.set_config(ImportConfig(imports=[Import(provider=Provider(name), actions=[])
                                             for name in ("a.csv", "b.csv")]))
    session.accept_missing(("sessionId",))
    assert session.missing_accepted() == ("sessionId",)
    session.choose_import(1)
    assert session.missing_accepted() is None
    session.accept_missing(None)
    session.choose_import(0)
    assert session.missing_accepted() == ("sessionId",)


def test_a_commit_records_its_corrections_and_writes_the_error_log(
        session: Session, tmp_path: Path) -> None:
    spec = teachers_import(tmp_path, [["zoe", "Zoe", "Z", ""], ["", "Nobody", "N", ""],
                                      ["mia", "Mia", "M", "mia-at-example"]])
    spec.consolidators = ("<timeStampedFileErrorLogger><location>logs</location>"
                          "</timeStampedFileErrorLogger>")
    path = write_config(tmp_path, spec)
    open_checked(session, path)
    edit(session, 3, 0, "nobody")
    committed = commit_shown(session)
    assert committed.counts["create"] == 2 and committed.log_failures == []
    [log] = committed.error_logs
    assert log.parent == tmp_path / "logs"
    assert "mia-at-example is not an e-mail address" in log.read_text(encoding="utf-8")
    shown = session.choices.plan
    assert shown is not None
    session.record_commit(committed, [imp.file for imp in shown.imports])
    assert session.unsaved_corrections() == 0
    connection = sqlite3.connect(session.store_path)
    [(recorded,)] = connection.execute("SELECT config_xml FROM import_run").fetchall()
    connection.close()
    assert 'field="teacherLogin" before="" after="nobody"' in recorded


def test_a_corrected_copy_saves_the_corrections(session: Session, tmp_path: Path) -> None:
    data = teachers(tmp_path, session)
    session.set_plan(run_check(session.snapshot(), Monitor()))
    edit(session, 2, 1, "Zoé")
    copy = session.save_corrected_copy(data, tmp_path / "copy.csv")
    assert copy.read_text(encoding="utf-8").splitlines() == ["Login;Name", "zoe;Zoé",
                                                             "mia;Mia"]
    assert session.unsaved_corrections() == 0


def test_a_new_file_for_another_import_keeps_the_corrections(
        session: Session, tmp_path: Path) -> None:
    teachers_spec = teachers_import(tmp_path, [["", "Nobody", "N", ""]])
    path = write_config(tmp_path, teachers_spec,
                        teachers_import(tmp_path, [["zoe", "Zoe", "Z", ""]], "more.csv"))
    open_checked(session, path)
    assert edit(session, 2, 0, "nobody")
    other = write_csv(tmp_path / "other.csv", [["teacherLogin"], ["mia"]])
    files = [session.choices.data_files[0], other]  # the second import reads another file
    session.set_config(session.choices.config, files)
    plan = run_check(session.snapshot(), Monitor())
    assert outcomes(plan) == [(2, Outcome.CREATE)]
    assert plan.imports[0].rows[0].cells[0] == "nobody"


def test_a_file_just_opened_read_as_chosen_is_nothing_to_save_until_it_has_an_action(
        session: Session, tmp_path: Path) -> None:
    """Saved without an action, it would be refused: the window would ask, then fail."""
    data = write_csv(tmp_path / "teachers.csv", [["Login", "Name"], ["zoe", "Zoe"]])
    session.open_data_file(data, Provider(file_name=data.name, path=str(tmp_path)))
    session.set_reading_options(sheet=None, encoding="ISO-8859-1", delimiter="semicolon",
                                skip_first_line=True)
    session.reading_chosen_by_hand()  # the encoding, on the open page
    assert not session.unsaved_config()
    assert not session.opening_drops_config(tmp_path / "other.csv")
    session.current_import().actions.append(Action("createOrUpdateTeacherAction"))
    assert session.unsaved_config()  # the encoding chosen is now the configuration's
    saved = tmp_path / "teachers.xml"
    config_xml.save(session.choices.config, saved)
    session.record_save(saved, session.choices.config)
    assert not session.unsaved_config()


def test_changes_to_the_configuration_are_unsaved_until_saved_and_an_open_may_drop_them(
        session: Session, tmp_path: Path) -> None:
    data = teachers(tmp_path, session)
    assert not session.unsaved_config()  # the window's first guesses: nothing to lose
    session.config_edited_by_hand()  # a column mapped by hand, say
    assert session.unsaved_config()
    assert session.opening_drops_config(tmp_path / "other.csv")  # a new configuration
    assert session.opening_drops_config(tmp_path / "other.xml")
    session.set_plan(run_check(session.snapshot(), Monitor()))
    session.record_commit(run_commit(session.store_path, session.choices.plan, Monitor()),
                          [data])
    assert session.unsaved_config()  # the run keeps its XML, but gives it back nowhere
    saved = tmp_path / "teachers.xml"
    config_xml.save(session.choices.config, saved)
    session.record_save(saved, session.choices.config)
    assert not session.unsaved_config()
    session.set_date_format(0, "DD/MM/YYYY")  # the preview's fix, taken by the user
    assert session.unsaved_config()
    # A saved configuration reads next month's file with the changes kept.
    assert not session.opening_drops_config(tmp_path / "next-month.csv")
    assert session.opening_drops_config(tmp_path / "other.xml")
    session.open_configuration(saved, config_xml.load(saved), FileStamp.of(saved), [data])
    assert not session.unsaved_config()
    session.config_edited_by_hand()
    session.new_import()
    assert not session.unsaved_config()
